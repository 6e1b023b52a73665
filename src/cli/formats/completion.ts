// Completion scripts for bash, zsh and fish (`sscard completion`), written
// from the command tree as data (main.ts's commandTree): the file format of a
// shell's completion, depending on nothing but that tree.

/** A command for completion: its subcommands, its options, and the values its options and argument take. */
export interface CompletionNode {
  readonly words: string[];
  /** Option (e.g. `--channel`) -> its values; `''` -> the values of the positional argument. Options not listed take free text. */
  readonly values: Record<string, string[]>;
  /** Options that take a value (its next word is not a command). */
  readonly takesValue: string[];
  /** The positional argument is a file name. */
  readonly fileArgument: boolean;
}

/** The shells sscard writes a completion script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export type CompletionTree = Record<string, CompletionNode>;
type Tree = CompletionTree;

/** Values only the data files know: the card policy IDs (data/policies.json) and the cities of the contribution data (data/contributions.json). */
export interface CompletionData {
  readonly policies: string[];
  readonly cities: string[];
}

/** The options that take them, wherever they are declared. */
const DATA_OPTIONS: Readonly<Record<string, keyof CompletionData>> = { '--policy': 'policies', '--city': 'cities' };
/** The commands whose argument is one: `sscard policies [id]`, `sscard rates [city]`. */
const DATA_ARGUMENTS: Readonly<Record<string, keyof CompletionData>> = { policies: 'policies', rates: 'cities' };

export function withData(tree: Tree, data: CompletionData): Tree {
  const out: Tree = {};
  for (const [key, node] of Object.entries(tree)) {
    const values = { ...node.values };
    for (const option of node.takesValue) {
      const list = DATA_OPTIONS[option] && data[DATA_OPTIONS[option]];
      if (list && list.length > 0) values[option] = list;
    }
    const argument = DATA_ARGUMENTS[key] && data[DATA_ARGUMENTS[key]];
    if (argument && argument.length > 0) values[''] = argument;
    out[key] = { ...node, values };
  }
  return out;
}

/** Only names made of safe characters reach a script (they are quoted anyway). */
const word = (w: string) => w.replace(/[^\w.@/+-]/g, '');
const list = (words: readonly string[]) => [...new Set(words)].map(word).join(' ');

/** Options that take a value anywhere: the word after one is its value, not a command. */
function valueOptions(tree: Tree): string[] {
  return [...new Set(Object.values(tree).flatMap((node) => node.takesValue))];
}

/** Commands whose argument is a file (import, backup, calendar load): file names complete there. */
function fileCommands(tree: Tree): string {
  return Object.entries(tree)
    .filter(([, node]) => node.fileArgument)
    .map(([p]) => `"${p}"`)
    .join('|');
}

export function bashScript(tree: Tree, shell: 'bash' | 'zsh'): string {
  const root = tree['']!;
  const globalOptions = root.words.filter((w) => w.startsWith('-'));
  const paths = Object.keys(tree).filter((p) => p !== '');
  const valueCases = Object.entries(tree).flatMap(([p, node]) =>
    Object.entries(node.values)
      .filter(([option]) => option !== '')
      .map(([option, values]) => `    "${p}|${option}"${p === '' ? ` | *"|${option}"` : ''}) words="${list(values)}" ;;`),
  );
  // Subcommands and argument values, or options when the word begins with `-` (or nothing else fits).
  const wordCases = Object.entries(tree).map(([p, node]) => {
    const args = [...(node.values[''] ?? []), ...node.words.filter((w) => !w.startsWith('-'))];
    const options = p === '' ? node.words.filter((w) => w.startsWith('-')) : [...node.words.filter((w) => w.startsWith('-')), ...globalOptions];
    return `    "${p}") args="${list(args)}"; words="${list(options)}" ;;`;
  });
  // zsh loads a file named _sscard from $fpath as the body of the function _sscard when compinit has read its
  // first line, `#compdef sscard`; the bash-style function therefore has another name there, and the file's body
  // answers the Tab that loaded it (zsh_eval_context ends in loadautofunc) as well as registering itself.
  const fn = shell === 'zsh' ? '_sscard_bash' : '_sscard';
  const head =
    shell === 'zsh'
      ? `#compdef sscard
# sscard completion for zsh (through bashcompinit): \`source <(sscard completion zsh)\`, or save it as _sscard in a directory on $fpath before compinit runs
autoload -U +X bashcompinit && bashcompinit
`
      : '# sscard completion for bash\n';
  const tail =
    shell === 'zsh'
      ? `complete -F ${fn} sscard
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _bash_complete -F ${fn}
fi
`
      : `complete -F ${fn} sscard\n`;
  return `${head}${fn}() {
  local cur prev cmdpath="" word words args="" i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      ${valueOptions(tree).map(word).join('|')}) ((i++)); continue ;;
      -*) continue ;;
    esac
    case "\${cmdpath:+$cmdpath }$word" in
      ${paths.map((p) => `"${p}"`).join('|')}) cmdpath="\${cmdpath:+$cmdpath }$word" ;;
    esac
  done
  words=""
  case "$cmdpath|$prev" in
${valueCases.join('\n')}
    *"|--db") COMPREPLY=($(compgen -f -- "$cur")); return ;;
    ${valueOptions(tree)
      .filter((o) => o !== '--db')
      .map((o) => `*"|${word(o)}"`)
      .join('|')}) COMPREPLY=(); return ;;
    *)
      case "$cmdpath" in
${wordCases.map((c) => `  ${c}`).join('\n')}
      esac
      [[ $cur != -* && -n $args ]] && words="$args" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  case "$cmdpath" in
    ${fileCommands(tree) || '"-"'}) [[ $cur == -* ]] || COMPREPLY+=($(compgen -f -- "$cur")) ;;
  esac
}
${tail}`;
}

export function fishScript(tree: Tree): string {
  const paths = Object.keys(tree).filter((p) => p !== '');
  const root = tree['']!;
  const lines = [
    '# sscard completion for fish',
    'function __sscard_path --description "the sscard command being typed (card issue)"',
    '    set -l tokens (commandline -opc)',
    '    set -e tokens[1]',
    '    set -l path ""',
    '    set -l skip 0',
    '    for t in $tokens',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    `        if contains -- $t ${list(valueOptions(tree))}`,
    '            set skip 1',
    '            continue',
    '        end',
    "        string match -q -- '-*' $t; and continue",
    '        set -l next (string trim -- "$path $t")',
    `        if contains -- $next ${paths.map((p) => `'${p}'`).join(' ')}`,
    '            set path $next',
    '        end',
    '    end',
    '    echo $path',
    'end',
    'function __sscard_at --description "the command being typed is $argv[1]"',
    '    set -l p (__sscard_path)',
    '    test "$p" = "$argv[1]"',
    'end',
    'complete -c sscard -f',
  ];
  for (const [p, node] of Object.entries(tree)) {
    const when = `-n "__sscard_at '${p}'"`;
    const commands = node.words.filter((w) => !w.startsWith('-'));
    if (commands.length > 0) lines.push(`complete -c sscard ${when} -a '${list(commands)}'`);
    if (node.values['']) lines.push(`complete -c sscard ${when} -a '${list(node.values[''])}'`);
    if (node.fileArgument) lines.push(`complete -c sscard ${when} -F`);
    for (const option of node.words.filter((w) => w.startsWith('--'))) {
      // Global options (declared on the root) complete everywhere; --help is commander's, listed once per command.
      const scope = p === '' && option !== '--help' ? '' : `${when} `;
      const name = word(option.slice(2));
      const values = node.values[option];
      if (values) lines.push(`complete -c sscard ${scope}-l ${name} -x -a '${list(values)}'`);
      else if (option === '--db') lines.push(`complete -c sscard ${scope}-l ${name} -r -F`);
      else if (node.takesValue.includes(option)) lines.push(`complete -c sscard ${scope}-l ${name} -x`);
      else lines.push(`complete -c sscard ${scope}-l ${name}`);
    }
  }
  if (!root.words.includes('--help')) lines.push('complete -c sscard -l help');
  return `${lines.join('\n')}\n`;
}
