// Bundles the CLI with esbuild into CommonJS files (Node starts CommonJS
// measurably faster than ES modules):
//   dist/sscard.cjs          the command line itself (commander and the option declarations)
//   dist/lazy/status-cli.cjs the same with the process context and status's module inside, for `status`
//   dist/lazy/<name>.cjs     one bundle per module that the command line loads with `import()`
//                            (each command, from its declaration src/cli/commands/<name>.command.ts;
//                            the process context, from src/cli/main.ts), required only when that command runs
//   dist/lazy/pg-store.cjs   the PostgreSQL engine with the pg driver bundled in, loaded by
//                            src/store/open.ts only for a postgres:// URL (pg is pure JavaScript,
//                            so it is a devDependency like commander: nothing more to install)
// better-sqlite3's JavaScript is bundled too; only its compiled addon is loaded
// from the installed package, by path (src/store/sqlite/file.ts).
// Bundles do not share module instances, so nothing may depend on `instanceof`
// across them (errors are told apart by `name`, see src/cli/exit.ts).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildInputsDigest } from './build-inputs.mjs';
import { writeManPage } from './man.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

// `--if-changed` (npm test, scripts/test.mjs): no build when dist/ was built from the same inputs (build-inputs.mjs).
// The stamp lives outside dist/, which npm packs; a build removes it first and writes it once it has succeeded.
const STAMP = path.join(root, 'node_modules', '.cache', 'sscard', 'build-inputs.sha1');
const inputsDigest = buildInputsDigest(root);
if (
  process.argv.includes('--if-changed') &&
  existsSync(path.join(root, 'dist', 'sscard.cjs')) &&
  existsSync(STAMP) &&
  readFileSync(STAMP, 'utf8') === inputsDigest
) {
  console.log('dist/ is up to date with src/, data/, scripts/, bin/ and the lock file: not built again.');
  process.exit(0);
}

/** A source module's exports, bundled in memory and run here (the build uses the project's own code for what it precomputes). */
async function evaluated(entry) {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    absWorkingDir: root,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

/**
 * The schema of a ledger of the current version, as src/store/sqlite/file.ts
 * checks it on every open: made here by running the migrations on an empty
 * database in memory, once, rather than by every command at its start. Only
 * the current version's (issue 31): an older ledger's is made by file.ts when
 * that ledger is opened, once, to be migrated; all seven versions' were 31 KB
 * of text in every bundle holding the store, read at every start.
 */
async function ledgerSchemas() {
  const { MIGRATIONS, SCHEMA_QUERY } = await evaluated('src/store/sqlite/schema.ts');
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const db = new Database(':memory:');
  // Defensive mode off, as file.ts's runMigrations does: v6 edits sqlite_schema.
  db.unsafeMode(true);
  for (const migration of MIGRATIONS) db.exec(migration);
  const schema = JSON.stringify(db.prepare(SCHEMA_QUERY).all());
  db.close();
  return { [MIGRATIONS.length]: schema };
}

/*
 * Decision (issue 31): each bundle carries its own CommonJS wrapper, the one
 * Node puts around a module, called at once:
 *   (function (exports, require, module, __filename, __dirname) { ...
 *   }).apply(this, arguments);
 * Node's require() still runs it as a plain module (the in-process tests do),
 * while bin/sscard compiles the file without that last call: a slice of the
 * text read, which V8 keeps as a view of it. Wrapping it there (Module.wrap)
 * made a second copy of every bundle, some 400 KB of young objects at each
 * `status`, part of what ran the garbage collector during start-up.
 */
const WRAPPED = { head: '(function (exports, require, module, __filename, __dirname) {', tail: '.apply(this, arguments);\n' };

const common = {
  bundle: true,
  format: 'cjs',
  banner: { js: WRAPPED.head },
  footer: { js: `})${WRAPPED.tail.trimEnd()}` },
  platform: 'node',
  target: 'node20.19',
  define: { SSCARD_VERSION: JSON.stringify(version), SSCARD_SCHEMAS: JSON.stringify(await ledgerSchemas()) },
  // `import()` of a bundled-in module becomes a plain require().
  supported: { 'dynamic-import': false },
  // SSCARD_NO_MINIFY=1: readable names in `node --cpu-prof` profiles (issue 31's work); never for a release.
  minify: process.env.SSCARD_NO_MINIFY !== '1',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

const lazy = new Map(); // source path -> bundle name
/** The modules whose `import()`s become bundles of their own: those of the entry bundle (main.ts, the commands' declarations), and the store's opener. */
const ENTRY_IMPORTERS = [path.join('src', 'cli', 'main.ts'), /[\\/]src[\\/]cli[\\/]commands[\\/][^\\/]+\.command\.ts$/];
const LAZY_IMPORTERS = [...ENTRY_IMPORTERS, path.join('src', 'store', 'open.ts')];
// Modules that are a bundle of their own wherever a command imports them with `import()`: the prompts
// (@inquirer and its helpers, some 25 KB in each of 26 command bundles), which only a terminal session shows;
// a command that prints without asking (`status <id>`) no longer reads and deserialises them (issue 31).
const LAZY_TARGETS = [path.join('src', 'cli', 'commands', 'shared', 'prompt.ts')];
const importedBy = (importers, importer) => importers.some((i) => (typeof i === 'string' ? importer.endsWith(i) : i.test(importer)));
// pg's optional native binding (pg.native, libpq): sscard never uses it, so it is not bundled, nor required.
// Nor `bindings`, better-sqlite3's search for its addon: sscard names the addon itself.
const withoutPgNative = {
  name: 'without-pg-native',
  setup(b) {
    b.onResolve({ filter: /^(pg-native|bindings)$/ }, (args) => ({ path: args.path, namespace: 'absent' }));
    b.onLoad({ filter: /.*/, namespace: 'absent' }, (args) => ({ contents: `throw new Error("${args.path} is not bundled with sscard");`, loader: 'js' }));
    // pg asks whether it runs in a Cloudflare Worker by making a fetch Response: on Node 20 (no `navigator`) the
    // first touch of `Response` loads undici, 160 ms of every PostgreSQL command's start (issue 31, profiled on
    // `import`). sscard runs on Node: the question is answered here.
    b.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const asked = 'if (isCloudflareRuntime()) {';
      if (!source.includes(asked)) throw new Error(`pg's stream.js no longer asks isCloudflareRuntime(): look again (${args.path})`);
      return { contents: source.replace(asked, 'if (false) {'), loader: 'js' };
    });
  },
};
/*
 * Decision (issue 17): better-sqlite3's JavaScript is bundled (`import`), which
 * spares resolving and compiling its dozen files at every start: `status`
 * went from 1.62x to 1.40x bare node (wall; CPU 1.48x -> 1.38x; medians of 31
 * interleaved runs, with the code cache already in). Its addon is a file of
 * the installed package, named by path; `require('better-sqlite3')` stays a
 * real require: the installed driver, used whole only when the addon is not
 * where it is expected.
 */
const sqliteDriver = {
  name: 'sqlite-driver',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, (args) => (args.kind === 'require-call' ? { path: 'better-sqlite3', external: true } : undefined));
    // The driver requires fs, path and util by their bare names: Node resolves a bare name as a file first (its
    // check that the name may go without `node:`, then the resolver), 0.06-0.08 ms at start; `node:` goes straight
    // to the built-in module.
    b.onResolve({ filter: /^(fs|path|util)$/ }, (args) =>
      args.kind === 'require-call' && /[\\/]better-sqlite3[\\/]lib[\\/]/.test(args.importer) ? { path: `node:${args.path}`, external: true } : undefined,
    );
    // The driver's backup method promisifies fs.access when its module loads, at every start of every command holding
    // the store: util.promisify's first call, 0.14-0.17 ms (issue 31). Promisified on the first backup instead.
    b.onLoad({ filter: /[\\/]better-sqlite3[\\/]lib[\\/]methods[\\/]backup\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = 'const fsAccess = promisify(fs.access);';
      if (!source.includes(eager))
        throw new Error(`${args.path}: better-sqlite3 no longer promisifies fs.access at load as expected; update scripts/build.mjs`);
      return {
        contents: source.replace(eager, 'let promisedAccess;\nconst fsAccess = (...args) => (promisedAccess ??= promisify(fs.access))(...args);'),
        loader: 'js',
      };
    });
  },
};
/**
 * Each `import()` that becomes a bundle of its own, required by its path relative to the bundle that imports it:
 * dist/sscard.cjs requires `./lazy/NAME.cjs`, a bundle in dist/lazy/ `./NAME.cjs`. `inline`: the modules a bundle
 * keeps inside instead (the status command line's, below).
 */
const splitLazyImports = ({ inline = [], inLazy = false } = {}) => ({
  name: 'split-lazy-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      if (!importedBy(LAZY_IMPORTERS, args.importer) && !LAZY_TARGETS.some((target) => source.endsWith(target))) return undefined;
      if (inline.some((module) => source.endsWith(module))) return undefined;
      const name = path.basename(source, '.ts');
      lazy.set(source, name);
      const fromEntry = !inLazy && importedBy(ENTRY_IMPORTERS, args.importer);
      return { path: fromEntry ? `./lazy/${name}.cjs` : `./${name}.cjs`, external: true };
    });
  },
});

// Commander requires node:child_process at load, for stand-alone executable
// subcommands, which sscard has none of; loading it (with net, dgram and their
// streams) was 2 ms of every start. Required on first use instead.
const commanderWithoutChildProcess = {
  name: 'commander-without-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`${args.path}: commander no longer requires node:child_process as expected; update scripts/build.mjs`);
      return { contents: source.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};

/*
 * Decision (issue 31): commander is loaded on first use. Our sources import it
 * by name (main.ts, the commands' declarations); here those imports become
 * stand-ins that require commander when first called: `new Command(...)`,
 * `new Option(...)` and `new Argument(...)` make commander's own objects, and
 * `instanceof CommanderError` asks commander's class once it is loaded (before
 * that, nothing can be one). `sscard status <id>`, which main.ts runs without
 * building the command line (plainStatusLine), then runs none of commander:
 * 0.30-0.32 ms less of its start-up after Node's own (pinned, three sets of 41
 * paired rounds). In dist/sscard.cjs, whose every command builds the command
 * line, commander stays inside; dist/lazy/status-cli.cjs requires it from a
 * bundle of its own, dist/lazy/commander.cjs, for a status line with more on
 * it (`status <id> --json`), trained by the build as `status` is. Kept inside
 * the status bundle instead, commander's functions were no longer in its code
 * cache (trained on `status <id>` alone), and such a line compiled them: 2.2
 * ms more than with the bundle of its own. Packages' own imports of commander,
 * and the tests (which run the sources), get commander itself.
 */
const commanderStandIns = (from) => `let loaded;
const commander = () => (loaded ??= require('${from}'));
export function Command(...args) { return new (commander().Command)(...args); }
export function Option(...args) { return new (commander().Option)(...args); }
export function Argument(...args) { return new (commander().Argument)(...args); }
export const CommanderError = { [Symbol.hasInstance]: (value) => loaded !== undefined && value instanceof loaded.CommanderError };
`;
const commanderOnFirstUse = (from = 'commander') => ({
  name: 'commander-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^commander$/ }, (args) =>
      args.kind === 'import-statement' && args.importer.startsWith(SOURCES) ? { path: 'commander', namespace: 'commander-on-first-use' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'commander-on-first-use' }, () => ({ contents: commanderStandIns(from), resolveDir: root, loader: 'js' }));
    b.onResolve({ filter: /^\.\/commander\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
});

// `import fs from 'node:fs'` in a bundle became __toESM(require('node:fs')): a
// new object with a getter for each of the module's hundred-odd exports, made
// again in every module that imports it (nine times for node:fs in
// process-context.cjs), some 2% of `status`'s start-up (issue 31). These
// built-ins are imported by default only, so the module itself serves (a named
// import of them fails the build, rather than working differently). Our sources only: packages import them by name.
const SOURCES = path.join(root, 'src') + path.sep;
const plainBuiltins = {
  name: 'plain-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:(fs|path|os)$/ }, (args) =>
      args.kind === 'import-statement' && args.importer.startsWith(SOURCES) ? { path: args.path, namespace: 'plain-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'plain-builtin' }, (args) => ({ contents: `export default require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

// The message catalogues are data: a bundle that imports them without using
// them (status, through input.ts) drops them instead of building both again.
const pureCatalogues = {
  name: 'pure-catalogues',
  setup(b) {
    b.onResolve({ filter: /[\\/]messages[\\/](index|en|zh)\.js$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')),
      sideEffects: false,
    }));
  },
};

/*
 * Decision (issue 31): each language's catalogue is a bundle of its own
 * (dist/lazy/messages-en.cjs, messages-zh.cjs), required when messagesFor()
 * first asks for that language. Bundled into the entry, both were built at
 * every start (a few thousand functions and objects), and the Chinese one
 * made dist/sscard.cjs non-ASCII, so that bin/sscard had to decode it as
 * UTF-8 instead of copying it. The catalogues' own module (messages/index.ts)
 * stays as it is for the tests, which run the sources.
 *
 * Since its sections are built on first read (messages/built.ts), the English
 * catalogue is bundled into the entry again (`englishInside`), the language
 * whenever neither --lang nor the locale asks for Chinese (text/lang.ts): one
 * file, one compile and one code cache fewer, and the
 * entry's text (162 KB with it) is above V8's largest ordinary heap object
 * (128 KB), so it lies in the large-object space and no longer fills the
 * young generation, where the two texts used to: `status` ran 2 scavenges
 * and runs 1 (--trace-gc, code caches made under the flag), 545.7 -> 542.2 M
 * instructions (callgrind). A Chinese run reads the English text too:
 * 548.5 -> 549.8-550.2 M for `--lang zh status`. It is ASCII, so the entry
 * still is. The Chinese one stays its own bundle; the web view's bundle
 * (serve) still requires messages-en.cjs for its own pages' words.
 */
const CATALOGUES = path.join('src', 'cli', 'text', 'messages');
const lazyCatalogues = (prefix, englishInside = false) => ({
  name: 'lazy-catalogues',
  setup(b) {
    b.onResolve({ filter: /messages-(en|zh)\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /[\\/]src[\\/]cli[\\/]text[\\/]messages[\\/]index\.ts$/ }, (args) => ({
      contents: englishInside
        ? `import { en } from './en.ts';
let zh;
export function messagesFor(lang) {
  return lang === 'zh' ? (zh ??= require('${prefix}messages-zh.cjs').zh) : en;
}`
        : `let en, zh;
export function messagesFor(lang) {
  return lang === 'zh' ? (zh ??= require('${prefix}messages-zh.cjs').zh) : (en ??= require('${prefix}messages-en.cjs').en);
}`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
});

/*
 * Decision (issue 31): zod, where our sources require() it on first use
 * (src/core/policy.ts checks a policy file's shape only when the file is not
 * the one the build checked), is a bundle of its own, dist/lazy/zod-mini.cjs,
 * required when that happens. Bundled into each command as a require(), all
 * of zod (some 520 KB) went into every bundle holding policy.ts; statically
 * imported, its module defined some forty classes at every start of those
 * commands. A command whose own schemas import zod (shared/input.ts) keeps
 * them in its bundle as before.
 */
const zodOnFirstUse = {
  name: 'zod-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^zod\/mini$/ }, (args) =>
      args.kind === 'require-call' && args.importer.startsWith(SOURCES) ? { path: './zod-mini.cjs', external: true } : undefined,
    );
  },
};

/*
 * Decision (issue 31): the `chinese-days` package's functions (its lunar
 * calendar), which src/core/official-calendar.ts require()s only for a
 * deadline in a year without an official schedule, are a bundle of their own
 * too, dist/lazy/chinese-days.cjs: 32 KB fewer in every bundle computing
 * deadlines, `status`'s among them, read at each start though rarely run.
 */
const chineseDaysOnFirstUse = {
  name: 'chinese-days-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^chinese-days$/ }, (args) =>
      args.kind === 'require-call' && args.importer.startsWith(SOURCES) ? { path: './chinese-days.cjs', external: true } : undefined,
    );
  },
};

/*
 * Decision (issue 31): the `chinese-days` package's schedules go into the
 * bundles a year at a time, as text that is parsed when a command first asks
 * for that year (src/core/chinese-days-schedule.ts is replaced with a module
 * calling scheduleFromYearTexts on the texts scheduleYearTexts makes here
 * from the package's file). Parsing the whole file at every start made some
 * 110 KB of young objects (--heap-prof), enough that `status` collected
 * garbage once, a scavenge of 0.8-1.2 ms (--trace-gc); with one year parsed
 * it collects none (in English, in Chinese, with --json). `status` on a
 * 100,000-hire ledger, medians of 60 interleaved runs: 21.5 -> 19.0 ms after
 * Node's bootstrap, 134.9 -> 129.4 ms whole (node -e "" 113.6 ms).
 * The texts are string constants of the bundle, which V8 keeps with the
 * compiled code rather than among new objects.
 */
const { scheduleYearTexts } = await evaluated('src/core/holidays.ts');
const CHINESE_DAYS_YEARS = scheduleYearTexts(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json'), 'utf8')));
const chineseDaysByYear = {
  name: 'chinese-days-by-year',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]chinese-days-schedule\.ts$/ }, (args) => ({
      contents: `import { scheduleFromYearTexts } from './holidays.ts';\nexport const chineseDaysSchedule = scheduleFromYearTexts(${JSON.stringify(CHINESE_DAYS_YEARS)});\n`,
      resolveDir: path.dirname(args.path),
      loader: 'ts',
    }));
  },
};

/** The plugins every bundle of commands' code shares (dist/lazy/), after its own import()s are split off: `catalogues` says how it finds its words. */
const commandCode = (catalogues) => [
  withoutPgNative,
  sqliteDriver,
  pureCatalogues,
  plainBuiltins,
  catalogues,
  zodOnFirstUse,
  chineseDaysOnFirstUse,
  chineseDaysByYear,
];

rmSync(STAMP, { force: true }); // written again only once the whole build has succeeded
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'dist/sscard.cjs',
  plugins: [splitLazyImports(), commanderOnFirstUse(), commanderWithoutChildProcess, plainBuiltins, lazyCatalogues('./lazy/', true)],
});
/*
 * Decision (issue 31): `status`, the question most runs ask, starts from a
 * bundle of its own, dist/lazy/status-cli.cjs: the whole command line, as in
 * dist/sscard.cjs, with the process context and status's module inside. One
 * file to read, compile and run instead of three: 1.3 ms less of `status`'s
 * start-up after Node's own (23.6 against 24.9 ms, medians of 40 interleaved
 * runs on a 100,000-hire ledger; Node itself takes about 3.7 of them). It is
 * a complete command line, so bin/sscard's choice between the two (the word
 * `status` anywhere on the line) decides only what is compiled at start,
 * never what a run does. It lies in dist/lazy/, beside the bundles whose code
 * it holds, since that code finds data/ and dist/checked/ from its own directory.
 */
const STATUS_CLI_INSIDE = [path.join('src', 'cli', 'process-context.ts'), path.join('src', 'cli', 'commands', 'status.ts')];
await build({
  ...common,
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'dist/lazy/status-cli.cjs',
  plugins: [splitLazyImports({ inline: STATUS_CLI_INSIDE, inLazy: true }), commanderOnFirstUse('./commander.cjs'), ...commandCode(lazyCatalogues('./', true))],
});
await Promise.all([
  ...['en', 'zh'].map((lang) =>
    build({ ...common, entryPoints: [path.join(CATALOGUES, `${lang}.ts`)], outfile: `dist/lazy/messages-${lang}.cjs`, plugins: [plainBuiltins] }),
  ),
  build({ ...common, stdin: { contents: "export * from 'zod/mini';", resolveDir: root, loader: 'js' }, outfile: 'dist/lazy/zod-mini.cjs' }),
  build({ ...common, stdin: { contents: "module.exports = require('chinese-days');", resolveDir: root, loader: 'js' }, outfile: 'dist/lazy/chinese-days.cjs' }),
  build({
    ...common,
    stdin: { contents: "module.exports = require('commander');", resolveDir: root, loader: 'js' },
    outfile: 'dist/lazy/commander.cjs',
    plugins: [commanderWithoutChildProcess],
  }),
]);
// A lazy bundle may itself import() another (the store opener loads the PostgreSQL engine): until none is new.
// One esbuild call for all of a round's bundles, not one each: esbuild then reads and parses the shared sources
// once (the build took 6.7-7.4 s of CPU, esbuild's process included, and 2.3-2.4 s this way; the bundles are
// byte-identical, only the V8 code caches differ, as they do between any two builds). Issue 25: npm test builds.
const built = new Set();
while (built.size < lazy.size) {
  const next = [...lazy].filter(([source]) => !built.has(source));
  for (const [source] of next) built.add(source);
  await build({
    ...common,
    entryPoints: next.map(([source, name]) => ({ in: source, out: name })),
    outdir: 'dist/lazy',
    outExtension: { '.js': '.cjs' },
    plugins: [splitLazyImports(), ...commandCode(lazyCatalogues('./'))],
  });
}
// Every bundle a bundle requires is there (a lazy target imported from the entry bundle would be looked for in dist/),
// and each ends with the call bin/sscard leaves out.
for (const bundle of ['sscard.cjs', ...readdirSync(path.join(root, 'dist', 'lazy')).map((name) => `lazy/${name}`)]) {
  const from = path.dirname(path.join(root, 'dist', bundle));
  const text = readFileSync(path.join(root, 'dist', bundle), 'latin1');
  if (!text.startsWith(WRAPPED.head) || !text.endsWith(`})${WRAPPED.tail}`)) throw new Error(`dist/${bundle} is not wrapped as bin/sscard expects`);
  for (const [, required] of text.matchAll(/require\("(\.\/[^"]+\.cjs)"\)/g)) {
    if (!existsSync(path.join(from, required))) throw new Error(`dist/${bundle} requires ${required}, which the build did not make`);
  }
}
// man/sscard.1, from the same Commander declarations as --help.
await writeManPage();
// Each bundle's first line, for bin/sscard: `//sscard-bundle <SHA-1> ascii|utf8`, the SHA-1 (20 hex digits) of the
// rest, which names its code caches without hashing at every start (V8 checks only a cache's source length), and
// whether the rest is ASCII (then copied as latin1 rather than decoded). In the bundle read anyway: a list in a file
// of its own (dist/bundles.json) was one more file read and parsed at each start (issue 31). require() reads the
// line as a comment.
for (const bundle of ['sscard.cjs', ...readdirSync(path.join(root, 'dist', 'lazy')).map((name) => `lazy/${name}`)]) {
  const file = path.join(root, 'dist', bundle);
  const bytes = readFileSync(file);
  const hash = createHash('sha1').update(bytes).digest('hex').slice(0, 20);
  const ascii = bytes.every((byte) => byte < 0x80);
  writeFileSync(file, Buffer.concat([Buffer.from(`//sscard-bundle ${hash} ${ascii ? 'ascii' : 'utf8'}\n`), bytes]));
}
await checkShippedData();
await trainCodeCaches();
mkdirSync(path.dirname(STAMP), { recursive: true });
writeFileSync(STAMP, inputsDigest);

/**
 * dist/checked/: a copy of each shipped data file that is sound, and what
 * reading it gives (NAME.reading.json): for data/policies.json the book
 * parsePolicies made (src/core/policy.ts, policyReading), for
 * data/contributions.json the table. A command finding the same bytes takes
 * the reading (src/cli/commands/shared/checked-data.ts): checking the two
 * files was about a fifth of what `status` ran beyond bare node (issue 31). A
 * file that fails gets no copy: every command then reads it, and says what
 * is wrong with it.
 */
async function checkShippedData() {
  const { parsePolicies, policyReading } = await evaluated('src/core/policy.ts');
  const { parseContributions } = await evaluated('src/core/contributions.ts');
  const readings = {
    'policies.json': (data) => {
      const parsed = parsePolicies(data);
      return parsed.ok ? policyReading(parsed) : undefined;
    },
    'contributions.json': (data) => {
      const parsed = parseContributions(data);
      return parsed.ok ? parsed.table : undefined;
    },
  };
  mkdirSync(path.join(root, 'dist', 'checked'));
  for (const [name, read] of Object.entries(readings)) {
    const bytes = readFileSync(path.join(root, 'data', name));
    const reading = read(JSON.parse(bytes.toString('utf8')));
    // Written as JSON: the reading must survive it as it is (plain data, no key holding undefined).
    if (reading === undefined || !identical(JSON.parse(JSON.stringify(reading)), reading)) {
      console.warn(`data/${name} does not pass its check: every command will check it (and say what is wrong)`);
      continue;
    }
    writeFileSync(path.join(root, 'dist', 'checked', name), bytes);
    // ASCII (the JSON escapes for the rest), so that it is read without decoding UTF-8.
    const ascii = JSON.stringify(reading).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    writeFileSync(path.join(root, 'dist', 'checked', name.replace(/\.json$/, '.reading.json')), ascii);
  }
}

/** The same JSON value, keys in the same order (a key holding undefined counts). */
function identical(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && identical(a[k], b[k]));
}

/**
 * dist/cache/: V8 code caches for the bundles of the common commands (see
 * bin/sscard), made by running them on a throw-away ledger, so that the cache
 * holds every function those runs compiled. For this Node only: another Node
 * makes its own in the user's cache directory on first use.
 */
async function trainCodeCaches() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'sscard-build-'));
  const id = '11010519491231002X';
  const run = (args, cacheDir) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'sscard'), ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: work,
        LANG: 'C',
        NO_COLOR: '1',
        SSCARD_DB: path.join(work, 'ledger.db'),
        SSCARD_TODAY: '2026-11-24',
        SSCARD_CODE_CACHE_DIR: cacheDir,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
  try {
    // The ledger is made first, elsewhere: creating one is a rare path. `status` trains its own bundle's cache, and
    // register-employee those of dist/sscard.cjs and the process context, which every other command shares.
    const register = ['register-employee', '--id', id, '--employer', 'Build Co', '--hired-on', '2026-10-01', '--pending'];
    // `status <id> --json` after `status <id>`: the status bundle's cache is made by the plain line, which runs
    // none of commander, and commander's own bundle's by the line with a flag.
    const runs = [
      [register, path.join(work, 'discarded')],
      ...[['status', id], ['status', id, '--json'], register].map((args) => [args, path.join(root, 'dist', 'cache')]),
    ];
    for (const [args, cacheDir] of runs) {
      const result = run(args, cacheDir);
      if (result.status !== 0 && result.status !== 3) console.warn(`code cache not made: sscard ${args[0]} exited ${result.status}: ${result.stderr}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
