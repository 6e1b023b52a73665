// `due --format ics`: the agenda as an iCalendar file (RFC 5545) that
// Outlook, DingTalk, Feishu and phone calendars import or subscribe to
// (SPEC 2.3). Pure: the caller gives the items and the time stamp.
//
// - One all-day event per open deadline on its date: DTSTART;VALUE=DATE and
//   DTEND the next day (RFC 5545 3.6.1: DTEND is exclusive). Dates are
//   floating, i.e. the same calendar day wherever the phone is, which is the
//   legal deadline's day in China.
// - The UID is a hash of what the deadline is about (its kind and the
//   caller's identity of the person and hire or card), never of the run, so
//   importing a newer file updates an event instead of adding a second one.
// - An overdue deadline lies in the past, where no alarm fires any more
//   (issue 28): its event is moved to the day the file is made, its summary
//   says how many days overdue, its description keeps the deadline's own
//   date, and it carries alarms at 09:00 that day and 09:00 the next. The
//   UID is the same, so the next file moves the event on instead of leaving
//   one behind.
// - Lines end in CRLF and are folded at 75 octets (3.1), never inside a
//   UTF-8 character; TEXT values escape backslash, semicolon, comma and
//   line breaks (3.3.11).
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { addDays, chinaDate, type IsoDate } from '../../core/calendar-date.js';

export interface IcsItem {
  readonly kind: 'activation' | 'registration' | (string & {});
  /** The person's identity number as shown: masked unless --reveal. */
  readonly personShown: string;
  readonly name: string | null;
  readonly employer: string | null;
  readonly deadline: IsoDate;
  /** How the deadline was derived (the law and the counting), for the description. */
  readonly derivation: string;
  /**
   * What the deadline is about, the same on every run: e.g. the full ID with
   * the employer and hire date for a registration, or the card number for an
   * activation. Only its hash appears in the file.
   */
  readonly identity: string;
  /** Days past the deadline on the day the file is made, for an overdue deadline. */
  readonly daysOverdue?: number;
}

/**
 * The calendar's words in the user's language: what the catalogue's `ics`
 * gives (src/cli/text/messages/), declared here so that the format depends on
 * the core alone (test/architecture.test.ts).
 */
export interface IcsWords {
  readonly calendarName: string;
  /** Each kind of deadline's name; a kind without one is shown as it is. */
  readonly kinds: Readonly<Record<string, string>>;
  readonly person: (name: string, id: string) => string;
  readonly summary: (kind: string, person: string, employer: string | null) => string;
  readonly overdue: (days: number, summary: string) => string;
  readonly wasDue: (date: string) => string;
  readonly separator: string;
}

export interface IcsOptions {
  /** DTSTAMP: when the file was made (the caller's clock). */
  readonly stampedAt: Date;
  /** The calendar's name and the events' summaries, in the user's language. */
  readonly words: IcsWords;
  /** The reminder, this many days before the deadline day starts. */
  readonly reminderDays?: number;
  readonly calendarName?: string;
}

export function icsUid(kind: string, identity: string): string {
  return `${createHash('sha256').update(`${kind}\n${identity}`).digest('hex').slice(0, 32)}@sscard`;
}

function eventSummary(item: IcsItem, words: IcsWords): string {
  const kind = words.kinds[item.kind] ?? item.kind;
  const person = item.name ? words.person(item.name, item.personShown) : item.personShown;
  return words.summary(kind, person, item.employer);
}

/** Lines folded, each ended by CRLF (RFC 5545 3.1). */
const contentLines = (lines: readonly string[]): string => `${lines.map(foldLine).join('\r\n')}\r\n`;

/**
 * The calendar in three parts, so that a caller writes each event as its
 * agenda streams (a million deadlines are never held, issue 31): the head,
 * one text per event, the tail. Their concatenation is icsCalendar's text.
 */
export function icsWriter(options: IcsOptions): { readonly head: string; readonly event: (item: IcsItem) => string; readonly tail: string } {
  const stamp = utcStamp(options.stampedAt);
  const reminder = options.reminderDays ?? 3;
  // The day the file is made, in China (the deadlines' zone): where an overdue deadline's event goes.
  const madeOn = chinaDate(options.stampedAt);
  const head = contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//sscard//sscard due//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName ?? options.words.calendarName)}`,
  ]);
  const event = (item: IcsItem): string => {
    const overdue = item.daysOverdue !== undefined && item.daysOverdue > 0 && item.deadline < madeOn;
    const summary = overdue ? options.words.overdue(item.daysOverdue!, eventSummary(item, options.words)) : eventSummary(item, options.words);
    const day = overdue ? madeOn : item.deadline;
    const description = overdue ? `${options.words.wasDue(item.deadline)}${options.words.separator}${item.derivation}` : item.derivation;
    // All-day events start at midnight, floating: PT9H is 09:00 on the day, wherever the phone is.
    const triggers = overdue ? ['PT9H', 'P1DT9H'] : [`-P${reminder}D`];
    // The summary's line is also each alarm's: escaped and folded once.
    const summaryText = escapeText(summary);
    const alarmText = foldLine(`DESCRIPTION:${summaryText}`);
    let alarms = '';
    for (const trigger of triggers) alarms += `BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:${trigger}\r\n${alarmText}\r\nEND:VALARM\r\n`;
    return `${contentLines([
      'BEGIN:VEVENT',
      `UID:${icsUid(item.kind, item.identity)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(day)}`,
      `DTEND;VALUE=DATE:${compact(addDays(day, 1))}`,
      `SUMMARY:${summaryText}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(item.kind)}`,
      'TRANSP:TRANSPARENT',
    ])}${alarms}END:VEVENT\r\n`;
  };
  return { head, event, tail: contentLines(['END:VCALENDAR']) };
}

/** The whole calendar as one text (a few items; `due` writes it piece by piece with icsWriter). */
export function icsCalendar(items: readonly IcsItem[], options: IcsOptions): string {
  const writer = icsWriter(options);
  return writer.head + items.map(writer.event).join('') + writer.tail;
}

const compact = (date: IsoDate): string => date.replaceAll('-', '');

function utcStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** What escapeText changes: line breaks, backslash, semicolon, comma, and the characters it replaces. */
const NEEDS_ESCAPE = /[\r\n\\;,\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \n.
 * Control characters (and bidi overrides, SPEC 2.2) cannot be shown and are
 * replaced.
 */
export function escapeText(text: string): string {
  // Most values (names, employers, the law's words) hold none of these: no three replacements then.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** UTF-8 octets of one code point, from its value (a TextEncoder call per character was 77% of `due --format ics`, issue 31). */
const octets = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Folds a content line into lines of at most 75 octets; a continuation line starts with a space. */
export function foldLine(line: string): string {
  // At most 3 octets per UTF-16 unit (a surrogate pair: 4 octets for 2 units), so a short line needs no count.
  if (line.length * 3 <= 75) return line;
  // Counted natively (a lone surrogate is 3 octets there too, as U+FFFD, and in octets()).
  const total = Buffer.byteLength(line, 'utf8');
  if (total <= 75) return line;
  // Only one-octet characters: cut every 75 octets, then every 74 (the continuation's leading space).
  if (total === line.length) {
    const out = [line.slice(0, 75)];
    for (let at = 75; at < line.length; at += 74) out.push(` ${line.slice(at, at + 74)}`);
    return out.join('\r\n');
  }
  const out: string[] = [];
  let start = 0;
  let position = 0;
  let used = 0;
  for (const character of line) {
    const size = octets(character.codePointAt(0)!);
    if (used + size > 75) {
      out.push(out.length === 0 ? line.slice(start, position) : ` ${line.slice(start, position)}`);
      start = position;
      used = 1; // the continuation line's leading space
    }
    used += size;
    position += character.length;
  }
  out.push(out.length === 0 ? line.slice(start) : ` ${line.slice(start)}`);
  return out.join('\r\n');
}
