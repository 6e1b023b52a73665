// node bench/roster.mjs: the roster reader alone (src/cli/formats/roster/read.ts, bundled
// as the CLI bundles it), on a synthetic CSV of SSCARD_BENCH_CSV_ROWS rows
// (default 1,000,000) and an xlsx of SSCARD_BENCH_XLSX_ROWS (default 100,000):
// rows/s, and the peak memory of each read in a child process of its own.
// Run under `/usr/bin/time -v` for the kernel's figure as well.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const CSV_ROWS = Number(process.env.SSCARD_BENCH_CSV_ROWS ?? 1_000_000);
const XLSX_ROWS = Number(process.env.SSCARD_BENCH_XLSX_ROWS ?? 100_000);
const dir = process.env.SSCARD_BENCH_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-roster-bench-'));
const reader = path.join(dir, 'read.cjs');

if (process.argv[2] === 'read') {
  // The child: read every row of one file, then report.
  const { openRoster } = await import(reader);
  const started = performance.now();
  const roster = await openRoster(process.argv[3]);
  let rows = 0;
  for await (const page of roster.pages) for (const row of page) if (row.cells.id) rows++;
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ rows, seconds, rowsPerSecond: Math.round(rows / seconds), maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}

await build({
  entryPoints: [path.join(root, 'src/cli/formats/roster/read.ts')],
  outfile: reader,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  supported: { 'dynamic-import': false },
  minify: true,
  logLevel: 'warning',
  // as scripts/build.mjs does: exceljs in a bundle of its own, required only for an xlsx
  plugins: [
    {
      name: 'lazy-packages',
      setup: (b) => b.onResolve({ filter: /^exceljs$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './exceljs.cjs', external: true } : undefined)),
    },
  ],
});
await build({
  entryPoints: ['exceljs'],
  outfile: path.join(dir, 'exceljs.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  logLevel: 'warning',
  absWorkingDir: root,
});

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (s) => '10X98765432'[[...s].reduce((sum, c, i) => sum + Number(c) * WEIGHTS[i], 0) % 11];
function id(i) {
  const day = new Date(Date.UTC(1965, 0, 1) + (i % 14_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `110105${day}${String(Math.floor(i / 14_000) % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}
const hired = (i) => new Date(Date.UTC(2026, 6, 1) + (i % 140) * 86_400_000);

const csv = path.join(dir, 'roster.csv');
if (!fs.existsSync(csv)) {
  const out = fs.openSync(csv, 'w');
  fs.writeSync(out, '\uFEFF身份证号,姓名,用人单位,部门,入职日期,参保日期\n');
  let chunk = '';
  for (let i = 0; i < CSV_ROWS; i++) {
    const d = hired(i);
    chunk += `${id(i)},员工${i},"北京某某有限公司, 第${i % 50}分公司",人事部,${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()},\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

const xlsx = path.join(dir, 'roster.xlsx');
if (!fs.existsSync(xlsx)) {
  // Written by exceljs's streaming writer, with real date cells and shared strings as Excel writes them.
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['身份证号', '姓名', '用人单位', '部门', '入职日期']).commit();
  for (let i = 0; i < XLSX_ROWS; i++) {
    const row = sheet.addRow([id(i), `员工${i}`, `北京某某有限公司第${i % 50}分公司`, '人事部', hired(i)]);
    row.getCell(5).numFmt = 'yyyy/m/d';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

for (const file of [csv, xlsx]) {
  const child = spawnSync(process.execPath, [import.meta.filename, 'read', file], { env: { ...process.env, SSCARD_BENCH_DIR: dir }, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  const result = JSON.parse(child.stdout);
  console.log(
    `${path.basename(file)}: ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MiB, ${result.rows.toLocaleString('en-US')} rows in ${result.seconds.toFixed(2)} s = ${result.rowsPerSecond.toLocaleString('en-US')} rows/s, peak RSS ${result.maxRssMiB} MiB`,
  );
}
