// sscard status <id>: everything about one person, as of one day.
import { NotFound } from '../core/errors.js';
import { historyLookup, type Region, regionLookup, regionOf, type HistoryLookup, type RegionLookup } from '../core/regions.js';
import fs from 'node:fs';
import path from 'node:path';
import { personStatus, type StatusReport } from '../core/status.js';
import type { Context } from './context.js';
import { personState } from './person.js';
import { day, deadlineText, relative, width } from './human.js';
import { citizenIdArgument, required } from './input.js';
import { nextStepText } from './next-steps.js';
import { policyBook } from './policies-data.js';
import { consequenceText, policyName } from './policy-words.js';
import { cardJson, deadlineJson, noLedger, separationJson, shownId, writeJson } from './output.js';
import { cardStateText, channelText, ecardStateText, registrantText, registrationLines, separationLines } from './words.js';

export async function run(ctx: Context, args: { id?: string }): Promise<void> {
  const id = citizenIdArgument(ctx, await required(ctx, args.id, '<id>', ctx.m.ask.id, 'id'), '<id>');

  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const person = await personState(store, id.number, ctx.viewOn);
  if (!person.exists) {
    throw new NotFound(
      'person-not-found',
      ctx.lang === 'zh'
        ? `台账中没有 ${shownId(ctx, id.number)} 的记录：请先用 \`register-employee\` 记录入职或用 \`card issue\` 记录发卡。`
        : `No record for ${shownId(ctx, id.number)} in the ledger; record a hire with \`register-employee\` or a card with \`card issue\` first.`,
    );
  }
  const report = personStatus({ id, hires: person.hires, cards: person.cards, ecard: person.ecard }, ctx.asOf, ctx.calendar, policyBook());
  const region = regionOf(id.regionCode, loadRegions(), loadRegionHistory);

  if (ctx.json) writeJson(ctx, statusJson(ctx, report, person.name, region?.name ?? null));
  else ctx.out.write(renderStatus(ctx, report, person.name, region && regionText(ctx, region)));
}

function statusJson(ctx: Context, r: StatusReport, name: string | null, region: string | null) {
  return {
    asOf: r.asOf,
    person: { id: shownId(ctx, r.id.number), name, sex: r.id.sex, birthDate: r.id.birthDate, region },
    card: cardJson(ctx, r.cardStatus),
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
      separation: separation && separationJson(ctx, hire, separation),
    })),
    nextSteps: r.nextSteps.map((step) => nextStepText(ctx, step)),
  };
}

function headline(ctx: Context, r: StatusReport): string {
  const c = ctx.color;
  const zh = ctx.lang === 'zh';
  const lines: string[] = [];
  if (r.activatedEcard) {
    lines.push(c.green(zh ? '有：已有启用的电子社保卡。' : 'Yes: there is an activated electronic social security card.'));
  } else {
    const ecard = {
      none: zh ? '未申领电子社保卡' : 'no e-card claimed',
      suspended: zh ? '电子社保卡已暂停' : 'the e-card is suspended',
      limited: zh ? '电子社保卡受限' : 'the e-card is limited',
      active: zh ? '已申领电子社保卡' : 'e-card claimed',
    }[r.ecard.state];
    // A card that left force may well have been activated before: say "not activated" only of one that never was.
    const never = r.card?.activatedOn === null;
    const card =
      r.card === null
        ? zh
          ? '无社会保障卡记录'
          : 'no card recorded'
        : r.card.state === 'activated'
          ? zh
            ? '社会保障卡已激活'
            : 'card activated'
          : r.card.state === 'issued' || r.card.state === 'received'
            ? zh
              ? `社会保障卡${cardStateText(ctx, r.card.state)}，未启用`
              : `card ${cardStateText(ctx, r.card.state)}, not activated`
            : zh
              ? `社会保障卡${cardStateText(ctx, r.card.state)}${never ? '，从未激活' : ''}`
              : `card ${cardStateText(ctx, r.card.state)}${never ? ', never activated' : ''}`;
    lines.push(c.yellow(zh ? `没有启用的电子社保卡：${ecard}，${card}。` : `No activated electronic social security card: ${ecard}, ${card}.`));
  }
  if (r.cardStatus.medicalInsurance === 'restricted') {
    const deadline = r.cardStatus.deadline!.date;
    if (r.card?.state === 'lost') {
      lines.push(
        c.red(
          zh
            ? `医保卡：受限（已挂失的卡未在启用期限 ${deadline} 前启用；请补换新卡并启用）。`
            : `Medical insurance card: RESTRICTED (the lost card was not activated by its deadline ${deadline}; get a replacement card and activate it).`,
        ),
      );
    } else {
      lines.push(
        c.red(
          zh
            ? `医保卡：受限（已超过启用期限 ${deadline}；启用社会保障卡即可恢复）。`
            : `Medical insurance card: RESTRICTED (activation deadline ${deadline} passed; activate the card to restore it).`,
        ),
      );
    }
  }
  const consequence = r.cardStatus.consequence;
  if (consequence !== null && consequence.kind !== 'medical-insurance-restricted') lines.push(c.red(consequenceLine(ctx, r)));
  const overdue = r.registrations.filter((x) => x.status.state === 'overdue').length;
  if (overdue > 0) lines.push(c.red(zh ? `${overdue} 项参保登记已逾期。` : `${overdue} registration${overdue === 1 ? ' is' : 's are'} overdue.`));
  return lines.join('\n');
}

/** A consequence other than the medical insurance restriction (said above), by its policy. */
function consequenceLine(ctx: Context, r: StatusReport): string {
  const zh = ctx.lang === 'zh';
  const { consequence, deadline, policy } = r.cardStatus;
  const name = policyName(ctx, policy!);
  if (consequence!.kind === 'sealed') {
    return zh
      ? `社会保障卡已于 ${consequence!.since} 逾期封存（卡政策 ${name}：未在期限 ${deadline?.date} 前激活）：该卡作废，须重新申领新卡。`
      : `The card is SEALED since ${consequence!.since} (card policy ${name}: not activated by its deadline ${deadline?.date}); it is void and a new card must be applied for.`;
  }
  return zh
    ? `社保功能：已暂停（卡政策 ${name}：超过激活期限 ${deadline?.date}；激活即可恢复）。`
    : `Social-security function: SUSPENDED (card policy ${name}: activation deadline ${deadline?.date} passed; activate the card to restore it).`;
}

const LABELS = {
  en: { person: 'Person', card: 'Card', medical: 'Medical ins.', ecard: 'E-card', registrations: 'Registrations', next: 'Next steps' },
  zh: { person: '参保人', card: '社会保障卡', medical: '医保', ecard: '电子社保卡', registrations: '参保登记', next: '下一步' },
};

function renderStatus(ctx: Context, r: StatusReport, name: string | null, region: string | null): string {
  const c = ctx.color;
  const zh = ctx.lang === 'zh';
  const L = LABELS[ctx.lang];
  const column = Math.max(...Object.values(L).map(width)) + 2;
  const row = (label: string, text: string) => `${label}${' '.repeat(column - width(label))}${text}`;
  const more = (text: string) => row('', text);
  const out: string[] = [headline(ctx, r), ''];

  out.push(row(L.person, [name, shownId(ctx, r.id.number)].filter(Boolean).join('  ')));
  const sex = { en: r.id.sex, zh: r.id.sex === 'male' ? '男' : '女' }[ctx.lang];
  out.push(more(zh ? `${sex}，${r.id.birthDate} 出生${region ? `，${region}` : ''}` : `${sex}, born ${r.id.birthDate}${region ? `, ${region}` : ''}`));

  const card = r.card;
  if (card === null) {
    out.push(row(L.card, zh ? '无记录' : 'no card recorded'));
  } else {
    out.push(row(L.card, `${card.number}${card.bank ? ` (${card.bank})` : ''}: ${cardStateText(ctx, card.state)}`));
    if (card.issuedOn) out.push(more(`${zh ? '制卡' : 'issued'} ${day(ctx, card.issuedOn)}`));
    if (card.receivedOn) out.push(more(`${zh ? '领卡' : 'received'} ${day(ctx, card.receivedOn)}`));
    if (card.activatedOn) out.push(more(`${zh ? '激活金融功能' : 'activated'} ${day(ctx, card.activatedOn)}`));
    out.push(more(functionsText(ctx, r)));
    const { deadline, daysLeft, policy, loss, renewalFrom, consequence } = r.cardStatus;
    out.push(more(`${zh ? '卡政策' : 'policy'} ${policyName(ctx, policy!)}`));
    if (deadline && daysLeft !== null) {
      const paint = daysLeft < 0 ? c.red : c.yellow;
      const verb = policy!.activation?.needs === 'enabled' ? (zh ? '启用期限' : 'enable by') : zh ? '激活期限' : 'activate by';
      out.push(more(`${verb} ${deadlineText(ctx, deadline)}${zh ? '，' : ', '}${paint(relative(ctx, daysLeft))}`));
    }
    if (consequence) out.push(more(c.red(`${zh ? '自' : 'since'} ${day(ctx, consequence.since)}${zh ? '：' : ': '}${consequenceText(ctx, consequence.kind)}`)));
    if (loss) {
      const kind = loss.kind === 'temporary' ? (zh ? '临时挂失' : 'temporarily reported lost') : zh ? '正式挂失' : 'formally reported lost';
      const until = loss.lapsesOn ? (zh ? `，至 ${day(ctx, loss.lapsesOn)} 止` : `, until ${day(ctx, loss.lapsesOn)}`) : '';
      out.push(more(`${kind} ${day(ctx, loss.reportedOn)}${until}`));
    }
    if (card.expiresOn)
      out.push(
        more(
          zh
            ? `有效期至 ${day(ctx, card.expiresOn)}，自 ${day(ctx, renewalFrom!)} 起可换领`
            : `expires ${day(ctx, card.expiresOn)}, renewal from ${day(ctx, renewalFrom!)}`,
        ),
      );
  }
  const normal = r.cardStatus.medicalInsurance === 'normal';
  out.push(row(L.medical, normal ? c.green(zh ? '正常' : 'normal') : c.red(zh ? '受限' : 'restricted')));
  const e = r.ecard;
  const via = e.claim?.channel ? (zh ? `（${channelText(ctx, e.claim.channel)}）` : ` via ${channelText(ctx, e.claim.channel)}`) : '';
  out.push(
    row(
      L.ecard,
      e.claim
        ? `${zh ? '申领于' : 'claimed'} ${day(ctx, e.claim.claimedOn)}${via}${zh ? '，' : ', '}${ecardStateText(ctx, e.state)}`
        : ecardStateText(ctx, 'none'),
    ),
  );

  if (r.registrations.length > 0) {
    out.push(L.registrations);
    for (const { hire, status, separation } of r.registrations) {
      const since = hire.kind === 'flexible' ? (zh ? '，始于' : ', since') : zh ? '，入职' : ', hired';
      const left = hire.leftOn ? (zh ? `，${day(ctx, hire.leftOn)} 离职` : `, left ${day(ctx, hire.leftOn)}`) : '';
      out.push(`  ${registrantText(ctx, hire)}${since} ${day(ctx, hire.hiredOn)}${left}`);
      for (const line of registrationLines(ctx, hire, status)) out.push(`    ${line}`);
      if (separation) for (const line of separationLines(ctx, hire, separation)) out.push(`    ${line}`);
    }
  }
  if (r.nextSteps.length > 0) {
    out.push(L.next);
    for (const step of r.nextSteps) out.push(`  - ${nextStepText(ctx, step)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The two functions in one line: social (启用) and financial (激活). */
function functionsText(ctx: Context, r: StatusReport): string {
  const zh = ctx.lang === 'zh';
  const never = r.card?.enabledOn === null;
  const on = r.card?.enabledOn ? ` ${day(ctx, r.card.enabledOn)}` : '';
  const social =
    r.cardStatus.socialFunction === 'enabled' ? (zh ? `${on} 已启用` : `enabled${on}`) : never ? (zh ? '未启用' : 'not enabled') : zh ? '封存' : 'sealed';
  const financial = r.cardStatus.financialFunction === 'active' ? (zh ? '已激活' : 'active') : zh ? '未激活' : 'inactive';
  return zh ? `社保功能${social}，金融功能${financial}` : `social function ${social}, financial function ${financial}`;
}

/** The region's name, and for a code since abolished, when and what replaced it (the number stays valid). */
function regionText(ctx: Context, { name, abolished }: Region): string {
  if (abolished === null) return name;
  const { year, successor } = abolished;
  if (ctx.lang === 'zh') return `${name}（该代码已于 ${year} 年撤销${successor ? `，现为 ${successor}` : ''}）`;
  return `${name} (code abolished in ${year}${successor ? `, now ${successor}` : ''})`;
}

/** data/regions-history.tsv (codes abolished since 1980), read only when today's table lacks the code. */
function loadRegionHistory(): HistoryLookup {
  try {
    return historyLookup(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'regions-history.tsv'), 'utf8'));
  } catch {
    return () => null;
  }
}

/**
 * data/regions.tsv, searched as text: nothing to parse at start-up. The
 * bundle runs from dist/lazy/, two levels below the package root, as src/cli/ is.
 */
function loadRegions(): RegionLookup {
  try {
    return regionLookup(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'regions.tsv'), 'utf8'));
  } catch {
    return () => null; // a region name is a nicety; the answer does not depend on it
  }
}
