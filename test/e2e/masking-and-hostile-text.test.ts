// Issue 12 ("nothing lost, nothing leaked, round two"): each item at the
// command line, as the adversarial test found it. Fault-injection figures
// live in robustness.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Ledger, run, tempLedger } from './harness.js';

const ID = '11010519491231002X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

describe('masking (item 11) and hostile text (item 10, the output side)', () => {
  it('an identity number touching letters, in lowercase, or with 15 digits is masked wherever it is echoed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-mask-'));
    try {
      for (const args of [
        ['--db', path.join(dir, `emp${ID}data`, 'x.db'), 'register-employee', '--id', ID, '--employer', 'A', '--hired-on', '2026-09-01'],
        ['--db', path.join(dir, `emp${ID.toLowerCase()}`, 'x.db'), 'register-employee', '--id', ID, '--employer', 'A', '--hired-on', '2026-09-01'],
        ['--db', path.join(dir, 'n110105491231002n', 'x.db'), 'register-employee', '--id', ID, '--employer', 'A', '--hired-on', '2026-09-01'],
        [`--x${ID}`],
        ['--json', `--x${ID}`],
      ]) {
        const r = run(args, { SSCARD_TODAY: '2026-11-24' });
        expect(r.code).toBe(2);
        const all = r.stdout + r.stderr;
        expect(all).not.toMatch(/11010519491231002X|11010519491231002x|110105491231002/);
        expect(all).toMatch(/110105\*+(002X|1002)/);
      }
      const csv = path.join(dir, 'h.csv');
      fs.writeFileSync(csv, `id,x${ID}\n${ID},1\n`);
      // An unknown column is ignored and named (SPEC 2.3), masked.
      const header = run(['--db', path.join(dir, 'l.db'), 'import', csv], { SSCARD_TODAY: '2026-11-24' });
      expect(header.code).toBe(0);
      expect(header.stderr).toMatch(/Ignored columns sscard does not know: "x110105\*+002X"/);
      expect(header.stderr).not.toContain(ID);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names, employers and paths are printed with control and bidi characters escaped', () => {
    ledger = tempLedger();
    const hostile = 'Ev\u009bil\u202eoC\u2066';
    const r = ledger.run(['register-employee', '--id', ID, '--name', `Wang\u202eFang`, '--employer', hostile, '--hired-on', '2026-09-01', '--pending']);
    expect(r.code, r.stderr).toBe(0);
    for (const out of [r.stdout, ledger.run(['status', ID]).stdout, ledger.run(['due']).stdout, ledger.run(['status', ID, '--json']).stdout]) {
      expect(out).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toMatch(/\\u202E/);
    }
    expect(ledger.run(['status', ID, '--json']).json.person.name).toBe('Wang\u202eFang'); // JSON escapes read back as the same text
    for (const args of [
      ['--db', path.join(ledger.dir, 'no\u001b[2J\u009b', 'x.db'), 'register-employee', '--id', ID, '--employer', 'A', '--hired-on', '2026-09-01'],
      ['--\u001b]0;owned\u0007'],
    ]) {
      const e = run(args, { SSCARD_TODAY: '2026-11-24' });
      expect(e.code).toBe(2);
      expect(e.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f]/);
      expect(e.stderr).toMatch(/\\u001B/);
    }
  });
});
