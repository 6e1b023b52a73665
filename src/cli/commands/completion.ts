// sscard completion bash|zsh|fish: a completion script generated from the
// command tree that main.ts declares from the commands' declarations (commands, options, and the values an
// option takes: channels, languages, formats, policies, guide topics,
// shells), so new commands and choices are included as they come.
import fs from 'node:fs';
import path from 'node:path';
import { InvalidInput } from '../../core/errors.js';
import type { Context } from '../context.js';
import { bashScript, type CompletionTree, fishScript, SHELLS, withData } from '../formats/completion.js';

export async function run(ctx: Context, args: { shell: string; tree: CompletionTree }): Promise<void> {
  const shell = SHELLS.find((s) => s === args.shell);
  if (!shell) throw new InvalidInput('unknown-shell', ctx.m.completion.unknownShell(args.shell.slice(0, 20)));
  const tree = withData(args.tree, { policies: policyIds(), cities: cityIds() });
  ctx.out.write(shell === 'fish' ? fishScript(tree) : bashScript(tree, shell));
}

/** Card policy IDs from data/policies.json when the package has it (SPEC 1.8), for `--policy`. */
function policyIds(): string[] {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'policies.json'), 'utf8'));
    const list = Array.isArray(data) ? data : Array.isArray((data as { policies?: unknown }).policies) ? (data as { policies: unknown[] }).policies : null;
    const ids = list ? list.map((p) => (p as { id?: unknown }).id) : Object.keys(data as object);
    return ids.filter((id): id is string => typeof id === 'string' && /^[\w.-]+$/.test(id));
  } catch {
    return [];
  }
}

/** The city IDs of data/contributions.json when the package has it (SPEC 1.9), for `rates [city]` and `--city`. */
function cityIds(): string[] {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'contributions.json'), 'utf8'));
    const cities = (data as { cities?: unknown }).cities;
    const ids = Array.isArray(cities) ? cities.map((c) => (c as { id?: unknown }).id) : [];
    return ids.filter((id): id is string => typeof id === 'string' && /^[\w.-]+$/.test(id));
  } catch {
    return [];
  }
}
