// The registry (src/cli/main.ts) and the commands' declarations
// (src/cli/commands/*.command.ts, issue 25): a run declares only the command it
// names; a declaration's completion values name options it declares; every
// declaration's `load` finds a module that runs. A mistake in any of these
// shows nowhere else until that one command runs, or a shell's Tab offers nothing.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CommandDeclaration } from '../../src/cli/commands/shared/declaration.js';

(globalThis as { SSCARD_VERSION?: string }).SSCARD_VERSION = '0.0.0-test';
const { COMMANDS, program } = await import('../../src/cli/main.js');

/** Every declaration with its path (`card issue`). */
function everyDeclaration(list: readonly CommandDeclaration[], prefix = ''): [string, CommandDeclaration][] {
  return list.flatMap((d) => {
    const path = prefix ? `${prefix} ${d.name}` : d.name;
    return [[path, d] as [string, CommandDeclaration], ...everyDeclaration(d.subcommands ?? [], path)];
  });
}

function find(root: Command, path: string): Command {
  let command = root;
  for (const word of path.split(' ')) command = command.commands.find((c) => c.name() === word)!;
  return command;
}

describe('the registry', () => {
  it('declares every command, in the order of its list, and with `only` that command alone, with its subcommands', () => {
    expect(program('en').commands.map((c) => c.name())).toEqual(COMMANDS.map((d) => d.name));
    expect(program('en', 'status').commands.map((c) => c.name())).toEqual(['status']);
    const card = program('zh', 'card').commands;
    expect(card.map((c) => c.name())).toEqual(['card']);
    expect(card[0]!.commands.map((c) => c.name())).toEqual(COMMANDS.find((d) => d.name === 'card')!.subcommands!.map((d) => d.name));
  });

  it.each(everyDeclaration(COMMANDS))('`%s`: its completion values are for an option or an argument it declares', (path, declaration) => {
    const command = find(program('en'), path);
    for (const word of Object.keys(declaration.completion ?? {})) {
      if (word === '') expect(command.registeredArguments.length, `${path}: completion values for an argument it has not`).toBeGreaterThan(0);
      else expect(command.options.map((o) => o.long)).toContain(word);
    }
  });

  it.each(everyDeclaration(COMMANDS).filter(([, d]) => d.load))('`%s`: its load finds a module that runs', async (_, declaration) => {
    expect(typeof (await declaration.load!()).run).toBe('function');
  });
});
