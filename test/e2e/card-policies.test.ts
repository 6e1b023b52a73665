// Cards as they really work (issue 14, SPEC v2 1.3, 1.4, 1.8): the issue's
// examples as pasted, every refusal leaving the file as it was, and a ledger
// written by sscard v1 behaving exactly as before under policy `seed`.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanError, type Ledger, tempLedger } from './harness.js';

const G = '44030419900307123X';
const W = '11010519491231002X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

function ok(l: Ledger, args: string[], today: string) {
  const r = l.run(args, { today });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/** The issue's Guangdong example, as pasted (each write on its own day). */
function guangdong(): Ledger {
  const l = tempLedger('2026-01-13');
  ok(
    l,
    ['card', 'issue', '--id', G, '--card', 'G00000001', '--bank', 'ICBC', '--policy', 'guangdong', '--issued-on', '2025-01-10', '--expires-on', '2035-01-10'],
    '2025-01-10',
  );
  ok(l, ['card', 'receive', '--card', 'G00000001', '--on', '2025-02-01'], '2025-02-01');
  ok(l, ['enable', '--card', 'G00000001', '--channel', 'online', '--on', '2025-02-02'], '2025-02-02');
  return l;
}

/** A seed card, activated, with its e-card. */
function seedCard(): Ledger {
  const l = tempLedger('2026-05-01');
  ok(l, ['card', 'issue', '--id', W, '--card', 'A12345678', '--bank', 'ICBC', '--issued-on', '2026-03-01'], '2026-03-01');
  ok(l, ['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31'], '2026-03-31');
  ok(l, ['activate', '--card', 'A12345678', '--id-doc', W, '--on', '2026-04-02'], '2026-04-02');
  ok(l, ['ecard', 'claim', '--id', W, '--channel', '微信', '--on', '2026-04-03'], '2026-04-03');
  return l;
}

describe('sscard policies', () => {
  it('--json lists every policy, each with at least one source', () => {
    const r = tempLedger().run(['policies', '--json']);
    expect(r.code).toBe(0);
    const ids = r.json.policies.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['seed', 'beijing', 'shanghai', 'guangdong', 'shanxi', 'chengdu']));
    for (const p of r.json.policies) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const s of p.sources)
        expect(s).toMatchObject({
          title: expect.any(String),
          url: expect.stringMatching(/^https?:\/\//),
          confidence: expect.stringMatching(/^(high|medium|low)$/),
        });
    }
  });

  it('text names each policy with its rules and sources; one policy by id; an unknown id is not found', () => {
    const all = tempLedger().run(['policies']);
    expect(all.stdout).toContain('Guangdong (guangdong)');
    expect(all.stdout).toContain('activate within 1 year of issue, else the card is sealed');
    expect(all.stdout).toContain('a temporary loss holds 5 days, then lifts by itself');
    const one = tempLedger().run(['policies', 'shanxi', '--lang', 'zh']);
    expect(one.stdout).toMatch(/^山西省（shanxi）/);
    expect(one.stdout).toContain('自领卡之日起 300 天内激活，否则社保功能暂停');
    const none = tempLedger().run(['policies', 'atlantis']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('the known ones are seed, beijing, shanghai, guangdong, shanxi, chengdu');
  });
});

describe("the issue's Guangdong example: sealed a year after issue", () => {
  it('is in force with both dates on the deadline day, sealed the day after (2026-01-10 is a Saturday)', () => {
    ledger = guangdong();
    const onTheDay = ledger.run(['status', G, '--json', '--as-of', '2026-01-12']).json;
    expect(onTheDay.card).toMatchObject({
      state: 'received',
      enabledOn: '2025-02-02',
      socialFunction: 'enabled',
      financialFunction: 'inactive',
      policy: { id: 'guangdong', name: 'Guangdong' },
      expiresOn: '2035-01-10',
      renewalFrom: '2034-11-11',
      activationDeadline: { date: '2026-01-12', nominal: '2026-01-10', reason: '2026-01-10 is a Saturday; moved to 2026-01-12' },
      daysLeft: 0,
      consequence: null,
    });
    const r = ledger.run(['status', G, '--as-of', '2026-01-13']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'The card is SEALED since 2026-01-13 (card policy Guangdong (guangdong): not activated by its deadline 2026-01-12); it is void and a new card must be applied for.',
    );
    expect(r.stdout).toContain('apply for a new card at the social insurance agency or a partner bank, then record it with `sscard card issue`');
    const json = ledger.run(['status', G, '--json', '--as-of', '2026-01-13']).json;
    expect(json.card).toMatchObject({ state: 'sealed', socialFunction: 'sealed', daysLeft: null, consequence: { kind: 'sealed', since: '2026-01-13' } });
    expect(json.medicalInsurance).toBe('normal');
    // The seal is derived from the day, never stored.
    expect(ledger.query('SELECT state FROM card')).toEqual([{ state: 'received' }]);
  });

  it('refuses activate, enable and the e-card on the sealed card with the reason, changing nothing; a new card may be issued', () => {
    ledger = guangdong();
    const before = ledger.bytes();
    const refusals: string[][] = [
      ['activate', '--card', 'G00000001', '--id-doc', G],
      ['enable', '--card', 'G00000001'],
      ['ecard', 'claim', '--id', G, '--channel', 'wechat'],
      ['card', 'replace', '--card', 'G00000001', '--new-card', 'G00000002', '--yes'],
    ];
    for (const args of refusals) {
      const r = ledger.run(args, { today: '2026-01-13' });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(
        /^sscard: Card G00000001 is sealed \(逾期封存\).*apply for a new card and record it with `sscard card issue`\.\n$/,
      );
      expectCleanError(r.stderr, [G]);
      expect(ledger.bytes(), args.join(' ')).toEqual(before);
    }
    ok(
      ledger,
      ['card', 'issue', '--id', G, '--card', 'G00000002', '--bank', 'ICBC', '--policy', 'guangdong', '--issued-on', '2026-01-20', '--expires-on', '2036-01-20'],
      '2026-01-20',
    );
    const status = ledger.run(['status', G, '--json', '--as-of', '2026-01-21']).json;
    expect(status.card).toMatchObject({ number: 'G00000002', state: 'issued', activationDeadline: { date: '2027-01-20' } });
    expect(ledger.run(['check'], { today: '2026-01-21' }).code).toBe(0);

    // Renewal: from 60 days before the expiry, overdue once it passed.
    const due = (day: string) => ledger.run(['due', '--json', '--as-of', day]).json.items.filter((i: { kind: string }) => i.kind === 'renewal');
    ok(ledger, ['activate', '--card', 'G00000002', '--id-doc', G, '--on', '2026-02-01'], '2026-02-01');
    expect(due('2035-11-20')).toEqual([]);
    expect(due('2035-11-21')).toMatchObject([{ card: 'G00000002', state: 'pending', daysLeft: 60, deadline: { date: '2036-01-20' } }]);
    expect(due('2036-01-21')).toMatchObject([{ card: 'G00000002', state: 'overdue', daysLeft: -1 }]);
    expect(ledger.run(['due', '--check', '--as-of', '2036-01-21']).code).toBe(3);
  });

  it('an unknown --policy or SSCARD_POLICY is bad input naming the known ones; SSCARD_POLICY sets the default', () => {
    ledger = tempLedger('2026-01-13');
    const bad = ledger.run(['card', 'issue', '--id', G, '--card', 'G00000001', '--policy', 'atlantis']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'sscard: --policy: there is no card policy "atlantis"; choose one of seed, beijing, shanghai, guangdong, shanxi, chengdu, jiangsu, nanjing, suzhou, xian, changchun, nanchang, guangzhou, shenzhen, shaoguan, yongkang, jinhua, wuxi (see `sscard policies`).\n',
    );
    expect(ledger.bytes()).toBeNull();
    expect(ledger.run(['card', 'issue', '--id', G, '--card', 'G00000001'], { env: { SSCARD_POLICY: 'nowhere' } }).code).toBe(2);
    expect(ledger.run(['card', 'issue', '--id', G, '--card', 'G00000001'], { env: { SSCARD_POLICY: 'shanxi' } }).code).toBe(0);
    expect(ledger.run(['status', G, '--json']).json.card.policy).toEqual({ id: 'shanxi', name: 'Shanxi' });
  });
});

describe("the issue's loss example: temporary, found, formal, replaced", () => {
  it('a temporary loss limits the e-card, is lifted by `card found`, lapses by itself after the policy days', () => {
    ledger = seedCard();
    ok(ledger, ['card', 'report-loss', '--card', 'A12345678', '--temporary', '--on', '2026-05-01'], '2026-05-01');
    const lost = ledger.run(['status', W, '--json', '--as-of', '2026-05-02']).json;
    expect(lost).toMatchObject({
      card: { state: 'lost', loss: { kind: 'temporary', reportedOn: '2026-05-01', lapsesOn: '2026-05-11' } },
      ecard: { state: 'limited' },
      activatedEcard: false,
    });
    const found = ok(ledger, ['card', 'found', '--card', 'A12345678', '--on', '2026-05-03'], '2026-05-03');
    expect(found.stdout).toBe('Card A12345678 is no longer reported lost: it is activated again, and a claimed electronic card is no longer limited.\n');
    expect(ledger.run(['status', W, '--json', '--as-of', '2026-05-03']).json).toMatchObject({
      card: { state: 'activated', loss: null },
      ecard: { state: 'active' },
      activatedEcard: true,
    });

    // Lost again; the seed's 10 days pass: lifted by itself (自然解挂), derived from the day.
    ok(ledger, ['card', 'report-loss', '--card', 'A12345678', '--temporary', '--on', '2026-06-01'], '2026-06-01');
    expect(ledger.run(['status', W, '--json', '--as-of', '2026-06-11']).json.card).toMatchObject({ state: 'lost' });
    expect(ledger.run(['status', W, '--json', '--as-of', '2026-06-12']).json).toMatchObject({
      card: { state: 'activated', loss: null },
      ecard: { state: 'active' },
    });
    expect(ledger.query('SELECT state FROM card')).toEqual([{ state: 'lost' }]);
  });

  it('replacement after only a temporary loss is refused with that reason; a formal loss allows it; found is then refused', () => {
    ledger = seedCard();
    ok(ledger, ['card', 'report-loss', '--card', 'A12345678', '--temporary', '--on', '2026-05-01'], '2026-05-01');
    const before = ledger.bytes();
    const refused = ledger.run(['card', 'replace', '--card', 'A12345678', '--new-card', 'B12345678', '--reason', 'loss', '--yes'], { today: '2026-05-02' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'sscard: Card A12345678 is only temporarily reported lost; a replacement (补领) needs a formal loss (正式挂失) first: `sscard card report-loss --card A12345678` without --temporary (or, if it was found, `sscard card found`).\n',
    );
    expect(ledger.bytes()).toEqual(before);

    ok(ledger, ['card', 'report-loss', '--card', 'A12345678', '--on', '2026-05-02'], '2026-05-02');
    expect(ledger.run(['status', W, '--json', '--as-of', '2026-05-20']).json.card).toMatchObject({
      state: 'lost',
      loss: { kind: 'formal', reportedOn: '2026-05-02', lapsesOn: null },
    });
    ok(ledger, ['card', 'replace', '--card', 'A12345678', '--new-card', 'B12345678', '--reason', 'loss', '--on', '2026-05-10', '--yes'], '2026-05-10');
    // Replaced, the new card not yet received: the e-card is limited (SPEC 1.4 v3: its services go on with the holder's authorisation); on receipt it is active again without a new claim.
    expect(ledger.run(['status', W, '--json', '--as-of', '2026-05-10']).json).toMatchObject({
      card: { number: 'B12345678', state: 'issued' },
      ecard: { state: 'limited' },
    });
    ok(ledger, ['card', 'receive', '--card', 'B12345678', '--on', '2026-05-20'], '2026-05-20');
    expect(ledger.run(['status', W, '--json', '--as-of', '2026-05-20']).json).toMatchObject({
      card: { number: 'B12345678', state: 'received', socialFunction: 'sealed', financialFunction: 'inactive' },
      ecard: { state: 'active' },
    });

    const beforeFound = ledger.bytes();
    const foundLate = ledger.run(['card', 'found', '--card', 'A12345678'], { today: '2026-05-21' });
    expect(foundLate.code).toBe(1);
    expect(foundLate.stderr).toBe(
      'sscard: Card A12345678 cannot be un-reported (解挂): a replacement, B12345678, was already recorded for it; use the new card.\n',
    );
    expect(ledger.bytes()).toEqual(beforeFound);
    expect(ledger.run(['check'], { today: '2026-05-21' }).code).toBe(0);
  });
});

describe('the e-card needs a received card (SPEC 1.4)', () => {
  it('refuses a claim for an issued-only second-generation card, leaving the file as it was; a third-generation card from issue', () => {
    ledger = tempLedger('2026-03-05');
    ok(ledger, ['card', 'issue', '--id', W, '--card', 'A12345678', '--issued-on', '2026-03-01'], '2026-03-01');
    const before = ledger.bytes();
    const r = ledger.run(['ecard', 'claim', '--id', W, '--channel', 'alipay']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^sscard: Card A12345678 has not been received yet; the electronic card can be claimed only once the card is in the holder's hands/,
    );
    expect(ledger.bytes()).toEqual(before);

    const third = tempLedger('2026-03-05');
    try {
      ok(third, ['card', 'issue', '--id', W, '--card', 'A12345678', '--generation', '3', '--issued-on', '2026-03-01'], '2026-03-01');
      const claimed = ok(third, ['ecard', 'claim', '--id', W, '--channel', '云闪付', '--on', '2026-03-01', '--json'], '2026-03-05');
      expect(claimed.json).toMatchObject({ ecard: { state: 'active', channel: 'unionpay', claimedOn: '2026-03-01' } });
    } finally {
      third.cleanup();
    }
  });

  it('an unknown channel is bad input naming the choices', () => {
    ledger = seedCard();
    const r = ledger.run(['ecard', 'claim', '--id', W, '--channel', 'fax']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wechat, alipay, 12333, bank-app, gov-platform, unionpay, local-app');
  });
});

describe('enable: the social-security function alone (SPEC 1.3)', () => {
  it('enables, records a receipt not yet recorded, and says the financial function is still off; activate enables too', () => {
    ledger = tempLedger('2026-03-05');
    ok(ledger, ['card', 'issue', '--id', W, '--card', 'A12345678', '--bank', 'ICBC', '--policy', 'beijing', '--issued-on', '2026-03-01'], '2026-03-01');
    const r = ok(ledger, ['enable', '--card', 'A12345678', '--channel', 'hospital', '--on', '2026-03-04'], '2026-03-05');
    expect(r.stdout.split('\n')[0]).toBe(
      'The social-security function of card A12345678 enabled on 2026-03-04 by first use at a designated hospital or pharmacy.',
    );
    expect(r.stdout).toContain('The financial function is not activated yet');
    const status = ledger.run(['status', W, '--json']).json;
    expect(status.card).toMatchObject({
      state: 'received',
      receivedOn: '2026-03-04',
      enabledOn: '2026-03-04',
      socialFunction: 'enabled',
      financialFunction: 'inactive',
      activationDeadline: null,
    });
    expect(status.nextSteps).toEqual([
      expect.stringMatching(/^The financial function is not activated\. Bring the card .*counter of ICBC.*card policy: Beijing \(beijing\)/),
      expect.stringContaining('Claim your electronic'),
    ]);
    const again = ok(ledger, ['enable', '--card', 'A12345678'], '2026-03-05');
    expect(again.stdout).toContain('was already enabled on 2026-03-04; nothing changed');

    const other = tempLedger('2026-03-05');
    try {
      ok(other, ['card', 'issue', '--id', W, '--card', 'A12345678', '--issued-on', '2026-03-01'], '2026-03-01');
      ok(other, ['activate', '--card', 'A12345678', '--id-doc', W, '--on', '2026-03-02'], '2026-03-05');
      expect(other.run(['status', W, '--json']).json.card).toMatchObject({
        enabledOn: '2026-03-02',
        activatedOn: '2026-03-02',
        socialFunction: 'enabled',
        financialFunction: 'active',
      });
    } finally {
      other.cleanup();
    }
  });
});

describe('a ledger written by sscard v1 (test/fixtures/v1, made by make.sh with v1)', () => {
  const FIXTURES = path.resolve(__dirname, '../fixtures/v1');
  const IDS = ['11010519491231002X', '44030419900307123X', '110105201211240033', '320102198506152343', '310104197001010020'];

  /** `actual` restricted to the keys `v1` had, recursively: the fields v1's JSON had must be equal. */
  function onlyV1Fields(v1: unknown, actual: unknown): unknown {
    if (Array.isArray(v1) && Array.isArray(actual)) return actual.map((x, i) => onlyV1Fields(v1[i], x));
    if (v1 && typeof v1 === 'object' && actual && typeof actual === 'object') {
      return Object.fromEntries(Object.keys(v1).map((k) => [k, onlyV1Fields((v1 as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k])]));
    }
    return actual;
  }
  const datesIn = (text: string) => text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];

  it('migrates with every card under policy seed, and status and due answer as v1 did', () => {
    ledger = tempLedger('2026-11-24');
    fs.copyFileSync(path.join(FIXTURES, 'v1-ledger.db'), ledger.db);
    for (const id of IDS) {
      const v1 = JSON.parse(fs.readFileSync(path.join(FIXTURES, `status-${id}.json`), 'utf8'));
      const v2 = ledger.run(['--reveal', 'status', id, '--json']);
      expect(v2.code, id).toBe(0);
      if (v2.json.card) expect(v2.json.card.policy, id).toEqual({ id: 'seed', name: 'Default' });
      // Every field v1 had is the same, except the next steps' words: SPEC v2 names the missing
      // function and the policy in force. They are the same steps, about the same days.
      const { nextSteps: v1Steps, ...v1Rest } = v1;
      const { nextSteps: v2Steps, ...v2Rest } = v2.json;
      expect(onlyV1Fields(v1Rest, v2Rest), id).toEqual(v1Rest);
      expect(v2Steps.map(datesIn), id).toEqual(v1Steps.map(datesIn));
    }
    const due = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'due.json'), 'utf8'));
    const v2Due = ledger.run(['--reveal', 'due', '--json']).json;
    expect(onlyV1Fields(due, v2Due)).toEqual(due);
    expect(ledger.query('SELECT DISTINCT policy FROM card')).toEqual([{ policy: 'seed' }]);
    expect(ledger.run(['check']).code).toBe(0);
  });
});

describe('guide: enable and loss (issue 14)', () => {
  it.each([
    ['enable', 'en', 'Enabling the social-security function (启用)', '`sscard enable --card ... --channel online|window|bank|hospital`'],
    ['loss', 'en', 'A lost card: report, find, replace (挂失, 解挂, 补领)', 'A replacement (补领) needs a formal loss first'],
    ['enable', 'zh', '启用社保功能', '到银行激活金融功能时，如社保功能尚未启用，当天一并启用。'],
    ['loss', 'zh', '挂失、解挂与补领', '已申请补领的不能再解挂'],
  ])('%s (%s)', (topic, lang, title, step) => {
    const r = tempLedger().run(['guide', topic, '--lang', lang, '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(title);
    expect(r.stdout).toContain(step);
  });
});
