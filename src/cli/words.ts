// The words shared by several commands' human output, in both languages,
// with the official Chinese terms (社会保障卡, 电子社保卡, 启用, 挂失, 补换卡,
// 参保登记, 灵活就业).
import type { CardState } from '../core/card.js';
import type { EcardChannel, EcardState } from '../core/ecard.js';
import type { Hire, RegistrationStatus } from '../core/registration.js';
import type { SeparationStatus } from '../core/separation.js';
import type { Context } from './context.js';
import { day, deadlineText, relative } from './human.js';
import { lateRegistrationWarning } from './next-steps.js';

// State and channel names live in the message catalogue (src/cli/messages/, `values`).
export const cardStateText = (ctx: Context, state: CardState): string => ctx.m.values.cardState[state];
export const ecardStateText = (ctx: Context, state: EcardState): string => ctx.m.values.ecardState[state];
export const channelText = (ctx: Context, channel: EcardChannel): string => ctx.m.values.ecardChannel[channel];

/** Who registers: the employer's name, or the flexible worker themself. */
export function registrantText(ctx: Context, hire: Hire): string {
  const zh = ctx.lang === 'zh';
  if (hire.kind === 'flexible') return zh ? '灵活就业（个人参保）' : 'flexible employment (self)';
  return hire.employer ?? (zh ? '用人单位未填' : 'employer not given');
}

/** The registration's state in one line (plus the Art. 58/84 reminder when late or overdue). */
export function registrationLines(ctx: Context, hire: Hire, status: RegistrationStatus): string[] {
  const c = ctx.color;
  const zh = ctx.lang === 'zh';
  const d = status.deadline;
  switch (status.state) {
    case 'pending':
      if (!d) return [zh ? `${c.yellow('待登记')}（自愿参保，无期限）` : `${c.yellow('pending')} (voluntary, no deadline)`];
      return [
        zh
          ? `${c.yellow('待登记')}：须在 ${deadlineText(ctx, d)} 前办理，${relative(ctx, status.daysLeft!)}`
          : `${c.yellow('pending')}: register by ${deadlineText(ctx, d)}, ${relative(ctx, status.daysLeft!)}`,
      ];
    case 'overdue':
      return [
        zh
          ? `${c.red('已逾期')}：期限为 ${deadlineText(ctx, d!)}，${relative(ctx, status.daysLeft!)}`
          : `${c.red('overdue')}: the deadline was ${deadlineText(ctx, d!)}, ${relative(ctx, status.daysLeft!)}`,
        lateRegistrationWarning(ctx),
      ];
    case 'on-time':
      if (!d) return [zh ? `${c.green('已登记')} ${day(ctx, hire.registeredOn!)}` : `${c.green('registered')} ${day(ctx, hire.registeredOn!)}`];
      return [
        zh
          ? `${c.green('已按时登记')} ${day(ctx, hire.registeredOn!)}（期限 ${deadlineText(ctx, d)}）`
          : `${c.green('registered on time')} ${day(ctx, hire.registeredOn!)} (deadline ${deadlineText(ctx, d)})`,
      ];
    case 'late':
      return [
        zh
          ? `${c.red('逾期登记')} ${day(ctx, hire.registeredOn!)}：晚于期限 ${deadlineText(ctx, d!)} ${status.daysLate} 天`
          : `${c.red('registered late')} ${day(ctx, hire.registeredOn!)}: ${status.daysLate} day${status.daysLate === 1 ? '' : 's'} after the deadline ${deadlineText(ctx, d!)}`,
        lateRegistrationWarning(ctx),
      ];
  }
}

/** The transfer on leaving in one line (劳动合同法 Art. 50: the file and the social insurance relationship, within 15 days). */
export function separationLines(ctx: Context, hire: Hire, status: SeparationStatus): string[] {
  const c = ctx.color;
  const zh = ctx.lang === 'zh';
  const d = status.deadline;
  const what = zh ? '档案和社保关系转移' : 'File and social insurance transfer';
  switch (status.state) {
    case 'pending':
      return [
        zh
          ? `${what}：${c.yellow('待办')}，须在 ${deadlineText(ctx, d)} 前办理，${relative(ctx, status.daysLeft!)}`
          : `${what}: ${c.yellow('pending')}, due by ${deadlineText(ctx, d)}, ${relative(ctx, status.daysLeft!)}`,
      ];
    case 'overdue':
      return [
        zh
          ? `${what}：${c.red('已逾期')}，期限为 ${deadlineText(ctx, d)}，${relative(ctx, status.daysLeft!)}`
          : `${what}: ${c.red('overdue')}, the deadline was ${deadlineText(ctx, d)}, ${relative(ctx, status.daysLeft!)}`,
      ];
    case 'on-time':
      return [
        zh
          ? `${what}：${c.green('已按时办理')} ${day(ctx, hire.separationDoneOn!)}（期限 ${deadlineText(ctx, d)}）`
          : `${what}: ${c.green('done on time')} ${day(ctx, hire.separationDoneOn!)} (deadline ${deadlineText(ctx, d)})`,
      ];
    case 'late':
      return [
        zh
          ? `${what}：${c.red('逾期办理')} ${day(ctx, hire.separationDoneOn!)}，晚于期限 ${deadlineText(ctx, d)} ${status.daysLate} 天`
          : `${what}: ${c.red('done late')} ${day(ctx, hire.separationDoneOn!)}, ${status.daysLate} day${status.daysLate === 1 ? '' : 's'} after the deadline ${deadlineText(ctx, d)}`,
      ];
  }
}
