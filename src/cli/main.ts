// The sscard command line: the registry of its commands, each declared in its
// own file (commands/<name>.command.ts), and the run of the chosen one, whose
// module is loaded on demand (each declaration's `import()` becomes its own
// bundle, see scripts/build.mjs), so that start-up only pays for what the
// command uses.
// main(argv, io) keeps nothing between runs: all a run knows is its IO and
// the Run below (the tests run many commands in one process, test/e2e/harness.ts).
import { Command, CommanderError, type Help, Option } from 'commander';
import type { Store } from '../store/store.js';
import type { IO } from './context.js';
import { redactIds } from '../core/masking.js';
import { printable, safeJson } from './text/safe-text.js';
import { EXIT, failureOf, writeFailureKind } from './exit.js';
import { type Lang, langOf } from './text/lang.js';
import { type Messages, messagesFor } from './text/messages/index.js';
import { displayWidth, wrapToWidth } from './text/width.js';
import type { CompletionNode } from './formats/completion.js';
import type { CommandDeclaration, Registry } from './commands/shared/declaration.js';
import { activateCommand } from './commands/activate.command.js';
import { backupCommand } from './commands/backup.command.js';
import { calendarCommand } from './commands/calendar.command.js';
import { cardCommand } from './commands/card.command.js';
import { checkCommand } from './commands/check.command.js';
import { completionCommand } from './commands/completion.command.js';
import { copyCommand } from './commands/copy.command.js';
import { dueCommand } from './commands/due.command.js';
import { ecardCommand } from './commands/ecard.command.js';
import { employerCommand } from './commands/employer.command.js';
import { enableCommand } from './commands/enable.command.js';
import { exportCommand } from './commands/export.command.js';
import { guideCommand } from './commands/guide.command.js';
import { historyCommand } from './commands/history.command.js';
import { importCommand } from './commands/import.command.js';
import { leaveCommand } from './commands/leave.command.js';
import { peopleCommand } from './commands/people.command.js';
import { policiesCommand } from './commands/policies.command.js';
import { purgeCommand } from './commands/purge.command.js';
import { ratesCommand } from './commands/rates.command.js';
import { registerEmployeeCommand } from './commands/register-employee.command.js';
import { revokeCommand } from './commands/revoke.command.js';
import { serveCommand } from './commands/serve.command.js';
import { statusCommand } from './commands/status.command.js';
import { templateCommand } from './commands/template.command.js';
import type { GlobalOptions } from './process-context.js';

declare const SSCARD_VERSION: string;

/**
 * One run of the command line: its IO, and what main() learns as it goes.
 * `stdoutWritten`: a command already wrote its document, so an error adds none (SPEC 2.4: exactly one).
 */
interface Run {
  readonly io: IO;
  json: boolean;
  exitCode: number;
  stdoutWritten: boolean;
}

/** The action of a declared command: what commander read from the line, run as runDeclared does. */
function action(run: Run | undefined, declaration: CommandDeclaration) {
  return async (...params: unknown[]) => {
    // program() without a run declares the command line only (scripts/man.mjs): nothing may run.
    if (!run) throw new Error('sscard: a command line declared without a run cannot run a command');
    const command = params[params.length - 1] as Command;
    const line: ParsedLine = {
      globals: command.optsWithGlobals() as GlobalOptions,
      opts: command.opts(),
      positional: params.slice(0, -2) as string[],
      path: commandPath(command),
      registry: registryOf(command),
    };
    await runDeclared(run, declaration, line);
  };
}

/** A command line as read: the options with the program's (`globals`), the command's own, its positional words, its path. */
interface ParsedLine {
  readonly globals: GlobalOptions;
  readonly opts: Record<string, unknown>;
  readonly positional: string[];
  readonly path: string;
  readonly registry: Registry;
}

/** Builds the context, loads the command's module, runs it. */
async function runDeclared(run: Run, declaration: CommandDeclaration, line: ParsedLine): Promise<void> {
  run.json = Boolean(line.globals.json);
  const resources = { stores: [] as Store[] };
  const { buildContext } = await import('./process-context.js');
  try {
    // export writes data (a file's bytes), not text for a terminal: passed as is.
    const name = line.path.slice(line.path.lastIndexOf(' ') + 1);
    const ctx = buildContext(line.globals, resources, line.path, run, name === 'export' || name === 'template', messagesFor, run.io);
    const { run: runCommand } = await declaration.load!(); // only a command with a module has an action
    // Most commands take their options as they are; a command with positional words maps them itself.
    const args = declaration.toArgs ? declaration.toArgs(line.positional, line.opts, line.registry) : line.opts;
    run.exitCode = (await runCommand(ctx, args as never)) ?? EXIT.ok;
  } finally {
    // A refused command leaves no ledger file behind: src/store/first-write.ts creates it only once a write went through.
    for (const store of resources.stores) await store.close();
  }
}

/**
 * `sscard status <id>` and nothing else, the line most runs are: read here
 * as commander reads it, without building the command line. Commander's
 * objects for the program, its options and the command, and its parse of the
 * line, were 0.67-0.74 ms of `status`'s start-up after Node's own (issue 31,
 * pinned, three sets of 41 paired rounds). Only this one shape: the command's
 * name, then one word shaped as an identity number (17 digits, then a digit
 * or X), which commander takes as status's [id]; with no option on the line
 * every option has its default, `--no-color`'s `color: true` the only one set.
 * Any other line, a flag or another word included, is commander's to read.
 * test/cli/plain-status.test.ts holds this reading to commander's own.
 */
export function plainStatusLine(argv: readonly string[], lang: Lang): ParsedLine | null {
  if (argv.length !== 4 || argv[2] !== 'status' || !idShaped(argv[3]!)) return null;
  return {
    globals: { color: true },
    opts: {},
    positional: [argv[3]!],
    path: 'status',
    registry: { tree: () => commandTree(program(lang)) },
  };
}

/** 17 digits, then a digit or X (x): by its characters, since a pattern is compiled at its first use (issue 31). */
function idShaped(word: string): boolean {
  if (word.length !== 18) return false;
  for (let i = 0; i < 18; i++) {
    const c = word.charCodeAt(i);
    if (!(c >= 48 && c <= 57) && !(i === 17 && (c === 88 || c === 120))) return false;
  }
  return true;
}

/** `card issue`: the command's words below the program's name. */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) words.unshift(c.name());
  return words.join(' ');
}

/** The language before the context exists (for help and commander's own errors). */
function langFromArgs(argv: string[], env: IO['env']): Lang {
  const i = argv.indexOf('--lang');
  return langOf(i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7), env);
}

/** The JSON error document, unless the command already wrote its one document (then the exit code tells). */
function writeJsonError(run: Run, code: string, message: string, details: Record<string, unknown> = {}): void {
  if (run.stdoutWritten) return;
  run.stdoutWritten = true;
  writeOut(run.io, safeJson(`${JSON.stringify({ error: { code, message, ...details } }, null, 2)}\n`));
}

/**
 * Commander's own usage errors, worded by the catalogue: keyed by commander's
 * error code, with the values read back from its English message (commander
 * has no other way to hand them over). Null when the message has an unknown
 * shape (a newer commander): the English text is shown rather than nothing.
 */
const USAGE_ERRORS: Record<string, (u: Messages['usage'], text: string) => string | null> = {
  'commander.unknownOption': (u, t) => on(/unknown option '([^']*)'/, t, ([flag]) => u.unknownOption(flag!)),
  'commander.unknownCommand': (u, t) => on(/unknown command '([^']*)'/, t, ([name]) => u.unknownCommand(name!)),
  'commander.missingArgument': (u, t) => on(/missing required argument '([^']*)'/, t, ([name]) => u.missingArgument(name!)),
  'commander.optionMissingArgument': (u, t) => on(/option '([^']*)' argument missing/, t, ([flags]) => u.optionMissingArgument(flags!)),
  'commander.missingMandatoryOptionValue': (u, t) => on(/required option '([^']*)' not specified/, t, ([flags]) => u.missingMandatory(flags!)),
  'commander.invalidArgument': (u, t) =>
    on(/option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/m, t, ([flags, value, choices]) =>
      u.invalidChoice(flags!, value!, choices!),
    ),
  'commander.excessArguments': (u, t) =>
    on(/too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, t, ([command, expected, got]) =>
      u.excessArguments(command ?? 'sscard', Number(expected), Number(got)),
    ),
  'commander.conflictingOption': (u, t) => on(/error: (.*) cannot be used with (.*)$/m, t, ([first, second]) => u.conflictingOption(first!, second!)),
};

function on(pattern: RegExp, text: string, word: (groups: string[]) => string): string | null {
  const match = pattern.exec(text);
  return match ? word(match.slice(1) as string[]) : null;
}

/** A commander error in the user's language, without the `error: ` prefix; identity numbers masked (an unknown option may be one). */
export function usageMessage(m: Messages, code: string, text: string): string {
  const suggestion = /\(Did you mean (?:one of )?([^)]*)\?\)/.exec(text);
  const main = USAGE_ERRORS[code]?.(m.usage, text) ?? text.replace(/^error: /, '').replace(/\n?\(Did you mean[^)]*\)/, '');
  // Commander quotes what was typed (an unknown option, a path): every control character escaped, line by line.
  return redactIds(suggestion ? `${main}\n${m.usage.didYouMean(suggestion[1]!)}` : main)
    .split('\n')
    .map(printable)
    .join('\n');
}

/** An after-help text: the examples under a heading (scripts/man.mjs reads the English ones). */
function examples(m: Messages, lines: readonly string[]): string {
  return `\n${m.help.examples}\n${lines.map((line) => `  ${line}`).join('\n')}`;
}

/** Commander's help in the user's language: its headings, and the choices and defaults it appends to an option's help. */
function localHelp(m: Messages): Partial<Help> {
  const headings: Record<string, string> = {
    'Usage:': m.help.usage,
    'Options:': m.help.options,
    'Commands:': m.help.commands,
    'Arguments:': m.help.arguments,
    'Global Options:': m.help.globalOptions,
  };
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => headings[title] ?? title,
    displayWidth,
    // Commander breaks lines at spaces only, and Chinese has none: a Chinese description ran to 103 columns and the
    // terminal cut it mid-word. Below its minimum width commander leaves text as it is, and so does this.
    boxWrap(this: Help, text: string, width: number) {
      return width < this.minWidthToWrap ? text : wrapToWidth(text, width);
    },
    optionDescription: (option: Option) => {
      const choices = option.argChoices ? option.argChoices.map((c) => JSON.stringify(c)).join(', ') : null;
      const shown = option.defaultValue !== undefined && (option.required || option.optional);
      const byDefault = shown ? (option.defaultValueDescription ?? JSON.stringify(option.defaultValue)) : null;
      if (!choices && !byDefault) return option.description;
      // Chinese text takes no space before its full-width bracket (issue 28, item 16).
      const extra = m.help.extra(choices, byDefault);
      return `${option.description}${displayWidth(extra[0]!) === 2 ? '' : ' '}${extra}`;
    },
  };
}

/**
 * The registry: every command of sscard, in the order help lists them. Each
 * is declared in its own file beside its module (`commands/status.command.ts`
 * beside `commands/status.ts`), which loads only by `import()`: declaring a
 * command costs start-up its options, never its code (test/architecture.test.ts).
 */
export const COMMANDS: readonly CommandDeclaration[] = [
  statusCommand,
  registerEmployeeCommand,
  activateCommand,
  leaveCommand,
  revokeCommand,
  cardCommand,
  ecardCommand,
  enableCommand,
  policiesCommand,
  dueCommand,
  peopleCommand,
  serveCommand,
  importCommand,
  templateCommand,
  exportCommand,
  historyCommand,
  calendarCommand,
  employerCommand,
  ratesCommand,
  backupCommand,
  copyCommand,
  checkCommand,
  purgeCommand,
  guideCommand,
  completionCommand,
];

/** A declaration as a Commander command under `parent`, its words from the catalogue, with its subcommands; its action runs it in `run`. */
function declareCommand(parent: Command, declaration: CommandDeclaration, m: Messages, run: Run | undefined): void {
  const words = m.help[declaration.help];
  const texts: { readonly description: string; readonly examples?: readonly string[] } = words;
  const command = parent.command(declaration.name).description(texts.description);
  if (texts.examples) command.addHelpText('after', examples(m, texts.examples));
  for (const argument of declaration.arguments?.(words, m.help) ?? []) command.addArgument(argument);
  for (const option of declaration.options?.(words, m.help) ?? []) command.addOption(option);
  if (declaration.load) command.action(action(run, declaration));
  for (const sub of declaration.subcommands ?? []) declareCommand(command, sub, m, run);
}

/** What the registry tells a command about the command line it is part of. */
function registryOf(command: Command): Registry {
  let root = command;
  while (root.parent) root = root.parent;
  return { tree: () => commandTree(root) };
}

/**
 * The command line, in `lang`. With `only` (a top-level command's name), only
 * that command is declared: building all of them (commander objects, their
 * options and help texts) was a measurable part of a command's start-up
 * (issue 17). Help, completion, the man page and typo suggestions need the
 * whole tree, and get it (see main()). Without `run`, it is the declaration
 * alone (the man page): nothing can run.
 */
export function program(lang: Lang = 'en', only?: string, run?: Run): Command {
  const m = messagesFor(lang);
  const h = m.help;
  const root = new Command('sscard')
    .description(h.program.description)
    .version(SSCARD_VERSION, '-V, --version', h.versionOption)
    .helpOption('-h, --help', h.helpOption)
    .helpCommand('help [command]', h.helpCommand)
    .option('--db <path>', h.program.db)
    .option('--as-of <date>', h.program.asOf)
    .option('--json', h.program.json)
    .option('--reveal', h.program.reveal)
    .option('--no-color', h.program.noColor)
    .addOption(new Option('--lang <lang>', h.program.lang).choices(['zh', 'en']))
    .addHelpText('after', examples(m, h.program.examples))
    .showSuggestionAfterError(true)
    .configureHelp(localHelp(m))
    .exitOverride()
    .configureOutput({
      // Help shown for a missing command (bare `sscard`, `sscard card`) goes to stdout like --help: it is the
      // answer, not an error, and its examples carry the SPEC's public example ID unmasked so that they work
      // when pasted (SPEC 1.1 keeps identity numbers off stderr). The exit code still says it was a usage error.
      writeOut: (text) => run && writeOut(run.io, text),
      writeErr: (text) => {
        if (run && !run.json) writeOut(run.io, text);
      },
      // Commander asks the process by default: the run's terminal instead (help is wrapped to it; its help styles nothing, so colour is moot).
      getOutHelpWidth: () => (run && isTTY(run.io, 'stdout') ? run.io.stdout.columns : undefined) as number,
      getErrHelpWidth: () => (run && isTTY(run.io, 'stderr') ? run.io.stderr.columns : undefined) as number,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      // Commander's usage errors are written by main(), in the user's language.
      outputError: () => {},
    });
  for (const declaration of COMMANDS) if (only === undefined || only === declaration.name) declareCommand(root, declaration, m, run);
  return root;
}

/**
 * The command tree as data: each command path with its subcommands, options and their values (for completion).
 * `declared`: the declarations of `command`'s subcommands (their completion values); `values`: `command`'s own.
 */
export function commandTree(
  command: Command,
  declared: readonly CommandDeclaration[] = COMMANDS,
  prefix = '',
  completion: CommandDeclaration['completion'] = {},
): Record<string, CompletionNode> {
  const values: Record<string, string[]> = {};
  const takesValue: string[] = [];
  for (const option of command.options) {
    if (!option.long) continue;
    if (option.required || option.optional) takesValue.push(option.long);
    if (option.argChoices) values[option.long] = [...option.argChoices];
  }
  const path = prefix || '';
  for (const [word, list] of Object.entries(completion ?? {})) values[word] = [...list];
  // The help option is commander's own, not in `options`: listed once here.
  const words = [
    ...command.commands.map((c) => c.name()),
    ...command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))),
    '--help',
  ];
  const fileArgument = command.registeredArguments.some((a) => a.name().includes('file'));
  const tree: Record<string, CompletionNode> = { [path]: { words, values, takesValue, fileArgument } };
  for (const sub of command.commands) {
    const declaration = declared.find((d) => d.name === sub.name());
    Object.assign(tree, commandTree(sub, declaration?.subcommands ?? [], prefix ? `${prefix} ${sub.name()}` : sub.name(), declaration?.completion));
  }
  return tree;
}

/**
 * The top-level command a run names (`card` in `sscard --db x card issue`),
 * past the program's options and their values; none when help is asked for
 * before it (`sscard --help status` is the program's help, which lists every
 * command).
 */
function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db' || arg === '--as-of' || arg === '--lang') i++;
    else if (arg === '-h' || arg === '--help' || arg === '--') return undefined;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The command line for this run: only the command it names, unless the whole tree is needed. */
function programFor(argv: readonly string[], lang: Lang, run: Run): Command {
  const word = commandWord(argv);
  // completion describes every command; `help <command>` and a mistyped name (suggestions) need them all too.
  if (word === undefined || word === 'completion') return program(lang, undefined, run);
  const one = program(lang, word, run);
  return one.commands.some((command) => command.name() === word) ? one : program(lang, undefined, run);
}

/** Text to standard output, without building the process's stream where it can (IO.writeOut). */
function writeOut(io: IO, text: string): void {
  if (io.writeOut) io.writeOut(text);
  else io.stdout.write(text);
}

/** Whether a stream end is a terminal, asked without building the process's stream where it can. */
function isTTY(io: IO, end: 'stdout' | 'stderr'): boolean {
  const cheap = end === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
  return cheap ? cheap() : Boolean(io[end].isTTY);
}

/** A write to standard output the disk refused (issue 29 item 3), worded in the user's language; null for other errors. */
export function outputFailure(code: string | undefined): string | null {
  const kind = writeFailureKind(code);
  return kind && messagesFor(langFromArgs(process.argv, process.env)).failure.outputFailed(kind);
}

/** Runs the command line `argv` (as process.argv: node, the script, then the words) against `io`; resolves to the exit code. */
export async function main(argv: string[], io: IO): Promise<number> {
  const run: Run = { io, json: argv.includes('--json'), exitCode: EXIT.ok, stdoutWritten: false };
  const lang = langFromArgs(argv, io.env);
  const m = messagesFor(lang);
  try {
    const plain = plainStatusLine(argv, lang);
    if (plain !== null) await runDeclared(run, statusCommand, plain);
    else await programFor(argv, lang, run).parseAsync(argv);
    return run.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed') return EXIT.usage; // bare `sscard`: help on stderr
      const message = usageMessage(m, error.code, error.message);
      if (run.json) writeJsonError(run, 'usage', message);
      else io.stderr.write(`${m.usage.errorPrefix}${message}\n`);
      return EXIT.usage;
    }
    const failure = failureOf(error, m);
    failure.message = printable(redactIds(failure.message));
    // Details a failure carries (e.g. import's bad rows) go into the one JSON document.
    if (run.json) writeJsonError(run, failure.code, failure.message, (error as { details?: Record<string, unknown> } | null)?.details);
    else io.stderr.write(`sscard: ${failure.message}\n`);
    return failure.exitCode;
  }
}
