// `sscard status <id>` and nothing else is read without commander (src/cli/main.ts, plainStatusLine; issue 31):
// held here to commander's own reading of the same line (test/e2e/plain-status.test.ts: the same answer).
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { plainStatusLine, program } from '../../src/cli/main.js';

(globalThis as { SSCARD_VERSION?: string }).SSCARD_VERSION = '0.0.0-test';

const ID = '11010519491231002X';

/** What the declared command line hands status's action for `argv`, in plainStatusLine's fields. */
async function commanderReading(argv: string[]) {
  const root = program('en', 'status');
  let read: { globals: unknown; opts: unknown; positional: unknown; path: string } | undefined;
  root.commands
    .find((command) => command.name() === 'status')!
    .action((...params: unknown[]) => {
      const command = params.at(-1) as Command;
      read = { globals: command.optsWithGlobals(), opts: command.opts(), positional: params.slice(0, -2), path: command.name() };
    });
  await root.parseAsync(argv);
  return read;
}

describe('`status <id>` alone, read without commander (issue 31)', () => {
  it.each([ID, '11010519491231002x', '110105194912310021', '000000000000000000'])('status %s: read as commander reads it', async (id) => {
    const argv = ['node', 'sscard', 'status', id];
    const plain = plainStatusLine(argv, 'en');
    expect(plain).not.toBeNull();
    const { globals, opts, positional, path } = plain!;
    expect({ globals, opts, positional, path }).toEqual(await commanderReading(argv));
    // The registry a command may ask for (completion does) is the whole command line's.
    expect(Object.keys(plain!.registry.tree())).toContain('card issue');
  });

  it.each(
    [
      ['status', ID, '--json'],
      ['--json', 'status', ID],
      ['--no-color', 'status', ID],
      ['--lang', 'zh', 'status', ID],
      ['status', '--', ID],
      ['status', ID, ID],
      ['status'],
      ['status', '1101051949123100'], // 16 digits
      ['status', '110105194912310021X'], // 19 characters
      ['status', '11010519491231002Y'],
      ['status', '-1010519491231002X'],
      ['status', '１１０１０５１９４９１２３１００２Ｘ'], // full-width digits: refused by status itself, through commander
      ['history', ID],
      ['help', 'status'],
    ].map((words) => [words.join(' '), words]),
  )('%s: left to commander', (_, words) => {
    expect(plainStatusLine(['node', 'sscard', ...words], 'en')).toBeNull();
  });
});
