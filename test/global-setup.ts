// Privacy check over the whole suite: every stderr that the end-to-end
// tests capture is logged, and at the end no identity number may appear in
// any of it (SPEC 1.1: never unmasked in an error message or a log line).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestServer } from './pg-server.js';

// Digits on either side end a number; letters do not (`emp<ID>data` leaks as much as `<ID>`).
const ID_LIKE = /(?<![0-9*])(\d{17}[\dXx]|\d{15})(?![0-9])/;

export default async function setup(project: TestProject) {
  // `npm test` runs the suite in a temporary directory of its own, removed when it ends (scripts/test.mjs): without
  // it, tests that end before their clean-up leave ledgers in the system's temporary directory for good.
  if (process.env.npm_lifecycle_event === 'test' && !path.basename(os.tmpdir()).startsWith('sscard-suite-'))
    throw new Error(`npm test: the suite's temporary directory is ${os.tmpdir()}, not one of its own (scripts/test.mjs sets TMPDIR)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-stderr-'));
  project.provide('stderrLog', dir);
  // The shared ledger's engine is tested against a real server (SPEC 3.2).
  const started = performance.now();
  const postgres = await startTestServer();
  console.log(
    `postgres: ${process.env.SSCARD_TEST_PG_URL ? 'SSCARD_TEST_PG_URL' : 'embedded server'} ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide('pgUrl', postgres.url);
  project.provide('pgPrefix', postgres.prefix);
  return async () => {
    await postgres.stop();
    const files = fs.readdirSync(dir);
    let runs = 0;
    const leaks: string[] = [];
    for (const file of files) {
      for (const entry of fs.readFileSync(path.join(dir, file), 'utf8').split('\u0000')) {
        if (entry === '') continue;
        runs++;
        const match = ID_LIKE.exec(entry);
        if (match) leaks.push(`${file}: ${entry.slice(0, 200)}`);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`privacy: scanned stderr of ${runs} CLI runs: ${leaks.length} with an identity number`);
    if (leaks.length > 0) {
      // A throw here is only logged by vitest: fail the run through the exit code.
      console.error(`identity numbers on stderr:\n${leaks.join('\n')}`);
      process.exitCode = 1;
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stderrLog: string;
    /** A superuser's URL on the test server. */
    pgUrl: string;
    /** Every schema a test makes starts with it. */
    pgPrefix: string;
  }
}
