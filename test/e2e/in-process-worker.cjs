// The thread that runs the built CLI's commands inside the test process
// (test/e2e/harness.ts): the same bundles bin/sscard runs (dist/sscard.cjs or
// dist/lazy/status-cli.cjs, and dist/lazy/), called through main(argv, io) with in-memory streams and a
// fixed instant instead of a process of their own. The test thread waits for
// each answer (Atomics.wait), so the harness's run() stays synchronous, as
// spawnSync was.
'use strict';
const path = require('node:path');
const { Readable, Writable } = require('node:stream');
const { parentPort, workerData } = require('node:worker_threads');

// As bin/sscard's process does (entry.ts): a library's deprecation notice is not the command's output.
process.noDeprecation = true;

// The command line bin/sscard would start from: dist/lazy/status-cli.cjs when the line names `status`, else dist/sscard.cjs.
const entries = {};
const mainFor = (argv) => {
  const bundle = argv.includes('status') ? path.join('lazy', 'status-cli.cjs') : 'sscard.cjs';
  entries[bundle] ??= require(path.join(workerData.root, 'dist', bundle)).main;
  return entries[bundle];
};
const done = new Int32Array(workerData.done);
const answers = workerData.answers;

/** A stream end that keeps what is written (not a terminal). */
function sink() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, encoding, callback) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      callback();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** The run under way: an error no command caught (a crash, in a process of its own) ends it. */
let current = null;

function answer(result) {
  if (current === null) return;
  current = null;
  answers.postMessage(result);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}

function crashed(error) {
  const out = current;
  if (out === null) throw error;
  answer({ code: -3, stdout: out.stdout.text(), stderr: `${out.stderr.text()}${error?.stack ?? error}\n`, crashed: true });
}
process.on('uncaughtException', crashed);
process.on('unhandledRejection', crashed);

parentPort.on('message', async ({ argv, env, input, now }) => {
  const stdout = sink();
  const stderr = sink();
  current = { stdout, stderr };
  const stdin = Readable.from(input === '' ? [] : [Buffer.from(input, 'utf8')]);
  let code;
  try {
    code = await mainFor(argv)(['node', path.join(workerData.root, 'bin', 'sscard'), ...argv], {
      env,
      stdin,
      stdout: stdout.stream,
      stderr: stderr.stream,
      now: new Date(now),
    });
  } catch (error) {
    crashed(error);
    return;
  }
  answer({ code, stdout: stdout.text(), stderr: stderr.text() });
});
