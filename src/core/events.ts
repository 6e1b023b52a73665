// The ledger is a history (SPEC 1.6): every fact is an event, and the state
// of a person (their hires, cards and e-card) is exactly the replay of their
// events that still stand. The core's decisions return facts (`Fact`); the
// store numbers them, stamps when and by what they were recorded, and keeps
// the replayed state as a cache. Nothing else changes state.
import type { IsoDate } from './calendar-date.js';
import { allow, type Decision, refuse } from './decision.js';
import { hirePlace, withHireAdded, withHireReplaced } from './hire-places.js';
import { type Card, type EcardChannel, type EcardClaim, type EnableChannel, type Hire, type HireKind, IN_FORCE, type ReplaceReason } from './state.js';

/**
 * Every kind of fact, with its typed payload. A hire is named by its employer
 * and hire date (one hire, never two, SPEC 1.5); a card by its number.
 * Payload version: EVENT_VERSION; a v1 ledger's payloads are rewritten to
 * these shapes by the store's migration, so replay knows one shape per kind.
 */
export type EventBody =
  | { readonly kind: 'person.recorded'; readonly name: string | null }
  | { readonly kind: 'person.renamed'; readonly name: string }
  | { readonly kind: 'hire.recorded'; readonly employer: string | null; readonly hiredOn: IsoDate; readonly hireKind: HireKind }
  /** 参保登记 filed (`on`: the filing date). */
  | { readonly kind: 'hire.registered'; readonly employer: string | null; readonly hiredOn: IsoDate }
  /** The hire's monthly contribution base (缴费基数), in fen (`on`: the hire date; SPEC 1.9). */
  | { readonly kind: 'hire.based'; readonly employer: string | null; readonly hiredOn: IsoDate; readonly base: number }
  /** 离职: the employment ended (`on`: the last day). */
  | { readonly kind: 'hire.ended'; readonly employer: string | null; readonly hiredOn: IsoDate }
  /** The file and the social insurance relationship were transferred (`on`: the day it was done; 劳动合同法 Art. 50). */
  | { readonly kind: 'hire.separated'; readonly employer: string | null; readonly hiredOn: IsoDate }
  | {
      readonly kind: 'card.issued';
      readonly card: string;
      readonly bank: string | null;
      readonly policy: string;
      readonly generation: 2 | 3;
      readonly expiresOn: IsoDate | null;
      /** The card this one replaces (补换卡), recorded with the `card.replaced` just before it. */
      readonly replaces: string | null;
    }
  /** 申领: a card applied for, before any card number exists (制卡中, SPEC 1.3 v3); `card.issued` completes it. */
  | { readonly kind: 'card.applied'; readonly policy: string; readonly generation: 2 | 3 }
  /** 制卡失败: the open application failed (e.g. a photo rejected); a new one must be made. */
  | { readonly kind: 'card.failed'; readonly reason: string | null }
  /** 网点签收 / 待领卡: the card waits at the outlet to be collected. */
  | { readonly kind: 'card.ready'; readonly card: string; readonly outlet: string | null }
  /** A correction (v3): the card's policy was recorded wrongly; from now on every view judges it under this one. No day: it was always so. */
  | { readonly kind: 'card.policy-set'; readonly card: string; readonly policy: string }
  | { readonly kind: 'card.received'; readonly card: string }
  | { readonly kind: 'card.enabled'; readonly card: string; readonly channel: EnableChannel | null }
  /** `guardian`: the guardian's identity number when a guardian activated for the holder. */
  | { readonly kind: 'card.activated'; readonly card: string; readonly outlet: string | null; readonly guardian: string | null }
  | { readonly kind: 'card.lost'; readonly card: string; readonly temporary: boolean }
  | { readonly kind: 'card.found'; readonly card: string }
  | { readonly kind: 'card.replaced'; readonly card: string; readonly newCard: string; readonly reason: ReplaceReason | null }
  | { readonly kind: 'card.cancelled'; readonly card: string }
  | { readonly kind: 'ecard.claimed'; readonly channel: EcardChannel | null }
  /** A correction: the named events were wrong and no longer count (never erased). */
  | { readonly kind: 'revoked'; readonly seqs: readonly number[]; readonly reason: string };

export type EventKind = EventBody['kind'];

export const EVENT_KINDS: readonly EventKind[] = [
  'person.recorded',
  'person.renamed',
  'hire.recorded',
  'hire.registered',
  'hire.based',
  'hire.ended',
  'hire.separated',
  'card.applied',
  'card.failed',
  'card.issued',
  'card.ready',
  'card.policy-set',
  'card.received',
  'card.enabled',
  'card.activated',
  'card.lost',
  'card.found',
  'card.replaced',
  'card.cancelled',
  'ecard.claimed',
  'revoked',
];

/** The payload version written today (stored with each event). */
export const EVENT_VERSION = 2;

/** What a decision returns: the day the fact concerns (null: a fact without a day, such as a name) and the fact. */
export interface Fact {
  readonly on: IsoDate | null;
  readonly body: EventBody;
}

/** A fact as recorded in the ledger. */
export interface LedgerEvent extends Fact {
  readonly seq: number;
  readonly personId: string;
  /** When it was written down: an ISO instant from the real clock. */
  readonly recordedAt: string;
  /** The command that recorded it, or `import FILE line N`. */
  readonly source: string;
}

/**
 * A recorded event as stored, its payload (the body without its kind) still
 * JSON text: what the store gives `export --format json`, which writes a
 * payload in sscard's own form through without parsing it (issue 31).
 */
export interface StoredEvent {
  readonly seq: number;
  readonly personId: string;
  readonly kind: EventKind;
  readonly on: IsoDate | null;
  readonly recordedAt: string;
  readonly source: string;
  readonly payload: string;
}

export const fact = (on: IsoDate | null, body: EventBody): Fact => ({ on, body });

export interface PersonState {
  readonly id: string;
  /** False until the person's first event: nobody is recorded. */
  readonly exists: boolean;
  readonly name: string | null;
  /** Oldest hire first. */
  readonly hires: readonly Hire[];
  /** In the order they were issued, oldest first. */
  readonly cards: readonly Card[];
  readonly ecard: EcardClaim | null;
  /** The latest card application not yet completed by an issued card (制卡中), or failed (制卡失败); absent: none. */
  readonly application?: Application | null;
}

/** A card applied for (申领) and not yet issued; `failedOn` once making failed (制卡失败). */
export interface Application {
  readonly appliedOn: IsoDate;
  readonly policy: string;
  readonly generation: 2 | 3;
  readonly failedOn: IsoDate | null;
  readonly reason: string | null;
}

export const emptyPerson = (id: string): PersonState => ({ id, exists: false, name: null, hires: [], cards: [], ecard: null });

/** Why a fact cannot apply to the state (e.g. its hire or card is not there): it depends on a fact that does not stand. */
export type Orphan = { readonly orphan: string };

/** `ready` is derived (card.ts, cardOn: an issued card with `readyOn`), never stored: facts apply to the stored `issued`. */
const storedState = (c: Card): Card => (c.state === 'ready' ? { ...c, state: 'issued' } : c);

function withHire(state: PersonState, employer: string | null, hiredOn: IsoDate, change: (h: Hire) => Hire | null): PersonState | Orphan {
  const index = hirePlace(state.hires, employer, hiredOn);
  if (index === -1) return { orphan: 'no-such-hire' };
  const changed = change(state.hires[index]!);
  if (changed === null) return { orphan: 'hire-not-in-that-state' };
  return { ...state, hires: withHireReplaced(state.hires, index, changed) };
}

/**
 * A temporary loss lapses by the day and the policy (card.ts, cardOn), which
 * replay does not know; a fact that needs the card in force (its receipt,
 * enabling, activation, replacement) is recorded only once the loss lapsed
 * with `lift`, so the card it applies to is the card as it was before the loss.
 */
function lapsed(c: Card): Card {
  return c.state === 'lost' && c.loss?.kind === 'temporary' ? { ...c, state: c.loss.resumes, loss: null, endedOn: null } : c;
}

function withCard(state: PersonState, number: string, change: (c: Card) => Card | null): PersonState | Orphan {
  const index = state.cards.findIndex((c) => c.number === number);
  if (index === -1) return { orphan: 'no-such-card' };
  const changed = change(storedState(state.cards[index]!));
  if (changed === null) return { orphan: 'card-not-in-that-state' };
  return { ...state, cards: state.cards.map((c, i) => (i === index ? changed : c)) };
}

/**
 * One fact applied to a person's state: the only place where state changes.
 * Decisions (card.ts, registration.ts, ...) check the rules first; here a
 * fact only needs what it is about to be there (a dependency, for `revoke`).
 */
export function apply(state: PersonState, f: Fact, holderId: string = state.id): PersonState | Orphan {
  const { body, on } = f;
  const day = on as IsoDate;
  if (body.kind !== 'person.recorded' && !state.exists) return { orphan: 'no-such-person' };
  switch (body.kind) {
    case 'person.recorded':
      return state.exists ? { orphan: 'person-recorded-twice' } : { ...state, exists: true, name: body.name };
    case 'person.renamed':
      return { ...state, name: body.name };
    case 'hire.recorded': {
      if (hirePlace(state.hires, body.employer, body.hiredOn) !== -1) return { orphan: 'hire-recorded-twice' };
      const hire: Hire = {
        kind: body.hireKind,
        employer: body.employer,
        hiredOn: body.hiredOn,
        registeredOn: null,
        leftOn: null,
        separationDoneOn: null,
        base: null,
      };
      // Oldest hire first; the same day keeps the order of recording (hire-places.ts).
      return { ...state, hires: withHireAdded(state.hires, hire) };
    }
    case 'hire.registered':
      return withHire(state, body.employer, body.hiredOn, (h) => (h.registeredOn === null ? { ...h, registeredOn: day } : null));
    case 'hire.based':
      return withHire(state, body.employer, body.hiredOn, (h) => ({ ...h, base: body.base }));
    case 'hire.ended':
      return withHire(state, body.employer, body.hiredOn, (h) => (h.leftOn === null ? { ...h, leftOn: day } : null));
    case 'hire.separated':
      return withHire(state, body.employer, body.hiredOn, (h) => (h.leftOn !== null && h.separationDoneOn === null ? { ...h, separationDoneOn: day } : null));
    case 'card.issued': {
      if (state.cards.some((c) => c.number === body.card)) return { orphan: 'card-issued-twice' };
      // A card issued while an application is open completes it (its 申领 date stays with the card); a replacement has its own.
      const openApplication = body.replaces === null && state.application && state.application.failedOn === null ? state.application : null;
      if (body.replaces !== null) {
        const old = state.cards.find((c) => c.number === body.replaces);
        if (old?.state !== 'replaced' || old.replacedBy !== body.card) return { orphan: 'no-such-replacement' };
      }
      const card: Card = {
        number: body.card,
        holderId,
        bank: body.bank,
        policy: body.policy,
        generation: body.generation,
        expiresOn: body.expiresOn,
        state: 'issued',
        appliedOn: openApplication?.appliedOn ?? null,
        readyOn: null,
        readyAt: null,
        issuedOn: on,
        receivedOn: null,
        enabledOn: null,
        activatedOn: null,
        outlet: null,
        guardianId: null,
        loss: null,
        endedOn: null,
        replacedBy: null,
      };
      return { ...state, cards: [...state.cards, card], ...(openApplication ? { application: null } : {}) };
    }
    case 'card.applied':
      return { ...state, application: { appliedOn: day, policy: body.policy, generation: body.generation, failedOn: null, reason: null } };
    case 'card.failed':
      return state.application && state.application.failedOn === null
        ? { ...state, application: { ...state.application, failedOn: day, reason: body.reason } }
        : { orphan: 'no-open-application' };
    case 'card.ready':
      return withCard(state, body.card, (c0) => {
        const c = lapsed(c0);
        return c.state === 'issued' && c.readyOn === null ? { ...c, readyOn: day, readyAt: body.outlet } : null;
      });
    case 'card.policy-set':
      return withCard(state, body.card, (c) => ({ ...c, policy: body.policy }));
    case 'card.received':
      return withCard(state, body.card, (c0) => {
        const c = lapsed(c0);
        return c.state === 'issued' ? { ...c, state: 'received', receivedOn: day } : null;
      });
    case 'card.enabled':
      return withCard(state, body.card, (c0) => {
        const c = lapsed(c0);
        return IN_FORCE.has(c.state) && c.enabledOn === null ? { ...c, enabledOn: day } : null;
      });
    case 'card.activated':
      // Activating also enables the social-security function that day if it was not yet (SPEC 1.3).
      return withCard(state, body.card, (c0) => {
        const c = lapsed(c0);
        return c.state === 'received'
          ? { ...c, state: 'activated', activatedOn: day, enabledOn: c.enabledOn ?? day, outlet: body.outlet, guardianId: body.guardian }
          : null;
      });
    case 'card.lost':
      return withCard(state, body.card, (c) => {
        const kind = body.temporary ? 'temporary' : 'formal';
        if (IN_FORCE.has(c.state))
          return { ...c, state: 'lost', loss: { kind, reportedOn: day, resumes: c.state as 'issued' | 'received' | 'activated' }, endedOn: day };
        // On a temporarily lost card: a formal report makes the loss formal;
        // a new temporary report (decisions allow it only once the first
        // lapsed) starts a new one. The state to resume stays.
        if (c.state === 'lost' && c.loss?.kind === 'temporary')
          return { ...c, loss: { ...c.loss, kind, reportedOn: day }, endedOn: body.temporary ? day : c.endedOn };
        return null;
      });
    case 'card.found':
      return withCard(state, body.card, (c) => (c.state === 'lost' && c.loss ? { ...c, state: c.loss.resumes, loss: null, endedOn: null } : null));
    case 'card.replaced':
      return withCard(state, body.card, (c0) => {
        // Decisions refuse to replace a card under a temporary loss: one here had lapsed.
        const c = lapsed(c0);
        return IN_FORCE.has(c.state) || c.state === 'lost'
          ? { ...c, state: 'replaced', replacedBy: body.newCard, endedOn: c.state === 'lost' ? c.endedOn : day }
          : null;
      });
    case 'card.cancelled':
      return withCard(state, body.card, (c) =>
        IN_FORCE.has(c.state) || c.state === 'lost' ? { ...c, state: 'cancelled', endedOn: c.state === 'lost' ? c.endedOn : day } : null,
      );
    case 'ecard.claimed':
      return state.ecard === null ? { ...state, ecard: { channel: body.channel, claimedOn: day } } : { orphan: 'ecard-claimed-twice' };
    case 'revoked':
      return state; // applied by replay, which leaves the revoked events out
  }
}

/**
 * The hire a fact is about (its employer and hire date), or null for a fact
 * about the person, a card or the e-card, and for a revocation (which replay
 * applies, to any fact). As `apply` has it: a hire's fact changes that hire
 * alone, or adds it; no other fact changes a hire. The store writes back only
 * those hires (sqlite/ledger.ts, namedHires).
 */
export function hireNamedBy(body: EventBody): { readonly employer: string | null; readonly hiredOn: IsoDate } | null {
  switch (body.kind) {
    case 'hire.recorded':
    case 'hire.registered':
    case 'hire.based':
    case 'hire.ended':
    case 'hire.separated':
      return body;
    default:
      return null;
  }
}

/** Records the person on first sight; renames them when a different name is given. */
export function personFacts(state: PersonState, name: string | null): Fact[] {
  if (!state.exists) return [fact(null, { kind: 'person.recorded', name })];
  if (name !== null && name !== state.name) return [fact(null, { kind: 'person.renamed', name })];
  return [];
}

export const isOrphan = (result: PersonState | Orphan): result is Orphan => 'orphan' in result;

/** Facts applied in order; the first that cannot apply is a bug in a decision. */
export function applyAll(state: PersonState, facts: readonly Fact[]): PersonState {
  let next = state;
  for (const f of facts) {
    const result = apply(next, f);
    if (isOrphan(result)) throw new Error(`a decision produced a fact that cannot apply (${f.body.kind}: ${result.orphan})`);
    next = result;
  }
  return next;
}

export interface Revocation {
  readonly seq: number;
  readonly reason: string;
}

export interface Replay {
  readonly state: PersonState;
  /** Revoked events: seq -> the revocation. */
  readonly revoked: ReadonlyMap<number, Revocation>;
  /** Standing events that could not apply (they depend on a revoked fact). */
  readonly orphans: readonly number[];
}

/**
 * The state after more facts, from the replayed state before them: the same
 * state as replaying every event again, as long as the new facts revoke
 * nothing (null when one does: a revocation changes the past, so the caller
 * replays everything). An import records millions of facts; this keeps each
 * row's cost to its own facts.
 */
export function replayOnto(before: PersonState, more: readonly Fact[]): PersonState | null {
  let state = before;
  for (const f of more) {
    if (f.body.kind === 'revoked') return null;
    const result = apply(state, f);
    if (!isOrphan(result)) state = result;
  }
  return state;
}

/** Which events a person's revocations withdraw. A revocation is itself never revoked. */
export function revocations(events: readonly LedgerEvent[]): Map<number, Revocation> {
  const revoked = new Map<number, Revocation>();
  for (const e of events) if (e.body.kind === 'revoked') for (const seq of e.body.seqs) revoked.set(seq, { seq: e.seq, reason: e.body.reason });
  return revoked;
}

/**
 * The state of one person as of `viewOn` (null: everything recorded): the
 * non-revoked events in recording order, leaving out those whose day is after
 * `viewOn` (facts without a day always count; SPEC 1.6).
 */
export function replay(personId: string, events: readonly LedgerEvent[], viewOn: IsoDate | null = null): Replay {
  const revoked = revocations(events);
  let state = emptyPerson(personId);
  const orphans: number[] = [];
  for (const e of events) {
    if (e.body.kind === 'revoked' || revoked.has(e.seq)) continue;
    if (viewOn !== null && e.on !== null && e.on > viewOn) continue;
    const result = apply(state, e);
    if (isOrphan(result)) orphans.push(e.seq);
    else state = result;
  }
  // A replacement is two facts (the old card replaced, the new one issued, on the same day): neither stands alone.
  for (const card of state.cards) {
    if (card.replacedBy === null || state.cards.some((c) => c.number === card.replacedBy)) continue;
    const replaced = events.find((e) => e.body.kind === 'card.replaced' && e.body.card === card.number && !revoked.has(e.seq));
    if (replaced) orphans.push(replaced.seq);
  }
  return { state, revoked, orphans };
}

export type RevocationRefusal =
  | { readonly reason: 'revocation-not-revocable'; readonly seq: number }
  | { readonly reason: 'already-revoked'; readonly seq: number; readonly by: number }
  | { readonly reason: 'person-record'; readonly seq: number }
  | { readonly reason: 'has-dependents'; readonly dependents: readonly number[] };

/**
 * Withdraws recorded facts that were wrong (SPEC 1.6), for one person: the
 * revocation is a fact of its own and erases nothing. Refused while a later
 * fact that still stands depends on a revoked one (it would no longer apply
 * on replay); those are named, so they can be revoked in the same command.
 */
export function decideRevocation(
  events: readonly LedgerEvent[],
  seqs: readonly number[],
  reason: string,
): Decision<{ readonly facts: readonly Fact[] }, RevocationRefusal> {
  const revoked = revocations(events);
  for (const seq of seqs) {
    const event = events.find((e) => e.seq === seq);
    if (event?.body.kind === 'revoked') return refuse({ reason: 'revocation-not-revocable', seq });
    const by = revoked.get(seq);
    if (by) return refuse({ reason: 'already-revoked', seq, by: by.seq });
    // The person's record carries everything else; erasing a person is `purge`.
    if (event?.body.kind === 'person.recorded') return refuse({ reason: 'person-record', seq });
  }
  const revocation = fact(null, { kind: 'revoked', seqs: [...seqs].sort((a, b) => a - b), reason });
  const personId = events[0]?.personId ?? '';
  const trial: LedgerEvent = { ...revocation, seq: Number.MAX_SAFE_INTEGER, personId, recordedAt: '', source: '' };
  const before = new Set(replay(personId, events).orphans);
  const dependents = replay(personId, [...events, trial]).orphans.filter((seq) => !before.has(seq));
  if (dependents.length > 0) return refuse({ reason: 'has-dependents', dependents });
  return allow({ facts: [revocation] });
}
