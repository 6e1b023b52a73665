// Issue 29 ("nothing lost, nothing leaked, round three"): each defect as the
// adversarial test found it, attacked again here; each part prints its
// figures (trials, failures, residues).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, type Ledger, run, tempLedger } from './harness.js';
import { idFor } from './synthetic-hires.js';

let ledger: Ledger;
afterEach(() => ledger?.cleanup());

describe('export -> import keeps every character; a long quoted cell is called long (item 14)', () => {
  it.each(['csv', 'xlsx'])("a name beginning '= keeps its apostrophe through export -> import (%s)", (format) => {
    ledger = tempLedger();
    const names = ["'=Li", "''+Wang", '=SUM(A1)', "'plain", '-Zhao'];
    names.forEach((name, i) => {
      expect(ledger.run(['register-employee', '--id', idFor(i), '--name', name, '--employer', 'Acme', '--hired-on', '2026-09-01']).code).toBe(0);
    });
    const out = path.join(ledger.dir, `out.${format}`);
    // Standard output straight into the file: a workbook's bytes are not text.
    const fd = fs.openSync(out, 'w');
    const exported = require('node:child_process').spawnSync(process.execPath, [BIN, '--db', ledger.db, '--reveal', 'export', '--format', format], {
      env: { PATH: process.env.PATH, SSCARD_TODAY: '2026-11-24' },
      stdio: ['ignore', fd, 'ignore'],
    });
    fs.closeSync(fd);
    expect(exported.status).toBe(0);
    const copy = path.join(ledger.dir, 'copy.db');
    const imported = run(['--db', copy, 'import', out], { SSCARD_TODAY: '2026-11-24' });
    expect(imported.code, imported.stderr).toBe(0);
    const conn = new Database(copy, { readonly: true });
    const back = names.map((_, i) => (conn.prepare('SELECT name FROM person WHERE id = ?').get(idFor(i)) as { name: string }).name);
    conn.close();
    expect(back).toEqual(names);
  });

  it('a closed quoted cell of 2 MB is too long, not "never closed"; an open one is never closed', () => {
    ledger = tempLedger();
    const long = path.join(ledger.dir, 'long.csv');
    fs.writeFileSync(long, `id,name,employer,hired_on\n${idFor(1)},"${'x'.repeat(2 * 1024 * 1024)}",Acme,2026-09-01\n${idFor(2)},Li,Acme,2026-09-01\n`);
    const r = ledger.run(['import', long]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Line 2 is longer than 1 MiB/);
    expect(r.stderr).not.toMatch(/never closed/);
    const open = path.join(ledger.dir, 'open.csv');
    fs.writeFileSync(open, `id,name,employer,hired_on\n${idFor(1)},"${'x'.repeat(2 * 1024 * 1024)},Acme,2026-09-01\n${idFor(2)},Li,Acme,2026-09-01\n`);
    const o = ledger.run(['import', open]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/The quote opened on line 2 is never closed/);
  });
});
