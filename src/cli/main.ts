// The sscard command line: declares it and runs the chosen command, loaded
// on demand (each `import()` here becomes its own bundle, see
// scripts/build.mjs), so that start-up only pays for what the command uses.
// main(argv, io) keeps nothing between runs: all a run knows is its IO and
// the Run below (the tests run many commands in one process, test/e2e/harness.ts).
import { Command, CommanderError, type Help, Option } from 'commander';
import type { Store } from '../store/store.js';
import type { Context, IO } from './context.js';
import { redactIds } from '../core/masking.js';
import { printable, safeJson } from './text/safe-text.js';
import { EXIT, failureOf, writeFailureKind } from './exit.js';
import { type Lang, langOf } from './text/lang.js';
import { type Messages, messagesFor } from './text/messages/index.js';
import { displayWidth, wrapToWidth } from './text/width.js';
import { type CompletionNode, SHELLS } from './formats/completion.js';
import { CARD_GENERATIONS, ECARD_CHANNELS, ENABLE_CHANNELS, REPLACE_REASONS } from '../core/state.js';
import { TOPICS } from './text/guide-topics.js';
import {
  bankName,
  cardNumber,
  channel,
  cityName,
  employerName,
  generation,
  hiredOn,
  idNumber,
  onDate,
  outletName,
  personName,
  policyId,
  reasonText,
  usccCode,
  yes,
} from './commands/shared/options.js';
import type { GlobalOptions } from './process-context.js';

declare const SSCARD_VERSION: string;

/** A command resolves to its exit code when it has one of its own (`due --check`). */
// biome-ignore lint/suspicious/noConfusingVoidType: a command's run() returns nothing, or its own exit code.
type Runner = (ctx: Context, args: never) => Promise<void | number>;

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

/** The action of a command: builds the context, loads the command's module, runs it. */
function action(
  run: Run | undefined,
  load: () => Promise<{ run: Runner }>,
  // Most commands take their options as they are; a command with positional words maps them itself.
  toArgs: (positional: string[], options: Record<string, unknown>, command: Command) => unknown = (_, options) => options,
) {
  return async (...params: unknown[]) => {
    // program() without a run declares the command line only (scripts/man.mjs): nothing may run.
    if (!run) throw new Error('sscard: a command line declared without a run cannot run a command');
    const command = params[params.length - 1] as Command;
    const positional = params.slice(0, -2) as never[];
    const globals = command.optsWithGlobals() as GlobalOptions;
    run.json = Boolean(globals.json);
    const resources = { stores: [] as Store[] };
    const { buildContext } = await import('./process-context.js');
    try {
      // export writes data (a file's bytes), not text for a terminal: passed as is.
      const ctx = buildContext(
        globals,
        resources,
        commandPath(command),
        run,
        command.name() === 'export' || command.name() === 'template',
        messagesFor,
        run.io,
      );
      const { run: runCommand } = await load();
      run.exitCode = (await runCommand(ctx, toArgs(positional, command.opts(), command) as never)) ?? EXIT.ok;
    } finally {
      // A refused command leaves no ledger file behind: src/store/first-write.ts creates it only once a write went through.
      for (const store of resources.stores) await store.close();
    }
  };
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
  run.io.stdout.write(safeJson(`${JSON.stringify({ error: { code, message, ...details } }, null, 2)}\n`));
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

/** Where a command's words come from: its help texts in the catalogue. */
function declare(parent: Command, name: string, m: Messages, texts: { description: string; examples?: readonly string[] }): Command {
  const command = parent.command(name).description(texts.description);
  if (texts.examples) command.addHelpText('after', examples(m, texts.examples));
  return command;
}

/**
 * Values an option or argument takes, for completion only, where commander
 * declares no choices because the command accepts more (Chinese channel names,
 * policies read from data/policies.json by the completion command). The
 * lists are the core's and the catalogue's own (core/state.ts is a leaf of
 * types and lists: loading it costs start-up nothing worth measuring).
 */
const COMPLETION_VALUES: Record<string, Record<string, string[]>> = {
  'ecard claim': { '--channel': [...ECARD_CHANNELS] },
  enable: { '--channel': [...ENABLE_CHANNELS] },
  'card issue': { '--generation': CARD_GENERATIONS.map(String) },
  'card apply': { '--generation': CARD_GENERATIONS.map(String) },
  'card replace': { '--reason': [...REPLACE_REASONS] },
  guide: { '': [...TOPICS] },
  completion: { '': [...SHELLS] },
};

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
  const wanted = (name: string) => only === undefined || only === name;
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
      writeOut: (text) => run?.io.stdout.write(text),
      writeErr: (text) => {
        if (run && !run.json) run.io.stdout.write(text);
      },
      // Commander asks the process by default: the run's terminal instead (help is wrapped to it; its help styles nothing, so colour is moot).
      getOutHelpWidth: () => (run?.io.stdout.isTTY ? run.io.stdout.columns : undefined) as number,
      getErrHelpWidth: () => (run?.io.stderr.isTTY ? run.io.stderr.columns : undefined) as number,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      // Commander's usage errors are written by main(), in the user's language.
      outputError: () => {},
    });

  if (wanted('status')) {
    declare(root, 'status', m, h.status)
      .argument('[id]', h.status.id)
      .action(
        action(
          run,
          () => import('./commands/status.js'),
          ([id]) => ({ id }),
        ),
      );
  }

  if (wanted('register-employee')) {
    declare(root, 'register-employee', m, h.registerEmployee)
      .addOption(idNumber(h.registerEmployee.id))
      .addOption(hiredOn(h.registerEmployee.hiredOn))
      .addOption(personName(h.registerEmployee.name))
      .addOption(employerName(h.registerEmployee.employer))
      .option('--registered-on <date>', h.registerEmployee.registeredOn)
      .option('--pending', h.registerEmployee.pending)
      .option('--flexible', h.registerEmployee.flexible)
      .option('--base <yuan>', h.registerEmployee.base)
      .action(action(run, () => import('./commands/register-employee.js')));
  }

  if (wanted('activate')) {
    declare(root, 'activate', m, h.activate)
      .addOption(cardNumber(h.activate.card))
      .option('--id-doc <id-number>', h.activate.idDoc)
      .addOption(onDate(h.activate.on))
      .addOption(outletName(h.activate.outlet))
      .option('--guardian-id <id-number>', h.activate.guardianId)
      .action(action(run, () => import('./commands/activate.js')));
  }

  if (wanted('leave')) {
    declare(root, 'leave', m, h.leave)
      .addOption(idNumber(h.leave.id))
      .addOption(employerName(h.leave.employer))
      .option('--left-on <date>', h.leave.leftOn)
      .addOption(hiredOn(h.leave.hiredOn))
      .option('--done-on <date>', h.leave.doneOn)
      .action(action(run, () => import('./commands/leave.js')));
  }

  if (wanted('revoke')) {
    declare(root, 'revoke', m, h.revoke)
      .argument('<seq...>', h.revoke.seq)
      .addOption(reasonText(h.revoke.reason))
      .addOption(yes(h.revoke.yes))
      .action(
        action(
          run,
          () => import('./commands/revoke.js'),
          ([seqs], o) => ({ seqs, ...o }),
        ),
      );
  }

  if (wanted('card')) {
    const card = declare(root, 'card', m, h.card);
    declare(card, 'issue', m, h.cardIssue)
      .addOption(idNumber(h.cardIssue.id))
      .addOption(cardNumber(h.cardIssue.card))
      .addOption(bankName(h.cardIssue.bank))
      .option('--issued-on <date>', h.cardIssue.issuedOn)
      .addOption(personName(h.cardIssue.name))
      .addOption(policyId(h.cardIssue.policy))
      .option('--expires-on <date>', h.cardIssue.expiresOn)
      .addOption(generation(h.cardIssue.generation))
      .action(action(run, () => import('./commands/card-issue.js')));
    declare(card, 'apply', m, h.cardApply)
      .addOption(idNumber(h.cardApply.id))
      .addOption(onDate(h.cardApply.on))
      .addOption(policyId(h.cardApply.policy))
      .addOption(generation(h.cardApply.generation))
      .action(action(run, () => import('./commands/card-apply.js')));
    declare(card, 'ready', m, h.cardReady)
      .addOption(cardNumber(h.cardReady.card))
      .addOption(onDate(h.cardReady.on))
      .addOption(outletName(h.cardReady.outlet))
      .action(action(run, () => import('./commands/card-ready.js')));
    declare(card, 'fail', m, h.cardFail)
      .addOption(idNumber(h.cardFail.id))
      .addOption(onDate(h.cardFail.on))
      .addOption(reasonText(h.cardFail.reason))
      .action(action(run, () => import('./commands/card-fail.js')));
    declare(card, 'set-policy', m, h.cardSetPolicy)
      .addOption(cardNumber(h.cardSetPolicy.card))
      .addOption(policyId(h.cardSetPolicy.policy))
      .action(action(run, () => import('./commands/card-set-policy.js')));
    declare(card, 'receive', m, h.cardReceive)
      .addOption(cardNumber(h.cardReceive.card))
      .addOption(onDate(h.cardReceive.on))
      .action(action(run, () => import('./commands/card-receive.js')));
    declare(card, 'report-loss', m, h.cardReportLoss)
      .addOption(cardNumber(h.cardReportLoss.card))
      .option('--temporary', h.cardReportLoss.temporary)
      .addOption(onDate(h.cardReportLoss.on))
      .action(action(run, () => import('./commands/card-report-loss.js')));
    declare(card, 'found', m, h.cardFound)
      .addOption(cardNumber(h.cardFound.card))
      .addOption(onDate(h.cardFound.on))
      .action(action(run, () => import('./commands/card-found.js')));
    declare(card, 'replace', m, h.cardReplace)
      .addOption(cardNumber(h.cardReplace.card))
      .option('--new-card <card-number>', h.cardReplace.newCard)
      .addOption(onDate(h.cardReplace.on))
      .addOption(bankName(h.cardReplace.bank))
      .option('--reason <reason>', h.cardReplace.reason)
      .addOption(policyId(h.cardReplace.policy))
      .addOption(yes(h.cardReplace.yes))
      .action(action(run, () => import('./commands/card-replace.js')));
    declare(card, 'cancel', m, h.cardCancel)
      .addOption(cardNumber(h.cardCancel.card))
      .addOption(onDate(h.cardCancel.on))
      .addOption(yes(h.cardCancel.yes))
      .action(action(run, () => import('./commands/card-cancel.js')));
  }

  if (wanted('ecard')) {
    const ecard = declare(root, 'ecard', m, h.ecard);
    declare(ecard, 'claim', m, h.ecardClaim)
      .addOption(idNumber(h.ecardClaim.id))
      .addOption(channel(h.ecardClaim.channel))
      .addOption(onDate(h.ecardClaim.on))
      .action(action(run, () => import('./commands/ecard-claim.js')));
  }

  if (wanted('enable')) {
    declare(root, 'enable', m, h.enable)
      .addOption(cardNumber(h.enable.card))
      .addOption(onDate(h.enable.on))
      .addOption(channel(h.enable.channel))
      .action(action(run, () => import('./commands/enable.js')));
  }

  if (wanted('policies')) {
    declare(root, 'policies', m, h.policies)
      .argument('[id]', h.policies.id)
      .action(
        action(
          run,
          () => import('./commands/policies.js'),
          ([id]) => ({ id }),
        ),
      );
  }

  if (wanted('due')) {
    declare(root, 'due', m, h.due)
      .option('--within <days>', h.due.within)
      .option('--check', h.due.check)
      .addOption(employerName(h.due.employer))
      .addOption(new Option('--kind <kind>', h.due.kind).choices(['registration', 'separation', 'activation', 'collection', 'renewal']))
      .addOption(new Option('--format <format>', h.due.format).choices(['text', 'json', 'ics']))
      .option('--by-employer', h.due.byEmployer)
      .action(action(run, () => import('./commands/due.js')));
  }

  if (wanted('people')) {
    declare(root, 'people', m, h.people)
      .addOption(employerName(h.people.employer))
      .option('--name <text>', h.people.name)
      .action(action(run, () => import('./commands/people.js')));
  }

  if (wanted('serve')) {
    declare(root, 'serve', m, h.serve)
      .option('--port <n>', h.serve.port)
      .option('--host <addr>', h.serve.host)
      .option('--no-open', h.serve.noOpen)
      .option('--allow-remote', h.serve.allowRemote)
      .action(action(run, () => import('./commands/serve.js')));
  }

  if (wanted('import')) {
    declare(root, 'import', m, h.import)
      .argument('[file]', h.import.file)
      .option('--dry-run', h.import.dryRun)
      .option('--skip-invalid', h.import.skipInvalid)
      .option('--sheet <name>', h.import.sheet)
      .option('--header-row <n>', h.import.headerRow)
      .action(
        action(
          run,
          () => import('./commands/import.js'),
          ([file], o) => ({ file, ...o }),
        ),
      );
  }

  if (wanted('template')) {
    declare(root, 'template', m, h.template)
      .addOption(new Option('--format <format>', h.template.format).choices(['csv', 'xlsx']).default('csv'))
      .addOption(new Option('--headers <lang>', h.template.headers).choices(['en', 'zh']).default('en'))
      .action(action(run, () => import('./commands/template.js')));
  }

  if (wanted('export')) {
    declare(root, 'export', m, h.export)
      .addOption(new Option('--format <format>', h.export.format).choices(['csv', 'xlsx', 'json']).default('csv'))
      .addOption(new Option('--headers <lang>', h.export.headers).choices(['en', 'zh']).default('en'))
      .action(action(run, () => import('./commands/export.js')));
  }

  if (wanted('history')) {
    declare(root, 'history', m, h.history)
      .argument('[id]', h.history.id)
      .action(
        action(
          run,
          () => import('./commands/history.js'),
          ([id]) => ({ id }),
        ),
      );
  }

  if (wanted('calendar')) {
    const calendar = declare(root, 'calendar', m, h.calendar).action(
      action(
        run,
        () => import('./commands/calendar.js'),
        () => ({}),
      ),
    );
    declare(calendar, 'load', m, h.calendarLoad)
      .argument('<file.json>', h.calendarLoad.file)
      .addOption(yes(h.calendarLoad.yes))
      .action(
        action(
          run,
          async () => ({ run: (await import('./commands/calendar.js')).load }),
          ([file], o) => ({ file, ...o }),
        ),
      );
  }

  if (wanted('employer')) {
    const employer = declare(root, 'employer', m, h.employer);
    declare(employer, 'add', m, h.employerAdd)
      .argument('[name]', h.employerAdd.name)
      .addOption(usccCode(h.employerAdd.uscc))
      .addOption(cityName(h.employerAdd.city))
      .action(
        action(
          run,
          async () => ({ run: (await import('./commands/employer.js')).add }),
          ([name], o) => ({ name, ...o }),
        ),
      );
    declare(employer, 'list', m, h.employerList).action(
      action(
        run,
        async () => ({ run: (await import('./commands/employer.js')).list }),
        () => ({}),
      ),
    );
    declare(employer, 'set', m, h.employerSet)
      .argument('[name]', h.employerAdd.name)
      .addOption(cityName(h.employerAdd.city))
      .addOption(usccCode(h.employerAdd.uscc))
      .action(
        action(
          run,
          async () => ({ run: (await import('./commands/employer.js')).set }),
          ([name], o) => ({ name, ...o }),
        ),
      );
  }

  if (wanted('rates')) {
    const rates = declare(root, 'rates', m, h.rates)
      .argument('[city]', h.rates.city)
      .action(
        action(
          run,
          () => import('./commands/rates.js'),
          ([city]) => ({ city }),
        ),
      );
    declare(rates, 'load', m, h.ratesLoad)
      .argument('<file.json>', h.ratesLoad.file)
      .action(
        action(
          run,
          async () => ({ run: (await import('./commands/rates.js')).load }),
          ([file], o) => ({ file, ...o }),
        ),
      );
  }

  if (wanted('backup')) {
    declare(root, 'backup', m, h.backup)
      .argument('[file]', h.backup.file)
      .option('--force', h.backup.force)
      .action(
        action(
          run,
          () => import('./commands/backup.js'),
          ([file], o) => ({ file, ...o }),
        ),
      );
  }

  if (wanted('copy')) {
    declare(root, 'copy', m, h.copy)
      .option('--from <db-or-url>', h.copy.from)
      .option('--to <db-or-url>', h.copy.to)
      .action(action(run, () => import('./commands/copy.js')));
  }

  if (wanted('check')) {
    declare(root, 'check', m, h.check).action(
      action(
        run,
        () => import('./commands/check.js'),
        () => ({}),
      ),
    );
  }

  if (wanted('purge')) {
    declare(root, 'purge', m, h.purge)
      .argument('[id]', h.purge.id)
      .addOption(yes(h.purge.yes))
      .action(
        action(
          run,
          () => import('./commands/purge.js'),
          ([id], o) => ({ id, ...o }),
        ),
      );
  }

  if (wanted('guide')) {
    declare(root, 'guide', m, h.guide)
      .argument('[topic]', h.guide.topic)
      .action(
        action(
          run,
          () => import('./commands/guide.js'),
          ([topic]) => ({ topic }),
        ),
      );
  }

  if (wanted('completion')) {
    declare(root, 'completion', m, h.completion)
      .argument('<shell>', h.completion.shell)
      .action(
        action(
          run,
          () => import('./commands/completion.js'),
          ([shell], _, command) => ({ shell, tree: commandTree(command.parent!) }),
        ),
      );
  }

  return root;
}

/** The command tree as data: each command path with its subcommands, options and their values (for completion). */
export function commandTree(command: Command, prefix = ''): Record<string, CompletionNode> {
  const values: Record<string, string[]> = {};
  const takesValue: string[] = [];
  for (const option of command.options) {
    if (!option.long) continue;
    if (option.required || option.optional) takesValue.push(option.long);
    if (option.argChoices) values[option.long] = [...option.argChoices];
  }
  const path = prefix || '';
  Object.assign(values, COMPLETION_VALUES[path]);
  // The help option is commander's own, not in `options`: listed once here.
  const words = [
    ...command.commands.map((c) => c.name()),
    ...command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))),
    '--help',
  ];
  const fileArgument = command.registeredArguments.some((a) => a.name().includes('file'));
  const tree: Record<string, CompletionNode> = { [path]: { words, values, takesValue, fileArgument } };
  for (const sub of command.commands) Object.assign(tree, commandTree(sub, prefix ? `${prefix} ${sub.name()}` : sub.name()));
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
    await programFor(argv, lang, run).parseAsync(argv);
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
