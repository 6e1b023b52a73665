// biome-ignore-all lint/suspicious/noThenProperty: `then` is the field SPEC 1.8 names for what follows a loss lapse; these objects are data, never awaited.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { type Card, cardOn, cardStatus, decideActivation, decideEnable, decideFound, decideLoss, decideReplacement } from '../../src/core/card.js';
import { type CitizenId, parseCitizenId } from '../../src/core/citizen-id.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import {
  lossLapsesOn,
  parsePolicies,
  type Policy,
  type PolicyReading,
  policiesFromReading,
  policyExpiry,
  policyForRegion,
  policyOf,
  policyReading,
  renewalFrom,
} from '../../src/core/policy.js';
import type { Judging } from '../../src/core/decision.js';
import { BOOK, POLICY_DATA, policy } from './shipped-policies.js';

const judge = (today: string): Judging => ({ today: today as IsoDate, calendar: chinaCalendar, policies: BOOK });

const d = (s: string) => s as IsoDate;
const holder = (() => {
  const r = parseCitizenId('44030419900307123X', d('2026-11-24'));
  if (!r.ok) throw new Error('bad test id');
  return r.id as CitizenId;
})();
const card = (policyId: string, over: Partial<Card> = {}): Card => ({
  number: 'G00000001',
  holderId: holder.number,
  bank: 'ICBC',
  policy: policyId,
  generation: 2,
  expiresOn: null,
  appliedOn: null,
  readyOn: null,
  readyAt: null,
  state: 'received',
  issuedOn: d('2025-01-10'),
  receivedOn: d('2025-03-01'),
  enabledOn: null,
  activatedOn: null,
  outlet: null,
  guardianId: null,
  loss: null,
  endedOn: null,
  replacedBy: null,
  ...over,
});
const status = (c: Card, today: string, p: Policy = policy(c.policy)) => cardStatus(c, p, d(today), chinaCalendar);

describe('the shipped policies (data/policies.json)', () => {
  it('parse: at least 15 policies, the six of SPEC 1.8 among them, each known rule named by one of its sources', () => {
    expect(BOOK.size).toBeGreaterThanOrEqual(15);
    expect([...BOOK.keys()]).toEqual(
      expect.arrayContaining(['seed', 'beijing', 'shanghai', 'guangdong', 'shanxi', 'chengdu', 'nanjing', 'suzhou', 'xian', 'changchun', 'shaoguan']),
    );
    for (const p of BOOK.values()) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const s of p.sources) expect(s.url, p.id).toMatch(/^https?:\/\//);
    }
  });
  const days = (period: number, then = 'lift') => ({ period, unit: 'days', then });
  it.each([
    // id, window, consequence, temporary loss, formal loss liftable, renewal required
    ['seed', { period: { months: 6 }, from: 'received', needs: 'activated' }, 'medical-insurance-restricted', days(10), true, 'unknown'],
    ['beijing', null, 'none', days(10), false, 'unknown'],
    ['shanghai', null, 'none', days(5), 'unknown', false],
    // 粤人社规〔2023〕5号: made and not collected and activated within a year -> sealed; its loss period has no source.
    ['guangdong', { period: { months: 12 }, from: 'issued', needs: 'activated' }, 'sealed', 'unknown', 'unknown', 'unknown'],
    ['shanxi', { period: { days: 300 }, from: 'received', needs: 'activated' }, 'social-function-suspended', days(7), 'unknown', 'unknown'],
    ['chengdu', null, 'none', days(7), 'unknown', 'unknown'],
    ['jiangsu', null, 'none', days(7), true, 'unknown'],
    ['nanjing', null, 'none', { period: 3, unit: 'working-days', then: 'lift' }, true, 'unknown'],
    ['suzhou', null, 'none', { period: null, unit: 'never', then: 'stay' }, 'unknown', 'unknown'],
    ['xian', null, 'none', days(7), false, 'unknown'],
    ['changchun', null, 'none', 'unknown', false, 'unknown'],
    ['nanchang', null, 'none', days(5), 'unknown', 'unknown'],
    ['guangzhou', { period: { months: 12 }, from: 'issued', needs: 'activated' }, 'sealed', 'unknown', true, 'unknown'],
    ['shenzhen', { period: { months: 6 }, from: 'received', needs: 'activated' }, 'medical-insurance-restricted', 'unknown', 'unknown', 'unknown'],
    ['shaoguan', null, 'none', days(15, 'cancel'), 'unknown', 'unknown'],
    ['yongkang', null, 'none', days(10), 'unknown', 'unknown'],
    ['jinhua', null, 'none', days(5), false, 'unknown'],
  ] as const)('%s has the rules its sources give', (id, activation, consequence, temporaryLoss, formalLossLiftable, renewalRequired) => {
    expect(policy(id)).toMatchObject({ activation, consequence, temporaryLoss, formalLossLiftable, renewalRequired, renewalDays: 60 });
  });
  it('a rule no source gave is listed as unknown, never filled in', () => {
    expect(policy('guangdong').unknownRules).toEqual(['temporaryLoss', 'formalLossLiftable', 'validity', 'renewalRequired']);
    expect(policy('chengdu').unknownRules).toContain('activation');
    expect(policy('beijing').unknownRules).not.toContain('formalLossLiftable');
  });
  it('yongkang: the social function 10 days, the financial 5 (per-function loss periods)', () => {
    expect(policy('yongkang').functionLoss).toEqual({ social: days(10), financial: days(5) });
  });
  it('the hint matches the city before the province, and never a policy for an unknown region', () => {
    expect(policyForRegion(BOOK, '440106')?.id).toBe('guangzhou');
    expect(policyForRegion(BOOK, '440513')?.id).toBe('guangdong');
    expect(policyForRegion(BOOK, '320102')?.id).toBe('nanjing');
    expect(policyForRegion(BOOK, '330784')?.id).toBe('yongkang');
    expect(policyForRegion(BOOK, '330702')?.id).toBe('jinhua');
    expect(policyForRegion(BOOK, '110105')?.id).toBe('beijing');
    expect(policyForRegion(BOOK, '420102')).toBeNull();
  });
});

// The build keeps parsePolicies' book of the shipped file as JSON (dist/checked/policies.reading.json) and a command
// finding the same bytes takes it as it is (issue 31): it must be the very book checking the file gives.
describe('the reading the build keeps of a sound policy file', () => {
  it('survives JSON and gives the same book, in the same order, and the same national rules', () => {
    const parsed = parsePolicies(POLICY_DATA);
    if (!parsed.ok) throw new Error('the shipped policies do not parse');
    const reading = JSON.parse(JSON.stringify(policyReading(parsed))) as PolicyReading;
    const again = policiesFromReading(reading);
    expect([...again.book.keys()]).toEqual([...parsed.book.keys()]);
    expect([...again.book.entries()]).toStrictEqual([...parsed.book.entries()]);
    expect(again.national).toStrictEqual(parsed.national);
    expect(again.book.size).toBeGreaterThanOrEqual(15);
    expect(again.book.get('seed')?.activation).toEqual(parsed.book.get('seed')?.activation);
  });
});

describe('parsePolicies refuses data that would say something wrong', () => {
  const data = POLICY_DATA as { version: number; policies: Record<string, unknown>[] };
  const withFirst = (change: Record<string, unknown>) => ({ ...data, policies: [{ ...data.policies[0], ...change }, ...data.policies.slice(1)] });
  it.each([
    ['a policy without a source', withFirst({ sources: [] }), 'policies.0.sources', 'shape'],
    ['an unknown consequence', withFirst({ consequence: 'fined' }), 'policies.0.consequence', 'shape'],
    ['a window without a consequence', withFirst({ consequence: 'none' }), 'policies.0.consequence', 'window-without-consequence'],
    ['a negative loss period', withFirst({ temporaryLoss: { period: -1, unit: 'days', then: 'lift' } }), 'policies.0.temporaryLoss.period', 'shape'],
    ['a lapse in days without a period', withFirst({ temporaryLoss: { period: null, unit: 'days', then: 'lift' } }), 'policies.0.temporaryLoss', 'loss-period'],
    ['an unknown loss unit', withFirst({ temporaryLoss: { period: 3, unit: 'weeks', then: 'lift' } }), 'policies.0.temporaryLoss', 'shape'],
    ['age bands out of order', withFirst({ validity: { byAgeAtIssue: [{ fromAge: 10, years: 5 }] } }), 'policies.0.validity', 'validity-bands'],
    ['a rule no source supports', withFirst({ validity: null }), 'policies.0.sources', 'rule-without-source'],
    [
      'a source without an address',
      withFirst({ sources: [{ title: 'x', url: 'mohrss', date: null, confidence: 'low', supports: [] }] }),
      'policies.0.sources.0.url',
      'shape',
    ],
    ['two policies with one id', { ...data, policies: [...data.policies, data.policies[1]] }, `policies.${data.policies.length}.id`, 'duplicate-id'],
    ['no default policy', { ...data, policies: data.policies.slice(1) }, 'policies', 'no-default'],
  ])('%s', (_, bad, path, kind) => {
    const parsed = parsePolicies(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ path, problem: { kind } });
  });
  it('names the entry by its id, for the message', () => {
    const parsed = parsePolicies({ ...data, policies: [data.policies[0], { ...data.policies[2], temporaryLoss: 'soon' }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ policy: 'shanghai', path: 'policies.1.temporaryLoss' });
  });
  it('a card under a policy the data no longer has: no window, nothing invented', () => {
    expect(policyOf(BOOK, 'atlantis')).toMatchObject({ id: 'atlantis', activation: null, consequence: 'none', temporaryLoss: 'unknown' });
  });
});

describe('the window on both sides of its deadline, per policy (Civil Code periods, SPEC 1.2)', () => {
  it.each([
    // policy, card, deadline, on the deadline day, the day after
    [
      'seed',
      { receivedOn: d('2026-03-31') },
      '2026-09-30',
      { consequence: null, medicalInsurance: 'normal', daysLeft: 0 },
      { consequence: { kind: 'medical-insurance-restricted', since: '2026-10-01' }, medicalInsurance: 'restricted', daysLeft: -1 },
    ],
    // SPEC's example: issued 2025-01-10, a year later is Saturday 2026-01-10, so the deadline is Monday 2026-01-12.
    [
      'guangdong',
      { receivedOn: d('2025-02-01'), enabledOn: d('2025-02-02') },
      '2026-01-12',
      { consequence: null, card: { state: 'received' }, socialFunction: 'enabled', daysLeft: 0 },
      { consequence: { kind: 'sealed', since: '2026-01-13' }, card: { state: 'sealed' }, socialFunction: 'sealed', daysLeft: null, medicalInsurance: 'normal' },
    ],
    // 300 days after 2026-01-05 is Sunday 2026-11-01: moved to Monday 2026-11-02.
    [
      'shanxi',
      { receivedOn: d('2026-01-05'), enabledOn: d('2026-01-05') },
      '2026-11-02',
      { consequence: null, socialFunction: 'enabled', daysLeft: 0 },
      { consequence: { kind: 'social-function-suspended', since: '2026-11-03' }, socialFunction: 'sealed', medicalInsurance: 'normal', daysLeft: -1 },
    ],
  ] as const)('%s', (id, over, deadline, onTheDay, dayAfter) => {
    const c = card(id, over);
    const next = new Date(`${deadline}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(status(c, deadline)).toMatchObject({ deadline: { date: deadline }, ...onTheDay });
    expect(status(c, next.toISOString().slice(0, 10))).toMatchObject(dayAfter);
  });

  it.each(['beijing', 'shanghai', 'chengdu'])('%s: no window, no consequence, however long a card waits', (id) => {
    expect(status(card(id), '2035-01-01')).toMatchObject({ deadline: null, daysLeft: null, consequence: null, medicalInsurance: 'normal' });
  });

  it('guangdong counts from issue: an issued card never collected is sealed too', () => {
    const c = card('guangdong', { state: 'issued', receivedOn: null });
    expect(status(c, '2025-06-01')).toMatchObject({ daysLeft: 225, deadline: { date: '2026-01-12' } });
    expect(status(c, '2026-01-13')).toMatchObject({ card: { state: 'sealed', endedOn: '2026-01-13' }, consequence: { kind: 'sealed' } });
  });

  it('a card activated in time is never sealed; under seed and shanxi a late activation ends the consequence that day', () => {
    expect(status(card('guangdong', { state: 'activated', activatedOn: d('2026-01-12'), enabledOn: d('2026-01-12') }), '2027-01-01')).toMatchObject({
      consequence: null,
      card: { state: 'activated' },
      financialFunction: 'active',
    });
    for (const id of ['seed', 'shanxi']) {
      expect(status(card(id, { state: 'activated', activatedOn: d('2027-01-05'), enabledOn: d('2027-01-05') }), '2027-01-05'), id).toMatchObject({
        consequence: null,
        medicalInsurance: 'normal',
        socialFunction: 'enabled',
      });
    }
  });

  it('needs "enabled": enabling in time is enough; without it the consequence comes', () => {
    const enabledOnly: Policy = { ...policy('shanxi'), activation: { period: { days: 300 }, from: 'received', needs: 'enabled' } };
    const c = card('shanxi', { receivedOn: d('2026-01-05') });
    expect(status(c, '2026-11-03', enabledOnly).consequence).toMatchObject({ kind: 'social-function-suspended' });
    expect(status({ ...c, enabledOn: d('2026-11-02') }, '2026-11-03', enabledOnly)).toMatchObject({
      consequence: null,
      daysLeft: null,
      financialFunction: 'inactive',
    });
  });

  it('sealed: activate and enable are refused with the reason; replace too (a new card is issued instead)', () => {
    const sealed = cardOn(card('guangdong'), policy('guangdong'), d('2026-01-13'), chinaCalendar);
    const today = d('2026-01-13');
    expect(decideActivation(sealed, { holder, idDocument: holder, on: today, outlet: null, guardian: null }, judge(today))).toEqual({
      ok: false,
      refusal: { reason: 'card-not-in-force', state: 'sealed' },
    });
    expect(decideEnable(sealed, today, 'online', judge(today))).toEqual({ ok: false, refusal: { reason: 'card-not-in-force', state: 'sealed' } });
    expect(decideReplacement(sealed, { newNumber: 'G00000002', numberTaken: false, on: today, bank: null, reason: null, policy: null }, judge(today)).ok).toBe(
      false,
    );
  });
});

describe('temporary loss: lapses by the policy, derived from the day', () => {
  const lostOn = d('2026-05-01');
  const lost = (id: string, resumes: 'received' | 'activated' = 'activated'): Card =>
    card(id, {
      state: 'lost',
      activatedOn: d('2025-03-02'),
      enabledOn: d('2025-03-02'),
      endedOn: lostOn,
      loss: { kind: 'temporary', reportedOn: lostOn, resumes },
    });
  const cancelling: Policy = { ...policy('shanghai'), id: 'cancelling', temporaryLoss: { period: 5, unit: 'days', then: 'cancel' } };

  it.each([
    // policy, last day of the loss, state on it, state the day after
    ['shanghai', '2026-05-06', 'lost', 'activated'],
    ['shanxi', '2026-05-08', 'lost', 'activated'],
    ['beijing', '2026-05-11', 'lost', 'activated'],
    ['nanchang', '2026-05-06', 'lost', 'activated'],
    ['xian', '2026-05-08', 'lost', 'activated'],
  ] as const)('%s lifts it after its days (自然解挂): lost until %s', (id, last, onLast, after) => {
    expect(lossLapsesOn(lostOn, policy(id), chinaCalendar)).toBe(last);
    expect(status(lost(id), last)).toMatchObject({ card: { state: onLast }, loss: { kind: 'temporary', reportedOn: '2026-05-01', lapsesOn: last } });
    const next = `${last.slice(0, 8)}${String(Number(last.slice(8)) + 1).padStart(2, '0')}`;
    expect(status(lost(id), next)).toMatchObject({ card: { state: after }, loss: null });
  });

  it('a policy that cancels: the card is cancelled from the day after the last day', () => {
    expect(cardOn(lost('shanghai'), cancelling, d('2026-05-06'), chinaCalendar).state).toBe('lost');
    expect(cardOn(lost('shanghai'), cancelling, d('2026-05-07'), chinaCalendar)).toMatchObject({ state: 'cancelled', endedOn: '2026-05-07', loss: null });
  });

  it('a formal loss never lapses', () => {
    const formal = { ...lost('shanghai'), loss: { kind: 'formal' as const, reportedOn: lostOn, resumes: 'activated' as const } };
    expect(cardOn(formal, policy('shanghai'), d('2030-01-01'), chinaCalendar).state).toBe('lost');
  });

  it('a formal report on a temporarily lost card makes it formal; replacement needs that', () => {
    const temp = lost('shanghai');
    const today = d('2026-05-03');
    const repl = { newNumber: 'G00000002', numberTaken: false, on: today, bank: null, reason: 'loss' as const, policy: null };
    expect(decideReplacement(temp, repl, judge(today))).toEqual({ ok: false, refusal: { reason: 'temporary-loss' } });
    expect(decideLoss(temp, today, judge(today), true)).toEqual({ ok: true, value: { card: null, facts: [] } });
    const formal = decideLoss(temp, today, judge(today), false);
    expect(formal).toMatchObject({ ok: true, value: { card: { state: 'lost', loss: { kind: 'formal', reportedOn: '2026-05-03', resumes: 'activated' } } } });
    if (!formal.ok) throw new Error();
    expect(decideReplacement(formal.value.card!, repl, judge(today))).toMatchObject({
      ok: true,
      value: { old: { state: 'replaced' }, replacement: { state: 'issued', policy: 'shanghai' } },
    });
  });

  it('found lifts it back to the state it had; once replaced, found is refused', () => {
    const today = d('2026-05-03');
    expect(decideFound(lost('shanghai', 'received'), today, judge(today))).toMatchObject({
      ok: true,
      value: { card: { state: 'received', loss: null, endedOn: null } },
    });
    const replaced: Card = { ...lost('shanghai'), state: 'replaced', replacedBy: 'G00000002' };
    expect(decideFound(replaced, today, judge(today))).toEqual({ ok: false, refusal: { reason: 'replacement-recorded', newCard: 'G00000002' } });
  });

  it('nanjing counts 3 working days: reported Wednesday 2026-09-30, the National Day days do not count and Saturday 2026-10-10 (调休上班) does', () => {
    const c = {
      ...lost('nanjing'),
      endedOn: d('2026-09-30'),
      loss: { kind: 'temporary' as const, reportedOn: d('2026-09-30'), resumes: 'activated' as const },
    };
    expect(status(c, '2026-10-10')).toMatchObject({ card: { state: 'lost' }, loss: { lapsesOn: '2026-10-10', lapses: 'working-days' } });
    expect(status(c, '2026-10-11')).toMatchObject({ card: { state: 'activated' }, loss: null });
  });
  it('suzhou: a phone loss never lapses by itself', () => {
    expect(status(lost('suzhou'), '2036-01-01')).toMatchObject({ card: { state: 'lost' }, loss: { lapsesOn: null, lapses: 'never' } });
  });
  it('an unknown loss rule (guangdong) lifts nothing by itself and says so', () => {
    expect(status(lost('guangdong'), '2027-01-01')).toMatchObject({ card: { state: 'lost' }, loss: { lapsesOn: null, lapses: 'unknown' } });
  });
  it('shaoguan (old rule): 挂失期满未解除挂失的，卡自动注销 after 15 days', () => {
    expect(cardOn(lost('shaoguan'), policy('shaoguan'), d('2026-05-16'), chinaCalendar).state).toBe('lost');
    expect(cardOn(lost('shaoguan'), policy('shaoguan'), d('2026-05-17'), chinaCalendar)).toMatchObject({ state: 'cancelled', endedOn: '2026-05-17' });
  });
  it('yongkang: each function has its own last day; the card is lost until the social one', () => {
    expect(status(lost('yongkang'), '2026-05-07')).toMatchObject({
      card: { state: 'lost' },
      loss: { lapsesOn: '2026-05-11', functions: { social: '2026-05-11', financial: '2026-05-06' } },
    });
  });
  it.each([
    ['beijing', false],
    ['xian', false],
    ['changchun', false],
    ['jinhua', false],
    ['nanjing', true],
    ['guangzhou', true],
    ['seed', true],
    ['guangdong', true], // unknown: accepted, nothing invented
  ] as const)('found on a formal loss under %s: lifted %s', (id, liftable) => {
    const formal = { ...lost(id), loss: { kind: 'formal' as const, reportedOn: lostOn, resumes: 'activated' as const } };
    const today = d('2026-05-03');
    expect(decideFound(formal, today, judge(today)).ok).toBe(liftable);
    expect(decideFound(lost(id), today, judge(today)).ok).toBe(true); // a temporary loss is always liftable
  });
});

describe('validity by age at issue (Shanghai) and no renewal while the card works', () => {
  // Holder born 1990-03-07 (44030419900307123X).
  const shanghai = (issuedOn: string, birth: string) => policyExpiry(policy('shanghai'), d(birth), d(issuedOn));
  it.each([
    // birth, issued, expiry: under 7 until the 7th birthday; 7-25 ten years; 26-45 twenty; 46 and over none
    ['2020-06-15', '2024-01-10', '2027-06-15'],
    ['2017-06-15', '2024-06-15', '2034-06-15'], // 7 on the issue day: ten years
    ['1998-06-15', '2024-06-14', '2034-06-14'], // 25 the day before the 26th birthday
    ['1998-06-15', '2024-06-15', '2044-06-15'], // 26: twenty years
    ['1978-06-15', '2024-06-14', '2044-06-14'], // 45
    ['1978-06-15', '2024-06-15', null], // 46: no expiry
  ])('born %s, issued %s: expires %s', (birth, issuedOn, expiry) => {
    expect(shanghai(issuedOn, birth)).toBe(expiry);
  });
  it('an expired Shanghai card stays usable: no renewal date, a note instead', () => {
    const c = card('shanghai', { state: 'activated', activatedOn: d('2025-03-02'), enabledOn: d('2025-03-02'), expiresOn: d('2026-01-01') });
    expect(status(c, '2026-06-01')).toMatchObject({ card: { state: 'activated' }, expiresOn: '2026-01-01', renewalFrom: null, expiredButUsable: true });
    expect(status({ ...c, policy: 'beijing' }, '2026-06-01', policy('beijing'))).toMatchObject({ renewalFrom: '2025-11-02', expiredButUsable: false });
  });
  it("the holder's age gives a Shanghai card its expiry when none was printed", () => {
    // 44030419900307123X: 34 on 2025-01-10 -> twenty years.
    expect(status(card('shanghai'), '2026-01-01').expiresOn).toBe('2045-01-10');
    expect(status(card('beijing'), '2026-01-01').expiresOn).toBeNull();
  });
});

describe('expiry and renewal (换领 from 60 days before, counted backwards as Art. 201 counts forwards)', () => {
  it.each([
    ['2035-01-10', '2034-11-11'],
    ['2026-03-01', '2025-12-31'],
    ['2028-03-01', '2028-01-01'], // 29 February counted
  ])('expires %s: renewal from %s', (expiresOn, from) => {
    expect(renewalFrom(d(expiresOn), policy('seed'))).toBe(from);
    expect(status(card('beijing', { expiresOn: d(expiresOn) }), '2026-01-01').renewalFrom).toBe(from);
  });
});
