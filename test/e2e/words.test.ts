// The seed's question answered in the Chinese words of SPEC v3 1.0 (issue
// 24): 有没有已激活的电子社保卡. A card received, a card whose social function
// was enabled online (启用) but not activated at the bank (激活), and an
// activated card: the headline and the medical insurance sentence of
// `status --lang zh` in each state, and the activation's own sentence.
import { afterAll, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from './harness.js';

const W = '11010519491231002X';
const CARD = 'A12345678';
const ledger: Ledger = tempLedger('2026-11-24');
afterAll(() => ledger.cleanup());

function ok(args: string[], today: string) {
  const r = ledger.run(args, { today });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
/** The headline (the lines before the first empty one) of `status --lang zh`. */
const headline = (today: string) => ok(['status', W, '--lang', 'zh'], today).split('\n\n')[0]!.split('\n');

describe('status --lang zh answers in the words of SPEC 1.0', () => {
  it('a received card past its window: not activated, restricted until 激活', () => {
    // Seed policy: six months from receipt, deadline 2026-09-30 (SPEC 1.3).
    ok(['card', 'issue', '--id', W, '--card', CARD, '--bank', 'ICBC', '--issued-on', '2026-03-01'], '2026-03-01');
    ok(['card', 'receive', '--card', CARD, '--on', '2026-03-31'], '2026-03-31');
    ok(['ecard', 'claim', '--id', W, '--channel', 'wechat', '--on', '2026-04-01'], '2026-04-01');
    expect(headline('2026-11-10')).toEqual([
      '没有已激活的电子社保卡：已申领电子社保卡，社会保障卡已领卡，未激活。',
      '医保卡：受限（已超过激活期限 2026-09-30；激活社会保障卡即可恢复）。',
    ]);
  });

  it('enabled online (启用) is not activated (激活): the restriction stays, and says so', () => {
    expect(ok(['enable', '--card', CARD, '--channel', 'online', '--on', '2026-11-20', '--lang', 'zh'], '2026-11-20')).toMatch(
      /^卡 A12345678 的社保功能已于 2026-11-20 在线启用。\n金融功能尚未激活：须本人携带社会保障卡和身份证原件到 ICBC 网点激活（不能在线激活）/,
    );
    const lines = headline('2026-11-21');
    expect(lines).toEqual([
      '没有已激活的电子社保卡：已申领电子社保卡，社会保障卡已领卡，社保功能已启用，但未激活。',
      '医保卡：受限（已超过激活期限 2026-09-30；激活社会保障卡即可恢复）。',
    ]);
    const card = ok(['status', W, '--lang', 'zh'], '2026-11-21');
    expect(card).toMatch(/社保功能 2026-11-20（周五）已启用，金融功能未激活/);
    expect(card).not.toMatch(/启用社会保障卡|已启用的电子社保卡/);
  });

  it('activated at the bank: 有已激活的电子社保卡, and the restriction ends', () => {
    expect(ok(['activate', '--card', CARD, '--id-doc', W, '--on', '2026-11-24', '--lang', 'zh'], '2026-11-24')).toMatch(
      /^卡 A12345678 已于 2026-11-24（周二）激活。\n晚于激活期限 2026-09-30 55 天；自激活之日起医保卡恢复正常。\n现已有已激活的电子社保卡。/,
    );
    expect(headline('2026-11-24')).toEqual(['有已激活的电子社保卡。']);
    const status = ok(['status', W, '--lang', 'zh'], '2026-11-24');
    expect(status).toMatch(/医保 +正常/);
    expect(status).not.toContain('启用社会保障卡');
  });
});
