// The catalogue of the user's language (SPEC 2.2). As the tests run it, both
// languages are imported here; the build bundles the English one into the
// entry (its sections are built when first read) and the Chinese one in a
// bundle of its own, and replaces this module by one that requires Chinese
// when asked for, once (scripts/build.mjs lazyCatalogues: building both at
// every start, and decoding the Chinese one's UTF-8, was a tenth of
// `status`'s start-up beyond node, issue 31). messagesFor is all the build's
// version offers.
import type { Lang } from '../lang.js';
import { en, type Messages } from './en.js';
import { zh } from './zh.js';

export type { Messages } from './en.js';

export function messagesFor(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}
