// sscard status <id>: everything about one person, as of one day.
import { NotFound } from '../../core/errors.js';
import { historyLookup, type Region, regionLookup, regionOf, type HistoryLookup, type RegionLookup } from '../../core/regions.js';
import fs from 'node:fs';
import path from 'node:path';
import { personStatus, type StatusReport } from '../../core/status.js';
import type { Context } from '../context.js';
import { personState } from './shared/person.js';
import { day, deadlineText, relative, width } from '../text/human.js';
import { citizenIdArgument, required } from './shared/input.js';
import { lateRegistrationWarning, nextStepText } from '../text/next-steps.js';
import type { Store } from '../../store/store.js';
import { cityName, contributionTable } from './shared/contributions-data.js';
import { type CostBook, cityOfEmployer, costJson, costOf, openCutoff } from './shared/cost.js';
import { costLines } from '../text/cost-words.js';
import { policyBook, regionHint } from './shared/policies-data.js';
import { DEFAULT_POLICY, policyOf } from '../../core/policy.js';
import { daysBetween } from '../../core/calendar-date.js';
import { consequenceText, policyName, policyPlace } from '../text/policy-words.js';
import { applicationJson, cardJson, deadlineJson, noLedger, separationJson, shownId, writeJson } from './shared/output.js';
import { cardStateText, channelText, ecardStateText, registrantText, registrationLines, separationLines } from '../text/words.js';

export async function run(ctx: Context, args: { id?: string }): Promise<void> {
  const id = citizenIdArgument(ctx, await required(ctx, args.id, '<id>', ctx.m.ask.id, 'id'), '<id>');

  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const person = await personState(store, id.number, ctx.viewOn);
  if (!person.exists) {
    throw new NotFound('person-not-found', ctx.m.status.notFound(shownId(ctx, id.number)));
  }
  const report = personStatus({ ...person, id }, ctx.today, ctx.calendar, policyBook);
  // SPEC 1.8: the card (or application) is under the default rules and a shipped policy matches the holder's region: one line, never applied.
  const shownPolicy = report.application?.policy ?? report.card?.policy ?? null;
  const hint = shownPolicy === DEFAULT_POLICY ? regionHint(id.regionCode) : null;
  // The cost of a late registration and the HR month need the employers' cities and the contribution data (SPEC 1.9).
  const book = await costBook(ctx, store, report);
  const region = regionOf(id.regionCode, loadRegions(), loadRegionHistory);

  if (ctx.json) writeJson(ctx, { ...statusJson(ctx, report, person.name, region?.name ?? null, book), policyHint: hint?.id ?? null });
  else {
    ctx.out.write(renderStatus(ctx, report, person.name, region && regionText(ctx, region), book));
    if (hint) ctx.out.write(`${ctx.m.card.policyHint(policyPlace(ctx, hint), hint.id)}\n`);
  }
}

/** Employers and contribution data, read only when a hire has an employer and something open or late. */
export async function costBook(ctx: Context, store: Store, r: StatusReport): Promise<CostBook | null> {
  const needed = r.registrations.some(
    ({ hire, status, separation }) => hire.employer !== null && (status.state !== 'on-time' || separation?.state === 'pending'),
  );
  if (!needed) return null;
  const employers = await store.employers();
  return { table: await contributionTable(ctx, store), employers: new Map(employers.map((e) => [e.name, e])) };
}

function statusJson(ctx: Context, r: StatusReport, name: string | null, region: string | null, book: CostBook | null) {
  return {
    asOf: r.today,
    person: { id: shownId(ctx, r.id.number), name, sex: r.id.sex, birthDate: r.id.birthDate, region },
    card: r.application ? applicationJson(r.application, policyOf(policyBook(), r.application.policy)) : cardJson(ctx, r.cardStatus),
    medicalInsurance: r.cardStatus.medicalInsurance,
    ecard: {
      claimed: r.ecard.claim !== null,
      state: r.ecard.state,
      channel: r.ecard.claim?.channel ?? null,
      claimedOn: r.ecard.claim?.claimedOn ?? null,
    },
    activatedEcard: r.activatedEcard,
    registrations: r.registrations.map(({ hire, status, separation }) => ({
      employer: hire.employer,
      hiredOn: hire.hiredOn,
      registeredOn: hire.registeredOn,
      deadline: deadlineJson(ctx, status.deadline),
      state: status.state,
      daysLeft: status.daysLeft,
      daysLate: status.daysLate,
      leftOn: hire.leftOn,
      separation: separation && {
        ...separationJson(ctx, hire, separation),
        cutoff: openCutoff(book, hire.employer, hire.leftOn, separation.state, r.today),
      },
      // SPEC 1.9: what a late or overdue registration costs, and the HR month's cut-off of one not filed yet.
      cost: book && costJson(costOf(book, hire, status.state, r.today), cityOfEmployer(book, hire.employer)),
      cutoff: openCutoff(book, hire.employer, hire.hiredOn, status.state, r.today),
    })),
    nextSteps: r.nextSteps.map((step) => nextStepText(ctx, step)),
  };
}

/** The answer to the seed's question (SPEC 1.0), then what restricts the card or is overdue: one line each. */
export function headline(ctx: Context, r: StatusReport): string[] {
  const c = ctx.color;
  const m = ctx.m.status;
  const lines: string[] = [];
  if (r.activatedEcard) {
    lines.push(c.green(m.activatedEcard));
  } else {
    // A card that left force may well have been activated before: say "not activated" only of one that never was.
    const card = r.card && {
      state: r.card.state,
      stateText: cardStateText(ctx, r.card.state),
      neverActivated: r.card.activatedOn === null,
      // Enabled online (启用) is not activated (激活): said, so that nobody takes one for the other (SPEC 1.0).
      socialEnabled: r.cardStatus.socialFunction === 'enabled',
    };
    lines.push(c.yellow(m.noActivatedEcard(r.ecard.state, card)));
  }
  if (r.cardStatus.medicalInsurance === 'restricted') {
    const deadline = r.cardStatus.deadline!.date;
    lines.push(c.red(r.card?.state === 'lost' ? m.lostRestricted(deadline) : m.restricted(deadline)));
  }
  const consequence = r.cardStatus.consequence;
  if (consequence !== null && consequence.kind !== 'medical-insurance-restricted') lines.push(c.red(consequenceLine(ctx, r)));
  const overdue = r.registrations.filter((x) => x.status.state === 'overdue').length;
  if (overdue > 0) lines.push(c.red(m.registrationsOverdue(overdue)));
  return lines;
}

/** A consequence other than the medical insurance restriction (said above), by its policy. */
function consequenceLine(ctx: Context, r: StatusReport): string {
  const { consequence, deadline, policy } = r.cardStatus;
  const name = policyName(ctx, policy!);
  if (consequence!.kind === 'sealed') return ctx.m.status.sealed(consequence!.since, name, deadline?.date);
  return ctx.m.status.suspended(name, deadline?.date);
}

/**
 * One line of status's human answer below the headline: the first of a block
 * (with its label: Person, Card, ...), or a line continuing it (label null),
 * `depth` steps in. The terminal lays them out in columns (renderStatus), the
 * web view as a page (src/web): one answer, two layouts.
 */
export interface StatusLine {
  readonly label: string | null;
  readonly text: string;
  readonly depth: number;
}

export function statusLines(ctx: Context, r: StatusReport, name: string | null, region: string | null, book: CostBook | null): StatusLine[] {
  const c = ctx.color;
  const m = ctx.m.status;
  const L = m.labels;
  const row = (label: string, text: string): StatusLine => ({ label, text, depth: 0 });
  const more = (text: string, depth = 0): StatusLine => ({ label: null, text, depth });
  const out: StatusLine[] = [];

  out.push(row(L.person, [name, shownId(ctx, r.id.number)].filter(Boolean).join('  ')));
  out.push(more(m.born(r.id.sex, r.id.birthDate, region)));

  const card = r.card;
  const application = r.application;
  if (application !== null) {
    // Where the card is before it exists (制卡进度): applied N days ago, or failed.
    const state = application.failedOn === null ? 'applied' : 'failed';
    out.push(row(L.card, ctx.m.values.applicationState[state]));
    out.push(more(m.appliedOn(day(ctx, application.appliedOn), daysBetween(application.appliedOn, r.today))));
    if (application.failedOn) out.push(more(m.failedOn(day(ctx, application.failedOn), application.reason)));
    out.push(more(m.policy(policyName(ctx, policyOf(policyBook(), application.policy)))));
  } else if (card === null) {
    out.push(row(L.card, m.noCard));
  } else {
    out.push(row(L.card, m.cardLine(card.number, card.bank, cardStateText(ctx, card.state))));
    if (card.appliedOn) out.push(more(m.appliedOn(day(ctx, card.appliedOn), null)));
    if (card.issuedOn) out.push(more(m.issued(day(ctx, card.issuedOn))));
    // 待领卡: at which outlet since when, and how long it has waited.
    if (card.state === 'ready' && card.readyOn) out.push(more(m.readyAt(card.readyAt, day(ctx, card.readyOn), daysBetween(card.readyOn, r.today))));
    if (card.receivedOn) out.push(more(m.received(day(ctx, card.receivedOn))));
    if (card.activatedOn) out.push(more(m.activated(day(ctx, card.activatedOn))));
    out.push(more(functionsText(ctx, r)));
    const { deadline, daysLeft, policy, loss, renewalFrom, consequence, expiresOn } = r.cardStatus;
    out.push(more(m.policy(policyName(ctx, policy!))));
    if (deadline && daysLeft !== null) {
      const paint = daysLeft < 0 ? c.red : c.yellow;
      const needs = policy!.activation?.needs === 'enabled' ? 'enabled' : 'activated';
      out.push(more(m.deadline(needs, deadlineText(ctx, deadline), paint(relative(ctx, daysLeft)))));
    }
    if (consequence) out.push(more(c.red(m.since(day(ctx, consequence.since), consequenceText(ctx, consequence.kind)))));
    if (loss) {
      const functions = Object.entries(loss.functions ?? {}).map(([fn, until]) => ({
        fn: fn as 'social' | 'financial',
        until: until ? day(ctx, until) : null,
      }));
      out.push(more(m.loss(loss.kind === 'temporary', day(ctx, loss.reportedOn), loss.lapsesOn ? day(ctx, loss.lapsesOn) : null, loss.lapses, functions)));
    }
    if (expiresOn) out.push(more(m.expires(day(ctx, expiresOn), renewalFrom ? day(ctx, renewalFrom) : null)));
  }
  const normal = r.cardStatus.medicalInsurance === 'normal';
  out.push(row(L.medical, normal ? c.green(m.medical.normal) : c.red(m.medical.restricted)));
  const e = r.ecard;
  out.push(
    row(
      L.ecard,
      e.claim
        ? m.ecard(day(ctx, e.claim.claimedOn), e.claim.channel ? channelText(ctx, e.claim.channel) : null, ecardStateText(ctx, e.state))
        : ecardStateText(ctx, 'none'),
    ),
  );

  if (r.registrations.length > 0) {
    out.push(row(L.registrations, ''));
    for (const { hire, status, separation } of r.registrations) {
      out.push(more(m.hire(registrantText(ctx, hire), hire.kind === 'flexible', day(ctx, hire.hiredOn), hire.leftOn ? day(ctx, hire.leftOn) : null), 1));
      for (const line of registrationLines(ctx, hire, status, false)) out.push(more(line, 2));
      const cutoff = openCutoff(book, hire.employer, hire.hiredOn, status.state, r.today);
      if (cutoff) out.push(more(ctx.m.due.cutoff('registration', cutoff.date, cutoff.month), 2));
      const cost = book && costOf(book, hire, status.state, r.today);
      if (cost && book) {
        const city = cityOfEmployer(book, hire.employer);
        for (const line of costLines(ctx, cost, registrantText(ctx, hire), (id) => cityName(ctx, book.table, id), city)) out.push(more(line, 2));
      }
      if (separation) for (const line of separationLines(ctx, hire, separation)) out.push(more(line, 2));
      const leaving = separation ? openCutoff(book, hire.employer, hire.leftOn, separation.state, r.today) : null;
      if (leaving) out.push(more(ctx.m.due.cutoff('separation', leaving.date, leaving.month), 2));
    }
    // Art. 58 and Art. 84 once for all late or overdue registrations: not under each, nor again in the next steps.
    if (r.registrations.some((x) => x.status.state === 'late' || x.status.state === 'overdue')) out.push(more(lateRegistrationWarning(ctx), 1));
  }
  if (r.nextSteps.length > 0) {
    out.push(row(L.next, ''));
    for (const step of r.nextSteps) out.push(more(`- ${nextStepText(ctx, step)}`, 1));
  }
  return out;
}

function renderStatus(ctx: Context, r: StatusReport, name: string | null, region: string | null, book: CostBook | null): string {
  const column = Math.max(...Object.values(ctx.m.status.labels).map(width)) + 2;
  const lines = statusLines(ctx, r, name, region, book).map(({ label, text, depth }) =>
    // A label alone (Registrations, Next steps) heads the indented lines below it; others share the label's column.
    label !== null && text === '' ? label : depth > 0 ? `${'  '.repeat(depth)}${text}` : `${label ?? ''}${' '.repeat(column - width(label ?? ''))}${text}`,
  );
  return `${[...headline(ctx, r), '', ...lines].join('\n')}\n`;
}

/** The two functions in one line: social (启用) and financial (激活). */
function functionsText(ctx: Context, r: StatusReport): string {
  const social = r.cardStatus.socialFunction === 'enabled' ? 'enabled' : r.card?.enabledOn === null ? 'not-enabled' : 'sealed';
  const on = r.card?.enabledOn ? day(ctx, r.card.enabledOn) : null;
  return ctx.m.status.functions(social, on, r.cardStatus.financialFunction === 'active');
}

/** The region's name, and for a code since abolished, when and what replaced it (the number stays valid). */
export function regionText(ctx: Context, { name, abolished }: Region): string {
  if (abolished === null) return name;
  return ctx.m.status.regionAbolished(name, abolished.year, abolished.successor);
}

/** data/regions-history.tsv (codes abolished since 1980), read only when today's table lacks the code. */
export function loadRegionHistory(): HistoryLookup {
  try {
    return historyLookup(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'regions-history.tsv')), utf8);
  } catch {
    return () => null;
  }
}

/**
 * data/regions.tsv, its bytes searched in place: nothing to parse or decode at
 * start-up but the name found. The bundle runs from dist/lazy/, two levels
 * below the package root (scripts/build.mjs).
 */
export function loadRegions(): RegionLookup {
  try {
    return regionLookup(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'regions.tsv')), utf8);
  } catch {
    return () => null; // a region name is a nicety; the answer does not depend on it
  }
}

/**
 * What was found in a file's bytes, decoded as UTF-8: the default encoding, left undefined, since naming it makes
 * Buffer's toString compile Node's lookup of encodings by name at its first call (0.06 ms of `status`, issue 31).
 */
const utf8 = (bytes: Buffer, start: number, end: number | undefined): string => bytes.toString(undefined, start, end);
