// The sscard executable: declares the command line and runs the chosen
// command, loaded on demand (each `import()` here becomes its own bundle, see
// scripts/build.mjs), so that start-up only pays for what the command uses.
import { Command, CommanderError, Option } from 'commander';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';
import { redactIds } from '../core/masking.js';
import { printable, safeJson } from './safe-text.js';
import { EXIT, failureOf } from './exit.js';
import { langOf } from './lang.js';
import type { GlobalOptions } from './process-context.js';

declare const SSCARD_VERSION: string;

/** A command resolves to its exit code when it has one of its own (`due --check`). */
type Runner = (ctx: Context, args: never) => Promise<void | number>;

/** The action of a command: builds the context, loads the command's module, runs it. */
function action(load: () => Promise<{ run: Runner }>, toArgs: (positional: string[], options: Record<string, unknown>, command: Command) => unknown) {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const positional = params.slice(0, -2) as never[];
    const globals = command.optsWithGlobals() as GlobalOptions;
    state.json = Boolean(globals.json);
    const resources = { stores: [] as Store[], created: [] as string[] };
    let failed = true;
    const { buildContext, discardCreated } = await import('./process-context.js');
    try {
      // export writes data (a file's bytes), not text for a terminal: passed as is.
      const ctx = buildContext(globals, resources, commandPath(command), state, command.name() === 'export');
      const { run } = await load();
      state.exitCode = (await run(ctx, toArgs(positional, command.opts(), command) as never)) ?? EXIT.ok;
      failed = false;
    } finally {
      for (const store of resources.stores) await store.close();
      // A refused command leaves no trace: not even the empty ledger it opened to write in.
      if (failed) discardCreated(resources);
    }
  };
}

/** `card issue`: the command's words below the program's name. */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) words.unshift(c.name());
  return words.join(' ');
}

// Commander's own usage errors, in Chinese when the user reads Chinese.
const COMMANDER_ZH: [RegExp, string][] = [
  [/unknown option '([^']*)'/, "未知选项 '$1'"],
  [/unknown command '([^']*)'/, "未知命令 '$1'"],
  [/\(Did you mean ([^)]*)\?\)/, '（您是否想用 $1？）'],
  [/missing required argument '([^']*)'/, "缺少必需参数 '$1'"],
  [/option '([^']*)' argument missing/, "选项 '$1' 缺少值"],
  [/option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./, "选项 '$1' 的值 '$2' 无效，可选值：$3。"],
  [/too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./, "命令 '$1' 的参数过多：应为 $2 个，实际 $3 个。"],
];

function usageText(text: string): string {
  const lang = langFromArgs(process.argv, process.env);
  // Commander quotes what was typed (an unknown option, a path): every control character escaped, line by line.
  let out = redactIds(text).split('\n').map(printable).join('\n');
  if (lang === 'zh') for (const [pattern, zh] of COMMANDER_ZH) out = out.replace(pattern, zh).replace(/^error: /, '错误：');
  return out;
}

/** The language before the context exists (for commander's own errors). */
function langFromArgs(argv: string[], env: NodeJS.ProcessEnv): 'en' | 'zh' {
  const i = argv.indexOf('--lang');
  return langOf(i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7), env);
}

/** `stdoutWritten`: a command already wrote its document, so an error adds none (SPEC 2.4: exactly one). */
const state = { json: process.argv.includes('--json'), exitCode: EXIT.ok as number, stdoutWritten: false };

/** The JSON error document, unless the command already wrote its one document (then the exit code tells). */
function writeJsonError(code: string, message: string, details: Record<string, unknown> = {}): void {
  if (state.stdoutWritten) return;
  state.stdoutWritten = true;
  process.stdout.write(safeJson(`${JSON.stringify({ error: { code, message, ...details } }, null, 2)}\n`));
}

export function program(): Command {
  const root = new Command('sscard')
    .description('Social security card (社会保障卡) ledger: activation windows, electronic cards, and employers\' registration deadlines.')
    .version(SSCARD_VERSION, '-V, --version')
    .option('--db <path>', 'ledger file, or postgres://user@host/db[?schema=NAME] for a shared ledger (default: $SSCARD_DB, else sscard/sscard.db under $XDG_DATA_HOME or ~/.local/share)')
    .option('--as-of <date>', 'evaluate as of this day, YYYY-MM-DD (default: $SSCARD_TODAY, else today in China)')
    .option('--json', 'print one JSON document')
    .option('--reveal', 'show identity numbers unmasked')
    .option('--no-color', 'plain text without colours (also NO_COLOR)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']))
    .addHelpText(
      'after',
      '\nExamples:\n  sscard status 11010519491231002X\n  sscard register-employee --id 11010519491231002X --employer "Acme Ltd" --hired-on 2026-09-01 --pending\n  sscard due --within 14\n  sscard guide activate --lang zh',
    )
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeErr: (text) => {
        // Commander's own usage errors; under --json they become the JSON error document.
        if (!state.json) process.stderr.write(usageText(text));
      },
      outputError: (text, write) => write(text),
    });

  root
    .command('status')
    .description('is the card activated, is there an activated e-card, which registrations are due')
    .argument('<id>', 'identity number (= social security number)')
    .addHelpText('after', '\nExamples:\n  sscard status 11010519491231002X\n  sscard status 11010519491231002X --json --as-of 2026-10-09')
    .action(action(() => import('./status.js'), ([id]) => ({ id })));

  root
    .command('register-employee')
    .description('record a hire and its social insurance registration (30 days from hiring, Art. 58)')
    .option('--id <id-number>', "the employee's identity number")
    .option('--hired-on <date>', 'date of employment, YYYY-MM-DD')
    .option('--name <name>', "the employee's name")
    .option('--employer <name>', 'the employer')
    .option('--registered-on <date>', 'date the registration was filed (default: today)')
    .option('--pending', 'registration not filed yet')
    .option('--flexible', 'flexible employment: self-registration, no deadline')
    .addHelpText(
      'after',
      '\nExamples:\n  sscard register-employee --id 11010519491231002X --name "Wang Fang" --employer "Acme Ltd" --hired-on 2026-09-01 --pending\n  sscard register-employee --id 11010519491231002X --employer "Acme Ltd" --hired-on 2026-09-01 --registered-on 2026-09-20',
    )
    .action(action(() => import('./register-employee.js'), (_, o) => o));

  root
    .command('activate')
    .description('record the in-person activation of a card at an outlet of the issuing bank')
    .option('--card <card-number>', 'the card being activated')
    .option('--id-doc <id-number>', 'number on the ORIGINAL identity document shown at the counter')
    .option('--on <date>', 'activation date (default: today)')
    .option('--outlet <name>', 'the bank outlet')
    .option('--guardian-id <id-number>', 'for a holder under 16: the guardian who activates')
    .addHelpText(
      'after',
      '\nExamples:\n  sscard activate --card A12345678 --id-doc 11010519491231002X --outlet "ICBC Chaoyang branch"\n  sscard activate --card A12345678 --id-doc 11010519491231002X --on 2026-10-12\n  sscard activate --card B98765432 --id-doc 110105201211240033 --guardian-id 11010519491231002X',
    )
    .action(action(() => import('./activate.js'), (_, o) => o));

  root
    .command('leave')
    .description('record that an employment ended (离职): the file and social insurance transfer is due in 15 days (Labour Contract Law Art. 50)')
    .option('--id <id-number>', "the leaver's identity number")
    .option('--employer <name>', 'the employer they left (as recorded with the hire)')
    .option('--left-on <date>', 'last day of the employment, YYYY-MM-DD')
    .option('--hired-on <date>', 'which hire, when there are several with that employer')
    .option('--done-on <date>', 'the file and social insurance were transferred on this day')
    .addHelpText(
      'after',
      '\nExamples:\n  sscard leave --id 11010519491231002X --employer "Acme Ltd" --left-on 2026-11-30\n  sscard leave --id 11010519491231002X --employer "Acme Ltd" --left-on 2026-11-30 --done-on 2026-12-08',
    )
    .action(action(() => import('./leave.js'), (_, o) => o));

  root
    .command('revoke')
    .description('withdraw recorded events that were wrong; they stay in the history, marked revoked')
    .argument('<seq...>', 'event numbers, as shown by `sscard history`')
    .option('--reason <text>', 'why the records are wrong')
    .option('--yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExamples:\n  sscard revoke 3 --reason "recorded as registered by mistake" --yes\n  sscard revoke 7 8 --reason "wrong card number"')
    .action(action(() => import('./revoke.js'), ([seqs], o) => ({ seqs, ...o })));

  const card = root.command('card').description('the physical card: issue, receive, report loss, replace, cancel');
  card
    .command('issue')
    .description('record a card made for a person')
    .option('--id <id-number>', "the holder's identity number")
    .option('--card <card-number>', 'card number: 9 letters or digits')
    .option('--bank <name>', 'issuing bank')
    .option('--issued-on <date>', 'date of issue (default: today)')
    .option('--name <name>', "the holder's name")
    .option('--policy <id>', 'the card policy it is issued under (default: $SSCARD_POLICY, else seed; see `sscard policies`)')
    .option('--expires-on <date>', 'the expiry printed on the card, if any')
    .option('--generation <2|3>', 'card generation; a third-generation card\'s e-card exists from issue (default: 2)')
    .addHelpText(
      'after',
      '\nExamples:\n  sscard card issue --id 11010519491231002X --card A12345678 --bank ICBC --issued-on 2026-03-01\n  sscard card issue --id 44030419900307123X --card G00000001 --bank ICBC --policy guangdong --issued-on 2025-01-10 --expires-on 2035-01-10',
    )
    .action(action(() => import('./card-issue.js'), (_, o) => o));
  card
    .command('receive')
    .description('the card is in the holder\'s hands: a window counted from receipt starts')
    .option('--card <card-number>', 'the card')
    .option('--on <date>', 'date received (default: today)')
    .addHelpText('after', '\nExamples:\n  sscard card receive --card A12345678 --on 2026-03-31\n  sscard card receive --card A12345678')
    .action(action(() => import('./card-receive.js'), (_, o) => o));
  card
    .command('report-loss')
    .description('the card was reported lost (挂失): formally, or temporarily with --temporary')
    .option('--card <card-number>', 'the card')
    .option('--temporary', 'a temporary loss (临时挂失): lapses after the policy\'s days')
    .option('--on <date>', 'date reported (default: today)')
    .addHelpText('after', '\nExamples:\n  sscard card report-loss --card A12345678\n  sscard card report-loss --card A12345678 --temporary --on 2026-05-01')
    .action(action(() => import('./card-report-loss.js'), (_, o) => o));
  card
    .command('found')
    .description('a lost card was found (解挂): it returns to the state it had')
    .option('--card <card-number>', 'the card')
    .option('--on <date>', 'date found (default: today)')
    .addHelpText('after', '\nExamples:\n  sscard card found --card A12345678\n  sscard card found --card A12345678 --on 2026-05-03')
    .action(action(() => import('./card-found.js'), (_, o) => o));
  card
    .command('replace')
    .description('a new card supersedes the old one (补换卡)')
    .option('--card <card-number>', 'the card being replaced')
    .option('--new-card <card-number>', 'the new card')
    .option('--on <date>', 'date the new card was issued (default: today)')
    .option('--bank <name>', 'issuing bank of the new card (default: the old card\'s)')
    .option('--reason <reason>', 'loss (needs a formal loss), damage, expiry or change')
    .option('--policy <id>', 'the new card\'s policy (default: the old card\'s)')
    .option('--yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExamples:\n  sscard card replace --card A12345678 --new-card B12345678 --yes\n  sscard card replace --card A12345678 --new-card B12345678 --on 2026-11-10 --bank ICBC')
    .action(action(() => import('./card-replace.js'), (_, o) => o));
  card
    .command('cancel')
    .description('the card was cancelled (注销), e.g. the holder died or emigrated')
    .option('--card <card-number>', 'the card')
    .option('--on <date>', 'date cancelled (default: today)')
    .option('--yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExamples:\n  sscard card cancel --card A12345678 --yes\n  sscard card cancel --card A12345678 --on 2026-11-20')
    .action(action(() => import('./card-cancel.js'), (_, o) => o));

  const ecard = root.command('ecard').description('the electronic social security card (电子社保卡)');
  ecard
    .command('claim')
    .description('record that the electronic card was claimed (申领) online')
    .option('--id <id-number>', "the holder's identity number")
    .option('--channel <channel>', 'where it was claimed: wechat, alipay, 12333, bank-app, gov-platform, unionpay or local-app (Chinese names too: 微信, 支付宝, 云闪付, ...)')
    .option('--on <date>', 'date claimed (default: today)')
    .addHelpText('after', '\nExamples:\n  sscard ecard claim --id 11010519491231002X --channel wechat\n  sscard ecard claim --id 11010519491231002X --channel 12333 --on 2026-04-02')
    .action(action(() => import('./ecard-claim.js'), (_, o) => o));

  root
    .command('enable')
    .description('record that the card\'s social-security function was switched on (启用): online, at a window, a bank or a hospital')
    .option('--card <card-number>', 'the card')
    .option('--on <date>', 'date enabled (default: today)')
    .option('--channel <channel>', 'window, bank, online or hospital')
    .addHelpText('after', '\nExamples:\n  sscard enable --card G00000001 --channel online --on 2025-02-02\n  sscard enable --card A12345678')
    .action(action(() => import('./enable.js'), (_, o) => o));

  root
    .command('policies')
    .description('the card policies: activation windows, consequences, loss rules and their sources')
    .argument('[id]', 'one policy')
    .addHelpText('after', '\nExamples:\n  sscard policies\n  sscard policies guangdong --json')
    .action(action(() => import('./policies.js'), ([id]) => ({ id })));

  root
    .command('due')
    .description('the agenda: every open deadline across the ledger, overdue first')
    .option('--within <days>', 'only deadlines in the next DAYS days (overdue ones are always shown)')
    .option('--check', 'exit 3 when anything is overdue (for a daily cron job)')
    .option('--employer <name>', "only this employer's deadlines")
    .addOption(new Option('--kind <kind>', 'only one kind of deadline').choices(['registration', 'separation', 'activation', 'renewal']))
    .addOption(new Option('--format <format>', 'text, json, or ics (an iCalendar file for Outlook, DingTalk, Feishu, phone calendars)').choices(['text', 'json', 'ics']))
    .addHelpText(
      'after',
      '\nExamples:\n  sscard due\n  sscard due --within 14 --employer "Acme Ltd"\n  sscard due --employer "Acme Ltd" --format ics > acme-deadlines.ics\n  sscard due --check --json > agenda.json || mail-hr agenda.json',
    )
    .action(action(() => import('./due.js'), (_, o) => o));

  root
    .command('people')
    .description('everyone in the ledger, one line each: card, e-card, open deadlines')
    .option('--employer <name>', 'only people hired by this employer')
    .option('--name <text>', 'only people whose name contains this text')
    .addHelpText('after', '\nExamples:\n  sscard people\n  sscard people --employer "Acme Ltd"\n  sscard people --name 王 --json')
    .action(action(() => import('./people.js'), (_, o) => o));

  root
    .command('import')
    .description('hires, leavers and cards in bulk from the roster HR has (nothing is written if any row is bad)')
    .argument('<file>', 'xlsx, csv, tsv or txt (UTF-8 or GB18030, English or Chinese headers), a JSON export, or - for standard input')
    .option('--dry-run', 'check every row exactly as the import would, write nothing')
    .option('--skip-invalid', 'import the good rows and report the bad ones')
    .option('--sheet <name>', 'the sheet of an xlsx file (default: the first)')
    .addHelpText('after', '\nExamples:\n  sscard import 花名册.xlsx --dry-run\n  sscard import roster-gbk.csv\n  sscard import hires.csv --skip-invalid\n  sscard export --format json --reveal | sscard --db copy.db import -')
    .action(action(() => import('./import.js'), ([file], o) => ({ file, ...o })));

  root
    .command('export')
    .description('the ledger, re-importable with import: csv or xlsx with import\'s columns, json with every event')
    .addOption(new Option('--format <format>', 'csv (UTF-8 with BOM), xlsx (IDs as text, dates as dates) or json (every event)').choices(['csv', 'xlsx', 'json']).default('csv'))
    .addOption(new Option('--headers <lang>', 'column names in English or Chinese').choices(['en', 'zh']).default('en'))
    .addHelpText('after', '\nExamples:\n  sscard export --reveal > ledger.csv\n  sscard export --format xlsx --headers zh --reveal > 台账.xlsx\n  sscard export --format json --reveal > ledger.json')
    .action(action(() => import('./export.js'), (_, o) => o));

  root
    .command('history')
    .description('every recorded event about a person, oldest first')
    .argument('<id>', 'identity number')
    .addHelpText('after', '\nExamples:\n  sscard history 11010519491231002X\n  sscard history 11010519491231002X --json')
    .action(action(() => import('./history.js'), ([id]) => ({ id })));

  const calendar = root
    .command('calendar')
    .description("which years' holiday schedules are known, and from where; load a newly published one")
    .addHelpText('after', '\nExamples:\n  sscard calendar\n  sscard calendar load 2027.json')
    .action(action(() => import('./calendar.js'), () => ({})));
  calendar
    .command('load')
    .description("load a year's official holiday schedule (holiday-cn's JSON format); it overrides the package for that year")
    .argument('<file.json>', 'the schedule, e.g. 2027.json from holiday-cn')
    .option('--yes', 'replace a different schedule loaded before for that year without asking')
    .addHelpText('after', '\nExamples:\n  sscard calendar load 2027.json\n  sscard calendar load 2027.json --yes')
    .action(action(async () => ({ run: (await import('./calendar.js')).load }), ([file], o) => ({ file, ...o })));

  root
    .command('backup')
    .description('a consistent copy of the ledger, safe while others write')
    .argument('<file>', 'the backup file to create')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText('after', '\nExamples:\n  sscard backup ~/sscard-2026-11-24.db\n  sscard backup /mnt/usb/sscard.db --force')
    .action(action(() => import('./backup.js'), ([file], o) => ({ file, ...o })));

  root
    .command('copy')
    .description('copy a whole ledger, events included, between a file and a shared PostgreSQL ledger (into an empty one)')
    .option('--from <db-or-url>', 'the ledger to copy: a file, or a postgres:// URL')
    .option('--to <db-or-url>', 'where to: a new file, or a postgres:// URL of an empty schema')
    .addHelpText(
      'after',
      '\nExamples:\n  sscard copy --from ~/.local/share/sscard/sscard.db --to postgres://hr@db.example.internal/sscard\n  sscard copy --from postgres://hr@db.example.internal/sscard --to team-2026-11-30.db',
    )
    .action(action(() => import('./copy.js'), (_, o) => o));

  root
    .command('check')
    .description('integrity check, schema version and row counts of the ledger')
    .addHelpText('after', '\nExamples:\n  sscard check\n  sscard check --json --db ~/sscard-2026-11-24.db')
    .action(action(() => import('./check.js'), () => ({})));

  root
    .command('purge')
    .description('delete a person and every record and event about them (right to deletion)')
    .argument('<id>', 'identity number')
    .option('--yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExamples:\n  sscard purge 11010519491231002X\n  sscard purge 11010519491231002X --yes')
    .action(action(() => import('./purge.js'), ([id], o) => ({ id, ...o })));

  root
    .command('guide')
    .description('how to activate or enable a card, report a loss, claim the e-card, register an employee (offline)')
    .argument('[topic]', 'activate, enable, loss, ecard or register (default: all)')
    .addHelpText('after', '\nExamples:\n  sscard guide activate\n  sscard guide ecard --lang zh\n  sscard guide')
    .action(action(() => import('./guide.js'), ([topic]) => ({ topic })));

  root
    .command('completion')
    .description('print a shell completion script')
    .argument('<shell>', 'bash or zsh')
    .addHelpText('after', '\nExamples:\n  source <(sscard completion bash)\n  sscard completion zsh > ~/.zfunc/_sscard')
    .action(action(() => import('./completion.js'), ([shell], _, command) => ({ shell, tree: commandTree(command.parent!) })));

  return root;
}

/** The command tree as data: each command path with its subcommands and options (for completion). */
export function commandTree(command: Command, prefix = ''): Record<string, string[]> {
  const tree: Record<string, string[]> = {};
  const words = [...command.commands.map((c) => c.name()), ...command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)))];
  tree[prefix] = [...words, '--help'];
  for (const sub of command.commands) Object.assign(tree, commandTree(sub, prefix ? `${prefix} ${sub.name()}` : sub.name()));
  return tree;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      const message = usageText(error.message).replace(/^(error: |错误：)/, '');
      if (state.json) writeJsonError('usage', message);
      return EXIT.usage;
    }
    const failure = failureOf(error);
    failure.message = printable(redactIds(failure.message));
    // Details a failure carries (e.g. import's bad rows) go into the one JSON document.
    if (state.json) writeJsonError(failure.code, failure.message, (error as { details?: Record<string, unknown> } | null)?.details);
    else process.stderr.write(`sscard: ${failure.message}\n`);
    return failure.exitCode;
  }
}
