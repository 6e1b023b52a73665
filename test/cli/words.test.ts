// The Chinese words of SPEC v3 1.0 in every Chinese string of the catalogue:
// 激活 is ONLY the bank activation (the financial function, in person at the
// bank, `activate`), 启用 ONLY switching on the social-security function
// (online, at a window, first use, `enable`). A wrong word gives a wrong
// answer: a user who enabled the social function in 掌上12333 must not read
// that the card is "activated" or that the medical insurance restriction is
// lifted.
//
// Each catalogue key whose Chinese text uses either word is listed below by
// the concept it speaks of. A key not listed fails the test: classify it.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/cli/text/messages/en.js';
import { zh } from '../../src/cli/text/messages/zh.js';

/** Keys that speak of the bank activation (激活). 启用 may appear only where it names the social function itself (启用社保功能, 社保功能…启用) or the pair of steps (启用或激活). */
const ACTIVATION_KEYS = [
  'policy.consequence.medical-insurance-restricted',
  'policy.consequence.social-function-suspended',
  'policy.window',
  'policy.rules.activation',
  'ecardClaim.cardBeingMade',
  'guide.topics.apply.steps[4]',
  'guide.topics.policy.steps[0]',
  'policy.invalid',
  'refusal.card',
  'nextStep',
  'status.activatedEcard',
  'status.noActivatedEcard',
  'status.lostRestricted',
  'status.restricted',
  'status.sealed',
  'status.suspended',
  'status.activated',
  'help.program.description',
  'help.status.description',
  'help.activate.description',
  'help.activate.card',
  'help.activate.on',
  'help.activate.guardianId',
  'help.policies.description',
  'help.guide.description',
  'import.guardianNeeded',
  'import.activatedOnAnotherDate',
  'card.activateBy',
  'card.lostFormally',
  'card.replaced',
  'enable.notActivated',
  'activate.unchanged',
  'activate.activated',
  'activate.late',
  'activate.activatedEcard',
  'activate.noEcard',
  'ecardClaim.activated',
  'ecardClaim.notActivated',
  'row.guardianWithoutActivation',
  'due.kinds.activation',
  'ics.kinds.activation',
  'ics.kinds.collection',
  'ics.law.collection',
  'ics.law.activation',
  'guide.topics.activate.title',
  'guide.topics.activate.steps[0]',
  'guide.topics.activate.steps[1]',
  'guide.topics.activate.steps[3]',
  'guide.topics.activate.steps[5]',
  'guide.topics.enable.steps[4]',
  'guide.topics.loss.steps[3]',
  'guide.topics.ecard.steps[4]',
  'history.kinds.card.activated',
  'values.cardState.activated',
  'man.exit.ok',
];

/** Keys that speak of switching on the social-security function (启用). 激活 may appear only where it names the financial function or the bank (激活金融功能, 到银行激活) or the pair of steps. */
const ENABLE_KEYS = [
  'help.enable.description',
  'help.enable.on',
  'card.enableBy',
  'enable.unchanged',
  'enable.enabled',
  'guide.topics.enable.title',
  'guide.topics.enable.steps[0]',
  'guide.topics.enable.steps[1]',
  'guide.topics.enable.steps[2]',
  'history.kinds.card.enabled',
];

/** Keys that say one word or the other by their argument: checked below by calling them. */
const BY_ARGUMENT_KEYS = ['status.functions', 'status.deadline'];

/** A function's text is its source: every branch's words, as written (esbuild may escape non-ASCII as \uXXXX). */
function leaves(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, value.toString().replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

/** The pieces of text a reader sees as one phrase: split at sentence ends, quotes and interpolations (a value there is not a word). */
const pieces = (text: string) => text.split(/[。；\n'"`]|\$\{|\}/).filter((p) => /启用|激活/.test(p));
/** Both steps named together ("不能再使用、启用或激活"). */
const PAIR = /启用[、或和]激活|激活[、或和]启用/;
const namesSocialFunction = (piece: string) => /社保功能|社保应用/.test(piece) || PAIR.test(piece);
const namesBank = (piece: string) => /金融功能|银行/.test(piece) || PAIR.test(piece);

const chinese = leaves(zh, '').filter(([, text]) => /启用|激活/.test(text));

describe('the words of SPEC 1.0 in the Chinese catalogue', () => {
  it('every key that uses 启用 or 激活 is listed by its concept', () => {
    const listed = new Set([...ACTIVATION_KEYS, ...ENABLE_KEYS, ...BY_ARGUMENT_KEYS]);
    expect(chinese.map(([key]) => key).filter((key) => !listed.has(key))).toEqual([]);
    // And the lists name real keys (a renamed key must be moved, not forgotten).
    const keys = new Set(chinese.map(([key]) => key));
    expect([...listed].filter((key) => !keys.has(key))).toEqual([]);
  });

  it('never says 启用 for the bank activation', () => {
    const wrong = chinese
      .filter(([key]) => ACTIVATION_KEYS.includes(key))
      .flatMap(([key, text]) =>
        pieces(text)
          .filter((p) => p.includes('启用') && !namesSocialFunction(p))
          .map((p) => `${key}: ${p}`),
      );
    expect(wrong).toEqual([]);
  });

  it('never says 激活 for switching on the social-security function', () => {
    const wrong = chinese
      .filter(([key]) => ENABLE_KEYS.includes(key))
      .flatMap(([key, text]) =>
        pieces(text)
          .filter((p) => p.includes('激活') && !namesBank(p))
          .map((p) => `${key}: ${p}`),
      );
    expect(wrong).toEqual([]);
  });

  it('says each function by its own word where the argument picks it', () => {
    expect(zh.status.functions('enabled', '2026-11-20', false)).toBe('社保功能 2026-11-20 已启用，金融功能未激活');
    expect(zh.status.functions('not-enabled', null, false)).toBe('社保功能未启用，金融功能未激活');
    expect(zh.status.functions('enabled', null, true)).toBe('社保功能已启用，金融功能已激活');
    expect(zh.status.deadline('activated', '2026-09-30', '已逾期 1 天')).toBe('激活期限 2026-09-30，已逾期 1 天');
    expect(zh.status.deadline('enabled', '2026-09-30', '已逾期 1 天')).toBe('启用期限 2026-09-30，已逾期 1 天');
  });

  it('answers the seed question in the headline of SPEC 1.0', () => {
    expect(zh.status.activatedEcard).toBe('有已激活的电子社保卡。');
    const received = { state: 'received' as const, stateText: '已领卡', neverActivated: true, socialEnabled: false };
    expect(zh.status.noActivatedEcard('active', received)).toBe('没有已激活的电子社保卡：已申领电子社保卡，社会保障卡已领卡，未激活。');
    expect(zh.status.noActivatedEcard('active', { ...received, socialEnabled: true })).toBe(
      '没有已激活的电子社保卡：已申领电子社保卡，社会保障卡已领卡，社保功能已启用，但未激活。',
    );
    expect(zh.status.noActivatedEcard('none', null)).toMatch(/^没有已激活的电子社保卡：/);
    // A restricted medical insurance card is restored by 激活, never by 启用.
    expect(zh.status.restricted('2026-09-30')).toContain('激活社会保障卡即可恢复');
  });
});

describe('the English catalogue glosses each step with its own Chinese word', () => {
  it('never glosses activation as 启用 nor enabling as 激活', () => {
    const wrong = leaves(en, '').flatMap(([key, text]) => [
      ...[...text.matchAll(/([^()]{0,40})\(启用/g)].filter((m) => /activat/i.test(m[1]!)).map((m) => `${key}: ${m[0]}`),
      ...[...text.matchAll(/([^()]{0,40})\(激活/g)].filter((m) => /enabl/i.test(m[1]!)).map((m) => `${key}: ${m[0]}`),
    ]);
    expect(wrong).toEqual([]);
    expect(en.guide.topics.activate.title).toContain('激活');
    expect(en.guide.topics.enable.title).toContain('启用');
  });
});
