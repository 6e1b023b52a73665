import { describe, expect, it } from 'vitest';
import { redactIds } from '../../src/core/masking.js';

const ID = '11010519491231002X';

describe('redactIds', () => {
  it.each([
    [`unknown command '${ID}'`, "unknown command '110105********002X'"],
    [`--db /x/emp${ID}data/x.db`, '--db /x/emp110105********002Xdata/x.db'],
    [`header cell x${ID}`, 'header cell x110105********002X'],
    ['lowercase 11010519491231002x.', 'lowercase 110105********002X.'],
    ['old 15-digit 110105491231002 number', 'old 15-digit 110105*****1002 number'],
    ['digits only 110105194912310021abc', 'digits only 110105********0021abc'],
    ['_110105194912310021_', '_110105********0021_'],
  ])('%s', (text, masked) => {
    expect(redactIds(text)).toBe(masked);
  });

  it.each(['a 16-digit run 1234567890123456', 'a 20-digit run 12345678901234567890', 'masked 110105********002X', 'card A12345678', '2026-11-24'])(
    'leaves %s alone',
    (text) => {
      expect(redactIds(text)).toBe(text);
    },
  );
});
