// Issue 29 ("nothing lost, nothing leaked, round three"): each defect as the
// adversarial test found it, attacked again here; each part prints its
// figures (trials, failures, residues). SSCARD_SOAK=1 runs more trials.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { start } from './cli-process.js';
import { type Ledger, prng, run, tempLedger } from './harness.js';
import { hiresCsv, idFor, seededLedger } from './synthetic-hires.js';

const SOAK = process.env.SSCARD_SOAK === '1';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

describe('copy from a ledger being written (item 12)', () => {
  it('is consistent (one snapshot), and a failed or killed copy leaves nothing under the destination name', async () => {
    const trials = SOAK ? 10 : 2;
    const rows = SOAK ? 20_000 : 5000;
    ledger = tempLedger();
    seededLedger(ledger.db, 2000);
    const tally = { copies: 0, ok: 0, killed: 0, leftUnderName: 0 };
    for (let t = 0; t < trials; t++) {
      // Writers: an import and single commands, while the copy reads.
      const importing = start(ledger.db, ['import', hiresCsv(ledger.dir, `more-${t}.csv`, 10_000 + t * 20_000, rows)]);
      const singles = (async () => {
        for (let i = 0; i < 6; i++)
          await start(ledger.db, ['register-employee', '--id', idFor(300_000 + t * 10 + i), '--employer', 'Clerk', '--hired-on', '2026-11-01']);
      })();
      await new Promise((r) => setTimeout(r, 100));
      const to = path.join(ledger.dir, `copy-${t}.db`);
      const copy = await start(ledger.db, ['copy', '--from', ledger.db, '--to', to]);
      tally.copies++;
      expect(copy.code, copy.stderr).toBe(0);
      tally.ok++;
      expect(run(['--db', to, 'check']).code).toBe(0);
      await Promise.all([importing, singles]);
    }
    // Killed part-way: nothing under the name, and the retry is not refused as non-empty.
    const random = prng(29_12);
    for (let t = 0; t < trials; t++) {
      const to = path.join(ledger.dir, `killed-${t}.db`);
      const r = await start(ledger.db, ['copy', '--from', ledger.db, '--to', to], { killAfterMs: Math.floor(150 + random() * 600) });
      if (r.signal === 'SIGKILL') {
        tally.killed++;
        if (fs.existsSync(to)) tally.leftUnderName++;
        expect(fs.existsSync(to), `killed copy ${t} left ${to}`).toBe(false);
        const retry = await start(ledger.db, ['copy', '--from', ledger.db, '--to', to]);
        expect(retry.code, retry.stderr).toBe(0);
        expect(fs.readdirSync(ledger.dir).filter((f) => f.startsWith(`killed-${t}.db.sscard-new-`))).toEqual([]);
      }
    }
    console.log(
      `copy under writers: ${tally.copies} copies while a ${rows}-row import and single commands wrote: ${tally.ok} succeeded (check ok on every copy); ${tally.killed} copies SIGKILLed part-way: ${tally.leftUnderName} left a file under the destination name, every retry succeeded`,
    );
  }, 600_000);
});
