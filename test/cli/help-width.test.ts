// Issue 28, item 7: Chinese help lines ran to 103 columns and a terminal of
// 80 cut them mid-word. Every help page of every command, in both languages,
// at 80 columns (what commander uses when standard output is not a terminal)
// and at 72: no line wider than the terminal, counting wide characters as two.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapToWidth } from '../../src/cli/text/width.js';

(globalThis as { SSCARD_VERSION?: string }).SSCARD_VERSION = '0.0.0-test';
const { program } = await import('../../src/cli/main.js');

function everyCommand(command: Command): Command[] {
  return [command, ...command.commands.flatMap(everyCommand)];
}

describe('help pages fit the terminal', () => {
  it.each([
    ['zh', 80],
    ['en', 80],
    ['zh', 72],
  ] as const)('%s at %i columns', (lang, columns) => {
    const commands = everyCommand(program(lang));
    expect(commands.length).toBeGreaterThan(20);
    for (const command of commands) {
      command.configureOutput({ getOutHelpWidth: () => columns, getErrHelpWidth: () => columns });
      const text = command.helpInformation();
      for (const line of text.split('\n')) expect(displayWidth(line), `${command.name()}: ${line}`).toBeLessThanOrEqual(columns);
    }
  });
});

describe('wrapToWidth', () => {
  it.each([
    // Chinese breaks between characters; closing punctuation stays with what it closes, opening with what it opens.
    ['按此日期计算（默认：今天），否则为北京时间今天', 12, '按此日期计算\n（默认：今\n天），否则为\n北京时间今天'],
    // Latin words and option names break at spaces only, as commander does.
    ['the ledger file, or postgres://user@host/db', 20, 'the ledger file, or\npostgres://user@host/db'],
    ['台账文件 --db <path> 或共享台账', 12, '台账文件\n--db <path>\n或共享台账'],
    ['一行\n两行', 40, '一行\n两行'],
  ])('%j at %i', (text, width, wrapped) => expect(wrapToWidth(text, width)).toBe(wrapped));
});
