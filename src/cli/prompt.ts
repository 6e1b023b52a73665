// Interactive questions for values missing on the command line. Loaded only
// when a prompt is actually shown (stdin is a terminal).
import { confirm as confirmPrompt, input } from '@inquirer/prompts';
import type { Context } from './context.js';

export async function ask(
  ctx: Context,
  flag: string,
  question: string,
  validate?: (value: string) => string | true,
): Promise<string> {
  void ctx;
  return input({ message: question, validate: validate ?? ((v) => (v.trim() ? true : `${flag} is required.`)) }, { output: process.stderr });
}

export async function confirm(ctx: Context, question: string): Promise<boolean> {
  void ctx;
  return confirmPrompt({ message: question, default: false }, { output: process.stderr });
}
