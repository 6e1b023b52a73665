// Every error code the catalogue words by code (src/core/errors.ts, ErrorCode)
// renders in both languages, the Chinese without an English sentence, and
// each with the values it is given: tsc already refuses a code without words
// (`satisfies ErrorWords`); this reads what the words say.
import { describe, expect, it } from 'vitest';
import { type CodedError, type ErrorCode, type ErrorParamsOf, notFound, refused } from '../../src/core/errors.js';
import { failureOf } from '../../src/cli/exit.js';
import { en } from '../../src/cli/text/messages/en.js';
import { zh } from '../../src/cli/text/messages/zh.js';
import { codedError, errorText } from '../../src/cli/text/error-words.js';
import { englishIn } from '../e2e/english.js';

const L = 'postgres://clerk@db.example/sscard';
const F = '/home/clerk/sscard.db';

/** One example of each code's values (a new code without one fails tsc here). Every value is distinct, to be found in the text. */
const EXAMPLES: { readonly [C in ErrorCode]: ErrorParamsOf[C] } = {
  'no-ledger': { ledger: F },
  'backup-exists': { file: '/tmp/b1.db' },
  'backup-write-failed': { file: '/tmp/b2.db', kind: 'full' },
  'backup-failed': { file: '/tmp/b3.db', why: 'EACCES' },
  'backup-is-ledger': { file: `${F}-wal` },
  'policies-invalid': { entry: 'guangdong', field: 'window.days', kind: 'shape', detail: 'not a number' },
  'policies-unreadable': { why: 'ENOENT' },
  'purge-not-found': { id: '110105********002X' },
  'unknown-topic': { topic: 'tax', topics: ['leave', 'loss'] },
  integrityFailed: { count: 3, shown: 'page 7' },
  'cache-differs': { count: 2, first: 'person 42' },
  'db-directory-missing': { dir: '/nowhere' },
  'db-is-directory': { file: '/srv', example: '/srv/sscard.db' },
  'db-is-symlink': { file: '/srv/link.db', target: '/srv/real.db' },
  'db-not-a-file': { file: '/dev/null' },
  'db-needs-recovery': { file: '/srv/ro.db' },
  'not-a-ledger': { schema: 'public', ledger: L },
  'ledger-damaged': { file: F, finding: 'frame 9' },
  'event-damaged': { seq: 17, why: 'data' },
  'journal-damaged': { file: F, journal: `${F}-wal`, kind: 'wal', at: 4, after: 2 },
  'db-not-writable': { file: '/srv/locked.db' },
  'db-error': { file: F, why: 'disk I/O' },
  'ledger-too-new': { file: F, version: 9, known: 7 },
  'ledger-read-only': { ledger: L },
  'ledger-no-read': { ledger: L, schema: 'payroll' },
  'ledger-no-create': { ledger: L, schema: 'hr2027' },
  'ledger-no-migrate': { ledger: L },
  'purge-needs-owner': { ledger: L },
  'purge-not-vacuumed': { ledger: L, why: 'canceling statement' },
  'purge-held-back': { ledger: L, pids: '4711' },
  'purge-incomplete': { file: F },
  'ledger-standby': { ledger: L },
  'ledger-locked': { ledger: L, seconds: 31 },
  'db-statement-timeout': { ledger: L, seconds: 32 },
  'db-silent': { ledger: L, seconds: 33 },
  'db-silent-at-commit': { ledger: L, seconds: 34 },
  'db-lost-at-commit': { ledger: L, why: 'ECONNRESET' },
  'db-connect-timeout': { ledger: L, seconds: 35 },
  'db-no-server': { ledger: L, attrs: 'read-write' },
  'ledger-busy': { ledger: L, attempts: 5 },
  'ledger-conflict': { ledger: L, why: 'duplicate key' },
  'db-login-refused': { ledger: L, why: 'password authentication failed' },
  'db-missing': { ledger: L },
  'db-unreachable': { ledger: L, why: 'ECONNREFUSED' },
  'db-url-invalid': { url: 'postgres://[bad' },
  'db-schema-invalid': { schema: 'Payroll' },
  'db-url-parameter': { parameter: 'connect_timeout', value: 'soon', expected: 'seconds' },
};

const codes = Object.keys(EXAMPLES) as ErrorCode[];
const word = (m: typeof en, code: ErrorCode) => errorText(m, { code, params: EXAMPLES[code] } as CodedError);

describe('every error code the catalogue words by code', () => {
  it('has words in both languages, and no others (the keys are the codes)', () => {
    expect(Object.keys(en.errors).sort()).toEqual([...codes].sort());
    expect(Object.keys(zh.errors).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('%s: one sentence in English and in Chinese, with its values, the Chinese with no English sentence', (code) => {
    const values = Object.values(EXAMPLES[code]).flat().map(String);
    for (const m of [en, zh]) {
      const text = word(m, code);
      expect(text.split('\n')).toHaveLength(1);
      // The values the words take are in the sentence (a `kind` or `why` chooses words instead of being shown).
      for (const value of values.filter((v) => v.length > 4 && !['shape', 'full', 'data', 'seconds'].includes(v)))
        expect(text, m === en ? 'en' : 'zh').toContain(value);
    }
    // The values themselves may be English (a server's words): only the catalogue's own words must be Chinese.
    let chinese = word(zh, code);
    for (const value of values) chinese = chinese.replaceAll(value, ' ');
    // What stays English by design: the README's section titles (the README is English), quoted “so”, and SQL (GRANT USAGE ON SCHEMA).
    chinese = chinese.replace(/“[^”]*”/g, ' ').replace(/\b[A-Z]{2,}(?: [A-Z]{2,})*\b/g, ' ');
    expect(englishIn(chinese)).toEqual([]);
    expect(word(zh, code)).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('an error the store throws with a code', () => {
  it('is worded in the user language by failureOf, with the exit code of its kind', () => {
    const error = refused('ledger-locked', { ledger: L, seconds: 31 });
    expect(error.message).toBe('ledger-locked');
    expect(codedError(error)).toMatchObject({ code: 'ledger-locked', params: { ledger: L, seconds: 31 } });
    expect(failureOf(error, en)).toEqual({ exitCode: 1, code: 'ledger-locked', message: en.errors['ledger-locked']({ ledger: L, seconds: 31 }) });
    expect(failureOf(error, zh).message).toContain('31');
    expect(failureOf(error, zh).message).not.toBe(failureOf(error, en).message);
  });

  it('is told by its shape (bundles have their own classes); a code the catalogue does not word keeps its own message', () => {
    expect(codedError({ name: 'Refused', code: 'db-missing', params: { ledger: L } })).not.toBeNull();
    expect(codedError({ name: 'Refused', code: 'card-not-found', params: {} })).toBeNull();
    expect(codedError(notFound('no-ledger', { ledger: F }))).toMatchObject({ code: 'no-ledger', params: { ledger: F } });
    expect(failureOf({ name: 'NotFound', code: 'card-not-found', message: 'No card 1.' }, en)).toEqual({
      exitCode: 1,
      code: 'card-not-found',
      message: 'No card 1.',
    });
  });
});
