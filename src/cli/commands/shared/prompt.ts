// Interactive questions for values missing on the command line, shown only
// when standard input is a terminal; loaded only then. Ctrl-C rejects with
// ExitPromptError, which src/cli/exit.ts turns into exit 130.
import { confirm as confirmPrompt, input, select } from '@inquirer/prompts';
import { maskId } from '../../../core/masking.js';
import type { Context } from '../../context.js';

/** `secret`: an identity number, shown masked once answered (it stays on the screen). */
export async function ask(ctx: Context, question: string, validate: (value: string) => string | true, secret = false): Promise<string> {
  const transformer = secret
    ? (value: string, { isFinal }: { isFinal: boolean }) => (isFinal && !ctx.reveal ? maskId(value.trim().toUpperCase()) : value)
    : undefined;
  return (await input({ message: question, validate, transformer }, ctx.promptIO)).trim();
}

export async function choose<T extends string>(ctx: Context, question: string, choices: readonly { value: T; name: string }[]): Promise<T> {
  // The line of keys below the list ("↑↓ navigate • ⏎ select") in the user's language: the keys stay, the actions are words.
  const keysHelpTip = (keys: [key: string, action: string][]) => keys.map(([key, action]) => `${key} ${ctx.m.ask.keys[action] ?? action}`).join(' • ');
  return select({ message: question, choices: [...choices], theme: { style: { keysHelpTip } } }, ctx.promptIO);
}

export async function confirm(ctx: Context, question: string): Promise<boolean> {
  return confirmPrompt({ message: question, default: false }, ctx.promptIO);
}
