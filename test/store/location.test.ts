// Where a ledger is (src/store/location.ts): libpq's multi-host URLs, the
// parameters sscard reads itself, and the password masked in every form it
// can take, in URLs that parse and in URLs that do not (issue 29 defect 9,
// issue 30).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayUrl, isPostgresUrl, parsePostgresUrl } from '../../src/store/location.js';

const SECRET = 'S3cr3t';

describe('parsePostgresUrl', () => {
  it('reads several hosts in order, each a one-host URL for the driver without sscard parameters', () => {
    const l = parsePostgresUrl(
      `postgres://hr:${SECRET}@h1:5432,h2:5433,[::1]:5434/hr?target_session_attrs=read-write&schema=team_a&sslmode=require&connect_timeout=3&statement_timeout=20&keepalives_idle=7`,
    );
    expect(l.hosts.map((h) => h.name)).toEqual(['h1:5432', 'h2:5433', '[::1]:5434']);
    expect(l.hosts[1]!.url).toBe(`postgres://hr:${SECRET}@h2:5433/hr?sslmode=require`);
    expect(l.schema).toBe('team_a');
    expect(l.sessionAttrs).toBe('read-write');
    expect(l.timeouts).toEqual({ connect: 3000, statement: 20_000, keepalive: 7000 });
    expect(l.password).toBe(SECRET);
    expect(l.display).not.toContain(SECRET);
  });

  it('takes the defaults, PGCONNECT_TIMEOUT and PGTARGETSESSIONATTRS, and a password given as ?password=', () => {
    const l = parsePostgresUrl(`postgresql://hr@db/hr?password=${SECRET}`, { PGCONNECT_TIMEOUT: '4', PGTARGETSESSIONATTRS: 'prefer-standby' });
    expect(l.timeouts).toEqual({ connect: 4000, statement: 30_000, keepalive: 10_000 });
    expect(l.sessionAttrs).toBe('prefer-standby');
    expect(l.password).toBe(SECRET);
    expect(l.display).toBe('postgresql://hr@db/hr?password=***');
  });

  it('refuses bad parameters and malformed URLs with the password masked', () => {
    for (const [url, code] of [
      [`postgres://u:${SECRET}@h/db?target_session_attrs=fastest`, 'db-url-parameter'],
      [`postgres://u:${SECRET}@h/db?statement_timeout=0`, 'db-url-parameter'],
      [`postgres://u:${SECRET}@h/db?connect_timeout=soon`, 'db-url-parameter'],
      [`postgres://u:${SECRET}@h/db?schema=Bad-Name`, 'db-schema-invalid'],
      [`postgresql:/u:${SECRET}@h/db`, 'db-url-invalid'],
      [` postgres://u:${SECRET}@h/db`, 'db-url-invalid'],
      [`postgres://u:${SECRET}@h:54:32/db`, 'db-url-invalid'],
    ] as const) {
      let thrown: { code?: string; message?: string; params?: Record<string, unknown> } = {};
      try {
        parsePostgresUrl(url);
      } catch (error) {
        thrown = error as typeof thrown;
      }
      expect(thrown.code, url).toBe(code);
      expect(`${thrown.message} ${JSON.stringify(thrown.params)}`).not.toContain(SECRET);
    }
  });
});

describe('displayUrl', () => {
  it('masks the password before the host and as a parameter, also in mistyped URLs; leaves a file path as it is', () => {
    expect(displayUrl(`postgres://u:${SECRET}@h1,h2/db`)).toBe('postgres://u:***@h1,h2/db');
    expect(displayUrl(`postgres://u:p@ss/w${SECRET}@h/db`)).toBe('postgres://u:***@h/db');
    expect(displayUrl(`postgresql:/u:${SECRET}@h/db`)).not.toContain(SECRET);
    expect(displayUrl(`  postgres://u:${SECRET}@h/db`)).not.toContain(SECRET);
    expect(displayUrl(`postgres://u@h/db?sslmode=require&password=${SECRET}&schema=x`)).toBe('postgres://u@h/db?sslmode=require&password=***&schema=x');
    expect(displayUrl('/home/hr/sscard.db')).toBe('/home/hr/sscard.db');
    expect(isPostgresUrl('postgresql:/h/db')).toBe(true);
    expect(isPostgresUrl('./postgres.db')).toBe(false);
  });
});

describe('isPostgresUrl', () => {
  // The pattern it replaced (issue 31): the same answer for every text.
  const pattern = /^\s*postgres(ql)?:/i;
  it.each([
    ['postgres://u@h/db', true],
    ['POSTGRESQL://u@h/db', true],
    ['PostgreSQL:/h/db', true],
    [' \t\n\u00a0\ufeff\u2028postgres:', true],
    ['postgres', false],
    ['postgresq:', false],
    ['postgres\u0130:', false], // İ, whose lower case is two characters
    ['po\u017ftgres:', false], // long s, which /i without u does not fold to s
    ['\u180epostgres:', false], // the Mongolian vowel separator is no longer a space
    ['./postgres://x', false],
    ['', false],
  ])('%j: %s', (text, expected) => {
    expect(isPostgresUrl(text)).toBe(expected);
    expect(pattern.test(text)).toBe(expected);
  });

  it('agrees with /^\\s*postgres(ql)?:/i on texts made of its letters, blanks and look-alikes', () => {
    const pieces = [
      ...'pPoOsStTgGrReEqQlL:/ \t\nx',
      '\u00a0',
      '\u3000',
      '\ufeff',
      '\u180e',
      '\u0130',
      '\u017f',
      '\u212a',
      'postgres',
      'POSTGRESQL',
      'postgresql:',
      ' postgres:',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        return isPostgresUrl(text) === pattern.test(text);
      }),
      { numRuns: 20_000 },
    );
  });
});
