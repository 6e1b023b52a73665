// sscard people: everyone in the ledger, one line each: the card in force
// (or the last one) and its state, the e-card, and the open deadlines, most
// urgent first. For one employer's staff, or names containing some text.
import { agenda } from '../core/agenda.js';
import { cardsOn, currentCard } from '../core/card.js';
import { ecardState } from '../core/ecard.js';
import type { Context } from './context.js';
import { width } from './human.js';
import { noLedger, send, shownId } from './output.js';
import { policyBook } from './policies-data.js';
import { cardStateText, ecardStateText } from './words.js';

export interface PeopleArgs {
  employer?: string;
  name?: string;
}

export async function run(ctx: Context, args: PeopleArgs): Promise<void> {
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const zh = ctx.lang === 'zh';
  const employer = args.employer?.trim();
  const name = args.name?.trim().toLowerCase();
  const lines: string[][] = [];
  let count = 0;
  if (ctx.json) await send(ctx, `{\n  "asOf": ${JSON.stringify(ctx.asOf)},\n  "people": [`);
  for await (const page of store.everyone(ctx.viewOn))
    for (const person of page) {
      if (employer !== undefined && !person.hires.some((h) => h.employer === employer)) continue;
      if (name !== undefined && !(person.name ?? '').toLowerCase().includes(name)) continue;
      const who = { id: person.id, name: person.name };
      const items = agenda(
        person.hires.filter((h) => employer === undefined || h.employer === employer).map((hire) => ({ person: who, hire })),
        // The agenda judges each card under its policy (windows, seals, renewal).
        person.cards.map((card) => ({ person: who, card })),
        ctx.asOf,
        ctx.calendar,
        null,
        policyBook(),
      );
      const cards = cardsOn(person.cards, policyBook(), ctx.asOf, ctx.calendar);
      const card = currentCard(cards);
      const ecard = ecardState(person.ecard, cards);
      const next = items[0] ?? null;
      const overdue = items.filter((i) => i.state === 'overdue').length;
      if (ctx.json) {
        const document = {
          id: shownId(ctx, person.id),
          name: person.name,
          employers: [...new Set(person.hires.flatMap((h) => (h.employer === null ? [] : [h.employer])))],
          card: card && { number: card.number, state: card.state },
          ecard,
          openDeadlines: items.length,
          overdue,
          next: next && { kind: next.kind, date: next.deadline.date, daysLeft: next.daysLeft, employer: next.employer },
        };
        await send(ctx, `${count === 0 ? '' : ','}\n    ${JSON.stringify(document, null, 2).replaceAll('\n', '\n    ')}`);
      } else {
        const deadlines =
          items.length === 0
            ? zh
              ? '无未办事项'
              : 'nothing open'
            : zh
              ? `${items.length} 项未办${overdue ? `（${overdue} 项逾期）` : ''}，最近 ${next!.deadline.date}`
              : `${items.length} open${overdue ? ` (${overdue} overdue)` : ''}, next ${next!.deadline.date}`;
        lines.push([
          shownId(ctx, person.id),
          person.name ?? '',
          card ? `${card.number} ${cardStateText(ctx, card.state)}` : zh ? '无卡' : 'no card',
          `${zh ? '电子社保卡' : 'e-card'} ${ecardStateText(ctx, ecard)}`,
          deadlines,
        ]);
      }
      count++;
    }
  if (ctx.json) {
    await send(ctx, `${count === 0 ? '' : '\n  '}]\n}\n`);
    return;
  }
  if (count === 0) {
    await send(ctx, zh ? '没有符合条件的人员。\n' : 'Nobody in the ledger matches.\n');
    return;
  }
  const widths = lines[0]!.map((_, i) => lines.reduce((w, l) => Math.max(w, width(l[i]!)), 0));
  for (const l of lines)
    await send(
      ctx,
      `${l
        .map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell)))
        .join('  ')
        .trimEnd()}\n`,
    );
  await send(ctx, zh ? `共 ${count} 人。\n` : `${count} ${count === 1 ? 'person' : 'people'}.\n`);
}
