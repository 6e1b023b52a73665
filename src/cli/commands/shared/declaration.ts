// What a command's declaration file (`commands/<name>.command.ts`) says about
// it: its name, where its help texts are in the catalogue, its arguments and
// options, how its positional words become its args, the values completion
// offers, and how to load the module that runs it. src/cli/main.ts, the
// registry, turns each into a Commander command. A declaration is loaded at
// every start, whichever command runs: it imports nothing that runs but
// commander, the option factories (shared/options.ts), other declarations and
// leaves of types and lists (core/state.ts); the command's module, which
// imports the core and the store, only by `import()` in `load`
// (test/architecture.test.ts keeps it so; scripts/build.mjs makes each such
// `import()` its own bundle).
import type { Argument, Option } from 'commander';
import type { Context } from '../../context.js';
import type { CompletionTree } from '../../formats/completion.js';
import type { Messages } from '../../text/messages/index.js';

/** The catalogue's help texts (src/cli/text/messages/, `help`). */
export type HelpTexts = Messages['help'];

/** The catalogue's entries that are a command's help texts (a description, perhaps examples, the words of its options). */
export type HelpKey = { [K in keyof HelpTexts]: HelpTexts[K] extends { readonly description: string } ? K : never }[keyof HelpTexts];

/** A command resolves to its exit code when it has one of its own (`due --check`). */
// biome-ignore lint/suspicious/noConfusingVoidType: a command's run() returns nothing, or its own exit code.
export type Runner = (ctx: Context, args: never) => Promise<void | number>;

/** What the registry offers a command's `toArgs` besides the words typed: the whole command line as data (completion). */
export interface Registry {
  tree(): CompletionTree;
}

/**
 * One command. The methods take the command's own help texts (`words`) and the
 * whole `help` catalogue (for texts another command's entry holds); they are
 * called only when the command is declared, so an unused command builds no
 * Commander object at start-up.
 */
export interface CommandDeclaration<K extends HelpKey = HelpKey> {
  /** The word typed (`issue` in `sscard card issue`). */
  readonly name: string;
  /** Its help texts' key in the catalogue's `help`: `description`, `examples`, and the words of its options. */
  readonly help: K;
  /** Its positional arguments, in order. */
  arguments?(words: HelpTexts[K], help: HelpTexts): readonly Argument[];
  /** Its options, in the order help lists them; an option several commands take comes from shared/options.ts. */
  options?(words: HelpTexts[K], help: HelpTexts): readonly Option[];
  /** Its args from the positional words and the options (default: the options as they are). */
  toArgs?(positional: string[], options: Record<string, unknown>, registry: Registry): unknown;
  /**
   * Values completion offers where Commander declares no choices because the
   * command accepts more (Chinese channel names; policies read from
   * data/policies.json by the completion command): option -> values, `''`
   * for the positional argument.
   */
  readonly completion?: Readonly<Record<string, readonly string[]>>;
  /** Loads the module that runs it (by `import()`: its own bundle); none for a group that only holds subcommands. */
  load?(): Promise<{ run: Runner }>;
  /** Its subcommands (`card issue`), in the order help lists them. */
  readonly subcommands?: readonly CommandDeclaration[];
}

/** A declaration, checked against its help texts' key (`words` is typed by `help`). */
export function command<K extends HelpKey>(declaration: CommandDeclaration<K>): CommandDeclaration {
  return declaration;
}
