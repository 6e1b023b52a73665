// Writes the manual pages man/sscard.1 and, in Chinese, man/zh_CN/man1/sscard.1
// (roff, man(7) macros) from the Commander declarations (src/cli/main.ts and each command's commands/<name>.command.ts),
// built in each language, and the catalogues' `man` texts: the same Command objects that print
// `--help`, so the page and the help cannot drift apart. Descriptions,
// usages, choices, defaults and examples (the 'after' help texts) are read
// from those objects at generation time, never copied here. What Commander
// does not declare (environment, exit status, files) is in the catalogues.
// Run by scripts/build.mjs, or alone: node scripts/man.mjs
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const MAN_PAGE = path.join(root, 'man', 'sscard.1');
/** The Chinese page, where man-db looks for a zh_CN locale under a MANPATH entry (man/zh_CN/man1/, beside man/man1/). */
export const MAN_PAGE_ZH = path.join(root, 'man', 'zh_CN', 'man1', 'sscard.1');

/** program(), EXIT and the catalogues from the TypeScript sources, bundled in memory (the commands' own modules are never loaded). */
async function loadDeclarations(version) {
  const result = await build({
    stdin: {
      contents:
        "export { program } from './src/cli/main.ts'; export { EXIT } from './src/cli/exit.ts'; export { messagesFor } from './src/cli/text/messages/index.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    external: ['better-sqlite3'],
    define: { SSCARD_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
    absWorkingDir: root,
    plugins: [
      {
        // A command's module is imported only when it runs; the page needs none of them.
        name: 'commands-not-loaded',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
        },
      },
    ],
  });
  const bundle = new Module(path.join(root, 'man-declarations.cjs'));
  bundle.paths = Module._nodeModulePaths(root);
  bundle._compile(result.outputFiles[0].text, bundle.id);
  return bundle.exports;
}

/**
 * Text as roff: backslashes and hyphens escaped (`\-` keeps options copy-pastable as ASCII), a break point
 * after each comma of a comma-separated list and no hyphenation inside it (the import columns), no line read
 * as a request.
 */
function roff(text) {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/\S+,\S+/g, (list) => `\\%${list.replace(/,/g, ',\\:\\%')}`)
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** `--db <path>` as bold flags and italic placeholders. */
function term(text) {
  return text
    .split(/(\s+|,\s*)/)
    .map((part) => {
      const placeholder = /^([<[])(.*)([>\]])$/.exec(part);
      if (placeholder) return `${placeholder[1] === '[' ? '[' : ''}\\fI${roff(placeholder[2])}\\fR${placeholder[1] === '[' ? ']' : ''}`;
      if (/^-/.test(part)) return `\\fB${roff(part)}\\fR`;
      return roff(part);
    })
    .join('');
}

/** The text a command prints after its help (addHelpText('after', ...)), as Commander would write it. */
function afterHelpText(command) {
  let text = '';
  for (const listener of command.listeners('afterHelp')) listener({ error: false, command, write: (s) => (text += s) });
  return text;
}

/** An after-help text: unindented lines are headings, indented lines are shown verbatim (examples). */
function afterHelpRoff(text, { dropFirstHeading = false } = {}) {
  const out = [];
  let verbatim = false;
  let first = true;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const indented = /^\s/.test(line);
    if (indented && !verbatim) out.push('.RS 4', '.nf');
    if (!indented && verbatim) out.push('.fi', '.RE');
    verbatim = indented;
    if (indented) out.push(roff(line.trim()));
    else if (!(first && dropFirstHeading)) out.push('.PP', roff(line));
    first = false;
  }
  if (verbatim) out.push('.fi', '.RE');
  return out;
}

function optionsRoff(help, _command, options) {
  return options.flatMap((option) => ['.TP', term(help.optionTerm(option)), roff(help.optionDescription(option))]);
}

/** Commands declared in the registry (main.ts) (not Commander's implicit `help` command), in help order. */
function declaredCommands(help, command) {
  return help.visibleCommands(command).filter((sub) => command.commands.includes(sub));
}

function usageLine(help, command) {
  const usage = help.commandUsage(command);
  const words = [];
  for (let c = command; c; c = c.parent) words.unshift(c.name());
  const name = words.join(' ');
  return `\\fB${roff(name)}\\fR${term(usage.slice(name.length))}`;
}

function commandRoff(help, command) {
  const out = [`.SS "${roff(help.commandUsage(command)).replace(/"/g, '\\(dq')}"`, roff(help.commandDescription(command))];
  const args = help.visibleArguments(command);
  if (args.length > 0) out.push(...args.flatMap((arg) => ['.TP', `\\fI${roff(help.argumentTerm(arg))}\\fR`, roff(help.argumentDescription(arg))]));
  const options = help.visibleOptions(command).filter((option) => option.long !== '--help');
  out.push(...optionsRoff(help, command, options));
  out.push(...afterHelpRoff(afterHelpText(command)));
  for (const sub of declaredCommands(help, command)) out.push(...commandRoff(help, sub));
  return out;
}

function leafCommands(help, command) {
  const subs = declaredCommands(help, command);
  return subs.length === 0 ? [command] : subs.flatMap((sub) => leafCommands(help, sub));
}

function hasOption(command, flag) {
  return command.options.some((option) => option.long === flag) || command.commands.some((sub) => hasOption(sub, flag));
}

/** The page in the language of `m` (the catalogue's `man` texts are man(7) source: roff escapes kept as written). */
export function renderManPage(program, EXIT, m, { version, date }) {
  const t = m.man;
  const help = program.createHelp();
  const name = program.name();
  const lines = [
    '.\\" -*- coding: UTF-8 -*-',
    '.\\" Generated by scripts/man.mjs from the command declarations (src/cli/commands/*.command.ts, gathered by src/cli/main.ts); edit those, not this file.',
    `.TH ${name.toUpperCase()} 1 "${date}" "${name} ${version}" "${t.manual}"`,
    // Left-aligned: justification cannot stretch a line made of one long list (groff warns "cannot adjust line").
    '.ad l',
    `.SH ${t.sections.name}`,
    `${name} \\- ${roff(help.commandDescription(program))}`,
    `.SH ${t.sections.synopsis}`,
    '.nf',
    usageLine(help, program),
    ...leafCommands(help, program).map((command) => usageLine(help, command)),
    '.fi',
    `.SH ${t.sections.description}`,
    roff(help.commandDescription(program)),
    '.PP',
    t.globalOptionsNote(name),
    `.SH ${t.sections.globalOptions}`,
    ...optionsRoff(help, program, help.visibleOptions(program)),
    `.SH ${t.sections.commands}`,
    ...declaredCommands(help, program).flatMap((command) => commandRoff(help, command)),
    `.SH ${t.sections.environment}`,
    '.TP',
    '.B SSCARD_DB',
    t.environment.db,
    '.TP',
    '.B PGPASSWORD, PGSSLMODE, PGHOST, PGUSER',
    t.environment.pg,
    '.TP',
    '.B SSCARD_TODAY',
    t.environment.today,
    // SPEC 1.8: only once `--policy` is declared does the variable mean anything to this build.
    ...(hasOption(program, '--policy') ? ['.TP', '.B SSCARD_POLICY', t.environment.policy] : []),
    '.TP',
    '.B NO_COLOR',
    t.environment.noColor,
    '.TP',
    '.BR LC_ALL ", " LC_MESSAGES ", " LANG',
    t.environment.lang,
    '.TP',
    '.B XDG_DATA_HOME',
    t.environment.dataHome,
    `.SH ${t.sections.exitStatus}`,
    // SPEC 2.2. A code without a meaning in the catalogue fails the build rather than leaving the page behind.
    ...Object.entries(EXIT).flatMap(([key, code]) => {
      if (!(key in t.exit)) throw new Error(`scripts/man.mjs: exit code ${key} (${code}) has no meaning for the manual; add it to the catalogues' man.exit.`);
      return ['.TP', `.B ${code}`, t.exit[key]];
    }),
    '.PP',
    t.errors,
    `.SH ${t.sections.files}`,
    '.TP',
    '.I $XDG_DATA_HOME/sscard/sscard.db',
    t.files,
    `.SH ${t.sections.examples}`,
    ...afterHelpRoff(afterHelpText(program), { dropFirstHeading: true }),
    `.SH ${t.sections.seeAlso}`,
    '.BR sqlite3 (1),',
    '.BR crontab (5)',
    '.PP',
    t.readme,
    '',
  ];
  return lines.join('\n');
}

/** The page's date: SOURCE_DATE_EPOCH (reproducible builds), else the last commit's day, else none. */
function pageDate() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10);
  try {
    return execFileSync('git', ['log', '-1', '--format=%cs'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** Both pages: English (the `man` field of package.json) and Chinese, each from its own declarations and catalogue. */
export async function writeManPage() {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { program, EXIT, messagesFor } = await loadDeclarations(version);
  const date = pageDate();
  for (const [lang, file] of [
    ['en', MAN_PAGE],
    ['zh', MAN_PAGE_ZH],
  ]) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, renderManPage(program(lang), EXIT, messagesFor(lang), { version, date }));
  }
}

if (process.argv[1] === import.meta.filename) await writeManPage();
