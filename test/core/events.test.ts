import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import {
  apply,
  decideRevocation,
  emptyPerson,
  type EventBody,
  hireNamedBy,
  isOrphan,
  type LedgerEvent,
  type PersonState,
  replay,
  replayOnto,
} from '../../src/core/events.js';

const ID = '11010519491231002X';
const GUARDIAN = '44030419900307123X';

/** A ledger of one person: events numbered from 1 in the order given. */
function history(...facts: [string | null, EventBody][]): LedgerEvent[] {
  return facts.map(([on, body], i) => ({ seq: i + 1, personId: ID, on: on as IsoDate | null, body, recordedAt: '2026-11-24T02:00:00.000Z', source: 'test' }));
}
const issued = (card = 'A12345678', replaces: string | null = null): EventBody => ({
  kind: 'card.issued',
  card,
  bank: 'ICBC',
  policy: 'seed',
  generation: 2,
  expiresOn: null,
  replaces,
});
const hireKey = { employer: 'Acme Ltd', hiredOn: '2026-09-01' as IsoDate };

// One person's whole life: every event kind once (and a revocation).
const life = history(
  [null, { kind: 'person.recorded', name: 'Wang Fang' }], // 1
  ['2026-09-01', { kind: 'hire.recorded', ...hireKey, hireKind: 'employee' }], // 2
  ['2026-10-12', { kind: 'hire.registered', ...hireKey }], // 3
  ['2026-03-01', issued()], // 4
  ['2026-03-31', { kind: 'card.received', card: 'A12345678' }], // 5
  ['2026-04-02', { kind: 'ecard.claimed', channel: 'wechat' }], // 6
  ['2026-06-01', { kind: 'card.enabled', card: 'A12345678', channel: 'online' }], // 7
  ['2026-10-12', { kind: 'card.activated', card: 'A12345678', outlet: 'ICBC Futian', guardian: null }], // 8
  ['2026-10-20', { kind: 'card.lost', card: 'A12345678', temporary: true }], // 9
  ['2026-10-22', { kind: 'card.found', card: 'A12345678' }], // 10
  ['2026-10-25', { kind: 'card.lost', card: 'A12345678', temporary: false }], // 11
  ['2026-11-01', { kind: 'card.replaced', card: 'A12345678', newCard: 'B12345678', reason: 'loss' }], // 12
  ['2026-11-01', issued('B12345678', 'A12345678')], // 13
  ['2026-11-30', { kind: 'hire.ended', ...hireKey }], // 14
  ['2026-12-08', { kind: 'hire.separated', ...hireKey }], // 15
  [null, { kind: 'person.renamed', name: 'Wang F.' }], // 16
);

// The store writes back only the hires the facts name (sqlite/ledger.ts, namedHires): no other hire may change.
describe('hireNamedBy: the one hire a fact may change', () => {
  it('every fact of a life, two earlier hires beside it, leaves every hire it does not name the same, in its place', () => {
    const early = (employer: string, hiredOn: string): [string, EventBody] => [
      hiredOn,
      { kind: 'hire.recorded', employer, hiredOn: hiredOn as IsoDate, hireKind: 'employee' },
    ];
    const based: [string, EventBody] = ['2026-09-01', { kind: 'hire.based', ...hireKey, base: 800_000 }];
    const facts = [life[0]!, ...history(early('Beta', '2025-01-01'), early('Gamma', '2025-02-01')), life[1]!, life[2]!, ...history(based), ...life.slice(3)];
    let state: PersonState = emptyPerson(ID);
    let named = 0;
    for (const f of facts) {
      const next = apply(state, f);
      if (isOrphan(next)) throw new Error(`${f.body.kind}: ${next.orphan}`);
      const hire = hireNamedBy(f.body);
      if (hire !== null) named++;
      expect(next.hires.length - state.hires.length, f.body.kind).toBe(f.body.kind === 'hire.recorded' ? 1 : 0);
      state.hires.forEach((h, i) => {
        if (hire === null || h.employer !== hire.employer || h.hiredOn !== hire.hiredOn) expect(next.hires[i], f.body.kind).toBe(h);
      });
      state = next;
    }
    expect(named).toBe(7); // three hires recorded, one registered, based, ended, separated
  });
  it('names no hire for a fact about the person, a card, the e-card, or a revocation', () => {
    for (const body of [life[0]!.body, issued(), { kind: 'ecard.claimed', channel: null }, { kind: 'revoked', seqs: [2], reason: 'x' }] as EventBody[])
      expect(hireNamedBy(body), body.kind).toBeNull();
    expect(hireNamedBy({ kind: 'hire.ended', ...hireKey })).toMatchObject(hireKey);
  });
});

describe('replay: the state is the replay of the events that stand, as of a day (SPEC 1.6)', () => {
  it('applies every kind of event', () => {
    const { state, orphans } = replay(ID, life);
    expect(orphans).toEqual([]);
    expect(state.name).toBe('Wang F.');
    expect(state.hires).toEqual([
      { kind: 'employee', ...hireKey, registeredOn: '2026-10-12', leftOn: '2026-11-30', separationDoneOn: '2026-12-08', base: null },
    ]);
    expect(state.cards).toMatchObject([
      {
        number: 'A12345678',
        state: 'replaced',
        enabledOn: '2026-06-01',
        activatedOn: '2026-10-12',
        endedOn: '2026-10-25',
        replacedBy: 'B12345678',
        loss: { kind: 'formal', reportedOn: '2026-10-25', resumes: 'activated' },
      },
      { number: 'B12345678', state: 'issued', issuedOn: '2026-11-01', receivedOn: null, policy: 'seed' },
    ]);
    expect(state.ecard).toEqual({ channel: 'wechat', claimedOn: '2026-04-02' });
  });

  // Each row: a day, and what the ledger said that day. Every event's day is looked at from both sides.
  it.each([
    ['2026-02-28', { hires: 0, card: null, ecard: null }],
    ['2026-03-01', { hires: 0, card: { state: 'issued' }, ecard: null }],
    ['2026-03-30', { hires: 0, card: { state: 'issued' }, ecard: null }],
    ['2026-03-31', { hires: 0, card: { state: 'received', receivedOn: '2026-03-31' }, ecard: null }],
    ['2026-04-01', { hires: 0, card: { state: 'received' }, ecard: null }],
    ['2026-04-02', { hires: 0, card: { state: 'received' }, ecard: { claimedOn: '2026-04-02' } }],
    ['2026-05-31', { hires: 0, card: { state: 'received', enabledOn: null } }],
    ['2026-06-01', { hires: 0, card: { state: 'received', enabledOn: '2026-06-01' } }],
    ['2026-08-31', { hires: 0 }],
    ['2026-09-01', { hires: 1, registeredOn: null }],
    ['2026-10-01', { hires: 1, registeredOn: null, card: { state: 'received', activatedOn: null } }], // the SPEC's example
    ['2026-10-11', { hires: 1, registeredOn: null, card: { state: 'received' } }],
    ['2026-10-12', { hires: 1, registeredOn: '2026-10-12', card: { state: 'activated', activatedOn: '2026-10-12' } }],
    ['2026-10-19', { card: { state: 'activated', loss: null } }],
    ['2026-10-20', { card: { state: 'lost', loss: { kind: 'temporary' } } }],
    ['2026-10-21', { card: { state: 'lost' } }],
    ['2026-10-22', { card: { state: 'activated', loss: null } }],
    ['2026-10-24', { card: { state: 'activated' } }],
    ['2026-10-25', { card: { state: 'lost', loss: { kind: 'formal' } } }],
    ['2026-10-31', { cards: 1, card: { state: 'lost' } }],
    ['2026-11-01', { cards: 2, card: { number: 'A12345678', state: 'replaced' } }],
    ['2026-11-29', { leftOn: null }],
    ['2026-11-30', { leftOn: '2026-11-30', separationDoneOn: null }],
    ['2026-12-07', { separationDoneOn: null }],
    ['2026-12-08', { separationDoneOn: '2026-12-08' }],
  ] as [string, Record<string, unknown>][])('as of %s', (viewOn, expected) => {
    const { state } = replay(ID, life, viewOn as IsoDate);
    // Facts without a day always count: the person and their latest name.
    expect(state).toMatchObject({ exists: true, name: 'Wang F.' });
    if ('hires' in expected) expect(state.hires).toHaveLength(expected.hires as number);
    if ('registeredOn' in expected) expect(state.hires[0]?.registeredOn).toBe(expected.registeredOn);
    if ('leftOn' in expected) expect(state.hires[0]?.leftOn).toBe(expected.leftOn);
    if ('separationDoneOn' in expected) expect(state.hires[0]?.separationDoneOn).toBe(expected.separationDoneOn);
    if ('cards' in expected) expect(state.cards).toHaveLength(expected.cards as number);
    if ('card' in expected) {
      if (expected.card === null) expect(state.cards).toEqual([]);
      else expect(state.cards[0]).toMatchObject(expected.card as object);
    }
    if ('ecard' in expected) {
      if (expected.ecard === null) expect(state.ecard).toBeNull();
      else expect(state.ecard).toMatchObject(expected.ecard as object);
    }
  });

  it('leaves revoked events out, on every day; the revocation itself has no day', () => {
    const corrected = [...life, ...history([null, { kind: 'revoked', seqs: [3], reason: 'filed by mistake' }]).map((e) => ({ ...e, seq: 17 }))];
    expect(replay(ID, corrected).state.hires[0]?.registeredOn).toBeNull();
    expect(replay(ID, corrected, '2026-10-12' as IsoDate).state.hires[0]?.registeredOn).toBeNull();
    expect(replay(ID, corrected).revoked.get(3)).toEqual({ seq: 17, reason: 'filed by mistake' });
  });

  it('a guardian recorded with the activation is on the card', () => {
    const events = history(
      [null, { kind: 'person.recorded', name: null }],
      ['2026-05-01', issued()],
      ['2026-05-10', { kind: 'card.received', card: 'A12345678' }],
      ['2026-05-12', { kind: 'card.activated', card: 'A12345678', outlet: null, guardian: GUARDIAN }],
    );
    expect(replay(ID, events).state.cards[0]).toMatchObject({ guardianId: GUARDIAN, enabledOn: '2026-05-12' });
  });

  it('a cancellation ends a card; an e-card claim stays recorded', () => {
    const events = history(
      [null, { kind: 'person.recorded', name: null }],
      ['2020-01-01', issued()],
      ['2020-01-15', { kind: 'ecard.claimed', channel: null }],
      ['2026-02-01', { kind: 'card.cancelled', card: 'A12345678' }],
    );
    expect(replay(ID, events).state).toMatchObject({ cards: [{ state: 'cancelled', endedOn: '2026-02-01' }], ecard: { claimedOn: '2020-01-15' } });
  });
});

describe('replayOnto: recording more facts continues the replay (what the store caches after a write)', () => {
  const revokedRegistration = history([null, { kind: 'revoked', seqs: [3], reason: 'filed by mistake' }]).map((e) => ({ ...e, seq: 17 }));
  // Every split of a life into what was stored and what a command records, with an orphan among the new facts (a second person.recorded).
  it.each(life.map((_, at) => [at]))('the first %i events stored, the rest recorded: the same state as replaying all', (at) => {
    const more = [...life.slice(at), ...history([null, { kind: 'person.recorded', name: 'twice' }])];
    const before = at === 0 ? emptyPerson(ID) : replay(ID, life.slice(0, at)).state;
    expect(replayOnto(before, more)).toEqual(replay(ID, [...life.slice(0, at), ...more.map((e, i) => ({ ...e, seq: 100 + i }))]).state);
  });

  it('a revocation among the new facts changes the past: null, the caller replays everything', () => {
    expect(replayOnto(replay(ID, life).state, revokedRegistration)).toBeNull();
    expect(replayOnto(replay(ID, life).state, [life[15]!, ...revokedRegistration])).toBeNull();
  });

  it('events revoked before stay out: the state before already leaves them out', () => {
    const stored = [...life.slice(0, 3), ...revokedRegistration];
    expect(replayOnto(replay(ID, stored).state, life.slice(3))).toEqual(
      replay(ID, [...stored, ...life.slice(3).map((e, i) => ({ ...e, seq: 200 + i }))]).state,
    );
  });
});

describe('decideRevocation: corrections without erasure', () => {
  it('revokes a registration recorded by mistake: a fact of its own, with the reason', () => {
    expect(decideRevocation(life, [3], 'recorded as registered by mistake')).toEqual({
      ok: true,
      value: { facts: [{ on: null, body: { kind: 'revoked', seqs: [3], reason: 'recorded as registered by mistake' } }] },
    });
  });

  it.each([
    ["a card's receipt while its activation stands", [5], [8]],
    ['a hire while its registration and end stand', [2], [3, 14, 15]],
    ['the end of a hire while its transfer stands', [14], [15]],
    ['a loss while the card found after it stands', [9], [10]],
    ["the new card of a replacement while the old card's replacement stands", [13], [12]],
    ['a replacement while its new card stands', [12], [13]],
  ])('refuses to revoke %s, naming the dependents', (_, seqs, dependents) => {
    expect(decideRevocation(life, seqs, 'wrong')).toEqual({ ok: false, refusal: { reason: 'has-dependents', dependents } });
  });

  it('revokes them all in one command', () => {
    expect(decideRevocation(life, [14, 15], 'did not leave').ok).toBe(true);
    expect(decideRevocation(life, [12, 13], 'no replacement').ok).toBe(true);
  });

  it('refuses to revoke a revocation, a revoked event again, or the person record', () => {
    const corrected = [...life, { ...life[0]!, seq: 17, on: null, body: { kind: 'revoked', seqs: [3], reason: 'x' } as EventBody }];
    expect(decideRevocation(corrected, [17], 'y')).toEqual({ ok: false, refusal: { reason: 'revocation-not-revocable', seq: 17 } });
    expect(decideRevocation(corrected, [3], 'y')).toEqual({ ok: false, refusal: { reason: 'already-revoked', seq: 3, by: 17 } });
    expect(decideRevocation(life, [1], 'y')).toEqual({ ok: false, refusal: { reason: 'person-record', seq: 1 } });
  });
});

describe('replay after a temporary loss that lapsed (issue 14: the lapse is derived from the day, never stored)', () => {
  // Decisions record these facts only once the policy's days have passed, with `lift`.
  it.each([
    [
      'activated',
      { kind: 'card.activated', card: 'A12345678', outlet: null, guardian: null },
      { state: 'activated', activatedOn: '2026-06-01', enabledOn: '2026-06-01', loss: null },
    ],
    ['enabled', { kind: 'card.enabled', card: 'A12345678', channel: 'online' }, { state: 'received', enabledOn: '2026-06-01', loss: null }],
    [
      'lost again, temporarily',
      { kind: 'card.lost', card: 'A12345678', temporary: true },
      { state: 'lost', loss: { kind: 'temporary', reportedOn: '2026-06-01', resumes: 'received' } },
    ],
    [
      'lost formally',
      { kind: 'card.lost', card: 'A12345678', temporary: false },
      { state: 'lost', loss: { kind: 'formal', reportedOn: '2026-06-01', resumes: 'received' } },
    ],
    [
      'replaced',
      { kind: 'card.replaced', card: 'A12345678', newCard: 'B12345678', reason: 'damage' },
      { state: 'replaced', endedOn: '2026-06-01', replacedBy: 'B12345678' },
    ],
  ] as const)('%s', (_, body, card) => {
    const events = history(
      [null, { kind: 'person.recorded', name: null }],
      ['2026-03-01', issued()],
      ['2026-03-31', { kind: 'card.received', card: 'A12345678' }],
      ['2026-05-01', { kind: 'card.lost', card: 'A12345678', temporary: true }],
      ['2026-06-01', body as EventBody],
      ...(body.kind === 'card.replaced' ? [['2026-06-01', issued('B12345678', 'A12345678')] as [string, EventBody]] : []),
    );
    const { state, orphans } = replay(ID, events);
    expect(orphans).toEqual([]);
    expect(state.cards[0]).toMatchObject(card);
  });
  it('a fact that needs the card in force still cannot follow a FORMAL loss', () => {
    const events = history(
      [null, { kind: 'person.recorded', name: null }],
      ['2026-03-01', issued()],
      ['2026-03-31', { kind: 'card.received', card: 'A12345678' }],
      ['2026-05-01', { kind: 'card.lost', card: 'A12345678', temporary: false }],
      ['2026-06-01', { kind: 'card.activated', card: 'A12345678', outlet: null, guardian: null }],
    );
    expect(replay(ID, events).orphans).toEqual([5]);
  });
});
