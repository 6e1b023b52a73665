// sscard people: everyone in the ledger, one line each: the card in force
// (or the last one) and its state, the e-card, and the open deadlines, most
// urgent first. For one employer's staff, or names containing some text.
// Streamed: JSON person by person; text in one reading of the ledger, its
// lines kept (on disk beyond a few MB) until the columns are measured.
import { agenda } from '../../core/agenda.js';
import { cardsOn, currentCard, isInForce } from '../../core/card.js';
import { ecardState } from '../../core/ecard.js';
import type { PersonState } from '../../core/events.js';
import type { Context } from '../context.js';
import { didYouMean, type EmployerFilter, employerFilter } from './shared/employer-filter.js';
import { alignedTable } from './shared/aligned-table.js';
import { batched, noLedger, send, shownId } from './shared/output.js';
import { policyBook } from './shared/policies-data.js';
import { cardStateText, ecardStateText } from '../text/words.js';

export interface PeopleArgs {
  employer?: string;
  name?: string;
}

export async function run(ctx: Context, args: PeopleArgs): Promise<void> {
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const employer = employerFilter(args.employer);
  const name = args.name?.trim().toLowerCase();
  /** The people asked for, with what the line says of each, a page at a time (one wait per page, not per person: issue 31). */
  const people = {
    async *[Symbol.asyncIterator]() {
      for await (const page of store.everyone(ctx.viewOn)) {
        const shown: Summary[] = [];
        for (const person of page) {
          if (employer !== null && !person.hires.some((h) => employer.matches(h.employer))) continue;
          if (name !== undefined && !(person.name ?? '').toLowerCase().includes(name)) continue;
          shown.push(summary(ctx, person, employer));
        }
        if (shown.length > 0) yield shown;
      }
    },
  };
  if (ctx.json) await json(ctx, people);
  else await text(ctx, people);
  didYouMean(ctx, args.employer, employer);
}

export type Summary = ReturnType<typeof summary>;

/** What a person's line says: their open deadlines (most urgent first), the card in force or the last, the e-card. */
export function summary(ctx: Context, person: PersonState, employer: EmployerFilter | null) {
  const who = { id: person.id, name: person.name };
  const items = agenda(
    person.hires.filter((h) => employer === null || employer.matches(h.employer)).map((hire) => ({ person: who, hire })),
    // The agenda judges each card under its policy (windows, seals, renewal).
    person.cards.map((card) => ({ person: who, card })),
    ctx.today,
    ctx.calendar,
    null,
    policyBook(),
  );
  const cards = cardsOn(person.cards, policyBook(), ctx.today, ctx.calendar);
  // A third-generation card applied for: its e-card exists from the application, as status says (SPEC 1.4 v3).
  const application = cards.some(isInForce) ? null : (person.application ?? null);
  // The hire the line shows: of the employer asked for, open before ended, the latest; the others counted.
  const hires = person.hires.filter((h) => employer === null || employer.matches(h.employer));
  const open = hires.filter((h) => h.leftOn === null);
  const hire = (open.length > 0 ? open : hires).reduce<(typeof hires)[number] | null>((a, h) => (a === null || h.hiredOn > a.hiredOn ? h : a), null);
  return { person, items, card: currentCard(cards), ecard: ecardState(person.ecard, cards, application), hire, otherOpenHires: Math.max(0, open.length - 1) };
}

/** A person's line as cells, under `ctx.m.people.header`: the command's table and the web view's people page. */
export function peopleCells(ctx: Context, { person, items, card, ecard, hire, otherOpenHires }: Summary): string[] {
  const words = ctx.m.people;
  const next = items[0] ?? null;
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const employer = hire === null ? '' : hire.kind === 'flexible' ? ctx.m.hire.flexibleSelf : (hire.employer ?? ctx.m.hire.employerNotGiven);
  return [
    shownId(ctx, person.id),
    person.name ?? '',
    `${employer}${otherOpenHires > 0 ? words.moreHires(otherOpenHires) : ''}`,
    hire?.hiredOn ?? '',
    card ? `${card.number} ${cardStateText(ctx, card.state)}` : words.noCard,
    ecardStateText(ctx, ecard),
    next === null ? words.nothingOpen : words.open(items.length, overdue, next.deadline.date),
  ];
}

async function json(ctx: Context, pages: AsyncIterable<readonly Summary[]>): Promise<void> {
  await send(ctx, `{\n  "asOf": ${JSON.stringify(ctx.today)},\n  "people": [`);
  const batch = batched(ctx);
  let count = 0;
  for await (const page of pages)
    for (const { person, items, card, ecard, hire } of page) {
      const next = items[0] ?? null;
      const document = {
        id: shownId(ctx, person.id),
        name: person.name,
        employers: [...new Set(person.hires.flatMap((h) => (h.employer === null ? [] : [h.employer])))],
        // The hire the text line shows (its employer and hire date columns).
        hire: hire && { employer: hire.employer, hiredOn: hire.hiredOn, leftOn: hire.leftOn, kind: hire.kind },
        card: card && { number: card.number, state: card.state },
        ecard,
        openDeadlines: items.length,
        overdue: items.filter((i) => i.state === 'overdue').length,
        next: next && { kind: next.kind, date: next.deadline.date, daysLeft: next.daysLeft, employer: next.employer },
      };
      const wait = batch.add(`${count === 0 ? '' : ','}\n    ${JSON.stringify(document, null, 2).replaceAll('\n', '\n    ')}`);
      count++;
      if (wait) await wait;
    }
  await batch.flush();
  await send(ctx, `${count === 0 ? '' : '\n  '}]\n}\n`);
}

async function text(ctx: Context, pages: AsyncIterable<readonly Summary[]>): Promise<void> {
  const words = ctx.m.people;
  // One reading of the ledger: each line measured as it comes, the table written once the widest cells are known.
  const table = alignedTable(ctx, words.header);
  for await (const page of pages) for (const person of page) table.add(peopleCells(ctx, person));
  if (table.count === 0) {
    await send(ctx, `${words.nobody}\n`);
    return;
  }
  await table.write();
  await send(ctx, `${words.total(table.count)}\n`);
}
