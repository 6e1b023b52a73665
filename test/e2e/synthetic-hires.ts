// Synthetic people for the attack tests (robustness and issue 29's: damaged-ledgers, temporary-files, purge-finishes, copy-under-writers, disk-limits): distinct valid identity
// numbers and a roster of their hires. The check character is computed here, not by sscard's code, so that
// a mistake there cannot make these numbers look valid (GB 11643-1999: weights 2^(17-i) mod 11).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './harness.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The first 17 characters of a number with its check character. */
export const withCheckCharacter = (first17: string): string => first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0) % 11]!;

/** The n-th number of a region, born in 1980; one-to-one below 336,000. */
export const idFor = (n: number, region = '110105'): string =>
  withCheckCharacter(
    `${region}1980${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 12) % 28)).padStart(2, '0')}${String(Math.floor(n / 336)).padStart(3, '0')}`,
  );

/** A roster of n unregistered hires, people from..from+n-1, written to dir/name; its path. */
export function hiresCsv(dir: string, name: string, from: number, n: number): string {
  const file = path.join(dir, name);
  const lines = ['id,name,employer,hired_on,registered_on'];
  for (let i = from; i < from + n; i++) lines.push(`${idFor(i)},Worker ${i},Employer ${i % 7},2026-10-${String(1 + (i % 28)).padStart(2, '0')},`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const templates = new Map<number, string>();
let templateDir: string | undefined;

/**
 * Makes `db` a copy of a ledger holding hiresCsv(…, 0, rows) as `sscard import` records it on 2026-11-24 (in this
 * process: the same file each time, its events stamped with the harness's fixed instant). The first call for a size
 * imports once per test process; later calls copy the file (a 20,000-row import is about 1.5 s of CPU, and five
 * attack tests start from one).
 */
export function seededLedger(db: string, rows: number): string {
  let template = templates.get(rows);
  if (template === undefined) {
    if (templateDir === undefined) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-seeds-'));
      process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
      templateDir = dir;
    }
    template = path.join(templateDir, `hires-${rows}.db`);
    const imported = run(['--db', template, 'import', hiresCsv(templateDir, `hires-${rows}.csv`, 0, rows)], { SSCARD_TODAY: '2026-11-24' });
    if (imported.code !== 0) throw new Error(`seed ledger of ${rows} hires: ${imported.stderr}`);
    // The command closed the ledger and folded its WAL in: the one file is the whole ledger.
    if (fs.existsSync(`${template}-wal`) && fs.statSync(`${template}-wal`).size > 0) throw new Error(`seed ledger of ${rows} hires: a WAL left`);
    templates.set(rows, template);
  }
  fs.copyFileSync(template, db);
  return db;
}
