// The storage contract (SPEC 3.2): every command works the same on the local
// SQLite file and on a shared PostgreSQL ledger (a real server, started by
// test/global-setup.ts), with the same output; plus what only a shared
// ledger has: a read-only role, a password in the URL, copies between
// engines, a SQLite backup of it, and many writers at once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BIN, type Engine, expectCleanError, type Ledger, logStderr, pgLedgerUrl, run, type RunResult, tempLedger } from './harness.js';

const WANG = '11010519491231002X';
const LI = '110105194912310011';
const ZHANG = '440305200002290037';
const CHILD = '110105201211240033'; // under 16 on these days: a guardian activates
const ZHAO = '44030419900307123X';
const QIAN = '320102198506152343';
const PEOPLE = [WANG, LI, ZHANG, CHILD, ZHAO, QIAN];
const HEADER = 'id,name,employer,hired_on,registered_on,card_number,bank,issued_on,received_on,activated_on,ecard_channel,ecard_claimed_on';

const ledgers: Ledger[] = [];
afterAll(() => {
  for (const l of ledgers) l.cleanup();
});
function ledger(engine: Engine, today = '2026-11-24'): Ledger {
  const l = tempLedger(today, engine);
  ledgers.push(l);
  return l;
}

/** Without `recordedAt`: the real clock of each run, the one thing two runs of the same commands cannot share. */
function withoutClock(value: any): any {
  if (Array.isArray(value)) return value.map(withoutClock);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'recordedAt')
        .map(([k, v]) => [k, withoutClock(v)]),
    );
  return value;
}

function ok(result: RunResult, code = 0): RunResult {
  if (result.code !== code) throw new Error(`exit ${result.code}, expected ${code}:\n${result.stderr}${result.stdout}`);
  return result;
}

/** Every kind of command, in an order an HR office might run them; returns what reads then show. */
function story(l: Ledger) {
  const at = (today: string, args: string[], code = 0) => ok(l.run(args, { today }), code);
  at('2026-09-01', ['calendar', 'load', path.resolve(__dirname, '../fixtures/holiday-cn/2026.json')]);
  at('2026-09-02', ['register-employee', '--id', WANG, '--name', 'Wang Fang', '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending']);
  at('2026-10-20', [
    'register-employee',
    '--id',
    LI,
    '--name',
    'Li Lei',
    '--employer',
    'Acme Ltd',
    '--hired-on',
    '2026-10-01',
    '--registered-on',
    '2026-10-20',
  ]);
  at('2026-10-20', ['register-employee', '--id', LI, '--hired-on', '2026-10-05', '--flexible']);
  at('2026-03-01', ['card', 'issue', '--id', WANG, '--card', 'A12345678', '--bank', 'ICBC', '--issued-on', '2026-03-01']);
  at('2026-03-31', ['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31']);
  at('2026-10-12', ['activate', '--card', 'A12345678', '--id-doc', WANG, '--on', '2026-10-12', '--outlet', 'ICBC Chaoyang']);
  at('2026-10-12', ['activate', '--card', 'A12345678', '--id-doc', WANG, '--on', '2026-10-12']); // already activated: says when, exit 0
  at('2026-10-13', ['ecard', 'claim', '--id', WANG, '--channel', 'wechat', '--on', '2026-10-13']);
  at('2026-05-01', ['card', 'issue', '--id', ZHANG, '--card', 'C12345678', '--issued-on', '2026-05-01', '--name', 'Zhang San']);
  at('2026-05-10', ['card', 'receive', '--card', 'C12345678', '--on', '2026-05-10']);
  at('2026-11-02', ['card', 'report-loss', '--card', 'C12345678', '--on', '2026-11-02']);
  at('2026-11-10', ['card', 'replace', '--card', 'C12345678', '--new-card', 'D12345678', '--on', '2026-11-10', '--yes']);
  at('2026-06-01', ['card', 'issue', '--id', CHILD, '--card', 'K12345678', '--issued-on', '2026-06-01']);
  at('2026-06-05', ['card', 'receive', '--card', 'K12345678', '--on', '2026-06-05']);
  // The guardian is nobody else in the ledger: purged below, the number goes from the child's card and event too.
  const guardian = ids(1)[0]!;
  at('2026-06-06', ['activate', '--card', 'K12345678', '--id-doc', CHILD, '--guardian-id', guardian, '--on', '2026-06-06']);
  at('2026-11-16', ['leave', '--id', LI, '--employer', 'Acme Ltd', '--left-on', '2026-11-15']);
  // A wrong leaving date: revoked, then recorded right.
  const events = at('2026-11-16', ['history', LI, '--json']).json.events as { seq: number; kind: string }[];
  const left = events.find((e) => e.kind === 'hire.ended')!;
  at('2026-11-16', ['revoke', String(left.seq), '--reason', 'wrong date', '--yes']);
  at('2026-11-16', ['leave', '--id', LI, '--employer', 'Acme Ltd', '--left-on', '2026-11-14', '--done-on', '2026-11-16']);
  fs.writeFileSync(
    path.join(l.dir, 'hires.csv'),
    `${HEADER}\n${ZHAO},Zhao Si,Acme Ltd,2026-11-01,,E12345678,BOC,2026-10-01,2026-10-10,,,\n${QIAN},Qian Wu,Beta Co,2026-11-03,2026-11-20,,,,,,,\n${WANG},Wang Fang,Beta Co,2026-11-10,,,,,,,,\n`,
  );
  at('2026-11-24', ['import', path.join(l.dir, 'hires.csv')]);
  at('2026-11-24', ['purge', QIAN, '--yes']);
  at('2026-11-24', ['purge', guardian, '--yes']);
  at('2026-11-24', ['purge', guardian, '--yes'], 1);
  at('2026-11-24', ['status', QIAN, '--json'], 1);
  return {
    status: PEOPLE.map((id) => l.run(['status', id, '--json']).json),
    statusAsOf: PEOPLE.map((id) => l.run(['status', id, '--json', '--as-of', '2026-10-01']).json),
    due: at('2026-11-24', ['due', '--json']).json,
    calendar: at('2026-11-24', ['calendar', '--json']).json,
    export: withoutClock(at('2026-11-24', ['export', '--format', 'json', '--reveal']).json),
    csv: at('2026-11-24', ['export', '--reveal']).stdout,
    // recordedAt is the real clock; the rest of the history is the same.
    history: PEOPLE.slice(0, 4).map((id) =>
      at('2026-11-24', ['history', id, '--json']).json.events.map(({ recordedAt: _, ...e }: { recordedAt: string }) => e),
    ),
  };
}

describe('the same commands on SQLite and on PostgreSQL', () => {
  it('give identical status of every person, agenda, export and history', { timeout: 300_000 }, () => {
    const sqlite = ledger('sqlite');
    const postgres = ledger('postgres');
    const a = story(sqlite);
    const b = story(postgres);
    expect(a.status.filter((s) => !s.error)).toHaveLength(5);
    expect(a.status[5].error.code).toBe('person-not-found');
    expect(a.calendar.years).toContainEqual(expect.objectContaining({ year: 2026, file: '2026.json' }));
    expect(b).toEqual(a);
    const check = ok(postgres.run(['check', '--json'])).json;
    expect(check).toMatchObject({ ok: true, problems: [], cacheDifferences: [] });
    expect(check.rows).toEqual(ok(sqlite.run(['check', '--json'])).json.rows);
  });
});

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Valid identity numbers (GB 11643 check character), born 1970-1999, region Dongcheng. */
function ids(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const born = new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `110101${born}${String(100 + (i % 800)).padStart(3, '0')}`;
    return first17 + '10X98765432'[[...first17].reduce((sum, c, j) => sum + Number(c) * WEIGHTS[j]!, 0) % 11];
  });
}

describe('a large import on both engines', () => {
  it("crossing the PostgreSQL engine's batches (people met again after their rows were sent) gives the same ledger", { timeout: 120_000 }, () => {
    const all = ids(2501);
    const later = all[0]!;
    const people = all.slice(1);
    const card = (i: number) => `Q${String(i).padStart(8, '0')}`;
    const lines = [
      ...people.map((id, i) => `${id},Person ${i},Acme Ltd,2026-06-01,,${card(i)},ICBC,2026-05-01,,,,`),
      // The same people again, from 1 to 5,000 rows later (last first): a second hire, the card received. In the
      // same chunk of rows, in the next one (whose rows PostgreSQL sends while it reads the next chunk's people),
      // and chunks later.
      ...people
        .map((id, i) => `${id},Person ${i},Beta Co,2026-07-${String(1 + (i % 28)).padStart(2, '0')},2026-08-01,${card(i)},ICBC,2026-05-01,2026-05-20,,,`)
        .reverse(),
      // A card already recorded for someone else, and the same row twice.
      `${people[7]},Person 7,Acme Ltd,2026-06-01,,${card(8)},ICBC,2026-05-01,,,,`,
      `${people[9]},Person 9,Gamma,2026-09-01,,,,,,,,`,
      `${people[9]},Person 9,Gamma,2026-09-01,,,,,,,,`,
    ];
    const results = (['sqlite', 'postgres'] as const).map((engine) => {
      const l = ledger(engine);
      fs.writeFileSync(path.join(l.dir, 'big.csv'), `${HEADER}\n${lines.join('\n')}\n`);
      const imported = l.run(['import', path.join(l.dir, 'big.csv'), '--skip-invalid', '--json']);
      expect(imported.code, imported.stderr).toBe(0);
      expect(ok(l.run(['check', '--json'])).json.ok).toBe(true);
      // The next event is numbered right after the import's, on PostgreSQL as in SQLite (the sequence moved past them).
      ok(l.run(['register-employee', '--id', later, '--employer', 'Acme Ltd', '--hired-on', '2026-11-01', '--pending']));
      const history = ok(l.run(['history', later, '--json'])).json.events.map(({ recordedAt: _, ...e }: { recordedAt: string }) => e);
      return { imported: imported.json, export: withoutClock(ok(l.run(['export', '--format', 'json', '--reveal'])).json), history };
    });
    expect(results[0]!.imported).toMatchObject({ rows: lines.length, invalid: [{ line: 5002, field: 'card_number' }] });
    expect(results[1]).toEqual(results[0]);
  });
});

describe('a write the server refuses part of', () => {
  it('after a batch was written: leaves the ledger as it was, says so in one sentence, and the next import writes', { timeout: 300_000 }, async () => {
    // The PostgreSQL import sends rows once a batch of 5,000 events is held (ledger.ts, BATCH), at the next chunk's
    // prefetch, and the rest at the end: 8,000 rows of one event each, and the server refuses row 7,000's hire, in the
    // last COPY, after the first batch's COPY was written and accepted (issue 31). The rows and their data go in one
    // write, before the server's answer: the refusal must still end the import whole.
    const [ROWS, REFUSED] = [8000, 7000];
    const l = ledger('postgres');
    const people = ids(ROWS);
    const csv = (employerAt: (i: number) => string) =>
      `${HEADER}\n${people.map((id, i) => `${id},Person ${i},${employerAt(i)},2026-06-01,,,,,,,,`).join('\n')}\n`;
    fs.writeFileSync(
      path.join(l.dir, 'first.csv'),
      csv(() => 'Acme Ltd'),
    );
    ok(l.run(['import', path.join(l.dir, 'first.csv')]));
    const before = ok(l.run(['export', '--format', 'json', '--reveal'])).json;
    const schema = schemaOf(l.db);
    const sequence = async () => (await admin((c) => c.query(`SELECT last_value, is_called FROM ${schema}.event_seq`))).rows[0];
    const sequenceBefore = await sequence();
    // Each statement that writes hires is counted, and the hire rows written before it, in settings of the
    // transaction (set_config(..., true)): the refusal names both, so the test sees that a batch went before it.
    await admin((c) =>
      c.query(`CREATE FUNCTION ${schema}.count_statement() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM set_config('sscard_test.statements', (coalesce(nullif(current_setting('sscard_test.statements', true), ''), '0')::int + 1)::text, true);
          PERFORM set_config('sscard_test.rows_before', coalesce(nullif(current_setting('sscard_test.rows', true), ''), '0'), true);
          RETURN NULL;
        END $$;
        CREATE FUNCTION ${schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.employer = 'Refused Co' THEN
            RAISE EXCEPTION 'refused by the test in hire statement %, % hire rows written before it',
              current_setting('sscard_test.statements'), current_setting('sscard_test.rows_before');
          END IF;
          PERFORM set_config('sscard_test.rows', (coalesce(nullif(current_setting('sscard_test.rows', true), ''), '0')::int + 1)::text, true);
          RETURN NEW;
        END $$;
        CREATE TRIGGER count_statement BEFORE INSERT ON ${schema}.hire FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.count_statement();
        CREATE TRIGGER refuse BEFORE INSERT ON ${schema}.hire FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse()`),
    );
    fs.writeFileSync(
      path.join(l.dir, 'second.csv'),
      csv((i) => (i === REFUSED ? 'Refused Co' : 'Beta Co')),
    );
    const refused = l.run(['import', path.join(l.dir, 'second.csv')]);
    expect(refused.code).not.toBe(0);
    // The server's own refusal, not a later statement's "current transaction is aborted" ...
    const said = /refused by the test in hire statement (\d+), (\d+) hire rows written before it \(SQLSTATE P0001\)/.exec(refused.stderr);
    expect(said, refused.stderr).not.toBeNull();
    // ... in a later statement than the first batch's, which wrote a batch of people's hires (their two each: the
    // people's hires are written again whole).
    expect(Number(said![1])).toBeGreaterThanOrEqual(2);
    expect(Number(said![2])).toBeGreaterThanOrEqual(2 * 5000);
    expect(Number(said![2])).toBeLessThan(2 * REFUSED);
    expectCleanError(refused.stderr, people);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    // Nothing of the batch written before stays, and the import took no event numbers.
    expect(withoutClock(ok(l.run(['export', '--format', 'json', '--reveal'])).json)).toEqual(withoutClock(before));
    expect(await sequence()).toEqual(sequenceBefore);
    await admin((c) => c.query(`DROP TRIGGER refuse ON ${schema}.hire; DROP TRIGGER count_statement ON ${schema}.hire`));
    const again = ok(l.run(['import', path.join(l.dir, 'second.csv'), '--json'])).json;
    expect(again).toMatchObject({ rows: ROWS, changed: ROWS });
    expect(ok(l.run(['check', '--json'])).json.ok).toBe(true);
    // An import into a ledger with events moved the sequence past its own: the next command's events follow on.
    const last = Number((await admin((c) => c.query(`SELECT max(seq) AS m FROM ${schema}.event`))).rows[0].m);
    const next = ids(ROWS + 1)[ROWS]!;
    ok(l.run(['register-employee', '--id', next, '--employer', 'Acme Ltd', '--hired-on', '2026-11-01', '--pending']));
    expect(ok(l.run(['history', next, '--json'])).json.events.map((e: { seq: number }) => e.seq)).toEqual([last + 1, last + 2]);
  });
});

/** A superuser connection to the test server. */
async function admin<T>(work: (client: pg.Client) => Promise<T>, url = inject('pgUrl')): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const schemaOf = (url: string) => new URL(url).searchParams.get('schema')!;
/** The URL of `user` with `password` on the test server, for the ledger at `url`. */
function asUser(url: string, user: string, password: string | null): string {
  const u = new URL(url);
  u.username = user;
  u.password = password ?? '';
  return u.toString();
}

describe('a shared ledger: roles and passwords', () => {
  it('lets a read-only role run every read, and refuses its writes with exit 1 and one sentence', async () => {
    const l = ledger('postgres');
    ok(l.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-01', '--pending']));
    ok(l.run(['card', 'issue', '--id', WANG, '--card', 'A12345678', '--issued-on', '2026-11-01']));
    const role = `ro_${Math.random().toString(36).slice(2, 8)}`;
    const schema = schemaOf(l.db);
    await admin(async (c) => {
      await c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'R3ad-only pw'`);
      await c.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
      await c.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    });
    const url = asUser(l.db, role, 'R3ad-only pw');
    const as = (args: string[]) => run(['--db', url, ...args], { SSCARD_TODAY: '2026-11-24' });
    for (const args of [['status', WANG], ['due'], ['history', WANG], ['export', '--format', 'json'], ['check'], ['people'], ['calendar']]) {
      const r = as(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    for (const args of [
      ['register-employee', '--id', LI, '--employer', 'Acme Ltd', '--hired-on', '2026-11-02', '--pending'],
      ['card', 'receive', '--card', 'A12345678'],
      ['purge', WANG, '--yes'],
    ]) {
      const r = as(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^sscard: This ledger user may not write to postgres:\/\/ro_\w+:\*\*\*@[^ ]+, so nothing was written; [^\n]+\.\n$/);
      expect(r.stderr).not.toContain('R3ad-only');
      expectCleanError(r.stderr, [WANG, LI]);
    }
    // In Chinese: the same refusal worded by the catalogue from its params, the password still masked.
    const zh = as(['--lang', 'zh', 'card', 'receive', '--card', 'A12345678']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/^sscard: 此台账用户无权写入 postgres:\/\/ro_\w+:\*\*\*@[^ ]+，未做任何更改：[^\n]+。\n$/);
    expect(zh.stderr).not.toContain('R3ad-only');
    expect(ok(l.run(['status', WANG, '--json'])).json.card.state).toBe('issued');
  });

  it('never prints the password of the URL; PGPASSWORD works as in psql', async () => {
    const l = ledger('postgres');
    const role = `rw_${Math.random().toString(36).slice(2, 8)}`;
    const password = 'S3cr3t/p@ss';
    const schema = schemaOf(l.db);
    await admin(async (c) => {
      await c.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
      await c.query(`CREATE SCHEMA ${schema} AUTHORIZATION ${role}`);
    });
    const url = asUser(l.db, role, password);
    const runs = [
      run(['--db', url, 'register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-01', '--pending'], { SSCARD_TODAY: '2026-11-24' }),
      run(['--db', url, 'status', WANG], { SSCARD_TODAY: '2026-11-24' }),
      run(['--db', asUser(l.db, role, 'wrong'), 'status', WANG], { SSCARD_TODAY: '2026-11-24' }),
      run(['--db', url.replace(/:\d+\//, ':1/'), 'status', WANG]),
      run(['--db', url.replace(/schema=\w+/, 'schema=Bad-Name'), 'status', WANG]),
      run(['--db', url, 'copy', '--from', url, '--to', url]),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 1, 1, 2, 2]);
    for (const r of runs) {
      expect(r.stdout + r.stderr).not.toContain('S3cr3t');
      expect(r.stdout + r.stderr).not.toContain(encodeURIComponent(password));
    }
    expect(runs[2]!.stderr).toMatch(/^sscard: The PostgreSQL server refused the login for postgres:\/\/rw_\w+:\*\*\*@.*PGPASSWORD.*\n$/);
    expect(runs[3]!.stderr).toMatch(/^sscard: The PostgreSQL server of postgres:\/\/rw_\w+:\*\*\*@127\.0\.0\.1:1\/.* cannot be reached \(ECONNREFUSED\)/);
    const zhLogin = run(['--db', asUser(l.db, role, `${password}x`), '--lang', 'zh', 'status', WANG], { SSCARD_TODAY: '2026-11-24' });
    expect(zhLogin.code).toBe(1);
    expect(zhLogin.stderr).toMatch(
      /^sscard: PostgreSQL 服务器拒绝了 postgres:\/\/rw_\w+:\*\*\*@\S+ 的登录（.*）：请核对用户名和密码（PGPASSWORD 或 ~\/\.pgpass）。\n$/,
    );
    expect(zhLogin.stdout + zhLogin.stderr).not.toContain('S3cr3t');
    // Without a password in the URL the driver takes PGPASSWORD.
    const bare = asUser(l.db, role, null);
    expect(run(['--db', bare, 'status', WANG], { SSCARD_TODAY: '2026-11-24', PGPASSWORD: password }).code).toBe(0);
  });

  it('check finds a cached row that differs from the replay of the events', async () => {
    const l = ledger('postgres');
    ok(l.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-01', '--pending']));
    expect(ok(l.run(['check', '--json'])).json.ok).toBe(true);
    await admin((c) => c.query(`UPDATE ${schemaOf(l.db)}.hire SET registered_on = '2026-11-02'`));
    const r = l.run(['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}110105\*{8}002X hire: table \{.*"registeredOn":"2026-11-02".*; events \{.*"registeredOn":null/m);
    expect(r.stderr).toMatch(/^sscard: The ledger's state tables differ from the replay of its events in 1 place /);
  });

  it('refuses a schema that is not an sscard ledger, and leaves it untouched', async () => {
    const url = pgLedgerUrl();
    const schema = schemaOf(url);
    await admin((c) => c.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.payroll (id int); INSERT INTO ${schema}.payroll VALUES (1)`));
    const r = run(['--db', url, 'register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-01', '--pending'], {
      SSCARD_TODAY: '2026-11-24',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sscard: The schema t\w+ in postgres:.* holds tables that are not an sscard ledger; it was left untouched\. [^\n]+\n$/);
    const tables = await admin((c) => c.query('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]));
    expect(tables.rows).toEqual([{ tablename: 'payroll' }]);
    // A newer sscard's ledger too.
    const newer = ledger('postgres');
    ok(newer.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-01', '--pending']));
    await admin((c) => c.query(`UPDATE ${schemaOf(newer.db)}.meta SET version = 99`));
    const refused = newer.run(['status', WANG]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/written by a newer sscard \(schema version 99, this one knows 4\); it was left untouched/);
  });
});

describe('copies between engines', () => {
  it('copy SQLite -> PostgreSQL -> SQLite keeps every event and gives the same export; a non-empty destination is refused', { timeout: 180_000 }, () => {
    const local = ledger('sqlite');
    story(local);
    const shared = pgLedgerUrl();
    const back = path.join(local.dir, 'back.db');
    const there = ok(run(['copy', '--from', local.db, '--to', shared, '--json']));
    expect(there.json.rows).toEqual(ok(local.run(['check', '--json'])).json.rows);
    ok(run(['copy', '--from', shared, '--to', back]));
    const exported = (db: string) => ok(run(['--db', db, 'export', '--format', 'json', '--reveal'], { SSCARD_TODAY: '2026-11-24' })).json;
    expect(exported(shared)).toEqual(exported(local.db));
    expect(exported(back)).toEqual(exported(local.db));
    const calendar = (db: string) => ok(run(['--db', db, 'calendar', '--json'], { SSCARD_TODAY: '2026-11-24' })).json;
    expect(calendar(shared)).toEqual(calendar(local.db));
    expect(calendar(back)).toEqual(calendar(local.db));
    // Revocations still name the events they withdrew: the same history, numbers included.
    const history = (db: string) => ok(run(['--db', db, 'history', LI, '--json'], { SSCARD_TODAY: '2026-11-24' })).json;
    expect(history(shared)).toEqual(history(local.db));
    expect(history(back)).toEqual(history(local.db));
    // New events are numbered after the copied ones.
    ok(
      run(['--db', shared, 'register-employee', '--id', ZHANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-20', '--pending'], {
        SSCARD_TODAY: '2026-11-24',
      }),
    );
    const seqs = (db: string) => (history(db).events as { seq: number }[]).map((e) => e.seq);
    const newest = ok(run(['--db', shared, 'history', ZHANG, '--json'], { SSCARD_TODAY: '2026-11-24' })).json.events.at(-1).seq;
    expect(newest).toBeGreaterThan(Math.max(...seqs(shared)));

    for (const [from, to] of [
      [local.db, shared],
      [shared, back],
    ]) {
      const refused = run(['copy', '--from', from!, '--to', to!]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^sscard: --to: \S+ already holds a ledger, so nothing was copied; [^\n]+\n$/);
    }
    expect(run(['copy', '--from', path.join(local.dir, 'none.db'), '--to', pgLedgerUrl()]).code).toBe(1);
  });

  it('backup of a PostgreSQL ledger writes a SQLite ledger that passes check and shows the same', { timeout: 180_000 }, () => {
    const shared = ledger('postgres');
    story(shared);
    const file = path.join(shared.dir, 'team.db');
    ok(shared.run(['backup', file]));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(shared.dir).filter((f) => f.includes('partial'))).toEqual([]);
    const check = ok(run(['--db', file, 'check', '--json'])).json;
    expect(check).toMatchObject({ ok: true, schemaVersion: 7 });
    expect(check.rows).toEqual(ok(shared.run(['check', '--json'])).json.rows);
    for (const id of [WANG, LI, ZHANG]) {
      expect(ok(run(['--db', file, 'status', id, '--json'], { SSCARD_TODAY: '2026-11-24' })).json).toEqual(ok(shared.run(['status', id, '--json'])).json);
    }
  });
});

/** A CLI run in the background, so that several write at the same moment. */
function runAsync(args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'America/St_Johns', LANG: 'C', SSCARD_TODAY: '2026-11-24' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      logStderr(stderr);
      resolve({ code: code ?? -1, stdout, stderr, json: undefined });
    });
  });
}

describe('many writers at once on PostgreSQL', () => {
  const ROUNDS = Number(process.env.SSCARD_CONCURRENCY_ROUNDS ?? 2);
  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('round %i: 8 processes: nothing lost, one activation, one hire', { timeout: 60_000 }, async () => {
    const l = ledger('postgres');
    ok(l.run(['card', 'issue', '--id', WANG, '--card', 'A12345678', '--issued-on', '2026-10-01']));
    ok(l.run(['card', 'receive', '--card', 'A12345678', '--on', '2026-10-02']));
    const others = [LI, ZHANG, ZHAO, QIAN];
    const results = await Promise.all([
      ...others.map((id) => runAsync(['--db', l.db, 'register-employee', '--id', id, '--employer', 'Acme Ltd', '--hired-on', '2026-11-02', '--pending'])),
      runAsync(['--db', l.db, 'activate', '--card', 'A12345678', '--id-doc', WANG, '--on', '2026-11-20']),
      runAsync(['--db', l.db, 'activate', '--card', 'A12345678', '--id-doc', WANG, '--on', '2026-11-21']),
      runAsync(['--db', l.db, 'register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-03', '--pending']),
      runAsync(['--db', l.db, 'register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-03', '--pending']),
    ]);
    for (const r of results) {
      expectCleanError(r.stderr, PEOPLE);
      if (r.code !== 0) expect(r.stderr, r.stderr).toMatch(/^sscard: [^\n]+\.\n$/);
    }
    // Different people: nothing lost.
    expect(results.slice(0, 4).map((r) => r.code)).toEqual([0, 0, 0, 0]);
    for (const id of others) expect(ok(l.run(['status', id, '--json'])).json.registrations).toHaveLength(1);
    // The same card twice: one activation recorded (the other says when, exit 0, or is refused, exit 1).
    const history = ok(l.run(['history', WANG, '--json'])).json.events as { kind: string; on: string }[];
    expect(history.filter((e) => e.kind === 'card.activated')).toHaveLength(1);
    expect(results.slice(4, 6).map((r) => r.code)).toContain(0);
    // The same hire twice: recorded once.
    expect(history.filter((e) => e.kind === 'hire.recorded')).toHaveLength(1);
    expect(results.slice(6, 8).map((r) => r.code)).toContain(0);
    expect(ok(l.run(['check'])).code).toBe(0);
  });
});
