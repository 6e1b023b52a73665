// The English message catalogue. Its type is the contract of every language
// (`Messages`, below): zh.ts must implement every key with the same
// parameters, so a missing or misnamed translation fails `tsc` (the pattern of
// date-fns' `Locale`). Words live here, never in the core: the core returns
// structured reasons (IdProblem, DeadlineNote) that these functions word.
// Plain objects, arrow functions and, for each section, a getter that builds it
// when first read (built.ts): the entry bundle holds this, so it must cost
// next to nothing to evaluate.
import type { IdProblem } from '../../../core/citizen-id.js';
import type { CardRefusal, CardState, EnableChannel, ReplaceReason } from '../../../core/card.js';
import { EARLIEST_DATE, LATEST_DATE } from '../../../core/date-bounds.js';
import { built } from './built.js';
import { thousands } from '../money.js';
import type { EcardChannel, EcardState } from '../../../core/ecard.js';
import type { ContributionProblem, Insurance } from '../../../core/contributions.js';
import type { Missing } from '../../../core/cost.js';
import type { EventKind } from '../../../core/events.js';
import type { YearSource } from '../../../core/holidays.js';
import type { ScheduleProblem } from '../../../core/official-schedule.js';
import type { DeadlineNote, Period } from '../../../core/period.js';
import type { ActivationWindow, Consequence, LossRule, Policy, PolicyProblem, Unknown, Validity, ValidityBand } from '../../../core/policy.js';
import type { HireKind, RegistrationRefusal } from '../../../core/registration.js';
import type { LeaveRefusal } from '../../../core/separation.js';
import type { UsccProblem } from '../../../core/uscc.js';
import type { ErrorWords } from '../../../core/errors.js';
import type { NextStep } from '../../../core/status.js';
import type { EXIT } from '../../exit-codes.js';
import type { Column, IdDamage, RosterProblem } from '../../formats/problems.js';
import type { Topic } from '../guide-topics.js';

/** A column as the user's own file names it (参保登记日期 where the header says so, else its key): what a row's problem names. */
type ColumnName = (column: Column) => string;

/** The example identity number of the SPEC (a documented public example, not personal data): shown unmasked so examples work when pasted. */
const ID = '11010519491231002X';
/** The forms every date is read in (SPEC v3 2.2; core/calendar-date.ts parseWrittenDate). */
const DATE_FORMS = '2026-09-01, 2026/9/1, 2026.9.1, 2026年9月1日 or 20260901';
/** Where the restore steps are (README: "Backups and restore"). */
const RESTORE =
  'stop every sscard process, copy your latest backup over the ledger file (delete the -wal and -shm beside it first), then run `sscard check` (README: "Backups and restore")';
/** Why the disk refused a write, and what to do (issue 29 item 3; src/cli/exit.ts, writeFailureKind). */
const WRITE_FAILURE = {
  full: 'the disk is full',
  limit: 'the file reached a size limit: ulimit -f or the file system',
  io: 'a disk I/O error, or the disk is full',
};
const WRITE_REMEDY = { full: 'free some space', limit: 'raise the limit or write elsewhere', io: 'check the disk and free some space' };
const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const BIRTH_DATE = {
  'not-a-date': 'digits 7-14 are not a real birth date',
  future: 'the birth date it contains is in the future',
  'before-1900': 'the birth date it contains is before 1900-01-01',
};

const SEPARATION = 'File and social insurance transfer';
const LATE_REGISTRATION =
  'The social insurance agency will assess the premiums owed from the hire date (Social Insurance Law Art. 58); an employer that still fails to register after being ordered to may be fined one to three times the premiums owed, and its responsible managers 500 to 3,000 yuan (Art. 84).';

export const en = {
  /** The deadline's derivation, one clause per note (SPEC 1.2: "2026-10-01 is National Day; moved to 2026-10-08"). */
  deadlineNote: (note: DeadlineNote): string => {
    switch (note.kind) {
      case 'moved':
        return `${note.from} is ${note.holiday ? `in the ${note.holiday.en} holiday` : `a ${WEEKDAY[note.weekday]}`}; moved to ${note.to}`;
      case 'adjusted-workday':
        return `${note.date} is a ${WEEKDAY[note.weekday]} but an adjusted working day (调休上班日${note.holiday ? `, for the ${note.holiday.en} holiday` : ''}), so the deadline stays on it`;
      case 'make-up':
        return `${note.days.join(' and ')} ${note.days.length === 1 ? 'is' : 'are'} assumed make-up rest days (补休) for ${note.holiday ? `the ${note.holiday.en} days` : 'holiday days'} on a weekend (全国年节及纪念日放假办法 Art. 6; sscard assumes the first working days after the holiday, the usual practice)`;
      case 'provisional':
        return `the official holiday schedule for ${note.year} is not yet known, so this deadline is provisional`;
    }
  },
  deadlineNoteSeparator: '; ',
  /** Why the system refused a file or an address, in words (an errno code, e.g. ENOENT, is no sentence); an unknown code as it is. */
  cause: (code: string): string =>
    ({
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      EISDIR: 'it is a directory',
      ENOTDIR: 'a part of the path is not a directory',
      EROFS: 'the file system is read-only',
      ENOSPC: 'the disk is full',
      EDQUOT: 'the disk quota is used up',
      EIO: 'a disk I/O error',
      EMFILE: 'too many open files',
      ENFILE: 'too many open files',
      ENAMETOOLONG: 'the name is too long',
      ELOOP: 'too many symbolic links',
      EBUSY: 'the file is in use',
      EEXIST: 'the file already exists',
      EADDRNOTAVAIL: 'the address is not one of this computer',
      EADDRINUSE: 'the port is in use',
    })[code] ?? code,
  loadedSchedule: (year: number) => `per the official ${year} schedule loaded into the ledger`,

  /** Short weekday names, Sunday first: `2026-10-08 (Thu)`. */
  weekdayShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  /** A date with its weekday. */
  dated: (date: string, weekday: string): string => `${date} (${weekday})`,
  /** A date with why it is that date: "2026-10-08 (Thu) (2026-10-01 is in the National Day holiday; ...)". */
  because: (date: string, why: string): string => `${date} (${why})`,
  /** A deadline `daysLeft` away: "in 12 days", "due today", "3 days overdue". */
  relative: (daysLeft: number): string => {
    if (daysLeft === 0) return 'due today';
    if (daysLeft > 0) return `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
    return `${-daysLeft} day${daysLeft === -1 ? '' : 's'} overdue`;
  },

  /** A hire's registration and the transfer on leaving, as status, register-employee and leave show them; `word` is the coloured state word. */
  get hire() {
    return built(this, 'hire', {
      flexibleSelf: 'flexible employment (self)',
      employerNotGiven: 'employer not given',
      registration: {
        words: { pending: 'pending', overdue: 'overdue', registered: 'registered', onTime: 'registered on time', late: 'registered late' },
        voluntary: (word: string) => `${word} (voluntary, no deadline)`,
        pending: (word: string, deadline: string, relative: string) => `${word}: register by ${deadline}, ${relative}`,
        overdue: (word: string, deadline: string, relative: string) => `${word}: the deadline was ${deadline}, ${relative}`,
        registered: (word: string, on: string) => `${word} ${on}`,
        onTime: (word: string, on: string, deadline: string) => `${word} ${on} (deadline ${deadline})`,
        late: (word: string, on: string, days: number, deadline: string) => `${word} ${on}: ${days} day${days === 1 ? '' : 's'} after the deadline ${deadline}`,
      },
      /** 劳动合同法 Art. 50: the file and the social insurance relationship, within 15 days. */
      separation: {
        words: { pending: 'pending', overdue: 'overdue', onTime: 'done on time', late: 'done late' },
        pending: (word: string, deadline: string, relative: string) => `${SEPARATION}: ${word}, due by ${deadline}, ${relative}`,
        overdue: (word: string, deadline: string, relative: string) => `${SEPARATION}: ${word}, the deadline was ${deadline}, ${relative}`,
        onTime: (word: string, on: string, deadline: string) => `${SEPARATION}: ${word} ${on} (deadline ${deadline})`,
        late: (word: string, on: string, days: number, deadline: string) =>
          `${SEPARATION}: ${word} ${on}, ${days} day${days === 1 ? '' : 's'} after the deadline ${deadline}`,
      },
      /** Art. 58 and Art. 84 of the Social Insurance Law, for late and overdue registrations. */
      lateRegistration: LATE_REGISTRATION,
    });
  },

  /** The card policies in words (SPEC 1.8): windows, consequences, loss rules. `name` is the policy's name and id. */
  get policy() {
    return built(this, 'policy', {
      period: (period: Period): string => {
        if ('days' in period) return `${period.days} day${period.days === 1 ? '' : 's'}`;
        if (period.months % 12 === 0) return `${period.months / 12} year${period.months === 12 ? '' : 's'}`;
        return `${period.months} month${period.months === 1 ? '' : 's'}`;
      },
      consequence: {
        'medical-insurance-restricted': 'the medical insurance card is restricted until the card is activated',
        sealed: 'the card is sealed (逾期封存): void, a new card must be applied for',
        'social-function-suspended': 'the social-security function is suspended until the card is activated',
        none: 'none',
      } satisfies Record<Consequence, string>,
      /** "card policy guangdong: activate within 1 year of issue, else ...". */
      window: (name: string, window: ActivationWindow | null, period: string, consequence: string) =>
        window === null
          ? `card policy ${name}: no activation window`
          : `card policy ${name}: ${{ activated: 'activate', enabled: 'enable' }[window.needs]} within ${period} of ${{ received: 'receipt', issued: 'issue' }[window.from]}, else ${consequence}`,
      /** A temporary loss's rule (`unknown`: no source gave it); `fn` names a function with a loss period of its own. */
      lossRule: (rule: LossRule | Unknown, fn?: 'social' | 'financial') => {
        const who = fn === undefined ? 'a temporary loss' : `a temporary loss of the ${fn === 'social' ? 'social-security' : 'financial'} function`;
        if (rule === 'unknown') return `${who}: how long it holds is unknown (no source found); sscard does not lift it by itself`;
        if (rule.unit === 'never') return `${who} never lapses by itself: it holds until the card is found or the loss made formal`;
        const then = { lift: 'lifts by itself (自然解挂)', cancel: 'the card is cancelled (注销)', stay: 'the card stays lost' }[rule.then];
        return `${who} holds ${rule.period} ${rule.unit === 'days' ? 'days' : 'working days'}, then ${then}`;
      },
      formalLoss: (liftable: boolean | Unknown): string =>
        liftable === 'unknown'
          ? 'whether a formal loss can be lifted is unknown (no source found); `card found` is accepted'
          : liftable
            ? 'a formal loss (正式挂失) can be lifted (`card found`) until a replacement is applied for'
            : 'a formal loss (正式挂失) cannot be lifted: the card is void, a replacement must be applied for',
      validity: (validity: Validity | null | Unknown) => {
        if (validity === 'unknown') return 'validity: unknown (no source found); a printed expiry (--expires-on) stands';
        if (validity === null) return 'validity: none set by the policy';
        const band = (b: ValidityBand, next: ValidityBand | undefined) => {
          const ages = next === undefined ? `${b.fromAge} and over` : b.fromAge === 0 ? `under ${next.fromAge}` : `${b.fromAge}-${next.fromAge - 1}`;
          const end = b.untilAge !== undefined ? `until the ${b.untilAge}th birthday` : b.years == null ? 'no expiry' : `${b.years} years`;
          return `${ages}: ${end}`;
        };
        const bands = validity.byAgeAtIssue;
        return `validity by age at issue: ${bands.map((b, i) => band(b, bands[i + 1])).join('; ')}`;
      },
      renewal: (days: number, required: boolean | Unknown) =>
        required === false
          ? 'no renewal needed while the card works: an expired card stays usable'
          : `renewal from ${days} days before expiry${required === 'unknown' ? ' (the national rule; no local source found)' : ''}`,
      unknownRules: (rules: readonly string[]) => `unknown (no source found): ${rules.map((r) => en.policy.rules[r] ?? r).join(', ')}`,
      /** A policy's rules by their keys in data/policies.json, as `unknownRules` and a source's `supports` name them. */
      rules: {
        activation: 'the activation window',
        consequence: 'the consequence',
        temporaryLoss: 'the temporary loss',
        formalLossLiftable: 'lifting a formal loss',
        validity: 'the validity',
        renewalRequired: 'renewal',
        functionLoss: "each function's loss",
      } as Record<string, string>,
      sources: 'Sources',
      /** A policy's name with its id: "Guangdong (guangdong)". */
      named: (name: string, id: string): string => `${name} (${id})`,
      /** Between the rules of one line (the temporary loss rule, then each function's). */
      ruleSeparator: '; ',
      source: (title: string, url: string, date: string | null, confidence: string, supports: readonly string[]) =>
        `${title} (${url}, ${date ?? 'date unknown'}; confidence ${confidence}${supports.length > 0 ? `; for ${supports.map((r) => en.policy.rules[r] ?? r).join(', ')}` : ''})`,
      national: 'National rules (every policy)',
      /** A broken data/policies.json: the entry (its id, or its place), the field and what is wrong. */
      invalid: (p: { entry: string; field: string; kind: string; detail: string }) => {
        const what =
          {
            shape: () => `is not as data/policies.md describes (${p.detail})`,
            'duplicate-id': () => 'repeats the id of an earlier policy',
            'window-without-consequence': () => 'needs a consequence exactly when there is an activation window',
            'loss-period': () => 'needs a period unless the unit is "never" (then period null and then "stay")',
            'validity-bands': () => 'needs age bands from 0 upwards, each with either years or untilAge',
            'rule-without-source': () => `states the rule "${p.detail}" but none of its sources supports it (add the source, or write "unknown")`,
            'no-default': () => 'has no default policy "seed"',
          }[p.kind as PolicyProblem['problem']['kind']]?.() ?? p.kind;
        return `The card policies file data/policies.json is invalid: ${p.entry === '' ? '' : `policy "${p.entry}", `}field ${p.field || '(top)'} ${what}; fix the file or reinstall sscard.`;
      },
      unreadable: (why: string) => `The card policies file data/policies.json cannot be read (${why}); reinstall sscard.`,
      notFound: (id: string, known: string) => `There is no card policy ${id}; the known ones are ${known}.`,
      unknown: (flag: string, shown: string, known: string) => `${flag}: there is no card policy ${shown}; choose one of ${known} (see \`sscard policies\`).`,
    });
  },

  /** `sscard employer` (SPEC 1.10): employers as records. */
  get employer() {
    return built(this, 'employer', {
      askName: "The employer's name",
      askCity: 'The city whose social insurance the employer pays (参保地), e.g. Beijing',
      usccInvalid: (flag: string, problem: UsccProblem) =>
        `${flag}: ${
          {
            length: 'a unified social credit code has 18 characters',
            character: 'a unified social credit code uses digits and capital letters other than I, O, S, V and Z',
            division: 'characters 3 to 8 of a unified social credit code are the six digits of an administrative division',
            check: 'the check character (the 18th) does not match the first 17',
          }[problem]
        }; copy the code exactly from the business licence (统一社会信用代码).`,
      usccDiffers: (flag: string, name: string, recorded: string) =>
        `${flag}: ${name} is recorded with the unified social credit code ${recorded}; one employer has one code (check the name, or the code).`,
      usccTaken: (flag: string, by: string) => `${flag}: that unified social credit code is already recorded for ${by}; one code names one employer.`,
      notFound: (name: string) => `No employer ${name} is recorded; record it with \`sscard employer add\`.`,
      none: 'No employer is recorded yet: `sscard employer add NAME --uscc CODE --city CITY`, or record a hire with --employer.',
      noUscc: '(no credit code)',
      noCity: '(no city: the cost of a late registration cannot be estimated)',
      cityWithoutData: (city: string) => `${city} (no contribution data: see \`sscard rates\`)`,
      done: (changed: 'created' | 'updated' | 'unchanged') =>
        ({ created: 'Employer recorded:', updated: 'Employer updated:', unchanged: 'Already recorded; nothing changed:' })[changed],
    });
  },

  /** `sscard rates` (SPEC 1.9): contribution data per city and year. */
  get rates() {
    return built(this, 'rates', {
      list: ', ',
      cityName: (name: { en: string; zh: string }) => name.en,
      /** A text the data gives in both languages (a year's note), in the reader's. */
      dataText: (text: { en: string; zh: string }) => text.en,
      /** Between a label and its value. */
      sep: ': ',
      unknown: 'unknown',
      base: 'Monthly base (缴费基数, floor .. ceiling)',
      /** After `base` when some insurances have a base of their own. */
      baseOthers: ', for the insurances without their own',
      /** An insurance's own base, under its rates. */
      ownBase: 'its own base (floor .. ceiling)',
      ownBasePeriod: (from: string, to: string) => `its own base ${from} .. ${to}`,
      insurance: {
        pension: 'Pension',
        medical: 'Medical (maternity included)',
        unemployment: 'Unemployment',
        injury: 'Work injury (class 1)',
      } satisfies Record<Insurance, string>,
      employer: 'employer',
      employee: 'employee',
      /** An insurance's two shares, in `rates`. */
      shares: (employer: string, employee: string) => `employer ${employer}, employee ${employee}`,
      injuryRange: (min: string, max: string) => `; ${min} .. ${max} by industry class`,
      dueDay: 'Premiums due',
      cutoff: '增员/减员 cut-off (later filings take effect the next month)',
      dayOfMonth: (day: number) => `by day ${day} of each month`,
      note: 'Note',
      sources: 'Sources',
      yearLabel: (year: number, from: string, to: string) => `${year} (${from} .. ${to})`,
      loadedFrom: (file: string, on: string) => `, loaded from ${file} on ${on}`,
      howToLoad: 'A newer year: `sscard rates load FILE.json` (the format of data/contributions.json, described in data/contributions.md).',
      cityNotFound: (city: string, known: string) => `There is no contribution data for ${city}; the cities known are ${known}.`,
      askFile: 'The contribution data file (JSON)',
      unreadable: (file: string) => `<file.json>: ${file} cannot be read; check the path.`,
      notAFile: (file: string) => `<file.json>: ${file} is not a regular file; give the contribution data's JSON file.`,
      tooLarge: (file: string) => `<file.json>: ${file} is larger than 1 MiB, so it is not a contribution data file.`,
      notJson: (file: string) => `<file.json>: ${file} is not valid JSON; give a file in the format of data/contributions.json.`,
      newCity: (file: string, city: string) =>
        `${file}: declares the city ${city}, which sscard does not know; a loaded file gives newer years of the cities in \`sscard rates\`.`,
      loaded: (names: string, count: number) =>
        `Loaded ${count} contribution year${count === 1 ? '' : 's'}: ${names}. Estimates now use ${count === 1 ? 'it' : 'them'}.`,
      shippedUnreadable: 'The contribution data file data/contributions.json cannot be read; reinstall sscard.',
      shippedInvalid: (problem: string) => `The contribution data file data/contributions.json is invalid: ${problem}; reinstall sscard.`,
      /** What is wrong in a data file: the entry and the field. */
      problem: (p: ContributionProblem): string => {
        const at = `${p.entry}${p.field ? `, field ${p.field}` : ''}`;
        const what = {
          'not-an-object': 'must be an object',
          missing: 'is missing (write "unknown" where no source was found)',
          'not-text': 'must be non-empty text',
          'not-a-date': "must be a date written YYYY-MM-DD (a year starts on a month's first day)",
          'not-an-amount': 'must be an amount in yuan with at most two decimals',
          'not-a-rate': 'must be a percentage from 0 to 100 with at most three decimals',
          'not-a-day': 'must be a day of the month, 1 to 31',
          'unknown-source': 'names a source that is not in "sources"',
          'unknown-city': 'names a city that is not in "cities"',
          'bad-range': 'is below the lower end',
          overlap: "overlaps the city's previous year (or, in bases, the insurance's previous period)",
          'not-a-month': 'must be a month written YYYY-MM',
          'outside-year': "has months outside the contribution year's from .. to",
          'bad-value': 'has a value that is not allowed',
        }[p.kind];
        return `${at} ${what}`;
      },
    });
  },

  /** The cost of a late or overdue registration (SPEC 1.9), under it in `status`. */
  get cost() {
    return built(this, 'cost', {
      title: (city: string, months: number) => `Estimated cost in yuan (${city}, ${months} month${months === 1 ? '' : 's'}):`,
      premiums: (employer: string, employee: string) => `premiums owed: employer ${employer}, employee ${employee}`,
      /** One run of months at the same base and rates: "2 months × 10,000.00 × 26.7%". */
      segment: (months: number, base: string, rate: string) => `${months} month${months === 1 ? '' : 's'} × ${base} × ${rate}`,
      /** Between the employer's and the employee's arithmetic on one insurance's line. */
      shareSep: '; ',
      rangeNote: "no base recorded: from the floor to the ceiling (record the hire's base with --base, or a base column, for one figure)",
      lateFee: (total: string) => `late fee (滞纳金, 0.05% a day, Art. 86): ${total}`,
      lateFeeMonth: (month: string, unpaid: string, days: number, fee: string) => `${month}: ${unpaid} × ${days} day${days === 1 ? '' : 's'} × 0.05% = ${fee}`,
      dueAssumed: "each month's premiums taken as due on its last day (the city's due day is unknown)",
      fine: (employer: string, managers: string) =>
        `if not corrected when ordered (Art. 84): a fine of ${employer} (1 to 3 times the premiums owed); responsible managers ${managers} each`,
      sources: (city: string) => `sources: \`sscard rates ${city}\``,
      notEstimated: 'Cost: not estimated, data missing:',
      missing: (m: Missing, employer: string, city: (id: string) => string): string => {
        switch (m.kind) {
          case 'city':
            return `no city is recorded for ${employer} (\`sscard employer set "${employer}" --city CITY\`)`;
          case 'year':
            return `no contribution data for ${city(m.city)} in ${m.month} (\`sscard rates load FILE.json\`)`;
          case 'base':
            return !('insurance' in m)
              ? `the base floor and ceiling of ${city(m.city)} ${m.year} are unknown (record the hire's base with --base)`
              : `the ${m.insurance} base floor and ceiling of ${city(m.city)} ${m.year} are unknown in ${m.month} (its own base; record the hire's base with --base)`;
          case 'rates':
            return `the ${m.insurance} rates of ${city(m.city)} ${m.year} are unknown (\`sscard rates load FILE.json\`)`;
        }
      },
    });
  },

  /** A core refusal in words, one sentence, never saying whose card it is. `dateField` names the option or column that carried the date. */
  get refusal() {
    return built(this, 'refusal', {
      card: (r: CardRefusal, card: string, dateField: string, today: string): string => {
        switch (r.reason) {
          case 'card-not-in-force':
            switch (r.state) {
              case 'lost':
                return `Card ${card} is reported lost (挂失), so it can no longer be used or activated; once a new card is issued, record it with \`sscard card replace\`.`;
              case 'replaced':
                return `Card ${card} was replaced by a new card (补换卡), so it can no longer be used or activated; use the new card.`;
              case 'cancelled':
                return `Card ${card} is cancelled (注销), so it can no longer be used or activated.`;
              case 'sealed':
                return `Card ${card} is sealed (逾期封存): its policy's window passed without it being activated, so it is void and can no longer be used, enabled or activated; apply for a new card and record it with \`sscard card issue\`.`;
              default:
                return `Card ${card} is ${r.state}, so this cannot be done with it.`;
            }
          case 'id-mismatch':
            return "The identity document shown does not match the card's holder, so activation was refused and nothing changed; the holder must bring their own ORIGINAL identity document.";
          case 'date-before-issue':
            return `${dateField} is before the card was issued (${r.issuedOn}); check the date.`;
          case 'date-before-receipt':
            return `${dateField} is before the card was received (${r.receivedOn}); check the date.`;
          case 'date-before-activation':
            return `${dateField} is before the card was activated (${r.activatedOn}); check the date.`;
          case 'date-before-loss':
            return `${dateField} is before the card was reported lost (${r.lostOn}); check the date.`;
          case 'date-in-future':
            return `${dateField} is in the future (today is ${today}); record things once they have happened.`;
          case 'guardian-required':
            return `The holder is ${r.age} on the activation date; a holder under 16 is activated by a guardian: give the guardian's identity number with --guardian-id.`;
          case 'guardian-too-young':
            return '--guardian-id belongs to someone under 18; the guardian must be an adult.';
          case 'guardian-is-holder':
            return "--guardian-id is the holder's own number; give the guardian's identity number.";
          case 'already-received':
            return `Card ${card} was already received on ${r.receivedOn}; the ledger keeps that date.`;
          case 'already-activated':
            return `Card ${card} was already activated on ${r.activatedOn}.`;
          case 'has-card-in-force':
            return `This person already holds card ${r.card} in force and may hold only one; if it is lost, report it with \`sscard card report-loss\` and record the new one with \`sscard card replace\`.`;
          case 'card-number-taken':
            return `Card number ${card} is already in the ledger; check the number.`;
          case 'expiry-before-issue':
            return `The expiry date (${r.expiresOn}) must be after the issue date ${r.issuedOn}; check the expiry printed on the card.`;
          case 'temporary-loss':
            // 补领 needs 正式挂失.
            return `Card ${card} is only temporarily reported lost; a replacement (补领) needs a formal loss (正式挂失) first: \`sscard card report-loss --card ${card}\` without --temporary (or, if it was found, \`sscard card found\`).`;
          case 'loss-not-reported':
            return `Card ${card} is not reported lost; a replacement for loss needs a formal loss first (\`sscard card report-loss --card ${card}\`), or give the real --reason (damage, expiry, change).`;
          case 'replacement-recorded':
            return `Card ${card} cannot be un-reported (解挂): a replacement, ${r.newCard}, was already recorded for it; use the new card.`;
          case 'not-lost':
            return `Card ${card} is not reported lost (it is ${r.state}), so there is no loss to lift.`;
          case 'date-before-ready':
            return `${dateField}: card ${card} reached the outlet on ${r.readyOn}; it cannot have been collected before that.`;
          case 'already-ready':
            return `Card ${card} is already recorded at the outlet since ${r.readyOn}; nothing changed.`;
          case 'no-application':
            return 'There is no open card application (制卡中) for this person; record one with `sscard card apply` first.';
          case 'application-open':
            return `A card application from ${r.appliedOn} is still open (制卡中); record the card with \`sscard card issue\`, or its failure with \`sscard card fail\`, before applying again.`;
          case 'date-before-application':
            return `${dateField}: the card was applied for on ${r.appliedOn}; nothing about it can be dated before that.`;
          case 'same-policy':
            return `Card ${card} is already under card policy ${r.policy}; nothing changed.`;
          case 'formal-loss-not-liftable':
            return `Card ${card} is formally reported lost (正式挂失), and under card policy ${r.policy} a formal loss cannot be lifted (撤销正式挂失 is not offered): the card is void; apply for a replacement and record it with \`sscard card replace\`.`;
          case 'card-not-received':
            return `Card ${card} has not been received yet; the electronic card can be claimed only once the card is in the holder's hands (third-generation cards excepted): record the receipt with \`sscard card receive\` first.`;
          case 'no-card':
            return 'No card is recorded for this person; an electronic card maps to a card in force, so record the card first with `sscard card issue`.';
        }
      },
      /** `field`: the option or column the refusal is about (--hired-on, registered_on, --employer). */
      registration: (r: RegistrationRefusal, field: string, today: string): string => {
        switch (r.reason) {
          case 'flexible-with-employer':
            return `${field}: a flexible worker (灵活就业) registers themself and has no employer; leave it out.`;
          case 'hire-date-out-of-range':
            return `${field} must lie between ${EARLIEST_DATE} and ${LATEST_DATE}; check the year.`;
          case 'hire-date-too-far-ahead':
            return `${field} ${r.hiredOn} is more than ${r.months} months after today (${today}); check the year.`;
          case 'hire-date-before-birth':
            return `${field} ${r.hiredOn} is before the holder's date of birth in the identity number; check the date and the number.`;
          case 'under-age':
            return `${field}: the person was ${r.age} on the hire date; employing anyone under 16 is forbidden (Labour Law Art. 15), so nothing was recorded. Check the identity number and the hire date.`;
          case 'registered-before-hire':
            return `${field} is before the hire date; an employee is registered on or after the hire date.`;
          case 'registration-in-future':
            return `${field} is in the future; record a registration once it has been filed.`;
          case 'already-registered':
            return 'This hire is already recorded as registered on another date; the ledger keeps the first filing date.';
        }
      },
      leave: (r: LeaveRefusal, field: string, today: string): string => {
        switch (r.reason) {
          case 'no-open-hire':
            return 'The ledger has no open hire of this person by that employer; check --employer (as recorded with the hire) or record the hire first with `sscard register-employee`.';
          case 'several-open-hires':
            return `This person has several open hires by that employer (hired on ${r.hiredOn.join(', ')}); say which with --hired-on.`;
          case 'left-before-hire':
            return `${field} is before the hire date ${r.hiredOn}; check the date.`;
          case 'already-left':
            return `This hire is already recorded as ended on ${r.leftOn}; if that date is wrong, revoke it with \`sscard revoke\` and record the right one.`;
          case 'done-before-leaving':
            return `${field} is before the last day ${r.leftOn}; the transfer is done on or after leaving.`;
          case 'done-in-future':
            return `${field} is in the future (today is ${today}); record the transfer once it is done.`;
          case 'already-done':
            return `The transfer for this leaver is already recorded as done on ${r.doneOn}; revoke it with \`sscard revoke\` if that is wrong.`;
        }
      },
    });
  },

  /** What `status` tells the person to do (which steps apply is decided in src/core/status.ts); `policy` names a policy, `window` words its window. */
  nextStep: (step: NextStep, policy: (p: Policy) => string, window: (p: Policy) => string): string => {
    switch (step.kind) {
      case 'await-card':
        return `A card was applied for on ${step.appliedOn} and is being made (制卡中); when it is made, record it with \`sscard card issue\`.`;
      case 'apply-again':
        return `Making the card failed on ${step.failedOn} (制卡失败): apply again and record it with \`sscard card apply\`.`;
      case 'get-card':
        return 'No card is recorded: apply for a social security card at the social insurance agency or a partner bank, then record it with `sscard card issue`.';
      case 'collect-card':
        return `Collect card ${step.card} and record it with \`sscard card receive\` (${window(step.policy)}).`;
      case 'activate-card': {
        const missing = step.socialEnabled
          ? 'The financial function is not activated'
          : 'Neither function is on yet (activation switches on the social-security function too)';
        const restricted =
          step.policy.consequence === 'medical-insurance-restricted'
            ? 'your medical insurance card is restricted'
            : 'the social-security function is suspended';
        const lead = step.overdue ? `The activation deadline has passed and ${restricted}: as soon as you can, bring` : 'Bring';
        const by = step.deadline && !step.overdue ? ` by ${step.deadline.date}` : '';
        return `${missing}. ${lead} the card and your ORIGINAL identity document to a counter of ${step.bank ?? 'the issuing bank'} to activate it${by}; a new card cannot be activated online (card policy: ${policy(step.policy)}). See \`sscard guide activate\`.`;
      }
      case 'enable-card':
        return `The social-security function is not enabled: enable it online (e-card, 掌上12333, the national platform, a local app), at a social security window, or by first use at a designated hospital${step.deadline ? ` by ${step.deadline.date}` : ''}${step.overdue ? ' (overdue)' : ''} (card policy: ${policy(step.policy)}). See \`sscard guide enable\`.`;
      case 'replace-lost-card':
        return `Card ${step.card} is formally reported lost: apply for a replacement (补换卡) at the issuing bank or the social insurance agency and record it with \`sscard card replace\`.`;
      case 'temporary-loss':
        return `Card ${step.card} is temporarily reported lost ${step.lapsesOn === null ? '(it does not lift by itself under its policy, or nobody knows when)' : `until ${step.lapsesOn} (${{ lift: 'after that it lifts by itself', cancel: 'after that the card is cancelled', stay: 'after that it stays lost' }[step.after]})`}: if found, record it with \`sscard card found\`; a replacement needs a formal loss first (\`sscard card report-loss\` without --temporary). See \`sscard guide loss\`.`;
      case 'apply-new-card':
        return `Card ${step.card} is sealed since ${step.since} (card policy ${policy(step.policy)}): apply for a new card at the social insurance agency or a partner bank, then record it with \`sscard card issue\`.`;
      case 'renew-card':
        return `Card ${step.card} expires on ${step.expiresOn}${step.expired ? ' and has expired' : ''}: apply for renewal (换领, possible from 60 days before expiry) and record the new card with \`sscard card replace --reason expiry\`.`;
      case 'expired-still-usable':
        return `Card ${step.card} expired on ${step.expiresOn}, but under card policy ${policy(step.policy)} a working card needs no renewal: it stays usable; exchange it (换卡) only if it stops working.`;
      case 'claim-ecard':
        return 'Claim your electronic social security card: in WeChat, Me -> Pay (or Services) -> City Services -> Social Security -> Electronic Social Security Card -> Add Now (also Alipay, 掌上12333 or a bank app). See `sscard guide ecard`.';
      case 'transfer-on-leaving':
        return `${step.employer ?? 'the employer'} must transfer the leaver's file and social insurance relationship by ${step.deadline.date} (Labour Contract Law Art. 50), and report an unemployed leaver to the social insurance agency (Social Insurance Law Art. 50)${step.overdue ? ': overdue, do it now' : ''}.`;
      case 'register-hire':
        return step.overdue
          ? `${step.employer ?? 'the employer'} missed the registration deadline of ${step.deadline.date}: register now.`
          : `${step.employer ?? 'the employer'} must apply for social insurance registration by ${step.deadline.date} (30 days from hiring). See \`sscard guide register\`.`;
    }
  },

  /** `sscard status`. */
  get status() {
    return built(this, 'status', {
      notFound: (id: string) => `No record for ${id} in the ledger; record a hire with \`register-employee\` or a card with \`card issue\` first.`,
      activatedEcard: 'Yes: there is an activated electronic social security card.',
      /** The headline when there is none: what the e-card and the card are. */
      noActivatedEcard: (ecard: EcardState, card: { state: CardState; stateText: string; neverActivated: boolean; socialEnabled: boolean } | null) => {
        const e = { none: 'no e-card claimed', suspended: 'the e-card is suspended', limited: 'the e-card is limited', active: 'e-card claimed' }[ecard];
        const c =
          card === null
            ? 'no card recorded'
            : card.state === 'activated'
              ? 'card activated'
              : card.state === 'issued' || card.state === 'received'
                ? `card ${card.stateText}, ${card.socialEnabled ? 'social function enabled but not activated' : 'not activated'}`
                : `card ${card.stateText}${card.neverActivated ? ', never activated' : ''}`;
        return `No activated electronic social security card: ${e}, ${c}.`;
      },
      lostRestricted: (deadline: string) =>
        `Medical insurance card: RESTRICTED (the lost card was not activated by its deadline ${deadline}; get a replacement card and activate it).`,
      restricted: (deadline: string) => `Medical insurance card: RESTRICTED (activation deadline ${deadline} passed; activate the card to restore it).`,
      sealed: (since: string, policy: string, deadline: string | undefined) =>
        `The card is SEALED since ${since} (card policy ${policy}: not activated by its deadline ${deadline}); it is void and a new card must be applied for.`,
      suspended: (policy: string, deadline: string | undefined) =>
        `Social-security function: SUSPENDED (card policy ${policy}: activation deadline ${deadline} passed; activate the card to restore it).`,
      registrationsOverdue: (n: number) => `${n} registration${n === 1 ? ' is' : 's are'} overdue.`,
      labels: { person: 'Person', card: 'Card', medical: 'Medical ins.', ecard: 'E-card', registrations: 'Registrations', next: 'Next steps' },
      born: (sex: 'male' | 'female', birthDate: string, region: string | null) => `${sex}, born ${birthDate}${region ? `, ${region}` : ''}`,
      noCard: 'no card recorded',
      /** The card's number, its bank and its state: "A12345678 (ICBC): received". */
      cardLine: (number: string, bank: string | null, state: string): string => `${number}${bank ? ` (${bank})` : ''}: ${state}`,
      issued: (on: string) => `issued ${on}`,
      /** `days`: how long ago (null: not said). */
      appliedOn: (on: string, days: number | null) => `applied for ${on}${days === null ? '' : `, ${days} day${days === 1 ? '' : 's'} ago: being made`}`,
      failedOn: (on: string, reason: string | null) => `making failed ${on}${reason ? `: ${reason}` : ''}`,
      readyAt: (outlet: string | null, since: string, days: number) =>
        `ready at ${outlet ?? 'the outlet'} since ${since}, waiting ${days} day${days === 1 ? '' : 's'}`,
      received: (on: string) => `received ${on}`,
      activated: (on: string) => `activated ${on}`,
      /** The two functions: social (启用) and financial (激活); `enabledOn` is the day shown. */
      functions: (social: 'enabled' | 'not-enabled' | 'sealed', enabledOn: string | null, financial: boolean) =>
        `social function ${social === 'enabled' ? `enabled${enabledOn ? ` ${enabledOn}` : ''}` : social === 'not-enabled' ? 'not enabled' : 'sealed'}, financial function ${financial ? 'active' : 'inactive'}`,
      policy: (name: string) => `policy ${name}`,
      /** `relative` comes coloured. */
      deadline: (needs: 'activated' | 'enabled', deadline: string, relative: string) =>
        `${needs === 'enabled' ? 'enable by' : 'activate by'} ${deadline}, ${relative}`,
      since: (on: string, consequence: string) => `since ${on}: ${consequence}`,
      /** `lapses`: how a temporary loss lapses under the policy (`never`, `unknown`: no date); `functions`: a function's own last day. */
      loss: (temporary: boolean, on: string, until: string | null, lapses: string | null, functions: { fn: 'social' | 'financial'; until: string | null }[]) =>
        `${temporary ? 'temporarily reported lost' : 'formally reported lost'} ${on}${until ? `, until ${until}${lapses === 'working-days' ? ' (counted in working days)' : ''}` : lapses === 'never' ? ', does not lapse by itself' : lapses === 'unknown' ? ', lapse unknown under its policy' : ''}${functions.map((f) => `; ${f.fn === 'social' ? 'social-security' : 'financial'} function until ${f.until}`).join('')}`,
      /** `renewalFrom` null: the policy needs no renewal while the card works. */
      expires: (on: string, renewalFrom: string | null) =>
        renewalFrom === null ? `expires ${on} (no renewal needed while it works)` : `expires ${on}, renewal from ${renewalFrom}`,
      medical: { normal: 'normal', restricted: 'restricted' },
      ecard: (claimedOn: string, channel: string | null, state: string) => `claimed ${claimedOn}${channel ? ` via ${channel}` : ''}, ${state}`,
      hire: (registrant: string, flexible: boolean, since: string, leftOn: string | null) =>
        `${registrant}${flexible ? ', since' : ', hired'} ${since}${leftOn ? `, left ${leftOn}` : ''}`,
      /** A region code since abolished: the number stays valid. */
      regionAbolished: (name: string, year: number, successor: string | null) => `${name} (code abolished in ${year}${successor ? `, now ${successor}` : ''})`,
    });
  },

  /** What is wrong with an identity number typed into `field` (never the number itself: SPEC 1.1). */
  idProblem: (problem: IdProblem, field: string): string => {
    switch (problem.code) {
      case 'empty':
        return `${field} is empty: give the 18-character identity number.`;
      case 'length':
        return `${field} has ${problem.length} characters: an identity number has 18 (or 15 for an old one); check for a missing or extra digit.`;
      case 'characters':
        return `${field} contains characters that cannot be in an identity number: it has 17 digits followed by a digit or X.`;
      case 'province':
        return `${field} starts with ${problem.province}, which is not a province-level region code: check the first digits.`;
      case 'birth-date':
        return `${field} is not valid: ${BIRTH_DATE[problem.why]}; check the number.`;
      case 'check-character':
        return `${field} ends in check character ${problem.found} but the digits before it require ${problem.expected}: a digit is probably mistyped.`;
    }
  },

  /** Values given on the command line or typed at a prompt; `field` is the option or argument (`--hired-on`, `<id>`). */
  get input() {
    return built(this, 'input', {
      date: (field: string) => `${field} must be a real date, written e.g. ${DATE_FORMS}.`,
      outOfRange: (field: string) => `${field} must lie between ${EARLIEST_DATE} and ${LATEST_DATE}; check the year.`,
      card: (field: string) => `${field} must be the 9 letters or digits printed on the card, e.g. A12345678.`,
      empty: (field: string) => `${field} is empty; give a value or leave the option out.`,
      tooLong: (field: string) => `${field} is longer than 200 characters; shorten it.`,
      controlCharacters: (field: string) => `${field} contains control characters; remove them.`,
      ecardChannel: (field: string) =>
        `${field} must be one of wechat, alipay, 12333, bank-app, gov-platform, unionpay, local-app (or its Chinese name, e.g. 微信, 支付宝, 掌上12333, 云闪付).`,
      days: (field: string) => `${field} must be a whole number of days, e.g. 14.`,
      unexpected: (field: string) => `${field} has an unexpected value; see --help.`,
      oneOf: (field: string, values: readonly string[]) => `${field} must be one of ${values.join(', ')}.`,
      promptDate: (field: string) => `${field} must be a real date, written e.g. ${DATE_FORMS}.`,
      promptCard: (field: string) => `${field} must be 9 letters or digits.`,
      promptEmpty: (field: string) => `${field} cannot be empty.`,
      missingOption: (field: string) => `${field} is required; give it on the command line (see --help).`,
      confirmationRequired: 'This cannot be undone and there is no terminal to confirm it on; add --yes to go ahead.',
      notConfirmed: 'Not confirmed; nothing was written.',
      invalidAsOf: `--as-of must be a real date between ${EARLIEST_DATE} and ${LATEST_DATE}, written e.g. ${DATE_FORMS}.`,
      invalidToday: `SSCARD_TODAY must be a real date between ${EARLIEST_DATE} and ${LATEST_DATE}, written e.g. ${DATE_FORMS}; fix or unset it.`,
    });
  },

  /** Questions asked at a terminal for values missing on the command line (SPEC 2.1: never inventing a fact). */
  get ask() {
    return built(this, 'ask', {
      id: 'Identity number (social security number)',
      holderId: 'Identity number of the holder',
      hiredOn: 'Hire date (YYYY-MM-DD)',
      flexibleSince: 'Start of flexible employment (YYYY-MM-DD)',
      employer: 'Employer',
      filed: 'Has the social insurance registration been filed already?',
      filedNo: 'Not yet (pending)',
      filedYes: 'Yes, it was filed',
      registeredOn: 'Date the registration was filed (YYYY-MM-DD)',
      card: 'Card number (9 letters or digits)',
      issuedOn: 'Date the card was issued (YYYY-MM-DD)',
      bank: 'Issuing bank',
      idDoc: 'Number on the ORIGINAL identity document shown',
      oldCard: 'Number of the card being replaced',
      newCard: 'Number of the new card',
      leaverId: "The leaver's identity number",
      leftOn: 'Last day of employment (YYYY-MM-DD)',
      revokeReason: 'Why are these records wrong?',
      ecardChannel: 'Where was it claimed?',
      confirmCancel: (card: string) => `Cancel card ${card}? This cannot be undone.`,
      confirmReplace: (card: string, newCard: string) => `Replace card ${card} by ${newCard}? The old card can never be used again.`,
      confirmPurge: (id: string) => `Delete ${id} and every record and event about them? This cannot be undone.`,
      confirmRevoke: (events: string[]) => `Revoke ${events.join('; ')}?`,
      backupFile: 'Backup file to create',
      importFile: 'File to import',
      /** The keys a list of choices answers to, shown below it (inquirer's select). */
      keys: { navigate: 'navigate', select: 'select' } as Record<string, string>,
    });
  },

  /** Commander's own usage errors, by its error code; the parameters are read from its English message. */
  get usage() {
    return built(this, 'usage', {
      unknownOption: (flag: string) => `unknown option '${flag}'`,
      unknownCommand: (name: string) => `unknown command '${name}'`,
      didYouMean: (suggestions: string) => `(Did you mean ${suggestions}?)`,
      missingArgument: (name: string) => `missing required argument '${name}'`,
      optionMissingArgument: (flags: string) => `option '${flags}' argument missing`,
      invalidChoice: (flags: string, value: string, choices: string) => `option '${flags}' argument '${value}' is invalid. Allowed choices are ${choices}.`,
      excessArguments: (command: string, expected: number, got: number) =>
        `too many arguments for '${command}'. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}.`,
      missingMandatory: (flags: string) => `required option '${flags}' not specified`,
      conflictingOption: (first: string, second: string) => `${first} cannot be used with ${second}`,
      errorPrefix: 'error: ',
    });
  },

  /** `--help`: commander's headings and defaults, then every command's texts (scripts/man.mjs reads the English ones). */
  help: {
    usage: 'Usage:',
    options: 'Options:',
    commands: 'Commands:',
    arguments: 'Arguments:',
    globalOptions: 'Global Options:',
    examples: 'Examples:',
    helpOption: 'display help for command',
    helpCommand: 'display help for command',
    versionOption: 'output the version number',
    /** Commander's note after an option's help: `(choices: "csv", "json", default: "csv")`. */
    extra: (choices: string | null, byDefault: string | null) =>
      `(${[choices && `choices: ${choices}`, byDefault && `default: ${byDefault}`].filter(Boolean).join(', ')})`,
    program: {
      description: "Social security card (社会保障卡) ledger: activation windows, electronic cards, and employers' registration deadlines.",
      db: 'ledger file, or postgres://user@host/db[?schema=NAME] for a shared ledger (default: $SSCARD_DB, else sscard/sscard.db under $XDG_DATA_HOME or ~/.local/share)',
      asOf: 'evaluate as of this day, YYYY-MM-DD (default: $SSCARD_TODAY, else today in China)',
      json: 'print one JSON document',
      reveal: 'show identity numbers unmasked',
      noColor: 'plain text without colours (also NO_COLOR)',
      lang: 'language of messages (default: from LC_ALL, LC_MESSAGES or LANG)',
      examples: [
        `sscard status ${ID}`,
        `sscard register-employee --id ${ID} --employer "Acme Ltd" --hired-on 2026-09-01 --pending`,
        'sscard due --within 14',
        'sscard guide activate --lang zh',
      ],
    },
    get status() {
      return built(this, 'status', {
        description: 'is the card activated, is there an activated e-card, which registrations are due',
        id: 'identity number (= social security number); asked for at a terminal when left out',
        examples: [`sscard status ${ID}`, `sscard status ${ID} --json --as-of 2026-10-09`],
      });
    },
    get registerEmployee() {
      return built(this, 'registerEmployee', {
        description: 'record a hire and its social insurance registration (30 days from hiring, Art. 58)',
        id: "the employee's identity number",
        hiredOn: 'date of employment, YYYY-MM-DD',
        name: "the employee's name",
        employer: 'the employer',
        registeredOn: 'date the registration was filed',
        pending: 'registration not filed yet',
        flexible: 'flexible employment: self-registration, no deadline',
        base: 'the monthly contribution base (缴费基数) in yuan, for the cost of a late registration',
        examples: [
          `sscard register-employee --id ${ID} --name "Wang Fang" --employer "Acme Ltd" --hired-on 2026-09-01 --pending`,
          `sscard register-employee --id ${ID} --employer "Acme Ltd" --hired-on 2026-09-01 --registered-on 2026-09-20`,
        ],
      });
    },
    get activate() {
      return built(this, 'activate', {
        description: 'record the in-person activation of a card at an outlet of the issuing bank',
        card: 'the card being activated',
        idDoc: 'number on the ORIGINAL identity document shown at the counter',
        on: 'activation date (default: today)',
        outlet: 'the bank outlet',
        guardianId: 'for a holder under 16: the guardian who activates',
        examples: [
          `sscard activate --card A12345678 --id-doc ${ID} --outlet "ICBC Chaoyang branch"`,
          `sscard activate --card A12345678 --id-doc ${ID} --on 2026-10-12`,
          `sscard activate --card B98765432 --id-doc 110105201211240033 --guardian-id ${ID}`,
        ],
      });
    },
    get leave() {
      return built(this, 'leave', {
        description: 'record that an employment ended (离职): the file and social insurance transfer is due in 15 days (Labour Contract Law Art. 50)',
        id: "the leaver's identity number",
        employer: 'the employer they left (as recorded with the hire)',
        leftOn: 'last day of the employment, YYYY-MM-DD',
        hiredOn: 'which hire, when there are several with that employer',
        doneOn: 'the file and social insurance were transferred on this day',
        examples: [
          `sscard leave --id ${ID} --employer "Acme Ltd" --left-on 2026-11-30`,
          `sscard leave --id ${ID} --employer "Acme Ltd" --left-on 2026-11-30 --done-on 2026-12-08`,
        ],
      });
    },
    get revoke() {
      return built(this, 'revoke', {
        description: 'withdraw recorded events that were wrong; they stay in the history, marked revoked',
        seq: 'event numbers, as shown by `sscard history`',
        reason: 'why the records are wrong',
        yes: 'do not ask for confirmation',
        examples: ['sscard revoke 3 --reason "recorded as registered by mistake" --yes', 'sscard revoke 7 8 --reason "wrong card number"'],
      });
    },
    card: { description: 'the physical card: issue, receive, report loss, replace, cancel' },
    get cardIssue() {
      return built(this, 'cardIssue', {
        description: 'record a card made for a person',
        id: "the holder's identity number",
        card: 'card number: 9 letters or digits',
        bank: 'issuing bank',
        issuedOn: 'date of issue (default: today; asked for at a terminal)',
        name: "the holder's name",
        policy: 'the card policy it is issued under (default: $SSCARD_POLICY, else seed; see `sscard policies`)',
        expiresOn: 'the expiry printed on the card, if any',
        generation: "card generation; a third-generation card's e-card exists from issue (default: 2)",
        examples: [
          `sscard card issue --id ${ID} --card A12345678 --bank ICBC --issued-on 2026-03-01`,
          'sscard card issue --id 44030419900307123X --card G00000001 --bank ICBC --policy guangdong --issued-on 2025-01-10 --expires-on 2035-01-10',
        ],
      });
    },
    get cardApply() {
      return built(this, 'cardApply', {
        description: 'a card was applied for (申领): it is being made (制卡中) until `card issue` records it',
        id: "the applicant's identity number",
        on: 'date applied for (default: today)',
        policy: 'the card policy it is applied for under (default: $SSCARD_POLICY, else seed; see `sscard policies`)',
        generation: "card generation; a third-generation card's e-card exists from the application (default: 2)",
        examples: [`sscard card apply --id ${ID} --on 2026-03-01`, 'sscard card apply --id 44030419900307123X --policy guangdong --generation 3'],
      });
    },
    get cardReady() {
      return built(this, 'cardReady', {
        description: 'the card waits at the outlet to be collected (网点签收, 待领卡)',
        card: 'the card',
        on: 'date it reached the outlet (default: today)',
        outlet: 'the outlet where it waits',
        examples: ['sscard card ready --card G00000001 --outlet "ICBC Tianhe" --on 2025-01-20'],
      });
    },
    get cardFail() {
      return built(this, 'cardFail', {
        description: 'making the card applied for failed (制卡失败), e.g. a photo rejected: apply again',
        id: "the applicant's identity number",
        on: 'date it failed (default: today)',
        reason: 'why, as the outlet or the app said',
        examples: [`sscard card fail --id ${ID} --reason "photo rejected"`],
      });
    },
    get cardSetPolicy() {
      return built(this, 'cardSetPolicy', {
        description: "correct the card policy a card was recorded under (an event; the card's history stays)",
        card: 'the card',
        policy: 'the right card policy (see `sscard policies`)',
        examples: ['sscard card set-policy --card G00000001 --policy guangzhou'],
      });
    },
    get cardReceive() {
      return built(this, 'cardReceive', {
        description: "the card is in the holder's hands: a window counted from receipt starts",
        card: 'the card',
        on: 'date received (default: today)',
        examples: ['sscard card receive --card A12345678 --on 2026-03-31', 'sscard card receive --card A12345678'],
      });
    },
    get cardReportLoss() {
      return built(this, 'cardReportLoss', {
        description: 'the card was reported lost (挂失): formally, or temporarily with --temporary',
        card: 'the card',
        temporary: "a temporary loss (临时挂失): lapses after the policy's days",
        on: 'date reported (default: today)',
        examples: ['sscard card report-loss --card A12345678', 'sscard card report-loss --card A12345678 --temporary --on 2026-05-01'],
      });
    },
    get cardFound() {
      return built(this, 'cardFound', {
        description: 'a lost card was found (解挂): it returns to the state it had',
        card: 'the card',
        on: 'date found (default: today)',
        examples: ['sscard card found --card A12345678', 'sscard card found --card A12345678 --on 2026-05-03'],
      });
    },
    get cardReplace() {
      return built(this, 'cardReplace', {
        description: 'a new card supersedes the old one (补换卡)',
        card: 'the card being replaced',
        newCard: 'the new card',
        on: 'date the new card was issued (default: today)',
        bank: "issuing bank of the new card (default: the old card's)",
        reason: 'loss (needs a formal loss), damage, expiry or change',
        policy: "the new card's policy (default: the old card's)",
        yes: 'do not ask for confirmation',
        examples: [
          'sscard card replace --card A12345678 --new-card B12345678 --yes',
          'sscard card replace --card A12345678 --new-card B12345678 --on 2026-11-10 --bank ICBC',
        ],
      });
    },
    get cardCancel() {
      return built(this, 'cardCancel', {
        description: 'the card was cancelled (注销), e.g. the holder died or emigrated',
        card: 'the card',
        on: 'date cancelled (default: today)',
        yes: 'do not ask for confirmation',
        examples: ['sscard card cancel --card A12345678 --yes', 'sscard card cancel --card A12345678 --on 2026-11-20'],
      });
    },
    ecard: { description: 'the electronic social security card (电子社保卡)' },
    get ecardClaim() {
      return built(this, 'ecardClaim', {
        description: 'record that the electronic card was claimed (申领) online',
        id: "the holder's identity number",
        channel: 'where it was claimed: wechat, alipay, 12333, bank-app, gov-platform, unionpay or local-app (Chinese names too: 微信, 支付宝, 云闪付, ...)',
        on: 'date claimed (default: today)',
        examples: [`sscard ecard claim --id ${ID} --channel wechat`, `sscard ecard claim --id ${ID} --channel 12333 --on 2026-04-02`],
      });
    },
    get enable() {
      return built(this, 'enable', {
        description: "record that the card's social-security function was switched on (启用): online, at a window, a bank or a hospital",
        card: 'the card',
        on: 'date enabled (default: today)',
        channel: 'window, bank, online or hospital',
        examples: ['sscard enable --card G00000001 --channel online --on 2025-02-02', 'sscard enable --card A12345678'],
      });
    },
    get policies() {
      return built(this, 'policies', {
        description: 'the card policies: activation windows, consequences, loss rules and their sources',
        id: 'one policy',
        examples: ['sscard policies', 'sscard policies guangdong --json'],
      });
    },
    get due() {
      return built(this, 'due', {
        description: 'the agenda: every open deadline across the ledger, overdue first',
        within: 'only deadlines in the next DAYS days (overdue ones are always shown)',
        check: 'exit 3 when anything is overdue (for a daily cron job)',
        employer: "only this employer's deadlines",
        kind: 'only one kind of deadline',
        format: 'text, json, or ics (an iCalendar file for Outlook, DingTalk, Feishu, phone calendars)',
        byEmployer: 'instead of the list, how many registrations and separations each employer has open and overdue',
        examples: [
          'sscard due',
          'sscard due --within 14 --employer "Acme Ltd"',
          'sscard due --employer "Acme Ltd" --format ics > acme-deadlines.ics',
          'sscard due --check --json > agenda.json || mail-hr agenda.json',
        ],
      });
    },
    get people() {
      return built(this, 'people', {
        description: 'everyone in the ledger, one line each: card, e-card, open deadlines',
        employer: 'only people hired by this employer',
        name: 'only people whose name contains this text',
        examples: ['sscard people', 'sscard people --employer "Acme Ltd"', 'sscard people --name 王 --json'],
      });
    },
    get serve() {
      return built(this, 'serve', {
        description: 'the ledger as web pages on this computer: agenda, people, history, import (SPEC 2.5)',
        port: 'the port to listen on (default: any free port)',
        host: 'the address to listen on (default 127.0.0.1, this computer only)',
        noOpen: 'print the address without opening a browser',
        allowRemote: 'allow an address other computers can reach (the token in the address is then the only protection)',
        examples: ['sscard serve', 'sscard serve --port 8080 --no-open'],
      });
    },
    get import() {
      return built(this, 'import', {
        description: 'hires, leavers and cards in bulk from the roster HR has (nothing is written if any row is bad)',
        file: 'xlsx, csv, tsv or txt (UTF-8 or GB18030, English or Chinese headers), a JSON export, or - for standard input; asked for at a terminal when left out',
        dryRun: 'check every row exactly as the import would, write nothing',
        skipInvalid: 'import the good rows and report the bad ones',
        sheet: 'the sheet of an xlsx file (default: the first)',
        headerRow: 'the line (xlsx: row) of the column names (default: the first of the first 10 rows that names the id column)',
        examples: [
          'sscard import 花名册.xlsx --dry-run',
          'sscard import roster-gbk.csv',
          'sscard import hires.csv --skip-invalid',
          'sscard export --format json --reveal | sscard --db copy.db import -',
        ],
      });
    },
    get export() {
      return built(this, 'export', {
        description: "the ledger, re-importable with import: csv or xlsx with import's columns, json with every event",
        format: 'csv (UTF-8 with BOM), xlsx (IDs as text, dates as dates) or json (every event)',
        headers: 'column names in English or Chinese',
        examples: [
          'sscard export --reveal > ledger.csv',
          'sscard export --format xlsx --headers zh --reveal > 台账.xlsx',
          'sscard export --format json --reveal > ledger.json',
        ],
      });
    },
    get template() {
      return built(this, 'template', {
        description: 'a blank roster to fill in: the header row of the columns import reads, nothing else',
        format: 'csv (UTF-8 with BOM) or xlsx (the ID and code columns formatted as text, dates as dates)',
        headers: 'column names in English or Chinese',
        examples: ['sscard template --format xlsx --headers zh > 花名册模板.xlsx', 'sscard template > roster.csv'],
      });
    },
    get history() {
      return built(this, 'history', {
        description: 'every recorded event about a person, oldest first',
        id: 'identity number; asked for at a terminal when left out',
        examples: [`sscard history ${ID}`, `sscard history ${ID} --json`],
      });
    },
    get calendar() {
      return built(this, 'calendar', {
        description: "which years' holiday schedules are known, and from where; load a newly published one",
        examples: ['sscard calendar', 'sscard calendar load 2027.json'],
      });
    },
    get calendarLoad() {
      return built(this, 'calendarLoad', {
        description: "load a year's official holiday schedule (holiday-cn's JSON format); it overrides the package for that year",
        file: 'the schedule, e.g. 2027.json from holiday-cn',
        yes: 'replace a different schedule loaded before for that year without asking',
        examples: ['sscard calendar load 2027.json', 'sscard calendar load 2027.json --yes'],
      });
    },
    get employer() {
      return built(this, 'employer', {
        description: 'employers as records: unified social credit code (统一社会信用代码) and city (参保地)',
        examples: [
          'sscard employer add "Acme Ltd" --uscc 91110000600037341L --city Beijing',
          'sscard employer list',
          'sscard employer set "Acme Ltd" --city Shanghai',
        ],
      });
    },
    get employerAdd() {
      return built(this, 'employerAdd', {
        description: 'record an employer, its unified social credit code (checked) and its city',
        name: "the employer's name, as hires give it",
        uscc: 'unified social credit code (统一社会信用代码, 18 characters, GB 32100-2015)',
        city: 'the city whose contribution data applies (参保地), e.g. Beijing or 北京',
        examples: ['sscard employer add "Acme Ltd" --uscc 91110000600037341L --city Beijing'],
      });
    },
    employerList: { description: 'the employers recorded, with code and city', examples: ['sscard employer list', 'sscard employer list --json'] },
    get employerSet() {
      return built(this, 'employerSet', {
        description: "change an employer's city (or add its credit code)",
        examples: ['sscard employer set "Acme Ltd" --city Shanghai'],
      });
    },
    get rates() {
      return built(this, 'rates', {
        description: 'contribution data per city and year: base floor and ceiling, rates, due day, 增员/减员 cut-off, with sources',
        city: 'one city (e.g. Beijing, 北京)',
        examples: ['sscard rates', 'sscard rates beijing', 'sscard rates load contributions-2026.json'],
      });
    },
    get ratesLoad() {
      return built(this, 'ratesLoad', {
        description: 'load a newer contribution year (the format of data/contributions.json) into the ledger',
        file: 'the data file, e.g. contributions-2026.json',
        examples: ['sscard rates load contributions-2026.json'],
      });
    },
    get backup() {
      return built(this, 'backup', {
        description: 'a consistent copy of the ledger, safe while others write',
        file: 'the backup file to create; asked for at a terminal when left out',
        force: 'overwrite the file if it exists',
        examples: ['sscard backup ~/sscard-2026-11-24.db', 'sscard backup /mnt/usb/sscard.db --force'],
      });
    },
    get copy() {
      return built(this, 'copy', {
        description: 'copy a whole ledger, events included, between a file and a shared PostgreSQL ledger (into an empty one)',
        from: 'the ledger to copy: a file, or a postgres:// URL',
        to: 'where to: a new file, or a postgres:// URL of an empty schema',
        examples: [
          'sscard copy --from ~/.local/share/sscard/sscard.db --to postgres://hr@db.example.internal/sscard',
          'sscard copy --from postgres://hr@db.example.internal/sscard --to team-2026-11-30.db',
        ],
      });
    },
    get check() {
      return built(this, 'check', {
        description: 'integrity check, schema version and row counts of the ledger',
        examples: ['sscard check', 'sscard check --json --db ~/sscard-2026-11-24.db'],
      });
    },
    get purge() {
      return built(this, 'purge', {
        description: 'delete a person and every record and event about them (right to deletion)',
        id: 'identity number; asked for at a terminal when left out',
        yes: 'do not ask for confirmation',
        examples: [`sscard purge ${ID}`, `sscard purge ${ID} --yes`],
      });
    },
    get guide() {
      return built(this, 'guide', {
        description:
          "how to apply for a card and collect it, activate it, enable its social-security function, report a loss, claim the e-card, choose the card's policy, register an employee or see a leaver off (offline)",
        topic: 'apply, activate, enable, loss, ecard, policy, register or leave (default: all)',
        examples: ['sscard guide activate', 'sscard guide apply', 'sscard guide ecard --lang zh', 'sscard guide'],
      });
    },
    get completion() {
      return built(this, 'completion', {
        description: 'print a shell completion script',
        shell: 'bash, zsh or fish',
        examples: [
          'source <(sscard completion bash)',
          'sscard completion zsh > ~/.zfunc/_sscard',
          'sscard completion fish > ~/.config/fish/completions/sscard.fish',
        ],
      });
    },
  },

  /** `sscard calendar` and `calendar load` (SPEC 1.2). */
  get calendar() {
    return built(this, 'calendar', {
      sources: {
        package: 'official (chinese-days package)',
        loaded: 'official (loaded)',
        provisional: 'PROVISIONAL: statutory holidays computed, no adjusted working days',
      } satisfies Record<YearSource, string>,
      loadedFrom: (file: string, on: string) => `, from ${file} on ${on}`,
      howToLoad:
        "The State Council publishes each year's schedule in about November of the year before; load it with `sscard calendar load YEAR.json` (holiday-cn's format).",
      askFile: "The year's schedule (holiday-cn JSON file)",
      confirmReplace: (year: number, file: string, on: string) => `A different ${year} schedule was loaded from ${file} on ${on}; replace it?`,
      replaceNeedsYes: (year: number) => `A different ${year} schedule is already loaded and there is no terminal to confirm on; add --yes to replace it.`,
      unchanged: (year: number) => `This ${year} schedule is already loaded; nothing changed.`,
      /** The open deadlines the loaded schedule moved (listed below it: kind, person, what, before -> after). */
      moved: (count: number) => (count === 0 ? 'No open deadline in the ledger moved.' : `Open deadline${count === 1 ? '' : 's'} moved: ${count}`),
      loaded: (year: number, off: number, workdays: number) =>
        `Loaded the official ${year} schedule: ${off} day${off === 1 ? '' : 's'} off, ${workdays} adjusted working day${workdays === 1 ? '' : 's'}. Deadlines in ${year} now follow it and are no longer provisional.`,
      unreadable: (file: string) => `<file.json>: ${file} cannot be read; check the path.`,
      notAFile: (file: string) => `<file.json>: ${file} is not a regular file; give the schedule's JSON file.`,
      tooLarge: (file: string) => `<file.json>: ${file} is larger than 1 MiB, so it is not a year's schedule.`,
      notJson: (file: string) => `<file.json>: ${file} is not valid JSON; give holiday-cn's file for the year, e.g. 2027.json.`,
      /** What is wrong inside a schedule file. */
      problem: (file: string, p: ScheduleProblem): string => {
        const at = 'index' in p ? `days[${p.index}]` : '';
        switch (p.kind) {
          case 'not-an-object':
            return `${file} is not in holiday-cn's format: expected {"year": 2027, "days": [...]}.`;
          case 'year-invalid':
            return `${file}: "year" must be a year from 1900 to 2099, e.g. 2027.`;
          case 'days-not-a-list':
            return `${file}: "days" must be a list of {"name", "date", "isOffDay"}.`;
          case 'days-empty':
            return `${file} lists no days for ${p.year}: the official schedule is probably not published yet.`;
          case 'day-not-an-object':
            return `${file}: ${at} is not a {"name", "date", "isOffDay"} object.`;
          case 'name-invalid':
            return `${file}: ${at} has no holiday name.`;
          case 'date-invalid':
            return `${file}: ${at} has a date that is not a real date written YYYY-MM-DD.`;
          case 'date-outside-year':
            return `${file}: ${at} is ${p.date}, outside ${p.year}; a file holds one year.`;
          case 'off-day-invalid':
            return `${file}: ${at} must have "isOffDay" true or false.`;
          case 'date-repeated':
            return `${file}: ${at} repeats the date ${p.date}.`;
        }
      },
    });
  },

  /** Why a roster file cannot be read (src/cli/roster/problems.ts): a bad file or bad usage, exit 2. */
  get roster() {
    return built(this, 'roster', {
      problem: (p: RosterProblem): string => {
        const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n.slice(0, 40))).join(', ');
        switch (p.kind) {
          case 'duplicate-column':
            return `Column ${p.column} appears twice in the header (${quoted(p.headers)}); keep one.`;
          case 'missing-id-column':
            return p.searched !== undefined && p.searched > 1
              ? `No header with an id column (id or 身份证号) in the first ${p.searched} rows; every row needs the identity number. If the header is further down, give its row with --header-row N.`
              : 'The header has no id column (id or 身份证号); every row needs the identity number.';
          case 'header-row-missing':
            return `--header-row: line ${p.line} is blank or past the end of the file; give the line of the header (the row of column names).`;
          case 'empty-file':
            return 'The file is empty: there is no header row; the first line names the columns, e.g. id,name,employer,hired_on.';
          case 'not-a-regular-file':
            return `<file>: ${p.path} is a ${p.what === 'other' ? 'special file' : p.what}, not a regular file; give the path of a file, or - to read standard input.`;
          case 'unreadable':
            return `<file>: ${p.path} cannot be read (${en.cause(p.code)}); check the path.`;
          case 'unknown-format':
            return `<file>: ${p.path} is not a format sscard imports; use an .xlsx, .csv, .tsv or .txt file.`;
          case 'nul-byte':
            return `Line ${p.line} contains a NUL byte, so this is not a text file; save the roster again as CSV from the spreadsheet.`;
          case 'not-utf8-later':
            return `The file starts as UTF-8 but line ${p.line} is not UTF-8; it mixes encodings, so save it again as CSV UTF-8.`;
          case 'not-text':
            return `Line ${p.line} is neither UTF-8 nor GB18030 text; save the file again as CSV UTF-8.`;
          case 'workbook-as-text':
            return 'This is an .xlsx workbook (a zip file), not text; give it as a file path ending in .xlsx (standard input takes CSV text only).';
          case 'line-too-long':
            return `Line ${p.line} is longer than 1 MiB, so this is not a roster; check the file.`;
          case 'unterminated-quote':
            return `The quote opened on line ${p.line} is never closed; add the closing double quote (a quote inside a cell is written "").`;
          case 'sheet-not-found':
            return `--sheet: the workbook has no sheet ${JSON.stringify(p.sheet)}; it has ${quoted(p.sheets)}.`;
          case 'bad-xlsx':
            return `<file>: ${p.path} is not a valid .xlsx workbook; save it again as .xlsx from the spreadsheet.`;
          case 'xlsx-too-large':
            return p.why === 'ratio'
              ? `The workbook's part ${p.part} unpacks to ${p.mib} MiB, over ${p.limitMib} times its packed size, which no spreadsheet writes; nothing was read: save the sheet as CSV and import that.`
              : `The workbook's part ${p.part} unpacks to ${p.mib} MiB, more than the ${p.limitMib} MiB sscard reads${p.why === 'memory' ? " (a workbook's shared text is held in memory)" : ''}; nothing was read: save the sheet as CSV and import that.`;
          case 'xlsx-too-many-strings':
            return `The workbook holds more than ${thousands(p.limit)} shared strings (its different texts), more than sscard holds in memory; no row was read: save the sheet as CSV and import that.`;
        }
      },
      /** An identity number Excel damaged (src/cli/roster/damaged-id.ts). */
      idDamage: (kind: IdDamage['kind']) =>
        `id ${{ 'number-cell': 'is a number cell', scientific: 'is in scientific notation', rounded: 'ends in digits Excel rounded to zeros' }[kind]}, so Excel has damaged the number; format the column as text, enter the numbers again from the source and export the file again.`,
    });
  },

  /** `sscard import`: rosters and JSON exports. */
  get import() {
    return built(this, 'import', {
      askFile: 'File to import (xlsx, csv, tsv, json, or - for standard input)',
      stdinIsTerminal: '<file> is - but standard input is a terminal; pipe or redirect the file into sscard.',
      stdinTooLarge: (mib: number) => `Standard input is larger than ${mib} MiB, more than sscard keeps of it; save it to a file and import the file.`,
      stdinReadTwice:
        'Another process created the ledger while this import read standard input, which cannot be read a second time; nothing was written: save the input to a file and import the file.',
      maskedRoster: (file: string, format: string) =>
        `${file} holds masked identity numbers (an export made without --reveal), so it cannot be imported; export it again with \`sscard export --format ${format} --reveal\`.`,
      ignoredColumns: (names: readonly string[]) => `Ignored columns sscard does not know: ${names.join(', ')}.`,
      /** A row that adds a second open hire with one employer: a corrected hire date, most often (the ID is masked on stderr). */
      secondOpenHire: (line: number, id: string, employer: string, before: string, after: string) =>
        `line ${line}: ${id} already has an open hire at ${employer} from ${before}; this row adds a second from ${after}. If the hire date was corrected, revoke the first hire (\`sscard history ${id}\` shows its event number; then \`sscard revoke SEQ --reason "hire date corrected"\`), or record a leaving date for it if both are real.`,
      moreSecondOpenHires: (n: number) => `and ${n} more row${n === 1 ? '' : 's'} adding a second open hire at the same employer.`,
      headerAt: (line: number) => `Took line ${line} as the header, passing over the rows above it (a title); give --header-row N to choose another.`,
      headerRow: '--header-row must be a line number, 1 or more (the row of column names).',
      /** The progress bar on a terminal's stderr while a roster is read. */
      progress: { rows: (n: number) => `${thousands(n)} row${n === 1 ? '' : 's'}`, reading: (rows: string) => `reading… ${rows}` },
      badRow: (line: number, field: string, message: string) => `line ${line}, ${field}: ${message}`,
      moreInvalid: (n: number) => `and ${n} more invalid row${n === 1 ? '' : 's'}.`,
      invalidRows: (invalid: number, rows: number, dryRun: boolean) =>
        `${invalid} of ${rows} row${rows === 1 ? '' : 's'} ${invalid === 1 ? 'is' : 'are'} invalid, so nothing ${dryRun ? 'would be' : 'was'} imported; fix ${invalid === 1 ? 'it' : 'them'} or use --skip-invalid to import the others.`,
      done: (t: { rows: number; changed: number; events: number; unchanged: number; invalid: number }, dryRun: boolean) =>
        `${dryRun ? 'Dry run, nothing written:' : 'Imported:'} ${t.rows} row${t.rows === 1 ? '' : 's'}, ${t.changed} with changes (${t.events} event${t.events === 1 ? '' : 's'}), ${t.unchanged} already in the ledger${t.invalid ? `, ${t.invalid} invalid ${dryRun ? 'and would be skipped' : 'and skipped'}` : ''}.`,
      /** A row the rules refuse for another reason than a card's, a registration's or a leaving's. */
      /** A row's wording of the refusal `guardian-required` (the command's names --guardian-id). */
      guardianNeeded: "the holder was under 16 on that date, so a guardian activated the card; give the guardian's identity number in guardian_id.",
      activatedOnAnotherDate: (card: string) => `card ${card} is recorded as activated on another date; the ledger keeps the first.`,
      appliedOnAnotherDate: (card: string) =>
        `card ${card} is recorded with another application date, or none; an application cannot be added to a card already made, so the ledger keeps its own.`,
      /** A JSON export (`sscard export --format json`): what is wrong with an event of it. */
      events: {
        notThisKind: 'is not what this kind of event holds',
        badId: 'is not an 18-character identity number',
        badOn: 'is not a real date written YYYY-MM-DD, nor null',
        badSeq: 'is not a whole number',
        doesNotFollow: 'does not follow from the events before it for this person; the file is incomplete or edited',
        differentHistory: 'is already in the ledger with a different history; a JSON import adds new people only',
        badEmployer: 'is not an employer record (a name, with a credit code and a city as text or null)',
        badRates: 'is not a loaded rate year (a file name, the day it was loaded, and a contribution data file)',
        differentRates: (which: string) => `holds ${which}, which the ledger already holds with other figures; a JSON import does not replace loaded rates`,
        masked: (file: string) =>
          `${file} holds masked identity numbers, so it cannot be imported; export it again with \`sscard export --format json --reveal\`.`,
        notAFile: (file: string) => `<file>: ${file} is not a regular file.`,
        unreadable: (file: string) => `<file>: ${file} cannot be read; check the path.`,
        tooLarge: (file: string) => `<file>: ${file} is larger than 512 MiB; import it in parts.`,
        badLine: (n: number, file: string) => `line ${n} of ${file} is not a JSON event; export the file again.`,
        notJson: (file: string) => `${file} is not valid JSON; give a file made by \`sscard export --format json\`.`,
        notAnExport: (file: string, format: string) => `${file} is not an sscard JSON export (format "${format}" with an "events" list).`,
      },
    });
  },

  /** The card commands (`card issue`, `receive`, `report-loss`, `found`, `replace`, `cancel`). */
  get card() {
    return built(this, 'card', {
      notFound: (card: string) => `No card ${card} in the ledger; check the number or record it with \`sscard card issue\`.`,
      /** `window`: the policy's activation window in words. */
      issued: (card: string, bank: string | null, on: string, holder: string, window: string) =>
        `Card ${card}${bank ? ` (${bank})` : ''} issued on ${on} to ${holder} (${window}).\nWhen the holder has it in hand, record that with \`sscard card receive\`.`,
      received: (card: string, on: string, changed: boolean) =>
        changed ? `Card ${card} received on ${on}.` : `Card ${card} was already recorded as received on ${on}; nothing changed.`,
      /** After the receipt: what the policy's window needs by when (`relative`: "in 12 days"). */
      enableBy: (deadline: string, relative: string, window: string) =>
        `Enable its social-security function by ${deadline}, ${relative} (${window}): online (e-card app, 掌上12333), at a social security window, or by first use at a designated hospital.`,
      activateBy: (bank: string | null, deadline: string, relative: string, window: string) =>
        `Activate it at an outlet of ${bank ?? 'the issuing bank'} by ${deadline}, ${relative} (${window}); bring the card and your ORIGINAL identity document (not possible online).`,
      alreadyLost: (card: string, kind: 'temporary' | 'formal', on: string) => `Card ${card} was already reported lost (${kind}) on ${on}; nothing changed.`,
      /** `rule`: the policy's loss rule in words. */
      lostTemporarily: (card: string, on: string, until: string | null | undefined, rule: string) =>
        `Card ${card} temporarily reported lost on ${on}, until ${until} (${rule}). If it turns up, record it with \`sscard card found --card ${card}\`; a replacement needs a formal loss (without --temporary). The electronic card is limited meanwhile.`,
      lostFormally: (card: string, on: string) =>
        `Card ${card} formally reported lost on ${on}. It can no longer be used or activated, and the electronic card is limited (its services need your authorisation); record the replacement with \`sscard card replace --card ${card} --new-card ...\`.`,
      applied: (holder: string, on: string, policy: string, generation: 2 | 3) =>
        `Card application (申领) for ${holder} recorded on ${on}, under card policy ${policy}: being made (制卡中).${generation === 3 ? ' A third-generation card: its electronic card can be claimed now.' : ''}\nWhen the card is made, record it with \`sscard card issue\`; if making fails, with \`sscard card fail\`.`,
      failed: (holder: string, on: string, reason: string | null) =>
        `Card making for ${holder} failed on ${on}${reason ? ` (${reason})` : ''} (制卡失败); apply again and record it with \`sscard card apply\`.`,
      ready: (card: string, on: string, outlet: string | null, window: string) =>
        `Card ${card} waits at ${outlet ?? 'the outlet'} since ${on} (待领卡; ${window}). Collect it with the ORIGINAL identity document, then record it with \`sscard card receive\`.`,
      policySet: (card: string, from: string, to: string) =>
        `Card ${card} is now under card policy ${to} (it was recorded under ${from}); every view, past ones too, judges it under ${to}.`,
      /** The one-line hint of SPEC 1.8: the default rules were used and a shipped policy matches the holder's region. */
      policyHint: (region: string, id: string) =>
        `This card uses the default rules; for a card issued in ${region} use --policy ${id} (or correct it with \`sscard card set-policy --policy ${id}\`).`,
      found: (card: string, state: string) =>
        `Card ${card} is no longer reported lost: it is ${state} again, and a claimed electronic card is no longer limited.`,
      replaced: (card: string, newCard: string, on: string) =>
        `Card ${card} replaced by ${newCard} on ${on}; the electronic card maps to ${newCard} once it is received (no new claim needed).\nRecord the new card with \`sscard card receive\` when it is in hand, then enable and activate it again: it has its own window under its policy.`,
      cancelled: (card: string, on: string | null, changed: boolean) =>
        changed ? `Card ${card} cancelled on ${on}; the electronic card is suspended.` : `Card ${card} was already cancelled on ${on}; nothing changed.`,
    });
  },

  /** `sscard enable`. */
  get enable() {
    return built(this, 'enable', {
      channels: {
        window: 'at a social security window',
        bank: 'at a service bank',
        online: 'online',
        hospital: 'by first use at a designated hospital or pharmacy',
      } satisfies Record<EnableChannel, string>,
      unchanged: (card: string, on: string | null) => `The social-security function of card ${card} was already enabled on ${on}; nothing changed.`,
      enabled: (card: string, on: string | null, how: string | null) => `The social-security function of card ${card} enabled on ${on}${how ? ` ${how}` : ''}.`,
      notActivated: (bank: string | null) =>
        `The financial function is not activated yet: the holder activates it in person at an outlet of ${bank ?? 'the issuing bank'} with the card and the ORIGINAL identity document (never online); see \`sscard guide activate\`.`,
    });
  },

  /** `sscard activate`. */
  get activate() {
    return built(this, 'activate', {
      unchanged: (card: string, on: string) => `Card ${card} was already activated on ${on}; nothing changed.`,
      activated: (card: string, on: string, outlet: string | null) => `Card ${card} activated on ${on}${outlet ? ` at ${outlet}` : ''}.`,
      byGuardian: (guardian: string) => `Activated by the guardian ${guardian}, as recorded.`,
      /** What activating late ended, by the policy's consequence (a sealed card cannot be activated, so it is not among them). */
      late: (days: number, deadline: string, consequence: Consequence) =>
        `That was ${days} day${days === 1 ? '' : 's'} after the activation deadline ${deadline}; ${consequence === 'social-function-suspended' ? 'the social-security function is back from the day of activation' : 'the medical insurance card is normal again from the day of activation'}.`,
      activatedEcard: 'There is now an activated electronic social security card.',
      claimedInactive: 'The electronic card is claimed but not active.',
      noEcard:
        'No electronic social security card is claimed yet: activation of the physical card does not create one. Claim it in WeChat: Me -> Pay (or Services) -> City Services -> Social Security -> Electronic Social Security Card -> Add Now.',
    });
  },

  /** `sscard ecard claim`. */
  get ecardClaim() {
    return built(this, 'ecardClaim', {
      notFound: (id: string) => `No record for ${id} in the ledger; record the card first with \`sscard card issue\`.`,
      claimed: (on: string, channel: string | null) => `Electronic social security card claimed on ${on}${channel ? ` via ${channel}` : ''}.`,
      unchanged: (on: string) => `The electronic social security card was already claimed on ${on}; nothing changed.`,
      activated: 'The card it maps to is activated: there is an activated electronic social security card.',
      notActivated: (card: string, state: string) =>
        `Having the e-card does not mean the card is activated: card ${card} is ${state}. Bring it and your ORIGINAL identity document to an outlet of the issuing bank to activate it.`,
      /** A third-generation card applied for, not made yet: its e-card came with the application (SPEC 1.4 v3). */
      cardBeingMade:
        'Having the e-card does not mean the card is activated: the card itself is still being made (制卡中). Once it is issued and collected, bring it and your ORIGINAL identity document to an outlet of the issuing bank to activate it.',
    });
  },

  /** `sscard register-employee`. */
  get registerEmployee() {
    return built(this, 'registerEmployee', {
      pendingAndRegistered: '--pending and --registered-on contradict each other; give one of them.',
      badBase: '--base: give the monthly contribution base (缴费基数) in yuan, a positive amount with at most two decimals, e.g. 8000 or 8000.50.',
      baseFlexible: '--base is the base an employer declares for its employee; a flexible worker chooses a grade with the agency: drop --base.',
      /** `who`: name and (masked) number; `by`: the employer, or the flexible worker themself. */
      head: (action: 'create' | 'complete' | 'unchanged', who: string, by: string, hiredOn: string) =>
        `${{ create: 'Recorded', complete: 'Completed', unchanged: 'Already recorded:' }[action]} the hire of ${who} by ${by} on ${hiredOn}.`,
      registration: (state: string) => `Registration: ${state}`,
    });
  },

  /** `--employer NAME` of due and people when no employer matched (case, width and spaces do not count). */
  get employerFilter() {
    return built(this, 'employerFilter', {
      noMatch: (typed: string, close: readonly string[]) =>
        `No employer in the ledger is called "${typed}"${close.length > 0 ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '; `sscard people` lists everyone with their employers.'}`,
    });
  },

  /** `sscard leave`. */
  get leave() {
    return built(this, 'leave', {
      notFound: (id: string) => `No record for ${id} in the ledger; record the hire first with \`sscard register-employee\`.`,
      recorded: (who: string, employer: string | null, leftOn: string, hiredOn: string) => `Recorded: ${who} left ${employer} on ${leftOn} (hired ${hiredOn}).`,
      unchanged: (who: string, employer: string | null, leftOn: string) => `Already recorded: ${who} left ${employer} on ${leftOn}; nothing changed.`,
      duty: "The employer must transfer the leaver's file and social insurance relationship within 15 days of the end (Labour Contract Law Art. 50), and report an unemployed leaver to the social insurance agency (Social Insurance Law Art. 50). Record it when done with `sscard leave ... --done-on DATE`.",
    });
  },

  /** `sscard revoke`. */
  get revoke() {
    return built(this, 'revoke', {
      missingSeq: 'Give the number of each event to revoke; `sscard history <id>` shows them.',
      invalidReason: '--reason must say in 1 to 500 characters why the records are wrong.',
      invalidSeq: (text: string) => `'${text}' is not an event number: give the whole numbers shown by \`sscard history\`.`,
      notFound: (seqs: readonly number[]) => `The ledger has no event ${seqs.map((s) => `#${s}`).join(', ')}; \`sscard history <id>\` lists the numbers.`,
      /** `event`: "#3 registration filed 2026-11-25". */
      revoked: (event: string, id: string) => `Revoked ${event} (${id})`,
      reason: (reason: string) => `Reason: ${reason}. The records stay in the history, marked revoked; record the right facts with the usual commands.`,
      isRevocation: (seq: number) => `#${seq} is itself a revocation and cannot be revoked; record the right fact again instead.`,
      alreadyRevoked: (seq: number, by: number) => `#${seq} was already revoked by #${by}.`,
      personRecord: (seq: number) => `#${seq} records the person and cannot be revoked; correct a name with --name, or erase the person with \`sscard purge\`.`,
      dependents: (seqs: readonly number[]) =>
        `Later records still depend on what you revoke: ${seqs.map((s) => `#${s}`).join(', ')}; revoke them in the same command if they are wrong too. Nothing changed.`,
    });
  },

  /** `sscard purge`, `backup`, `copy`, `check`: the ledger as a whole. */
  get ledger() {
    return built(this, 'ledger', {
      purged: (id: string, events: number) => `Deleted ${id} and every record about them (${events} events).`,
      purgedStale: (id: string) =>
        `No record of ${id} was left, but copies of the number remained in unused parts of the ledger file or its WAL (an earlier purge did not finish); they have been erased.`,
      backedUp: (file: string, bytes: number) =>
        `Backed up the ledger to ${file} (${bytes} bytes). Restore: stop sscard, copy it over the ledger file, run \`sscard check\`.`,
      copied: (from: string, to: string, rows: Record<string, number>) =>
        `Copied ${from} to ${to}: ${rows.event} events, ${rows.person} people, ${rows.hire} hires, ${rows.card} cards, ${rows.ecard} e-cards; the counts agree.`,
      check: {
        /** `state` comes coloured. */
        integrity: (state: string) => `Integrity: ${state}`,
        ok: 'ok',
        damaged: 'DAMAGED',
        replay: (state: string) => `Tables = replay of events: ${state}`,
        agree: 'yes',
        differ: (n: number) => `NO, ${n} differences`,
        schemaVersion: (version: number) => `Schema version: ${version}`,
        /** One difference between a state table and the replay of the events. */
        difference: (id: string, table: string, cached: string, replayed: string) => `${id} ${table}: table ${cached}; events ${replayed}`,
        /** `check --json`'s `restore` when the ledger is not sound. */
        restore: RESTORE,
        /** The ledger's tables as `check` counts their rows. */
        tables: { person: 'person', hire: 'hire', card: 'card', ecard: 'ecard', event: 'event' } as Record<string, string>,
      },
    });
  },

  /** `sscard due --format ics`: the calendar's words. */
  /** `sscard copy`'s refusals and prompts. */
  get copy() {
    return built(this, 'copy', {
      askFrom: 'Ledger to copy from (a file, or a postgres:// URL)',
      askTo: 'Ledger to copy into (a new file, or a postgres:// URL of an empty schema)',
      ontoItself: (to: string) => `--to: ${to} is the ledger being copied; give another destination.`,
      noSource: (from: string) => `--from: there is no ledger at ${from}; check the path or URL.`,
      notEmpty: (to: string) => `--to: ${to} already holds a ledger, so nothing was copied; copy into a new file or an empty schema (?schema=NAME).`,
      countsDiffer: (to: string, from: string, table: string, copied: number, source: number) =>
        `The copy in ${to} has ${copied} ${table} rows but ${from} has ${source}; do not use the copy, and run \`sscard check\` on both.`,
      checkFailed: (to: string) => `The copy in ${to} does not pass \`sscard check\`; do not use it, and run \`sscard check\` on both ledgers.`,
    });
  },

  /** A roster row's cell that import cannot take (`line N, FIELD: ...`). */
  get row() {
    return built(this, 'row', {
      idEmpty: 'is empty; every row needs the identity number',
      idNumber: 'the number',
      notADate: 'is not a real date written YYYY-MM-DD',
      outOfRange: `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`,
      badName: 'is longer than 200 characters or contains control characters',
      uscc: (problem: UsccProblem) =>
        `is not a valid unified social credit code: ${{ length: 'it has 18 characters', character: 'it uses digits and capital letters other than I, O, S, V and Z', division: 'characters 3 to 8 are six digits', check: 'the check character (the 18th) does not match the first 17' }[problem]}`,
      employerRecordWithoutEmployer: 'is given but the row has no employer to record it for',
      base: 'is not a monthly base in yuan (a positive amount with at most two decimals, e.g. 8000 or 8000.50)',
      employerRefused: (why: string) => why,
      hireMissing: 'is empty but the row has employer, registration or leaving columns',
      leftWithoutEmployer: (col: ColumnName) => `is empty but the row has ${col('left_on')}: say which employer the person left`,
      doneWithoutLeaving: (col: ColumnName) => `is empty but the row has ${col('separation_done_on')}`,
      hireKind: 'must be employee (单位职工) or flexible (灵活就业)',
      cardNumber: 'must be 9 letters or digits',
      policy: (known: string) => `is not a known card policy; the known ones are ${known} (see \`sscard policies\`)`,
      guardianWithoutActivation: (col: ColumnName) => `is empty but ${col('guardian_id')} is given: a guardian is recorded with the activation`,
      cardState: 'must be lost, lost-temporary or cancelled (挂失, 临时挂失, 注销), or empty for a card in force',
      cardStatePair: (col: ColumnName) => `goes with ${col('card_ended_on')}/${col('card_state')}: give both, or neither for a card in force`,
      cardColumns: 'is empty but the row has card columns',
      channel: (channels: string) => `must be one of ${channels}`,
      claimedOnMissing: (col: ColumnName) => `is empty but ${col('ecard_channel')} is given`,
      generation: "must be 2 or 3 (第二代, 第三代): the card's generation",
      outletWithoutReady: (col: ColumnName) => `is empty but ${col('ready_outlet')} is given: the outlet is recorded with the day the card reached it`,
      reasonWithoutFailure: (col: ColumnName) => `is empty but ${col('failure_reason')} is given`,
      failureWithoutApplication: (col: ColumnName) =>
        `is empty but ${col('failed_on')} is given: a failure closes an application, so give the day it was applied for`,
      failedWithCard: (col: ColumnName) =>
        `is given but the row has a ${col('card_number')}: a failed application made no card (give the card in a row of its own)`,
    });
  },

  /** `sscard due` as a table. */
  get due() {
    return built(this, 'due', {
      /** The HR month (SPEC 1.9): the 增员/减员 cut-off beside the legal deadline. */
      cutoff: (kind: 'registration' | 'separation', date: string, month: string) =>
        `${kind === 'registration' ? '增员' : '减员'} cut-off: file by ${date} for ${month}'s ${kind === 'registration' ? 'coverage' : 'contributions to stop'} (later filings take effect the next month)`,
      kinds: {
        registration: 'registration',
        separation: 'transfer on leaving',
        activation: 'activation',
        collection: 'collection',
        renewal: 'renewal',
      } as Record<'registration' | 'separation' | 'activation' | 'collection' | 'renewal', string>,
      header: ['DEADLINE', 'WHEN', 'WHAT', 'ID', 'NAME', 'FOR', 'NOTE'] as readonly string[],
      card: (number: string) => `card ${number}`,
      nothing: (today: string, within: number | null) => `Nothing due${within !== null ? ` within ${within} days` : ''} and nothing overdue as of ${today}.`,
      total: (open: number, overdue: number) => `${open} open deadline${open === 1 ? '' : 's'}, ${overdue} overdue.`,
      /** `due --by-employer`: registrations and separations per employer (card deadlines belong to no employer). */
      byEmployer: { header: ['EMPLOYER', 'OPEN', 'OVERDUE'], none: '(no employer given)', nothing: 'No registration or separation is open.' },
    });
  },

  /** `sscard export`. */
  get template() {
    return built(this, 'template', {
      xlsxToTerminal: 'An xlsx file is binary; redirect it to a file, e.g. `sscard template --format xlsx > roster.xlsx`.',
    });
  },

  get export() {
    return built(this, 'export', {
      xlsxToTerminal: 'An xlsx file is binary; redirect it to a file, e.g. `sscard export --format xlsx > ledger.xlsx`.',
      masked: 'Identity numbers are masked; add --reveal for a file that `sscard import` can read back.',
    });
  },

  /** `sscard people`, one line a person. */
  get people() {
    return built(this, 'people', {
      nothingOpen: 'nothing open',
      open: (open: number, overdue: number, next: string) => `${open} open${overdue ? ` (${overdue} overdue)` : ''}, next ${next}`,
      noCard: 'no card',
      nobody: 'Nobody in the ledger matches.',
      /** The columns of `people` (and of the web view's people page). */
      header: ['ID', 'NAME', 'EMPLOYER', 'HIRED', 'CARD', 'E-CARD', 'DEADLINES'],
      /** More open hires than the one shown. */
      moreHires: (n: number) => ` (+${n})`,
      total: (count: number) => `${count} ${count === 1 ? 'person' : 'people'}.`,
    });
  },

  /** `sscard serve`: the web view (SPEC 2.5). Its pages use the words of the commands they mirror, and these. */
  get web() {
    return built(this, 'web', {
      serving: (url: string) => `sscard serves the ledger at ${url}\nOpen this address in a browser (it carries the access token); press Ctrl-C to stop.`,
      remoteWarning: (host: string) =>
        `Listening on ${host}, which other computers may reach: the token in the address is then the only protection. Share it with no one, and stop the server when done.`,
      remoteNeedsFlag: (host: string) =>
        `--host ${host} is not this computer only; add --allow-remote to serve other computers (the token is then the only protection).`,
      invalidPort: (text: string) => `--port ${text} is not a port; give a number from 1 to 65535, or leave it out for any free port.`,
      portInUse: (port: number) => `Port ${port} is in use; choose another with --port, or leave it out for any free port.`,
      cannotListen: (host: string, why: string) => `Cannot listen on ${host} (${why}); check --host.`,
      stopped: 'Stopped.',
      title: 'sscard',
      nav: { agenda: 'Agenda', people: 'People', import: 'Import', policies: 'Card policies', calendar: 'Calendar years' },
      otherLanguage: '中文',
      footer: (ledger: string, today: string) => `Ledger ${ledger} · as of ${today}`,
      noLedger: (ledger: string) => `There is no ledger at ${ledger} yet. Import a roster to start one.`,
      agenda: {
        title: 'Agenda',
        filters: 'Filters',
        employer: 'Employer',
        anyEmployer: 'any employer',
        kind: 'What',
        anyKind: 'anything',
        within: 'Within (days)',
        show: 'Show',
        download: 'Download as calendar (.ics)',
        header: ['Deadline', 'When', 'What', 'ID', 'Name', 'For', 'Note'] as readonly string[],
        nothing: 'Nothing due and nothing overdue with these filters.',
        more: 'Next page',
        first: 'First page',
        counts: 'Open deadlines by employer',
        countsHeader: ['Employer', 'Open', 'Overdue'] as readonly string[],
        noEmployer: '(no employer)',
        countsNote: 'registrations and transfers on leaving; card deadlines have no employer',
        month: (year: number, month: number) =>
          `Deadlines in ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]} ${year}`,
        previousMonth: 'previous month',
        nextMonth: 'next month',
        dayCount: (count: number) => `${count} deadline${count === 1 ? '' : 's'}`,
        weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as readonly string[],
      },
      people: {
        title: 'People',
        search: 'Name, or the last digits of the ID',
        find: 'Search',
        none: 'Nobody in the ledger matches.',
        hint: 'Type part of a name, or the last digits of an identity number (e.g. 002X).',
        more: 'More',
      },
      person: {
        reveal: 'Show the full ID number',
        hide: 'Mask the ID number',
        revealed: 'The full identity number is shown because you asked for it.',
        history: 'History and corrections',
        notFound: 'This link is no longer valid (the server was restarted, or the person was erased); search for the person again.',
      },
      history: {
        title: (id: string) => `History of ${id}`,
        note: 'In the order recorded; times are China time. A wrong fact is revoked (it stays in the history, marked), never erased.',
        header: ['#', 'Recorded', 'Day', 'Event', 'Details', 'Source'] as readonly string[],
        reason: 'Reason',
        revoke: 'Revoke',
        revokedBy: (seq: number, reason: string) => `revoked by #${seq}: ${reason}`,
        done: (seq: number) => `Event #${seq} was revoked.`,
        reasonRequired: 'Give the reason for the revocation.',
      },
      import: {
        title: 'Import a roster',
        intro:
          'An xlsx, CSV, TSV or TXT roster (English or Chinese headers), or a JSON export. The file is checked first; nothing is written until you confirm.',
        file: 'Roster file',
        check: 'Check the file',
        preview: (name: string) => `Checked ${name}: nothing has been written yet.`,
        problems: (invalid: number) =>
          `${invalid} row${invalid === 1 ? ' is' : 's are'} invalid (below): fix the file and check it again, or import the good rows only.`,
        problemsHeader: ['Line', 'Field', 'Problem'] as readonly string[],
        moreProblems: (count: number) => `... and ${count} more.`,
        confirm: 'Import it',
        confirmGood: 'Import the good rows only',
        written: (name: string) => `Imported ${name}.`,
        expired: 'This upload is no longer here (it was imported, or the server was restarted); choose the file again.',
        noFile: 'Choose a file to import.',
        badType: 'The file must be .xlsx, .csv, .tsv, .txt or .json.',
        tooLarge: (mib: number) => `The file is larger than ${mib} MiB; import it with \`sscard import FILE\` instead.`,
        notes: 'Notes',
      },
      policies: { title: 'Card policies' },
      calendar: { title: 'Calendar years', header: ['Year', 'Source', 'Loaded on', 'File'] as readonly string[] },
      errors: {
        title: 'Not done',
        unauthorized: 'This page needs the access token: open the address `sscard serve` printed.',
        host: 'This server answers only to the address it printed (a request for another host name is refused, against DNS rebinding).',
        csrf: 'This form has expired or did not come from this page: reload the page and try again. Nothing was written.',
        notFound: 'There is no such page.',
        method: 'This address does not take that kind of request.',
        badRequest: 'The request could not be read.',
        back: 'Back to the agenda',
      },
    });
  },

  get ics() {
    return built(this, 'ics', {
      calendarName: 'Social security deadlines',
      kinds: {
        activation: 'Card activation deadline',
        collection: 'Card collection and activation deadline',
        registration: 'Social insurance registration deadline',
        separation: 'File and social insurance transfer deadline',
        renewal: 'Card renewal',
      } as Record<string, string>,
      /** `person`: the name and the (masked) number, or the number alone. */
      person: (name: string, id: string) => `${name} (${id})`,
      summary: (kind: string, person: string, employer: string | null) => `${kind}: ${person}${employer ? `, ${employer}` : ''}`,
      /** An overdue deadline's event, moved to the day the file was made so that its alarm can still fire. */
      overdue: (days: number, summary: string) => `OVERDUE by ${days} day${days === 1 ? '' : 's'}: ${summary}`,
      wasDue: (date: string) => `The deadline was ${date}`,
      /** The rule behind each kind of deadline, for the event's description. */
      law: {
        registration: 'Social Insurance Law Art. 58: register within 30 days of the hire date',
        separation: "Labour Contract Law Art. 50: transfer the leaver's file and social insurance within 15 days",
        activation: "the card policy's activation window",
        collection: "the card waits at the outlet; the card policy's window counts from issue (Guangdong: collected and activated within a year, or sealed)",
        renewal: 'card renewal (换领) may be applied for from 60 days before expiry',
      } as Record<'registration' | 'separation' | 'activation' | 'collection' | 'renewal', string>,
      separator: '; ',
    });
  },

  /** `sscard guide`: the how-to steps, offline. */
  get guide() {
    return built(this, 'guide', {
      topics: {
        apply: {
          title: 'Applying for a card and collecting it (申领, 制卡进度, 领卡)',
          steps: [
            "Apply (申领) at a service bank of social security cards, a social security window or online (the e-card, 掌上12333, your city's app) with your identity document and a photo; an employer may apply for its staff. Record it with `sscard card apply --id ...` (add `--policy ID` for the place's rules, `--generation 3` for a third-generation card).",
            "While the card is being made (制卡中), follow its progress (制卡进度) on 12333, the e-card or your city's app; `sscard status` shows how long it has waited. A third-generation card's electronic card exists from the application: it can be claimed at once (`sscard ecard claim`).",
            'When the card is made, record it with `sscard card issue --id ... --card NUMBER`: it completes the application. If making failed (制卡失败, e.g. the photo was rejected), record `sscard card fail --id ... --reason TEXT` and apply again.',
            'When the card has reached the outlet (网点签收, 待领卡), record `sscard card ready --card ... --outlet NAME`; `sscard status` shows where it waits and since when.',
            "Collect it in person with your identity document (`sscard card receive`), then enable and activate it (`sscard guide activate`). Where the window counts from issue (Guangdong: collected and activated within a year, or the card is sealed and a new one must be applied for), `sscard due` lists the card's collection.",
          ],
        },
        policy: {
          title: 'Which rules apply to a card: card policies (卡政策)',
          steps: [
            "How long there is to activate a card, what missing that does, how a reported loss lapses and how long a card is valid are set by the province or city that issued it, not nationally. sscard keeps each place's rules as a policy with its sources: `sscard policies` lists them, `sscard policies ID` shows one.",
            "Name the issuing place's policy when you record the card: `sscard card issue ... --policy guangzhou` (or `sscard card apply ... --policy guangzhou`). Without one the card gets SSCARD_POLICY, else the default rules (`seed`); `sscard card issue` and `sscard status` then say in one line when a shipped policy matches the holder's region. It is never applied by itself: the card's city is where it was issued, which the identity number does not tell.",
            'Recorded under the wrong policy? Correct it with `sscard card set-policy --card ... --policy ID`: the correction is an event, the history stays, and every view judges the card under the right policy from then on.',
            "A rule no source gave is `unknown`, and sscard then assumes nothing (a temporary loss does not lift by itself; only a printed expiry counts). Check a policy's sources before relying on it.",
          ],
        },
        activate: {
          title: 'Activating a social security card (激活)',
          steps: [
            "Activation (激活) switches on the card's financial function, and its social-security function too if it was not yet enabled. Whether there is a deadline depends on the card policy (`sscard policies`): under the default one, activate within six months of the day you received it. A deadline follows the Civil Code: if it falls on a weekend or public holiday it moves to the next working day (`sscard status` shows yours).",
            'Go in person to an outlet of the bank that issued the card. New cards cannot be activated online or by phone (online only the social-security function can be enabled, see `sscard guide enable`).',
            "Bring the card itself and your ORIGINAL identity document (resident identity card; a copy is not accepted). The number on it must be the card holder's.",
            "For a holder under 16, a guardian (监护人) activates the card: bring the child's card, the child's identity document or household register, and the guardian's own original identity document.",
            "At the counter you set the card's PIN and the bank activates its financial functions. Record it with `sscard activate --card ... --id-doc ...`.",
            'Until a card is activated, and once the six-month deadline has passed, your original medical insurance card is restricted; enabling the social-security function alone does not lift it. Activating late is still allowed: medical insurance is normal again from the day of activation.',
          ],
        },
        enable: {
          title: 'Enabling the social-security function (启用)',
          steps: [
            'A card has two functions switched on separately: the social-security function (启用: medical insurance, pensions, benefits) and the financial function (激活: the bank account, see `sscard guide activate`).',
            "Enable the social-security function online (the e-card in WeChat or Alipay, the 掌上12333 app, the national government service platform, your city's app), at a social security window or a service bank outlet, or simply by first using the card at a designated hospital or pharmacy.",
            'Activating the card at the bank also enables the social-security function the same day if it was not yet.',
            'Record it with `sscard enable --card ... --channel online|window|bank|hospital`.',
            'Whether there is a deadline, and what missing it does, depends on the card policy of the place that issued it: `sscard policies` lists them (e.g. Guangdong seals a card not collected and activated within a year of issue; Beijing has no window).',
          ],
        },
        loss: {
          title: 'A lost card: report, find, replace (挂失, 解挂, 补领)',
          steps: [
            'Report the loss at once: a temporary loss (临时挂失) by phone (12333), online or at an outlet; it lasts a number of days set by the card policy (e.g. 5 in Shanghai, 10 in Beijing) and then lifts by itself. Record it with `sscard card report-loss --card ... --temporary`.',
            'A formal loss (正式挂失) is made in person with your identity document and lasts until you find the card or replace it: `sscard card report-loss --card ...` (without --temporary).',
            'Found the card? Un-report it (解挂) with `sscard card found --card ...`; it returns to the state it had. Once a replacement has been applied for, it can no longer be un-reported.',
            'A replacement (补领) needs a formal loss first; then record the new card with `sscard card replace --card OLD --new-card NEW --reason loss`. The new card must be enabled and activated again.',
            'While the card is lost, the electronic card is limited (its services work with your authorisation); it comes back by itself once the new card is received.',
          ],
        },
        ecard: {
          title: 'Claiming the electronic social security card (电子社保卡)',
          steps: [
            'You need a physical card you have received (an issued card is not enough, except a third-generation card, whose e-card exists from the application); the electronic card maps one-to-one to it.',
            'WeChat: Me -> Pay (or Services) -> City Services -> Social Security -> Electronic Social Security Card -> Add Now, then confirm with face recognition.',
            'Other channels: Alipay (search "电子社保卡"), the 掌上12333 app, your bank\'s app, 云闪付 (UnionPay), the national government service platform, or your city\'s app (e.g. 随申办).',
            'Record it with `sscard ecard claim --id ... --channel wechat`.',
            'Having the electronic card does NOT mean the physical card is activated: activation is a separate, in-person step (see `sscard guide activate`). `sscard status` answers both, and whether there is an activated electronic card.',
            'If the physical card is lost, the electronic card is limited (usable with your authorisation); after a replacement (补换卡) it maps to the new card by itself once that card is received.',
          ],
        },
        register: {
          title: 'Social insurance registration for a new employee (参保登记)',
          steps: [
            'The employer must apply for social insurance registration within 30 days from the date of employment (Social Insurance Law Art. 58). The 30 days do not count the hire date itself; a last day on a weekend or public holiday moves to the next working day.',
            "Register at the local social insurance agency or its online service with the employee's identity number, which is also their social security number.",
            'Record it with `sscard register-employee --id ... --hired-on ... --registered-on ...` (or `--pending` to track it; `sscard due` lists what is open, overdue first).',
            'If the employer does not register, the social insurance agency assesses the premiums owed from the hire date (Art. 58). An employer that still fails to register after being ordered to may be fined one to three times the premiums owed, and its directly responsible managers 500 to 3,000 yuan (Art. 84).',
            'Flexible workers (灵活就业: self-employed without employees, part-time workers not insured by an employer, other flexible employment) register themselves, voluntarily and without a deadline: `sscard register-employee --flexible`.',
          ],
        },
        leave: {
          title: 'When an employee leaves: file and social insurance transfer (减员、档案和社会保险关系转移)',
          steps: [
            "When an employment ends (离职: the labour contract is terminated or dissolved), the employer must hand over the employee's file and transfer the social insurance relationship within 15 days (Labour Contract Law Art. 50 ¶1). The 15 days do not count the last day itself; a last day on a weekend or public holiday moves to the next working day.",
            'Report the end to the social insurance agency (减员) so that contributions stop; an unemployed leaver is reported to it within the same 15 days, with a certificate of the end of the employment for the leaver (Social Insurance Law Art. 50 ¶1).',
            'Record the leaving with `sscard leave --id ... --employer ... --left-on DATE` (a date ahead is fine once notice is given); `sscard due` then lists the transfer, overdue first. Add `--hired-on DATE` when the person has several open hires with that employer.',
            'Once the transfer is done, record it: `sscard leave --id ... --employer ... --left-on DATE --done-on DATE`.',
            'A leaver whose registration was never filed keeps the registration item: the premiums for the employed period are still owed (Social Insurance Law Art. 58).',
          ],
        },
      } satisfies Record<Topic, { title: string; steps: string[] }>,
    });
  },

  /** `sscard history`: event kinds in words (SPEC 2.2: the user's language; JSON keeps the codes). */
  get history() {
    return built(this, 'history', {
      title: (id: string) => `History of ${id} (in the order recorded; times are China time)`,
      header: ['SEQ', 'RECORDED', 'DAY', 'EVENT', 'DETAILS', 'SOURCE'],
      revokedBy: (seq: number, reason: string) => `[revoked by #${seq}: ${reason}]`,
      /** An event's source as the ledger stores it (SPEC 1.6: the command, or `import FILE line N`), said in the user's language. */
      importSource: (file: string, line: string) => `import ${file} line ${line}`,
      webSource: (command: string) => `${command} (web)`,
      notFound: (id: string) => `Nothing is recorded for ${id} in the ledger.`,
      kinds: {
        'person.recorded': 'person recorded',
        'person.renamed': 'name changed',
        'hire.recorded': 'hire recorded',
        'hire.registered': 'registration filed',
        'hire.based': 'contribution base recorded',
        'hire.ended': 'employment ended',
        'hire.separated': 'file transferred',
        'card.applied': 'card applied for',
        'card.failed': 'card making failed',
        'card.issued': 'card issued',
        'card.ready': 'card ready at the outlet',
        'card.policy-set': 'card policy corrected',
        'card.received': 'card received',
        'card.enabled': 'social function enabled',
        'card.activated': 'card activated',
        'card.lost': 'card reported lost',
        'card.found': 'card found',
        'card.replaced': 'card replaced',
        'card.cancelled': 'card cancelled',
        'ecard.claimed': 'e-card claimed',
        revoked: 'records revoked',
      } satisfies Record<EventKind, string>,
      /** The events' data fields (every field of EventBody but `kind`). */
      fields: {
        base: 'base (yuan)',
        name: 'name',
        employer: 'employer',
        hiredOn: 'hired',
        hireKind: 'kind',
        card: 'card',
        bank: 'bank',
        policy: 'policy',
        generation: 'generation',
        expiresOn: 'expires on',
        replaces: 'replaces',
        channel: 'channel',
        outlet: 'outlet',
        guardian: 'guardian',
        temporary: 'temporary',
        newCard: 'new card',
        reason: 'reason',
        seqs: 'events',
      } as Record<string, string>,
      yes: 'yes',
    });
  },

  /** Names of recorded values, where a person reads them (JSON keeps the codes). */
  get values() {
    return built(this, 'values', {
      hireKind: { employee: 'employee', flexible: 'flexible employment' } satisfies Record<HireKind, string>,
      ecardChannel: {
        wechat: 'WeChat',
        alipay: 'Alipay',
        '12333': '掌上12333',
        'bank-app': 'a bank app',
        'gov-platform': 'the national government service platform',
        unionpay: 'UnionPay (云闪付)',
        'local-app': 'a local government app',
      } satisfies Record<EcardChannel, string>,
      enableChannel: { window: 'HRSS window', bank: 'bank outlet', online: 'online', hospital: 'first use at a hospital or pharmacy' } satisfies Record<
        EnableChannel,
        string
      >,
      replaceReason: { loss: 'loss', damage: 'damage', expiry: 'expiry', change: 'change of details' } satisfies Record<ReplaceReason, string>,
      /** Before any card exists: an application being made, or one that failed. */
      applicationState: { applied: 'applied for, being made (制卡中)', failed: 'making failed (制卡失败)' } as Record<'applied' | 'failed', string>,
      cardState: {
        issued: 'issued',
        ready: 'ready at the outlet (待领卡)',
        received: 'received',
        activated: 'activated',
        lost: 'reported lost',
        replaced: 'replaced',
        cancelled: 'cancelled',
        sealed: 'sealed (void)',
      } satisfies Record<CardState, string>,
      ecardState: {
        none: 'not claimed',
        active: 'active',
        limited: 'limited (the card is reported lost, or replaced and the new card not yet received: services need your authorisation)',
        suspended: 'suspended',
      } satisfies Record<EcardState, string>,
    });
  },

  /** Failures that are not a command's own (src/cli/exit.ts). */
  get failure() {
    return built(this, 'failure', {
      interrupted: 'Cancelled; nothing was written.',
      ledgerBusy: 'The ledger stayed locked by another sscard process for 30 seconds; nothing was written. Try again.',
      ledgerDamaged:
        'The ledger file is damaged (SQLite reports a malformed database), so nothing was written; restore it from a backup and run `sscard check`.',
      /** A write the disk refused (src/cli/exit.ts, writeFailureKind): the ledger's transaction was rolled back. */
      writeFailed: (kind: 'full' | 'limit' | 'io') =>
        `A write to the disk failed (${WRITE_FAILURE[kind]}), so nothing was recorded and the ledger is as it was; ${WRITE_REMEDY[kind]}, then run the command again.`,
      /** Standard output (a file, /dev/full) refused a write: what was written is incomplete. */
      outputFailed: (kind: 'full' | 'limit' | 'io') =>
        `The output could not be written (${WRITE_FAILURE[kind]}), so what was written is incomplete; ${WRITE_REMEDY[kind]}, then run the command again.`,
      internal: (text: string) => `Internal error: ${text}.`,
    });
  },

  /** Errors worded by code (a command's own, or the store's, which gives its values as params: src/core/errors.ts). */
  get errors() {
    return built(this, 'errors', {
      'no-ledger': (p) => `No ledger at ${p.ledger}; check --db or SSCARD_DB (a command that records something creates it).`,
      'backup-exists': (p) => `${p.file} already exists; choose a new file name or add --force to overwrite it.`,
      'backup-write-failed': (p) =>
        `The backup to ${p.file} could not be written (${WRITE_FAILURE[p.kind]}), and nothing was left under that name; ${WRITE_REMEDY[p.kind]} (a backup needs about as much space as the ledger), then run it again.`,
      'backup-failed': (p) => `The backup to ${p.file} failed (${p.why}); check the directory exists and is writable.`,
      'backup-is-ledger': (p) =>
        `The backup file ${p.file} is the ledger itself (or its -wal/-shm); give a backup path outside the ledger, e.g. another directory.`,
      'policies-invalid': (p): string => en.policy.invalid(p),
      'policies-unreadable': (p): string => en.policy.unreadable(p.why),
      'purge-not-found': (p) => `No record for ${p.id} in the ledger; nothing to delete.`,
      'unknown-topic': (p) => `The guide has no topic "${p.topic}"; choose one of ${p.topics.join(', ')}.`,
      integrityFailed: (p) =>
        `The ledger failed SQLite's integrity check with ${p.count} finding${p.count === 1 ? '' : 's'} (${p.shown}); to restore it, ${RESTORE}.`,
      'cache-differs': (p) =>
        `The ledger's state tables differ from the replay of its events in ${p.count} place${p.count === 1 ? '' : 's'} (first: ${p.first}); the events are the record: restore from a backup, or report it.`,
      'db-directory-missing': (p) => `--db: the directory ${p.dir} does not exist; create it first or choose another path.`,
      'db-is-directory': (p) => `--db: ${p.file} is a directory; give a file path such as ${p.example}.`,
      'db-is-symlink': (p) =>
        `--db: ${p.file} is a symbolic link${p.target ? ` to ${p.target}` : ''}; sscard does not follow links to a ledger, give the real file's path instead.`,
      'db-not-a-file': (p) => `--db: ${p.file} is not a regular file (a device, FIFO or socket); give the path of a ledger file.`,
      'db-needs-recovery': (p) =>
        `${p.file} has an unfinished write (a -journal file beside it) and cannot be recovered without write permission; let its owner run any sscard command on it first.`,
      /** A SQLite file (`file`), or a PostgreSQL schema holding someone else's tables (`schema`, `ledger`). */
      'not-a-ledger': (p) =>
        'schema' in p
          ? `The schema ${p.schema} in ${p.ledger} holds tables that are not an sscard ledger; it was left untouched. Choose another schema with ?schema=NAME.`
          : `${p.file} is not an sscard database (or is damaged); it was left untouched. Point --db at an sscard ledger.`,
      'ledger-damaged': (p) =>
        `${p.file} is damaged (${p.finding}), so nothing was written; restore it from a backup as the README's "Backups and restore" says, then run \`sscard check\`.`,
      /** A WAL (`kind` wal: `at` its frame, 0 its header) or hot journal (`at` its page record) that SQLite would recover only in part (issue 29). */
      'event-damaged': (p) =>
        `The ledger's event ${p.seq} is damaged (${p.why === 'kind' ? 'its kind is not one sscard writes' : 'its data is not a JSON object'}), so nothing was written or exported; restore the ledger from a backup as the README's "Backups and restore" says, then run \`sscard check\`.`,
      'journal-damaged': (p) =>
        `${p.journal} is damaged (${p.at === 0 ? 'its header' : `${p.kind === 'wal' ? 'frame' : 'page record'} ${p.at}`} fails its checksum while ${p.after} later ${p.kind === 'wal' ? 'commits' : 'records'} still verify), and SQLite would silently drop ${p.kind === 'wal' ? 'those commits' : 'part of the rollback'}; the ledger was not opened and nothing was changed: keep a copy of ${p.file} with its -wal and -journal files, then restore from a backup as the README's "Backups and restore" says.`,
      'db-not-writable': (p) =>
        `${p.file} cannot be opened or written (permission denied, or a read-only file or directory); fix its permissions or choose another --db.`,
      'db-error': (p) => `${p.file} could not be used: ${p.why}.`,
      'ledger-too-new': (p) =>
        `${'ledger' in p ? `The ledger in ${p.ledger}` : p.file} was written by a newer sscard (schema version ${p.version}, this one knows ${p.known}); it was left untouched. Upgrade sscard.`,
      // A shared ledger (src/store/postgres/failure.ts): `ledger` is its URL with the password masked; `why` the server's words, scrubbed of it.
      'ledger-read-only': (p) =>
        `This ledger user may not write to ${p.ledger}, so nothing was written; run the command as a user with write access (see "A shared ledger" in the README).`,
      'ledger-no-read': (p) =>
        `This ledger user may not read the schema ${p.schema} in ${p.ledger}; ask the ledger's owner to grant it (GRANT USAGE ON SCHEMA and SELECT, see "A shared ledger" in the README).`,
      'ledger-no-create': (p) =>
        `There is no ledger in the schema ${p.schema} of ${p.ledger} yet, and this user may not create its tables, so nothing was written; run the first write (e.g. sscard copy) as the ledger's owner (see "A shared ledger" in the README).`,
      'ledger-no-migrate': (p) =>
        `The ledger in ${p.ledger} must be moved to this sscard's schema version by its owner, and this user may not, so nothing was written; run any sscard command once as the owner (see "A shared ledger" in the README).`,
      'purge-needs-owner': (p) =>
        `Only the ledger's owner may purge a person from ${p.ledger} (events are append-only for every other user), so nothing was deleted; run sscard purge as the owner (see "A shared ledger" in the README).`,
      'purge-not-vacuumed': (p) =>
        `The person was erased from ${p.ledger}, but the tables could not be rewritten (${p.why}), so the number may stay in PostgreSQL's files until the owner runs VACUUM FULL on the schema's tables (see "A shared ledger" in the README).`,
      'purge-held-back': (p) =>
        `The person was erased from ${p.ledger}, but another session of its database (server process ${p.pids}) still holds a transaction that began before the erasure, so PostgreSQL kept the number in its files; when that session has ended, the owner runs VACUUM FULL on the schema's tables (see "A shared ledger" in the README).`,
      'purge-incomplete': (p) =>
        `The person was deleted from ${p.file}, but another sscard process kept the ledger open, so older copies may remain in its -wal file until it is checkpointed; run the purge again when no other sscard is running.`,
      'ledger-standby': (p) =>
        `The server of ${p.ledger} only reads (a standby, or set read-only), so nothing was written; writes go to the primary: name it in --db, e.g. postgres://primary,standby/db?target_session_attrs=read-write.`,
      'ledger-locked': (p) =>
        `Another user's import held the shared ledger ${p.ledger} for more than ${p.seconds} seconds, so nothing was written; try again when it has finished.`,
      'db-statement-timeout': (p) =>
        `A statement on ${p.ledger} ran longer than ${p.seconds} seconds, so the command was stopped and nothing was written; try again, or raise ?statement_timeout=SECONDS.`,
      'db-silent': (p) =>
        `The PostgreSQL server of ${p.ledger} did not answer for ${p.seconds} seconds, so the command was stopped and nothing was written; check that the server is running (?statement_timeout=SECONDS waits longer).`,
      'db-silent-at-commit': (p) =>
        `The PostgreSQL server of ${p.ledger} stopped answering for ${p.seconds} seconds while the command was being committed, so it is not known whether it was written; check with sscard history (or status) before running it again.`,
      'db-lost-at-commit': (p) =>
        `The connection to ${p.ledger} was lost while the command was being committed (${p.why}), so it is not known whether it was written; check with sscard history (or status) before running it again.`,
      'db-connect-timeout': (p) =>
        `The PostgreSQL server of ${p.ledger} did not answer the connection within ${p.seconds} seconds; check the host and port in --db and that the server is running (?connect_timeout=SECONDS waits longer).`,
      'db-no-server': (p) =>
        `No server of ${p.ledger} is ${p.attrs} (each answered as another kind or could not be reached), so nothing was done; try again after the standby's promotion, or check --db.`,
      'ledger-busy': (p) =>
        `The shared ledger ${p.ledger} was changed by other writers at the same moment ${p.attempts} times in a row, so nothing was written; try again.`,
      'ledger-conflict': (p) =>
        `Another writer recorded the same fact in ${p.ledger} at the same moment (${p.why}), so nothing was written; run the command again to see the ledger as it now stands.`,
      'db-login-refused': (p) =>
        `The PostgreSQL server refused the login for ${p.ledger} (${p.why}); check the user name and the password (PGPASSWORD or ~/.pgpass).`,
      'db-missing': (p) => `The database of ${p.ledger} does not exist; create it (createdb) or correct --db.`,
      /** `lost`: the connection broke during the command, rather than could not be made. */
      'db-unreachable': (p) =>
        p.lost
          ? `The connection to ${p.ledger} was lost (${p.why}); nothing more was written, try again.`
          : `The PostgreSQL server of ${p.ledger} cannot be reached (${p.why}); check the host and port in --db and that the server is running.`,
      'db-url-invalid': (p) => `--db: ${p.url} is not a valid URL; write it as postgres://user@host:5432/database.`,
      'db-schema-invalid': (p) =>
        `--db: the schema "${p.schema}" must be lower-case letters, digits and _ (at most 63, not starting with a digit), e.g. ?schema=sscard.`,
      'db-url-parameter': (p) =>
        p.expected === 'seconds'
          ? `--db: ${p.parameter} must be a whole number of seconds above 0, not "${p.value}".`
          : `--db: ${p.parameter} must be one of ${p.expected}, not "${p.value}".`,
    } satisfies ErrorWords);
  },

  /** `sscard completion`. */
  get completion() {
    return built(this, 'completion', {
      unknownShell: (shell: string) => `<shell> must be bash, zsh or fish, not "${shell}".`,
    });
  },

  /** The manual page's own texts (scripts/man.mjs; the rest comes from `help`). man(7) source: \f escapes and \- for a hyphen in an option. */
  get man() {
    return built(this, 'man', {
      manual: 'User Commands',
      sections: {
        name: 'NAME',
        synopsis: 'SYNOPSIS',
        description: 'DESCRIPTION',
        globalOptions: 'GLOBAL OPTIONS',
        commands: 'COMMANDS',
        environment: 'ENVIRONMENT',
        exitStatus: 'EXIT STATUS',
        files: 'FILES',
        examples: 'EXAMPLES',
        seeAlso: 'SEE ALSO',
      },
      globalOptionsNote: (name: string) =>
        `The global options are those of \\fB${name}\\fR itself; the ones that choose the ledger, the day and the output apply to every command. \\fB${name}\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR prints what this page says about one command.`,
      environment: {
        db: 'The ledger file, or the postgres:// URL of a shared ledger, when \\fB\\-\\-db\\fR is not given.',
        pg: "For a postgres:// URL, as for psql (and \\fI~/.pgpass\\fR for the password). sscard never prints a URL's password.",
        today:
          'Evaluate as of this day, written YYYY\\-MM\\-DD, when \\fB\\-\\-as\\-of\\fR is not given. Otherwise "today" is the current date in China (Asia/Shanghai), whatever the machine\'s time zone.',
        policy: 'The card policy of a new card when \\fB\\-\\-policy\\fR is not given (default: seed).',
        noColor: 'When set, to any value, output is plain text without colours, as with \\fB\\-\\-no\\-color\\fR.',
        lang: 'The language of messages, prompts and help when \\fB\\-\\-lang\\fR is not given, in this order: a value starting with zh means Chinese, anything else English. JSON keys, error codes and exit statuses do not change with the language.',
        dataHome: 'Where the default ledger lives (default: ~/.local/share).',
      },
      /** SPEC 2.2, by the keys of EXIT (src/cli/exit.ts). */
      exit: {
        ok: 'Done (including "already activated").',
        refused: 'Refused by a rule, not found (including "no ledger at that path" for every read command), or the ledger cannot be used.',
        usage: 'Bad input or usage: an invalid identity number, a bad date, an unknown option, a missing value, a bad file or row.',
        overdue: 'Only \\fBdue \\-\\-check\\fR: something is overdue.',
        interrupted: 'Ctrl\\-C at a prompt; nothing was written.',
      } satisfies Record<keyof typeof EXIT, string>,
      errors: 'Errors are one sentence on standard error (with \\fB\\-\\-json\\fR, a JSON document on standard output), never a stack trace.',
      files:
        'The default ledger (SQLite), ~/.local/share/sscard/sscard.db when XDG_DATA_HOME is unset. While it is in use, SQLite keeps \\fIsscard.db\\-wal\\fR and \\fIsscard.db\\-shm\\fR beside it: copy the ledger with \\fBsscard backup\\fR, not with cp.',
      readme: 'The README.md file of the package.',
    });
  },
};

export type Messages = typeof en;
