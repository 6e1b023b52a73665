// sscard status <id>: everything about one person, as of one day.
import * as z from 'zod/mini';
import type { CitizenId } from '../core/citizen-id.js';
import { NotFound } from '../core/errors.js';
import { regionName, type RegionTable } from '../core/regions.js';
import { personStatus, type StatusReport } from '../core/status.js';
import type { Context } from './context.js';
import { day, deadlineText, relative } from './human.js';
import { citizenIdField, parseInput } from './input.js';
import { lateRegistrationWarning, nextStepText } from './next-steps.js';
import { cardJson, deadlineJson, shownId, writeJson } from './output.js';

export async function run(ctx: Context, args: { id: string }): Promise<void> {
  const { id } = parseInput(z.object({ id: citizenIdField(ctx.today, ctx.lang) }), args, { id: '<id>' });

  const store = ctx.openStore({ write: false });
  const person = store?.person(id.number) ?? null;
  if (store === null || person === null) {
    throw new NotFound('person-not-found', `No record for ${shownId(ctx, id.number)} in the ledger; record a hire with \`register-employee\` or a card with \`card issue\` first.`);
  }
  const report = personStatus(
    { id, hires: store.hires(id.number), cards: store.cards(id.number), ecard: store.ecard(id.number) },
    ctx.today,
    ctx.calendar,
  );
  const { default: regions } = (await import('../../data/regions.json')) as { default: RegionTable };
  const region = regionName(id.regionCode, regions);

  if (ctx.json) writeJson(ctx, statusJson(ctx, report, person.name, region));
  else ctx.out.write(renderStatus(ctx, report, person.name, region));
}

function statusJson(ctx: Context, r: StatusReport, name: string | null, region: string | null) {
  const card = r.card;
  return {
    asOf: r.asOf,
    person: { id: shownId(ctx, r.id.number), name, sex: r.id.sex, birthDate: r.id.birthDate, region },
    card: cardJson(ctx, card, r.cardStatus),
    medicalInsurance: r.cardStatus.medicalInsurance,
    ecard: {
      claimed: r.ecard.claim !== null,
      state: r.ecard.state,
      channel: r.ecard.claim?.channel ?? null,
      claimedOn: r.ecard.claim?.claimedOn ?? null,
    },
    activatedEcard: r.activatedEcard,
    registrations: r.registrations.map(({ hire, status }) => ({
      employer: hire.employer,
      hiredOn: hire.hiredOn,
      registeredOn: hire.registeredOn,
      deadline: deadlineJson(ctx, status.deadline),
      state: status.state,
      daysLeft: status.daysLeft,
      daysLate: status.daysLate,
    })),
    nextSteps: r.nextSteps.map((step) => nextStepText(ctx, step)),
  };
}

function headline(ctx: Context, r: StatusReport): string {
  const c = ctx.color;
  const lines: string[] = [];
  if (r.activatedEcard) {
    lines.push(c.green('Yes: there is an activated electronic social security card.'));
  } else {
    const why: string[] = [];
    why.push(r.ecard.state === 'none' ? 'no e-card claimed' : r.ecard.state === 'suspended' ? 'the e-card is suspended' : 'e-card claimed');
    why.push(r.card === null ? 'no card recorded' : r.card.state === 'activated' ? 'card activated' : `card ${r.card.state}, not activated`);
    lines.push(c.yellow(`No activated electronic social security card: ${why.join(', ')}.`));
  }
  if (r.cardStatus.medicalInsurance === 'restricted') {
    lines.push(c.red('Medical insurance card: RESTRICTED (activation deadline passed; activate the card to restore it).'));
  }
  const overdue = r.registrations.filter((x) => x.status.state === 'overdue').length;
  if (overdue > 0) lines.push(c.red(`${overdue} registration${overdue === 1 ? ' is' : 's are'} overdue.`));
  return lines.join('\n');
}

function renderStatus(ctx: Context, r: StatusReport, name: string | null, region: string | null): string {
  const c = ctx.color;
  const out: string[] = [headline(ctx, r), ''];
  const who = [name, shownId(ctx, r.id.number)].filter(Boolean).join('  ');
  out.push(`Person        ${who}`);
  out.push(`              ${r.id.sex}, born ${r.id.birthDate}${region ? `, ${region}` : ''}`);

  const card = r.card;
  if (card === null) {
    out.push('Card          no card recorded');
  } else {
    out.push(`Card          ${card.number}${card.bank ? ` (${card.bank})` : ''}: ${card.state}`);
    if (card.issuedOn) out.push(`              issued ${day(ctx, card.issuedOn)}`);
    if (card.receivedOn) out.push(`              received ${day(ctx, card.receivedOn)}`);
    if (card.activatedOn) out.push(`              activated ${day(ctx, card.activatedOn)}`);
    const { deadline, daysLeft } = r.cardStatus;
    if (deadline && daysLeft !== null) {
      const paint = daysLeft < 0 ? c.red : c.yellow;
      out.push(`              activate by ${deadlineText(ctx, deadline)}, ${paint(relative(ctx, daysLeft))}`);
    }
  }
  const medical = r.cardStatus.medicalInsurance;
  out.push(`Medical ins.  ${medical === 'normal' ? c.green('normal') : c.red('restricted')}`);
  const e = r.ecard;
  out.push(
    `E-card        ${e.claim ? `claimed ${day(ctx, e.claim.claimedOn)}${e.claim.channel ? ` via ${e.claim.channel}` : ''}, ${e.state}` : 'not claimed'}`,
  );

  if (r.registrations.length > 0) {
    out.push('Registrations');
    for (const { hire, status } of r.registrations) {
      const employer = hire.kind === 'flexible' ? 'flexible employment (self)' : (hire.employer ?? 'employer not given');
      out.push(`  ${employer}, hired ${day(ctx, hire.hiredOn)}`);
      const d = status.deadline;
      switch (status.state) {
        case 'pending':
          out.push(d ? `    ${c.yellow('pending')}: register by ${deadlineText(ctx, d)}, ${relative(ctx, status.daysLeft!)}` : `    ${c.yellow('pending')} (voluntary, no deadline)`);
          break;
        case 'overdue':
          out.push(`    ${c.red('overdue')}: deadline was ${deadlineText(ctx, d!)}, ${relative(ctx, status.daysLeft!)}`);
          out.push(`    ${lateRegistrationWarning(ctx)}`);
          break;
        case 'on-time':
          out.push(`    ${c.green('registered')} ${day(ctx, hire.registeredOn!)}${d ? ', on time' : ''}`);
          break;
        case 'late':
          out.push(`    ${c.red('registered late')} ${day(ctx, hire.registeredOn!)}: ${status.daysLate} day${status.daysLate === 1 ? '' : 's'} after the deadline ${deadlineText(ctx, d!)}`);
          out.push(`    ${lateRegistrationWarning(ctx)}`);
          break;
      }
    }
  }
  if (r.nextSteps.length > 0) {
    out.push('Next steps');
    for (const step of r.nextSteps) out.push(`  - ${nextStepText(ctx, step)}`);
  }
  return `${out.join('\n')}\n`;
}
