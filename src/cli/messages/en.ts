// The English message catalogue. Its type is the contract of every language
// (`Messages`, below): zh.ts must implement every key with the same
// parameters, so a missing or misnamed translation fails `tsc` (the pattern of
// date-fns' `Locale`). Words live here, never in the core: the core returns
// structured reasons (IdProblem, DeadlineNote) that these functions word.
// Plain objects and arrow functions only: the entry bundle loads this for
// --help, so it must cost nothing to evaluate.
import type { IdProblem } from '../../core/citizen-id.js';
import type { CardState, EnableChannel, ReplaceReason } from '../../core/card.js';
import { EARLIEST_DATE, LATEST_DATE } from '../../core/date-bounds.js';
import type { EcardChannel, EcardState } from '../../core/ecard.js';
import type { EventKind } from '../../core/events.js';
import type { DeadlineNote } from '../../core/period.js';
import type { HireKind } from '../../core/registration.js';
import type { EXIT } from '../exit.js';

/** The example identity number of the SPEC (a documented public example, not personal data): shown unmasked so examples work when pasted. */
const ID = '11010519491231002X';
/** Where the restore steps are (README: "Backups and restore"). */
const RESTORE =
  'stop every sscard process, copy your latest backup over the ledger file (delete the -wal and -shm beside it first), then run `sscard check` (README: "Backups and restore")';
const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const BIRTH_DATE = {
  'not-a-date': 'digits 7-14 are not a real birth date',
  future: 'the birth date it contains is in the future',
  'before-1900': 'the birth date it contains is before 1900-01-01',
};

export const en = {
  /** The deadline's derivation, one clause per note (SPEC 1.2: "2026-10-01 is National Day; moved to 2026-10-08"). */
  deadlineNote: (note: DeadlineNote): string =>
    note.kind === 'moved'
      ? `${note.from} is ${note.holiday ? `in the ${note.holiday.en} holiday` : `a ${WEEKDAY[note.weekday]}`}; moved to ${note.to}`
      : `the official holiday schedule for ${note.year} is not yet known, so this deadline is provisional`,
  deadlineNoteSeparator: '; ',
  loadedSchedule: (year: number) => `per the official ${year} schedule loaded into the ledger`,

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
  input: {
    date: (field: string) => `${field} must be a real date written YYYY-MM-DD, e.g. 2026-09-01.`,
    outOfRange: (field: string) => `${field} must lie between ${EARLIEST_DATE} and ${LATEST_DATE}; check the year.`,
    tooFarAhead: (field: string, date: string, today: string, months: number) =>
      `${field} ${date} is more than ${months} months after today (${today}); check the year.`,
    beforeBirth: (field: string, date: string) =>
      `${field} ${date} is before the holder's date of birth in the identity number; check the date and the number.`,
    card: (field: string) => `${field} must be the 9 letters or digits printed on the card, e.g. A12345678.`,
    empty: (field: string) => `${field} is empty; give a value or leave the option out.`,
    tooLong: (field: string) => `${field} is longer than 200 characters; shorten it.`,
    controlCharacters: (field: string) => `${field} contains control characters; remove them.`,
    ecardChannel: (field: string) =>
      `${field} must be one of wechat, alipay, 12333, bank-app, gov-platform, unionpay, local-app (or its Chinese name, e.g. 微信, 支付宝, 掌上12333, 云闪付).`,
    days: (field: string) => `${field} must be a whole number of days, e.g. 14.`,
    unexpected: (field: string) => `${field} has an unexpected value; see --help.`,
    promptDate: (field: string) => `${field} must be a real date written YYYY-MM-DD.`,
    promptCard: (field: string) => `${field} must be 9 letters or digits.`,
    promptEmpty: (field: string) => `${field} cannot be empty.`,
    missingOption: (field: string) => `${field} is required; give it on the command line (see --help).`,
    confirmationRequired: 'This cannot be undone and there is no terminal to confirm it on; add --yes to go ahead.',
    notConfirmed: 'Not confirmed; nothing was written.',
    invalidAsOf: `--as-of must be a real date written YYYY-MM-DD between ${EARLIEST_DATE} and ${LATEST_DATE}, e.g. 2026-10-09.`,
    invalidToday: `SSCARD_TODAY must be a real date written YYYY-MM-DD between ${EARLIEST_DATE} and ${LATEST_DATE}; fix or unset it.`,
  },

  /** Questions asked at a terminal for values missing on the command line (SPEC 2.1: never inventing a fact). */
  ask: {
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
  },

  /** Commander's own usage errors, by its error code; the parameters are read from its English message. */
  usage: {
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
    status: {
      description: 'is the card activated, is there an activated e-card, which registrations are due',
      id: 'identity number (= social security number); asked for at a terminal when left out',
      examples: [`sscard status ${ID}`, `sscard status ${ID} --json --as-of 2026-10-09`],
    },
    registerEmployee: {
      description: 'record a hire and its social insurance registration (30 days from hiring, Art. 58)',
      id: "the employee's identity number",
      hiredOn: 'date of employment, YYYY-MM-DD',
      name: "the employee's name",
      employer: 'the employer',
      registeredOn: 'date the registration was filed',
      pending: 'registration not filed yet',
      flexible: 'flexible employment: self-registration, no deadline',
      examples: [
        `sscard register-employee --id ${ID} --name "Wang Fang" --employer "Acme Ltd" --hired-on 2026-09-01 --pending`,
        `sscard register-employee --id ${ID} --employer "Acme Ltd" --hired-on 2026-09-01 --registered-on 2026-09-20`,
      ],
    },
    activate: {
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
    },
    leave: {
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
    },
    revoke: {
      description: 'withdraw recorded events that were wrong; they stay in the history, marked revoked',
      seq: 'event numbers, as shown by `sscard history`',
      reason: 'why the records are wrong',
      yes: 'do not ask for confirmation',
      examples: ['sscard revoke 3 --reason "recorded as registered by mistake" --yes', 'sscard revoke 7 8 --reason "wrong card number"'],
    },
    card: { description: 'the physical card: issue, receive, report loss, replace, cancel' },
    cardIssue: {
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
    },
    cardReceive: {
      description: "the card is in the holder's hands: a window counted from receipt starts",
      card: 'the card',
      on: 'date received (default: today)',
      examples: ['sscard card receive --card A12345678 --on 2026-03-31', 'sscard card receive --card A12345678'],
    },
    cardReportLoss: {
      description: 'the card was reported lost (挂失): formally, or temporarily with --temporary',
      card: 'the card',
      temporary: "a temporary loss (临时挂失): lapses after the policy's days",
      on: 'date reported (default: today)',
      examples: ['sscard card report-loss --card A12345678', 'sscard card report-loss --card A12345678 --temporary --on 2026-05-01'],
    },
    cardFound: {
      description: 'a lost card was found (解挂): it returns to the state it had',
      card: 'the card',
      on: 'date found (default: today)',
      examples: ['sscard card found --card A12345678', 'sscard card found --card A12345678 --on 2026-05-03'],
    },
    cardReplace: {
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
    },
    cardCancel: {
      description: 'the card was cancelled (注销), e.g. the holder died or emigrated',
      card: 'the card',
      on: 'date cancelled (default: today)',
      yes: 'do not ask for confirmation',
      examples: ['sscard card cancel --card A12345678 --yes', 'sscard card cancel --card A12345678 --on 2026-11-20'],
    },
    ecard: { description: 'the electronic social security card (电子社保卡)' },
    ecardClaim: {
      description: 'record that the electronic card was claimed (申领) online',
      id: "the holder's identity number",
      channel: 'where it was claimed: wechat, alipay, 12333, bank-app, gov-platform, unionpay or local-app (Chinese names too: 微信, 支付宝, 云闪付, ...)',
      on: 'date claimed (default: today)',
      examples: [`sscard ecard claim --id ${ID} --channel wechat`, `sscard ecard claim --id ${ID} --channel 12333 --on 2026-04-02`],
    },
    enable: {
      description: "record that the card's social-security function was switched on (启用): online, at a window, a bank or a hospital",
      card: 'the card',
      on: 'date enabled (default: today)',
      channel: 'window, bank, online or hospital',
      examples: ['sscard enable --card G00000001 --channel online --on 2025-02-02', 'sscard enable --card A12345678'],
    },
    policies: {
      description: 'the card policies: activation windows, consequences, loss rules and their sources',
      id: 'one policy',
      examples: ['sscard policies', 'sscard policies guangdong --json'],
    },
    due: {
      description: 'the agenda: every open deadline across the ledger, overdue first',
      within: 'only deadlines in the next DAYS days (overdue ones are always shown)',
      check: 'exit 3 when anything is overdue (for a daily cron job)',
      employer: "only this employer's deadlines",
      kind: 'only one kind of deadline',
      format: 'text, json, or ics (an iCalendar file for Outlook, DingTalk, Feishu, phone calendars)',
      examples: [
        'sscard due',
        'sscard due --within 14 --employer "Acme Ltd"',
        'sscard due --employer "Acme Ltd" --format ics > acme-deadlines.ics',
        'sscard due --check --json > agenda.json || mail-hr agenda.json',
      ],
    },
    people: {
      description: 'everyone in the ledger, one line each: card, e-card, open deadlines',
      employer: 'only people hired by this employer',
      name: 'only people whose name contains this text',
      examples: ['sscard people', 'sscard people --employer "Acme Ltd"', 'sscard people --name 王 --json'],
    },
    import: {
      description: 'hires, leavers and cards in bulk from the roster HR has (nothing is written if any row is bad)',
      file: 'xlsx, csv, tsv or txt (UTF-8 or GB18030, English or Chinese headers), a JSON export, or - for standard input; asked for at a terminal when left out',
      dryRun: 'check every row exactly as the import would, write nothing',
      skipInvalid: 'import the good rows and report the bad ones',
      sheet: 'the sheet of an xlsx file (default: the first)',
      examples: [
        'sscard import 花名册.xlsx --dry-run',
        'sscard import roster-gbk.csv',
        'sscard import hires.csv --skip-invalid',
        'sscard export --format json --reveal | sscard --db copy.db import -',
      ],
    },
    export: {
      description: "the ledger, re-importable with import: csv or xlsx with import's columns, json with every event",
      format: 'csv (UTF-8 with BOM), xlsx (IDs as text, dates as dates) or json (every event)',
      headers: 'column names in English or Chinese',
      examples: [
        'sscard export --reveal > ledger.csv',
        'sscard export --format xlsx --headers zh --reveal > 台账.xlsx',
        'sscard export --format json --reveal > ledger.json',
      ],
    },
    history: {
      description: 'every recorded event about a person, oldest first',
      id: 'identity number; asked for at a terminal when left out',
      examples: [`sscard history ${ID}`, `sscard history ${ID} --json`],
    },
    calendar: {
      description: "which years' holiday schedules are known, and from where; load a newly published one",
      examples: ['sscard calendar', 'sscard calendar load 2027.json'],
    },
    calendarLoad: {
      description: "load a year's official holiday schedule (holiday-cn's JSON format); it overrides the package for that year",
      file: 'the schedule, e.g. 2027.json from holiday-cn',
      yes: 'replace a different schedule loaded before for that year without asking',
      examples: ['sscard calendar load 2027.json', 'sscard calendar load 2027.json --yes'],
    },
    backup: {
      description: 'a consistent copy of the ledger, safe while others write',
      file: 'the backup file to create; asked for at a terminal when left out',
      force: 'overwrite the file if it exists',
      examples: ['sscard backup ~/sscard-2026-11-24.db', 'sscard backup /mnt/usb/sscard.db --force'],
    },
    copy: {
      description: 'copy a whole ledger, events included, between a file and a shared PostgreSQL ledger (into an empty one)',
      from: 'the ledger to copy: a file, or a postgres:// URL',
      to: 'where to: a new file, or a postgres:// URL of an empty schema',
      examples: [
        'sscard copy --from ~/.local/share/sscard/sscard.db --to postgres://hr@db.example.internal/sscard',
        'sscard copy --from postgres://hr@db.example.internal/sscard --to team-2026-11-30.db',
      ],
    },
    check: {
      description: 'integrity check, schema version and row counts of the ledger',
      examples: ['sscard check', 'sscard check --json --db ~/sscard-2026-11-24.db'],
    },
    purge: {
      description: 'delete a person and every record and event about them (right to deletion)',
      id: 'identity number; asked for at a terminal when left out',
      yes: 'do not ask for confirmation',
      examples: [`sscard purge ${ID}`, `sscard purge ${ID} --yes`],
    },
    guide: {
      description: 'how to activate or enable a card, report a loss, claim the e-card, register an employee (offline)',
      topic: 'activate, enable, loss, ecard or register (default: all)',
      examples: ['sscard guide activate', 'sscard guide ecard --lang zh', 'sscard guide'],
    },
    completion: {
      description: 'print a shell completion script',
      shell: 'bash, zsh or fish',
      examples: [
        'source <(sscard completion bash)',
        'sscard completion zsh > ~/.zfunc/_sscard',
        'sscard completion fish > ~/.config/fish/completions/sscard.fish',
      ],
    },
  },

  /** `sscard history`: event kinds in words (SPEC 2.2: the user's language; JSON keeps the codes). */
  history: {
    title: (id: string) => `History of ${id} (in the order recorded; times are China time)`,
    header: ['SEQ', 'RECORDED', 'DAY', 'EVENT', 'DETAILS', 'SOURCE'],
    revokedBy: (seq: number, reason: string) => `[revoked by #${seq}: ${reason}]`,
    notFound: (id: string) => `Nothing is recorded for ${id} in the ledger.`,
    kinds: {
      'person.recorded': 'person recorded',
      'person.renamed': 'name changed',
      'hire.recorded': 'hire recorded',
      'hire.registered': 'registration filed',
      'hire.ended': 'employment ended',
      'hire.separated': 'file transferred',
      'card.issued': 'card issued',
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
  },

  /** Names of recorded values, where a person reads them (JSON keeps the codes). */
  values: {
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
    cardState: {
      issued: 'issued',
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
      limited: 'limited (the card is reported lost: services need your authorisation)',
      suspended: 'suspended',
    } satisfies Record<EcardState, string>,
  },

  /** Failures that are not a command's own (src/cli/exit.ts). */
  failure: {
    interrupted: 'Cancelled; nothing was written.',
    ledgerBusy: 'The ledger stayed locked by another sscard process for 30 seconds; nothing was written. Try again.',
    ledgerDamaged: 'The ledger file is damaged (SQLite reports a malformed database), so nothing was written; restore it from a backup and run `sscard check`.',
    internal: (text: string) => `Internal error: ${text}.`,
  },

  /** Errors worded by code (a command's own, or the store's, which gives its values as params: src/core/errors.ts). */
  errors: {
    'no-ledger': (p: { ledger: string }) => `No ledger at ${p.ledger}; check --db or SSCARD_DB (a command that records something creates it).`,
    'backup-exists': (p: { file: string }) => `${p.file} already exists; choose a new file name or add --force to overwrite it.`,
    'backup-failed': (p: { file: string; why: string }) => `The backup to ${p.file} failed (${p.why}); check the directory exists and is writable.`,
    'backup-is-ledger': (p: { file: string }) =>
      `The backup file ${p.file} is the ledger itself (or its -wal/-shm); give a backup path outside the ledger, e.g. another directory.`,
    'purge-not-found': (p: { id: string }) => `No record for ${p.id} in the ledger; nothing to delete.`,
    'unknown-topic': (p: { topic: string; topics: readonly string[] }) => `The guide has no topic "${p.topic}"; choose one of ${p.topics.join(', ')}.`,
    integrityFailed: (p: { count: number; shown: string }) =>
      `The ledger failed SQLite's integrity check with ${p.count} finding${p.count === 1 ? '' : 's'} (${p.shown}); to restore it, ${RESTORE}.`,
    'cache-differs': (p: { count: number; first: string }) =>
      `The ledger's state tables differ from the replay of its events in ${p.count} place${p.count === 1 ? '' : 's'} (first: ${p.first}); the events are the record: restore from a backup, or report it.`,
    'db-directory-missing': (p: { dir: string }) => `--db: the directory ${p.dir} does not exist; create it first or choose another path.`,
    'db-is-directory': (p: { file: string; example: string }) => `--db: ${p.file} is a directory; give a file path such as ${p.example}.`,
    'db-is-symlink': (p: { file: string; target: string }) =>
      `--db: ${p.file} is a symbolic link${p.target ? ` to ${p.target}` : ''}; sscard does not follow links to a ledger, give the real file's path instead.`,
    'db-not-a-file': (p: { file: string }) => `--db: ${p.file} is not a regular file (a device, FIFO or socket); give the path of a ledger file.`,
    'db-needs-recovery': (p: { file: string }) =>
      `${p.file} has an unfinished write (a -journal file beside it) and cannot be recovered without write permission; let its owner run any sscard command on it first.`,
    /** A SQLite file (`file`), or a PostgreSQL schema holding someone else's tables (`schema`, `ledger`). */
    'not-a-ledger': (p: { file: string } | { schema: string; ledger: string }) =>
      'schema' in p
        ? `The schema ${p.schema} in ${p.ledger} holds tables that are not an sscard ledger; it was left untouched. Choose another schema with ?schema=NAME.`
        : `${p.file} is not an sscard database (or is damaged); it was left untouched. Point --db at an sscard ledger.`,
    'ledger-damaged': (p: { file: string; finding: string }) =>
      `${p.file} is damaged (${p.finding}), so nothing was written; restore it from a backup as the README's "Backups and restore" says, then run \`sscard check\`.`,
    'db-not-writable': (p: { file: string }) =>
      `${p.file} cannot be opened or written (permission denied, or a read-only file or directory); fix its permissions or choose another --db.`,
    'db-error': (p: { file: string; why: string }) => `${p.file} could not be used: ${p.why}.`,
    'ledger-too-new': (p: ({ file: string } | { ledger: string }) & { version: number; known: number }) =>
      `${'ledger' in p ? `The ledger in ${p.ledger}` : p.file} was written by a newer sscard (schema version ${p.version}, this one knows ${p.known}); it was left untouched. Upgrade sscard.`,
    // A shared ledger (src/store/postgres/failure.ts): `ledger` is its URL with the password masked; `why` the server's words, scrubbed of it.
    'ledger-read-only': (p: { ledger: string }) =>
      `This ledger user may not write to ${p.ledger}, so nothing was written; run the command as a user with write access (see "A shared ledger" in the README).`,
    'ledger-busy': (p: { ledger: string; attempts: number }) =>
      `The shared ledger ${p.ledger} was changed by other writers at the same moment ${p.attempts} times in a row, so nothing was written; try again.`,
    'ledger-conflict': (p: { ledger: string; why: string }) =>
      `Another writer recorded the same fact in ${p.ledger} at the same moment (${p.why}), so nothing was written; run the command again to see the ledger as it now stands.`,
    'db-login-refused': (p: { ledger: string; why: string }) =>
      `The PostgreSQL server refused the login for ${p.ledger} (${p.why}); check the user name and the password (PGPASSWORD or ~/.pgpass).`,
    'db-missing': (p: { ledger: string }) => `The database of ${p.ledger} does not exist; create it (createdb) or correct --db.`,
    /** `lost`: the connection broke during the command, rather than could not be made. */
    'db-unreachable': (p: { ledger: string; why: string; lost?: number }) =>
      p.lost
        ? `The connection to ${p.ledger} was lost (${p.why}); nothing more was written, try again.`
        : `The PostgreSQL server of ${p.ledger} cannot be reached (${p.why}); check the host and port in --db and that the server is running.`,
    'db-url-invalid': (p: { url: string }) => `--db: ${p.url} is not a valid URL; write it as postgres://user@host:5432/database.`,
    'db-schema-invalid': (p: { schema: string }) =>
      `--db: the schema "${p.schema}" must be lower-case letters, digits and _ (at most 63, not starting with a digit), e.g. ?schema=sscard.`,
  },

  /** `sscard completion`. */
  completion: {
    unknownShell: (shell: string) => `<shell> must be bash, zsh or fish, not "${shell}".`,
  },

  /** The manual page's own texts (scripts/man.mjs; the rest comes from `help`). man(7) source: \f escapes and \- for a hyphen in an option. */
  man: {
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
  },
};

export type Messages = typeof en;
