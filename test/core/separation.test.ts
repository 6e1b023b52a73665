import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import type { Hire } from '../../src/core/registration.js';
import type { Judging } from '../../src/core/decision.js';
import { decideLeave, separationDeadline, separationStatus } from '../../src/core/separation.js';

import { BOOK } from './shipped-policies.js';

const d = (s: string) => s as IsoDate;
const hire = (over: Partial<Hire> = {}): Hire => ({
  kind: 'employee',
  employer: 'Acme Ltd',
  hiredOn: d('2026-09-01'),
  registeredOn: d('2026-09-10'),
  leftOn: null,
  separationDoneOn: null,
  ...over,
});

describe('separation deadline: 15 days from the last day (劳动合同法 Art. 50; Civil Code Art. 201-203)', () => {
  it.each([
    ['2026-11-30', '2026-12-15', '2026-12-15'], // the example: a Tuesday
    ['2026-09-16', '2026-10-01', '2026-10-08'], // lands in the National Day holiday
    ['2026-01-31', '2026-02-15', '2026-02-24'], // across a month end into the Spring Festival holiday
    ['2026-04-20', '2026-05-05', '2026-05-06'], // Labour Day holiday
    ['2025-12-17', '2026-01-01', '2026-01-04'], // New Year's Day; Sunday 2026-01-04 is an adjusted working day
    ['2026-02-13', '2026-02-28', '2026-02-28'], // Saturday 2026-02-28 is an adjusted working day: stays
  ])('left %s -> nominal %s, deadline %s', (leftOn, nominal, date) => {
    expect(separationDeadline(d(leftOn), chinaCalendar)).toMatchObject({ nominal, date });
  });

  it('is pending on the deadline day itself and overdue from the next day', () => {
    const left = hire({ leftOn: d('2026-09-16') });
    expect(separationStatus(left, d('2026-10-08'), chinaCalendar)).toMatchObject({ state: 'pending', daysLeft: 0, daysLate: null });
    expect(separationStatus(left, d('2026-10-09'), chinaCalendar)).toMatchObject({ state: 'overdue', daysLeft: -1, daysLate: 1 });
  });

  it('done on the deadline day is on time, the day after is late', () => {
    expect(separationStatus(hire({ leftOn: d('2026-09-16'), separationDoneOn: d('2026-10-08') }), d('2026-11-24'), chinaCalendar)).toMatchObject({
      state: 'on-time',
    });
    expect(separationStatus(hire({ leftOn: d('2026-09-16'), separationDoneOn: d('2026-10-09') }), d('2026-11-24'), chinaCalendar)).toMatchObject({
      state: 'late',
      daysLate: 1,
    });
  });

  it('there is none while the employment lasts', () => {
    expect(separationStatus(hire(), d('2026-11-24'), chinaCalendar)).toBeNull();
  });
});

describe('decideLeave', () => {
  const today: Judging = { today: d('2026-11-25'), calendar: chinaCalendar, policies: BOOK };
  const request = (over: Partial<Parameters<typeof decideLeave>[1]> = {}) => ({
    employer: 'Acme Ltd',
    leftOn: d('2026-11-30'),
    hiredOn: null,
    doneOn: null,
    ...over,
  });

  it('ends the one open hire with that employer; a leaving date may lie ahead (notice)', () => {
    expect(decideLeave([hire()], request(), today)).toEqual({
      ok: true,
      value: {
        hire: hire({ leftOn: d('2026-11-30') }),
        facts: [{ on: '2026-11-30', body: { kind: 'hire.ended', employer: 'Acme Ltd', hiredOn: '2026-09-01' } }],
      },
    });
  });

  it('records the transfer with the end, or later for the same end; the same again changes nothing', () => {
    const ended = hire({ leftOn: d('2026-11-10') });
    expect(decideLeave([ended], request({ leftOn: d('2026-11-10'), doneOn: d('2026-11-20') }), today)).toMatchObject({
      ok: true,
      value: { facts: [{ on: '2026-11-20', body: { kind: 'hire.separated' } }] },
    });
    expect(decideLeave([{ ...ended, separationDoneOn: d('2026-11-20') }], request({ leftOn: d('2026-11-10'), doneOn: d('2026-11-20') }), today)).toMatchObject({
      ok: true,
      value: { facts: [] },
    });
  });

  it.each([
    ['no hire with that employer', [hire({ employer: 'Other' })], request(), { reason: 'no-open-hire' }],
    [
      'several open hires and no --hired-on',
      [hire(), hire({ hiredOn: d('2026-10-01') })],
      request(),
      { reason: 'several-open-hires', hiredOn: ['2026-09-01', '2026-10-01'] },
    ],
    ['leaving before the hire', [hire()], request({ leftOn: d('2026-08-31') }), { reason: 'left-before-hire', hiredOn: '2026-09-01' }],
    ['a second, different end', [hire({ leftOn: d('2026-11-10') })], request(), { reason: 'already-left', leftOn: '2026-11-10' }],
    ['a transfer in the future', [hire()], request({ leftOn: d('2026-11-20'), doneOn: d('2026-11-26') }), { reason: 'done-in-future' }],
    [
      'a transfer before the last day',
      [hire()],
      request({ leftOn: d('2026-11-20'), doneOn: d('2026-11-19') }),
      { reason: 'done-before-leaving', leftOn: '2026-11-20' },
    ],
    [
      'another transfer date',
      [hire({ leftOn: d('2026-11-10'), separationDoneOn: d('2026-11-12') })],
      request({ leftOn: d('2026-11-10'), doneOn: d('2026-11-13') }),
      { reason: 'already-done', doneOn: '2026-11-12' },
    ],
  ])('refuses %s', (_, hires, req, refusal) => {
    expect(decideLeave(hires, req, today)).toEqual({ ok: false, refusal });
  });

  it('--hired-on picks one of several hires with the employer', () => {
    expect(decideLeave([hire(), hire({ hiredOn: d('2026-10-01') })], request({ hiredOn: d('2026-10-01') }), today)).toMatchObject({
      ok: true,
      value: { hire: { hiredOn: '2026-10-01', leftOn: '2026-11-30' } },
    });
  });
});
