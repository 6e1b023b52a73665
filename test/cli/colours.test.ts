// process-context's colours(0) stands in for chalk at level 0 (a pipe, a file,
// NO_COLOR) without loading it: every chain of styles gives what chalk's gives.
import { Chalk, type ChalkInstance } from 'chalk';
import { describe, expect, it } from 'vitest';
import { colours } from '../../src/cli/process-context.js';

const chalk = new Chalk({ level: 0 });
const standIn = colours(0);

describe('colours(0) answers as chalk at level 0', () => {
  const chains: [string, (c: ChalkInstance) => string][] = [
    ['bold', (c) => c.bold('x')],
    ['red.bold', (c) => c.red.bold('x', 'y')],
    ['visible', (c) => c.visible('x')],
    ['bold.visible', (c) => c.bold.visible('x')],
    ['rgb', (c) => c.rgb(1, 2, 3)('x')],
    ['bgRgb', (c) => c.bgRgb(1, 2, 3).bold('x')],
    ['hex', (c) => c.hex('#ffffff')('x')],
    ['bgHex', (c) => c.bgHex('#000').underline('x')],
    ['ansi256', (c) => c.ansi256(12)('x')],
    ['bgAnsi256.visible', (c) => c.bgAnsi256(12).visible('x')],
    ['numbers', (c) => c.green(42 as unknown as string)],
    ['level', (c) => String(c.level)],
  ];
  it.each(chains)('%s', (_, chain) => {
    expect(chain(standIn)).toBe(chain(chalk));
  });
});
