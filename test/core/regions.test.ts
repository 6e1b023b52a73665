import { describe, expect, it } from 'vitest';
import { regionLookup, regionName } from '../../src/core/regions.js';

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
