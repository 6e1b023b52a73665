// npm run bench: sscard on a synthetic 100,000-hire ledger, measured in one
// run so that the ratios compare like with like on a noisy machine.
//   - import rows/s, against a bare better-sqlite3 loop inserting the same rows
//   - due --json over the whole ledger
//   - start-up: status, --version, --help and a register-employee write, each
//     against bare `node -e ""` (medians, runs interleaved)
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
console.log('');
console.log(`benchmark wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
fs.rmSync(dir, { recursive: true, force: true });
