// The sscard executable: declares the command line and runs the chosen
// command, loaded on demand (each `import()` here becomes its own bundle, see
// scripts/build.mjs), so that start-up only pays for what the command uses.
import { Command, CommanderError, Option } from 'commander';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';
import { EXIT, failureOf } from './exit.js';
import type { GlobalOptions } from './process-context.js';

declare const SSCARD_VERSION: string;

type Runner = (ctx: Context, args: never) => Promise<void>;

/** The action of a command: builds the context, loads the command's module, runs it. */
function action(load: () => Promise<{ run: Runner }>, toArgs: (positional: string[], options: Record<string, unknown>) => unknown) {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const positional = params.slice(0, -2) as string[];
    const globals = command.optsWithGlobals() as GlobalOptions;
    state.json = Boolean(globals.json);
    const opened: Store[] = [];
    try {
      const { buildContext } = await import('./process-context.js');
      const ctx = buildContext(globals, opened);
      const { run } = await load();
      await run(ctx, toArgs(positional, command.opts()) as never);
    } finally {
      for (const store of opened) store.close();
    }
  };
}

const state = { json: process.argv.includes('--json') };

function program(): Command {
  const root = new Command('sscard')
    .description('Social security card (社会保障卡) ledger: activation windows, electronic cards, and employers\' registration deadlines.')
    .version(SSCARD_VERSION, '-V, --version')
    .option('--db <path>', 'ledger file (default: $SSCARD_DB, else sscard/sscard.db under $XDG_DATA_HOME or ~/.local/share)')
    .option('--as-of <date>', 'evaluate as of this day, YYYY-MM-DD (default: $SSCARD_TODAY, else today in China)')
    .option('--json', 'print one JSON document')
    .option('--reveal', 'show identity numbers unmasked')
    .option('--no-color', 'plain text without colours (also NO_COLOR)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (text) => {
        // Commander's own usage errors; under --json they become the JSON error document.
        if (!state.json) process.stderr.write(text);
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

  return root;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      const message = error.message.replace(/^error: /, '');
      if (state.json) process.stdout.write(`${JSON.stringify({ error: { code: 'usage', message } }, null, 2)}\n`);
      return EXIT.usage;
    }
    const failure = failureOf(error);
    if (state.json) {
      process.stdout.write(`${JSON.stringify({ error: { code: failure.code, message: failure.message } }, null, 2)}\n`);
    } else {
      process.stderr.write(`sscard: ${failure.message}\n`);
    }
    return failure.exitCode;
  }
}
