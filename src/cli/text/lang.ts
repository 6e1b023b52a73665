// The language of human-facing messages: --lang, else the locale
// (LC_ALL, LC_MESSAGES, LANG; zh* is Chinese), else English.
export type Lang = 'en' | 'zh';

export function langOf(option: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (option === 'zh' || option === 'en') return option;
  return (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
