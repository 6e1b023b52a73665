import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import type { Judging } from '../../src/core/decision.js';
import { decideRegistration, type Hire, registrationStatus } from '../../src/core/registration.js';
import { BOOK } from './shipped-policies.js';

const d = (s: string) => s as IsoDate;
const hire = (hiredOn: string, registeredOn: string | null, kind: Hire['kind'] = 'employee'): Hire => ({
  kind,
  employer: kind === 'employee' ? 'Acme Ltd' : null,
  hiredOn: d(hiredOn),
  registeredOn: registeredOn === null ? null : d(registeredOn),
  leftOn: null,
  separationDoneOn: null,
});

describe('registrationStatus (Social Insurance Law Art. 58; deadline 2026-10-08 for a 2026-09-01 hire)', () => {
  it.each([
    // registered on, as of, state, daysLeft, daysLate
    [null, '2026-09-01', 'pending', 37, null],
    [null, '2026-10-07', 'pending', 1, null],
    [null, '2026-10-08', 'pending', 0, null], // the deadline day itself
    [null, '2026-10-09', 'overdue', -1, 1], // the day after
    [null, '2026-11-24', 'overdue', -47, 47],
    ['2026-09-15', '2026-11-24', 'on-time', null, null],
    ['2026-10-08', '2026-11-24', 'on-time', null, null],
    ['2026-10-09', '2026-11-24', 'late', null, 1],
    ['2026-11-02', '2026-11-24', 'late', null, 25],
  ])('registered %s, as of %s: %s', (registeredOn, today, state, daysLeft, daysLate) => {
    const status = registrationStatus(hire('2026-09-01', registeredOn), d(today), chinaCalendar);
    expect(status).toMatchObject({ state, daysLeft, daysLate });
    expect(status.deadline).toMatchObject({ date: '2026-10-08', nominal: '2026-10-01' });
  });

  it('flexible workers register themselves without a deadline: never overdue or late', () => {
    expect(registrationStatus(hire('2020-01-01', null, 'flexible'), d('2026-11-24'), chinaCalendar)).toEqual({
      deadline: null,
      state: 'pending',
      daysLeft: null,
      daysLate: null,
    });
    expect(registrationStatus(hire('2020-01-01', '2026-11-01', 'flexible'), d('2026-11-24'), chinaCalendar).state).toBe('on-time');
  });
});

describe('decideRegistration: one hire per person, employer and hire date', () => {
  const request = (registeredOn: string | null, birthDate = '1949-12-31') => ({
    kind: 'employee' as const,
    employer: 'Acme Ltd',
    hiredOn: d('2026-09-01'),
    registeredOn: registeredOn === null ? null : d(registeredOn),
    birthDate: d(birthDate),
  });
  const today: Judging = { today: d('2026-11-24'), calendar: chinaCalendar, policies: BOOK };
  const on = (existing: Hire | null) => (existing === null ? [] : [existing]);

  it.each([
    ['a new hire is created', null, request(null), 'create'],
    ['a pending hire is completed', hire('2026-09-01', null), request('2026-10-20'), 'complete'],
    ['the same pending hire again changes nothing', hire('2026-09-01', null), request(null), 'unchanged'],
    ['the same filing again changes nothing', hire('2026-09-01', '2026-09-20'), request('2026-09-20'), 'unchanged'],
    ['--pending on a filed hire changes nothing', hire('2026-09-01', '2026-09-20'), request(null), 'unchanged'],
  ])('%s', (_, existing, req, action) => {
    expect(decideRegistration(on(existing), req, today)).toMatchObject({ ok: true, value: { action } });
  });

  it.each([
    ['a second, different filing date', hire('2026-09-01', '2026-09-20'), request('2026-09-21'), { reason: 'already-registered', registeredOn: '2026-09-20' }],
    ['filed before the hire date', null, request('2026-08-31'), { reason: 'registered-before-hire' }],
    ['filed in the future', null, request('2026-11-25'), { reason: 'registration-in-future' }],
  ])('refuses %s', (_, existing, req, refusal) => {
    expect(decideRegistration(on(existing), req, today)).toEqual({ ok: false, refusal });
  });

  // Labour Law Art. 15: no one under 16; age is reached on the birthday itself.
  it.each([
    ['16 on the hire date (the birthday)', '2010-09-01', null],
    ['16 the day before', '2010-08-31', null],
    ['15, sixteen tomorrow', '2010-09-02', { reason: 'under-age', age: 15 }],
    ['a child of 10', '2016-03-01', { reason: 'under-age', age: 10 }],
    ['born after the hire date', '2026-10-01', { reason: 'hire-date-before-birth', hiredOn: '2026-09-01' }],
  ])('a hire of someone %s', (_, birthDate, refusal) => {
    const decision = decideRegistration([], request(null, birthDate), today);
    if (refusal === null) expect(decision).toMatchObject({ ok: true, value: { action: 'create' } });
    else expect(decision).toEqual({ ok: false, refusal });
  });

  it('returns the facts of a new hire, and of a filing that completes it', () => {
    expect(decideRegistration([], request('2026-09-20'), today)).toMatchObject({
      ok: true,
      value: {
        action: 'create',
        facts: [
          { on: '2026-09-01', body: { kind: 'hire.recorded', employer: 'Acme Ltd', hiredOn: '2026-09-01', hireKind: 'employee' } },
          { on: '2026-09-20', body: { kind: 'hire.registered', employer: 'Acme Ltd', hiredOn: '2026-09-01' } },
        ],
      },
    });
    expect(decideRegistration([hire('2026-09-01', null)], request('2026-10-20'), today)).toMatchObject({
      ok: true,
      value: { action: 'complete', facts: [{ on: '2026-10-20', body: { kind: 'hire.registered' } }] },
    });
    expect(decideRegistration([hire('2026-09-01', '2026-09-20')], request('2026-09-20'), today)).toMatchObject({
      ok: true,
      value: { action: 'unchanged', facts: [] },
    });
  });
});
