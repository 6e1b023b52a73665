import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyLookup, regionLookup, regionName, regionOf } from '../../src/core/regions.js';

const lookup = regionLookup('110000\t北京市\n110100\t北京市\n110105\t北京市朝阳区\n440000\t广东省\n440300\t广东省深圳市\n440305\t广东省深圳市南山区');

describe('regionName', () => {
  it.each([
    ['110105', '北京市朝阳区'], // first line
    ['440305', '广东省深圳市南山区'], // last line, no trailing newline
    ['440399', '广东省深圳市'], // abolished or unknown county: its prefecture
    ['449999', '广东省'], // unknown prefecture: the province
    ['911156', '北京市'], // foreign permanent resident ID: the issuing province in digits 2-3
    ['650102', null], // not in this table at all
    ['10010', null], // never a partial match
  ])('%s -> %s', (code, name) => expect(regionName(code, lookup)).toBe(name));
});

describe('regionOf: codes abolished since 1980 keep the name they had', () => {
  const history = historyLookup('110103\t北京市崇文区\t2010\t\n412723\t河南省周口地区商水县\t2000\t411623');
  const current = regionLookup('110000\t北京市\n110105\t北京市朝阳区\n410000\t河南省\n411600\t河南省周口市\n411623\t河南省周口市商水县');
  it.each([
    ['412723', { name: '河南省周口地区商水县', abolished: { year: 2000, successor: '411623' } }],
    ['110103', { name: '北京市崇文区', abolished: { year: 2010, successor: null } }], // merged into 东城区: no successor of the same name
    ['411623', { name: '河南省周口市商水县', abolished: null }], // the successor itself is current
    ['110105', { name: '北京市朝阳区', abolished: null }],
    ['412799', { name: '河南省', abolished: null }], // unknown anywhere: the province, as regionName
    ['911156', { name: '北京市', abolished: null }], // foreign permanent resident ID: never a county code
    ['650102', null],
  ])('%s', (code, region) => expect(regionOf(code, current, () => history)).toEqual(region));

  it('reads the history only when the current table does not know the code', () => {
    let reads = 0;
    const lazy = () => {
      reads++;
      return history;
    };
    regionOf('110105', current, lazy);
    expect(reads).toBe(0);
    regionOf('412723', current, lazy);
    expect(reads).toBe(1);
  });
});

describe('the generated tables (data/regions.tsv, data/regions-history.tsv)', () => {
  const read = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'data', file), 'utf8');
  const current = regionLookup(read('regions.tsv'));
  const history = historyLookup(read('regions-history.tsv'));
  it.each([
    // python-stdnum's own test number: 商水县 under the former 周口地区, 411623 since 2000.
    ['412723199010050012', '河南省周口地区商水县', { year: 2000, successor: '411623' }],
    ['11010519491231002X', '北京市朝阳区', null],
    ['110103194912310010', '北京市崇文区', { year: 2010, successor: null }],
  ])('%s', (id, name, abolished) => {
    expect(regionOf(id.slice(0, 6), current, () => history)).toEqual({ name, abolished });
  });

  it('every successor is a current code; no abolished code is also current', () => {
    for (const line of read('regions-history.tsv').trim().split('\n')) {
      const [code = '', , , successor = ''] = line.split('\t');
      expect(current(code), code).toBeNull();
      if (successor !== '') expect(current(successor), `${code} -> ${successor}`).not.toBeNull();
    }
  });

  it("searched as the file's bytes (status, issue 31), every code reads as in the text, the first and last lines included", () => {
    for (const file of ['regions.tsv', 'regions-history.tsv']) {
      const bytes = fs.readFileSync(path.join(__dirname, '..', '..', 'data', file));
      const text = (b: Buffer, start: number, end: number | undefined) => b.toString('utf8', start, end);
      const [asBytes, asText] = file === 'regions.tsv' ? [regionLookup(bytes, text), current] : [historyLookup(bytes, text), history];
      const codes = read(file)
        .trim()
        .split('\n')
        .map((line) => line.slice(0, 6));
      expect(codes.length).toBeGreaterThan(1000);
      for (const code of [...codes, '10010', '000000', '999999']) expect(asBytes(code), code).toEqual(asText(code));
    }
  });
});
