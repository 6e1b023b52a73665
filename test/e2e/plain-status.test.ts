// `sscard status <id>` and nothing else is read without commander (src/cli/main.ts, plainStatusLine; issue 31):
// its answer is the one commander's reading of the same words gives (test/cli/plain-status.test.ts: the same reading).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempLedger } from './harness.js';

const ID = '11010519491231002X';

describe('the same answer as commander gives the same line (`status -- <id>`)', () => {
  const ledger = tempLedger();
  const missing = `${ledger.dir}/none.db`;
  beforeAll(() => {
    expect(ledger.run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01', '--pending']).code).toBe(0);
  });
  afterAll(() => ledger.cleanup());

  it.each([
    ['a person on the ledger', ID, {}],
    ['the same with a lower-case x', ID.toLowerCase(), {}],
    ['in Chinese (LANG)', ID, { LANG: 'zh_CN.UTF-8' }],
    ['as of a past day', ID, { SSCARD_TODAY: '2026-09-02' }],
    ['nobody by that number', '110105194912310011', {}],
    ['a wrong check digit', '110105194912310010', {}],
    ['no ledger at all', ID, { SSCARD_DB: missing }],
  ])('%s', (_, id, env: Record<string, string>) => {
    const environment = { SSCARD_DB: ledger.db, SSCARD_TODAY: '2026-11-24', ...env };
    const plain = run(['status', id], environment);
    const read = run(['status', '--', id], environment);
    expect(plain).toEqual(read);
    // Not an agreement on nothing: each case answers, about that number (masked on stderr) or with its refusal.
    expect(plain.stdout + plain.stderr).toMatch(env.SSCARD_DB ? /ledger/ : id.endsWith('0') ? /check character/ : /110105\*{8}00[12]/i);
  });

  it('no ledger file is made by either', () => {
    expect(fs.existsSync(missing)).toBe(false);
  });
});
