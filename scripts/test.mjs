// `npm test`: the type check (tsc --noEmit) and the lint (biome check) run beside the build and the suite
// (vitest run) instead of before them, and the run fails if any of the four fails. Issue 25 (the suite's time):
// run first, they held up the build and the suite for their wall time (TypeScript 7's check about 3 s of CPU,
// Biome about 2 s; TypeScript 5.9's was 16-17 s on one thread). The suite needs the build, so it waits for it (there
// is none when dist/ is up to date: build.mjs --if-changed); the check and the lint need nothing. Their output is kept and printed after vitest's, so the two do not interleave.
// Arguments go to vitest (`npm test -- test/e2e/scale.test.ts`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Runs a command; `quiet` keeps its output (`text`) instead of showing it. Resolves to its exit status, 0 or not. */
function run(label, command, args, quiet, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const chunks = [];
    if (quiet) {
      child.stdout.on('data', (c) => chunks.push(c));
      child.stderr.on('data', (c) => chunks.push(c));
    }
    child.on('error', (error) => {
      console.error(`${label}: ${error.message}`);
      resolve({ label, status: 1, text: '' });
    });
    child.on('close', (code, signal) => {
      resolve({ label, status: code ?? signal, text: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

// TypeScript 7, the native compiler (README, "Setup and test"): its binary is also named tsc, hence the path.
const checks = [
  run('tsc --noEmit', process.execPath, [path.join(root, 'node_modules', 'typescript7', 'bin', 'tsc'), '--noEmit'], true),
  run('biome check', bin('biome'), ['check'], true),
];
// The suite's temporary files, the tests' and those of the sscard runs they start, under one directory removed when
// the run ends: a test that fails before its clean-up, or a worker that is stopped, left its ledgers (made-up identity
// numbers, personal data in form) in the system's temporary directory for good, some twenty directories a run. Two
// places tests name in /tmp themselves stay there: the test PostgreSQL server's /tmp/sscard-test-pg and
// failover.test.ts's /tmp/sscard-failover-*. test/global-setup.ts checks that `npm test` runs the suite in it.
// Readable by others (0755): the embedded PostgreSQL server runs as its own user and reads a file its starter puts here.
// (The signal handling is src/cli/private-temp.ts's, written again: this script is plain JavaScript, run unbuilt.)
const suiteTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-suite-'));
fs.chmodSync(suiteTmp, 0o755);
const removeSuiteTmp = () => fs.rmSync(suiteTmp, { recursive: true, force: true });
process.on('exit', removeSuiteTmp);
// Ctrl-C reaches vitest too (one process group); the directory goes, then the signal ends this process as it would have.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.once(signal, () => {
    removeSuiteTmp();
    process.kill(process.pid, signal);
  });
const built = await run('node scripts/build.mjs --if-changed', process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-changed'], false);
const suiteEnv = { ...process.env, TMPDIR: suiteTmp };
const results = [built, built.status === 0 ? await run('vitest run', bin('vitest'), ['run', ...process.argv.slice(2)], false, suiteEnv) : null];
for (const result of [...(await Promise.all(checks)), ...results]) {
  if (result === null) continue;
  if (result.text !== '') process.stdout.write(`\n${result.label}:\n${result.text}`);
  if (result.status !== 0) process.exitCode = 1;
  console.log(`${result.label}: ${result.status === 0 ? 'passed' : `FAILED (exit ${result.status})`}`);
}
if (built.status !== 0) console.log('vitest run: not run (the build failed)');
