// sscard completion bash|zsh: a completion script generated from the
// command tree that main.ts declares, so new commands are included as they come.
import { InvalidInput } from '../core/errors.js';
import type { Context } from './context.js';

export async function run(ctx: Context, args: { shell: string; tree: Record<string, string[]> }): Promise<void> {
  if (args.shell !== 'bash' && args.shell !== 'zsh') throw new InvalidInput('unknown-shell', `<shell> must be bash or zsh, not "${args.shell.slice(0, 20)}".`);
  const global = args.tree[''] ?? [];
  const globalOptions = global.filter((w) => w.startsWith('-'));
  const cases = Object.entries(args.tree)
    .filter(([path]) => path !== '')
    .map(([path, words]) => `    "${path}") words="${[...words, ...globalOptions].join(' ')}" ;;`)
    .join('\n');
  const script = `# sscard completion for ${args.shell}
${args.shell === 'zsh' ? 'autoload -U +X bashcompinit && bashcompinit\n' : ''}_sscard() {
  local cur cmdpath="" word words i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ $word == -* ]] && continue
    case "\${cmdpath:+$cmdpath }$word" in
${Object.keys(args.tree).filter((p) => p !== '').map((p) => `      "${p}") cmdpath="${p}" ;;`).join('\n')}
    esac
  done
  case "$cmdpath" in
${cases}
    *) words="${global.join(' ')}" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _sscard sscard
`;
  ctx.out.write(script);
}
