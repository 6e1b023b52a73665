// The catalogue of the user's language (SPEC 2.2). Both languages are bundled
// into the entry: they are plain objects and arrow functions (about 80 KB
// minified together, every word of the CLI), which V8 only pre-parses until
// one is called, and --help needs one before any command module loads.
import type { Lang } from '../lang.js';
import { en, type Messages } from './en.js';
import { zh } from './zh.js';

export type { Messages } from './en.js';

export function messagesFor(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}
