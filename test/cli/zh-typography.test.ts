// Chinese typography over the whole Chinese catalogue (issue 28 item 16): every
// plain string, and every function called with sample parameters, once per
// label its source compares its input with (so each branch it has is said).
// The convention (README, "Chinese text"): no space between two Chinese
// characters or next to full-width punctuation; one space between Chinese and
// Latin letters or digits (a date, a number, a card number, `a command`, an
// --option); full-width ，：；（）！？ in Chinese sentences. A value that may be
// either Chinese or Latin (a field's label, a name the user typed) is joined by
// the catalogue's `spaced` tag, which puts the space only where it belongs.
import { describe, expect, it } from 'vitest';
import { zh } from '../../src/cli/text/messages/zh.js';

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
/** Chinese characters and the full-width punctuation and quotes of Chinese text. */
const CJK = `${HAN}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u201c\\u201d\\u2018\\u2019\\u2026`;

/** Written forms that are themselves the thing to type or a proper name: a date as import reads it, an app's name, a URL's parts. */
const VERBATIM = ['2026年9月1日', '掌上12333'];
/** Addresses and parameters to type, with a Chinese placeholder in them. */
const TO_TYPE = ['postgres://用户@主机:5432/数据库'];

/** What is wrong with one Chinese text, by pattern: each finding quotes the place. */
function typographyProblems(text: string): string[] {
  let t = text;
  for (const v of VERBATIM) t = t.replaceAll(v, '字');
  for (const v of TO_TYPE) t = t.replaceAll(v, 'TYPED');
  t = t.replace(/\?[a-z_]+=[^\s，。；：）]*/g, 'TYPED'); // ?schema=名称: a URL's parameter as typed
  // Code spans and addresses are what the user types: checked only at their edges (as Latin).
  t = t.replace(/\\f[BIRP]/g, '').replace(/\\-/g, '-'); // the man page's font changes and hyphens (troff)
  t = t.replace(/`[^`\n]*`/g, 'CODE').replace(/https?:\/\/\S+/g, 'URL');
  const found: string[] = [];
  const at = (re: RegExp, what: string) => {
    for (const m of t.matchAll(re)) found.push(`${what}: …${t.slice(Math.max(0, m.index! - 6), m.index! + m[0].length + 6)}…`);
  };
  at(new RegExp(`[${CJK}][ \\t]+[${CJK}]`, 'g'), 'a space inside Chinese');
  at(new RegExp(`[${HAN}][A-Za-z0-9]|[A-Za-z0-9][${HAN}]`, 'g'), 'no space between Chinese and Latin or digits');
  at(new RegExp(`[${HAN}][ \\t]*[,:;!?(]|[,:;!?][ \\t]*[${HAN}]|[(][^()\\n]*[${HAN}][^()\\n]*[)]`, 'g'), 'half-width punctuation in a Chinese sentence');
  at(new RegExp(`[${HAN}]  +|  +[${HAN}]`, 'g'), 'two spaces');
  return found;
}

/** Parameter and property names whose values are always Latin or digits: dates, numbers, codes, paths, options. */
const DATE = /^(on|date|deadline|since|until|asOf|today|from|to|nominal|before|after)$|On$|Date$|From$/;
const LATIN =
  /^(code|holder|guardian|event|card|newCard|number|id|seq|seqs|file|path|ledger|journal|url|sheet|sheets|part|schema|attrs|example|target|dir|host|port|flag|flags|shown|typed|text|known|version|parameter|value|expected|found|province|policy_|command|choices|suggestions|values|first|second|entry|field_|detail|channels|names|headers|seconds|attempts)$/;
const NUMBER =
  /^(days|daysLeft|n|count|open|overdue|rows|invalid|mib|limitMib|line|year|months|month_|age|by|index|length|searched|fromAge|untilAge|years|period|generation|weekday|within|bytes|changed_|events_|unchanged|off|workdays|copied|source_|cached|replayed|got|events|changed|month|min|max|day|employee|managers|total|unpaid|fee|amount)$/;
/** Values that are words of the catalogue itself: Chinese in Chinese mode. */
const CHINESE = /^(zh|period|consequence|relative|word|stateText|confidence|supports|kind_)$/;
/** Functions whose every value is a number, an amount or a key of a data file. */
const ALL_LATIN = /^(man\.globalOptionsNote|cost\.(premiums|fine|lateFee|lateFeeMonth|segment)|rates\.(injuryRange|dayOfMonth|problem))\(/;

type Mode = 'latin' | 'chinese';

/** The labels a call gives the discriminants it reads: the first one read gets `label`, the second `inner` (a reason, then a state). */
interface Choice {
  readonly label: string | null;
  readonly inner: string | null;
  readonly seen: string[];
}

/** A parameter's own sample where its name alone does not say (policy.window's period is its text: "6 个月"). */
const PARAM_TEXT: Record<string, string> = { period: '6 个月' };

/** A sample value named `name`: string, number, array, object and function at once, so that any use of it works. */
function sample(name: string, mode: Mode, choice: Choice, text?: string): unknown {
  const shown =
    text ??
    (/^(file|path|ledger|journal|dir)$/.test(name)
      ? '/tmp/a.db'
      : DATE.test(name)
        ? mode === 'latin'
          ? '2026-10-08'
          : '2026-10-08（周四）'
        : NUMBER.test(name)
          ? '3'
          : LATIN.test(name)
            ? 'A1234'
            : mode === 'latin' && !CHINESE.test(name)
              ? 'Acme'
              : '北京某某');
  const target = (() => {}) as unknown as object;
  return new Proxy(target, {
    get(_, prop) {
      if (prop === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 3 : shown);
      if (typeof prop === 'symbol') return undefined;
      if (prop === 'toLocaleString' || prop === 'toString') return () => shown;
      if (DISCRIMINANTS.includes(prop) && choice.label !== null) {
        if (!choice.seen.includes(prop)) choice.seen.push(prop);
        return choice.seen.indexOf(prop) === 1 && choice.inner !== null ? choice.inner : choice.label;
      }
      if (prop in Array.prototype) {
        const items = [sample(name, mode, choice), sample(name, mode, choice)];
        const member = (items as unknown as Record<string, unknown>)[prop];
        return typeof member === 'function' ? member.bind(items) : member;
      }
      return sample(prop, mode, choice);
    },
    apply: () => sample(name, mode, choice),
    has: () => true,
  });
}

/** Labels kept outside the functions that compare with them (the catalogue's constants: WRITE_FAILURE's kinds). */
const CONSTANT_LABELS = ['full', 'limit', 'io'];

/** The labels a function compares its input with: `case 'x':`, `=== 'x'`, the keys of `{ x: ... }[y]`. */
function labelsOf(source: string): string[] {
  const found = [...source.matchAll(/case ['"]([^'"]+)['"]|=== ['"]([^'"]+)['"]|['"]?([a-z][\w-]*)['"]?:\s*(?=['"`({])/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return [...new Set([...found, ...(source.includes('WRITE_FAILURE') ? CONSTANT_LABELS : [])])];
}

function paramsOf(source: string): string[] {
  const head = /^\(?([^)=]*?)\)?\s*=>/.exec(source)?.[1] ?? '';
  return head
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

const DISCRIMINANTS = ['kind', 'reason', 'code', 'why', 'state', 'needs', 'from', 'unit', 'then', 'what', 'after', 'lapses', 'at'];

/** Every text the catalogue renders, with its key path (and the mode and labels of a function's call). */
function rendered(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => rendered(v, `${path}[${i}]`));
  if (typeof value === 'function') {
    const source = value.toString();
    const labels = labelsOf(source);
    const params = paramsOf(source);
    const out = new Map<string, string>();
    for (const mode of ALL_LATIN.test(`${path}(`) ? (['latin'] as const) : (['latin', 'chinese'] as const)) {
      for (const label of [null, ...labels]) {
        for (const inner of label === null ? [null] : [null, ...labels]) {
          const choice: Choice = { label, inner, seen: [] };
          const base = params.map((p) => sample(p, mode, choice, PARAM_TEXT[p]));
          // Each parameter in turn given the label itself (a kind, a state, a word passed as a string).
          const variants = label === null ? [base] : [base, ...params.map((_, i) => base.map((a, j) => (i === j ? label : a)))];
          for (const args of variants) {
            choice.seen.length = 0;
            let text: unknown;
            try {
              text = (value as (...a: unknown[]) => unknown)(...args);
            } catch {
              continue; // a label where the function wants an object: not a text it can say
            }
            const said = typeof text === 'function' ? String(text) : text;
            if (typeof said === 'string' && !said.includes('undefined') && !out.has(said)) {
              out.set(said, `${path}(${[mode, label, inner].filter((x) => x !== null).join(', ')})`);
            }
          }
        }
      }
    }
    return [...out].map(([text, where]) => [where, text]);
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => rendered(v, path ? `${path}.${k}` : k));
  return [];
}

describe('the typography detector (what the test below relies on)', () => {
  it.each([
    ['该号码 含有非法字符', 1],
    ['第 1 项 的日期', 1],
    ['第 1 项的日期', 0],
    ['卡A12345678已挂失', 2],
    ['卡 A12345678 已挂失', 0],
    ['完整性: 正常', 1],
    ['已撤销 登记人员 (110105********002X)', 2],
    ['用 `sscard check` 检查', 0],
    ['用`sscard check`检查', 2],
    ['可写作 2026-09-01、2026年9月1日或 20260901', 0],
    ['csv, xlsx, json', 0],
  ])('%j: %i finding(s)', (text, count) => expect(typographyProblems(text)).toHaveLength(count));
});

describe('the Chinese catalogue', () => {
  const texts = rendered(zh, '').filter(([key]) => !/\.examples\[/.test(key));

  it('renders every function with its samples (else its texts would go unchecked)', () => {
    const functions = (value: unknown, path: string): string[] =>
      typeof value === 'function'
        ? [path]
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => functions(v, path ? `${path}.${k}` : k))
          : [];
    const said = new Set(texts.map(([key]) => key.replace(/\(.*$/, '')));
    expect(functions(zh, '').filter((f) => !said.has(f))).toEqual([]);
    expect(texts.some(([key]) => key.startsWith('refusal.card(') && key.includes('sealed'))).toBe(true);
  });

  it('has no space inside Chinese, a space between Chinese and Latin, full-width punctuation', () => {
    const problems = texts.flatMap(([key, text]) => typographyProblems(text).map((p) => `${key}: ${p}`));
    expect([...new Set(problems)]).toEqual([]);
  });
});
