// Makes the example rosters the README's lines import (data/examples/):
// 花名册.xlsx written by exceljs (an Excel date column, Chinese headers, an
// extra 部门 column) and roster-gbk.csv, converted to GB18030 by iconv (what
// Excel on Chinese Windows saves). Run: node scripts/make-examples.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const dir = path.resolve(import.meta.dirname, '../data/examples');
const people = [
  ['11010519491231002X', '王芳', 'Acme Ltd', '2026-09-01', ''],
  ['44030419900307123X', '李雷', 'Acme Ltd', '2026-10-08', '2026-10-20'],
  ['320102198506152343', '赵敏', 'Beta Co', '2026-11-02', ''],
];
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('花名册');
sheet.addRow(['身份证号', '姓名', '用人单位', '入职日期', '参保日期', '部门']);
for (const [id, name, employer, hired, registered] of people) {
  sheet.addRow([id, name, employer, new Date(`${hired}T00:00:00Z`), registered ? new Date(`${registered}T00:00:00Z`) : null, '人事部']);
}
sheet.getColumn(1).numFmt = '@';
sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
sheet.getColumn(5).numFmt = 'yyyy-mm-dd';
await workbook.xlsx.writeFile(path.join(dir, '花名册.xlsx'));

const csv = `${['身份证号,姓名,单位名称,入职日期,离职日期', '110105198001010016,钱七,Beta Co,2025/7/1,2026年8月31日'].join('\r\n')}\r\n`;
fs.writeFileSync(path.join(dir, 'roster-utf8.tmp'), csv);
fs.writeFileSync(path.join(dir, 'roster-gbk.csv'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', path.join(dir, 'roster-utf8.tmp')]));
fs.rmSync(path.join(dir, 'roster-utf8.tmp'));
