import fc from 'fast-check';
// The iCalendar output checked by an independent parser (ical.js, the one
// Thunderbird uses) as well as octet by octet.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { escapeText, foldLine, icsCalendar, type IcsItem, icsUid } from '../../src/cli/formats/ics.js';
import { en } from '../../src/cli/text/messages/en.js';
import { zh } from '../../src/cli/text/messages/zh.js';

const LONG_EMPLOYER = '北京市朝阳区某某科技发展有限公司第二分公司（人力资源共享服务中心）';
const ITEMS: IcsItem[] = [
  {
    kind: 'registration',
    personShown: '110105********002X',
    name: '刘䶮',
    employer: LONG_EMPLOYER,
    deadline: '2026-10-01' as IsoDate,
    derivation:
      'Hired 2026-09-01; 30 days (Social Insurance Law, Art. 58), last day moved past the National Day holiday; see "sscard status".\nSecond line; with, punctuation\\',
    identity: '11010519491231002X|北京某某|2026-09-01',
  },
  {
    kind: 'activation',
    personShown: '440301********1234',
    name: null,
    employer: null,
    deadline: '2026-12-31' as IsoDate,
    derivation: 'Card received 2026-06-30; six months to activate.',
    identity: 'card:A12345678',
  },
];
const stampedAt = new Date(Date.UTC(2026, 10, 24, 8, 30, 0));

describe('icsCalendar', () => {
  const text = icsCalendar(ITEMS, { stampedAt, words: zh.ics });

  it('an independent parser reads every event back: dates, summary, description, alarm', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/sscard/);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const [registration, activation] = events as [ICAL.Event, ICAL.Event];
    expect(registration.summary).toBe(`参保登记截止：刘䶮（110105********002X），${LONG_EMPLOYER}`);
    expect(registration.description).toBe(ITEMS[0]!.derivation);
    expect(registration.startDate.isDate).toBe(true);
    expect(registration.startDate.toString()).toBe('2026-10-01');
    expect(registration.endDate.toString()).toBe('2026-10-02');
    expect(activation.summary).toBe('社保卡激活截止：440301********1234');
    expect(activation.startDate.toString()).toBe('2026-12-31');
    expect(activation.endDate.toString()).toBe('2027-01-01');
    const alarm = registration.component.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-P3D');
    expect(registration.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-24T08:30:00Z');
  });

  it('English summaries name the kind, person and employer', () => {
    const english = new ICAL.Component(ICAL.parse(icsCalendar(ITEMS, { stampedAt, words: en.ics })));
    expect(new ICAL.Event(english.getFirstSubcomponent('vevent')!).summary).toBe(
      `Social insurance registration deadline: 刘䶮 (110105********002X), ${LONG_EMPLOYER}`,
    );
  });

  it('every line ends in CRLF and has at most 75 octets, never a split character', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) {
      const bytes = Buffer.from(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(bytes.toString('utf8')).toBe(line); // re-encoding an intact line is lossless
    }
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2); // the Chinese summary was folded
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeGreaterThan(70); // folded at octets, not at 75 characters
  });

  it('UIDs are stable across runs and differ between deadlines', () => {
    const again = icsCalendar(ITEMS, { stampedAt: new Date(Date.UTC(2027, 0, 1)), words: en.ics });
    const uids = (t: string) => [...t.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]!.trim());
    expect(uids(again)).toEqual(uids(text));
    expect(new Set(uids(text)).size).toBe(2);
    expect(uids(text)[0]).toBe(icsUid('registration', ITEMS[0]!.identity));
    expect(text).not.toContain('11010519491231002X'); // the identity is hashed, the masked number only is shown
  });

  it('an empty agenda is a valid calendar', () => {
    const calendar = new ICAL.Component(ICAL.parse(icsCalendar([], { stampedAt, words: en.ics })));
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
  });
});

describe('text escaping and folding', () => {
  it.each([
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['one\r\ntwo\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['bell\u0007 bidi\u202e', 'bell\uFFFD bidi\uFFFD'],
  ])('%j -> %j', (input, escaped) => expect(escapeText(input)).toBe(escaped));

  it('folds at 75 octets with a leading space, keeping 3-byte characters whole', () => {
    const line = `SUMMARY:${'䶮'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.map((l) => Buffer.byteLength(l))).toEqual([74, 73, 43]); // 8 + 22*3 = 74; 1 + 24*3 = 73
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('folds exactly where counting each character with TextEncoder folds (1-4 octet characters, emoji included)', () => {
    const encoder = new TextEncoder();
    const reference = (line: string): string => {
      if (encoder.encode(line).length <= 75) return line;
      const out: string[] = [];
      let current = '';
      let used = 0;
      for (const character of line) {
        const size = encoder.encode(character).length;
        if (used + size > 75) {
          out.push(current);
          current = ' ';
          used = 1;
        }
        current += character;
        used += size;
      }
      out.push(current);
      return out.join('\r\n');
    };
    const pieces = fc.constantFrom('a', ';', 'é', '䶮', '王', '😀', '\u{20000}');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 200 }), (chars) => {
        const line = `DESCRIPTION:${chars.join('')}`;
        expect(foldLine(line)).toBe(reference(line));
      }),
      { numRuns: 500 },
    );
    // One-octet lines are cut by position (issue 31), and a lone surrogate counts as U+FFFD's 3 octets.
    for (const only of [fc.constantFrom('a', ';', ' '), fc.constantFrom('a', '\ud800', '\udc00')])
      fc.assert(
        fc.property(fc.array(only, { maxLength: 400 }), (chars) => {
          const line = `SUMMARY:${chars.join('')}`;
          expect(foldLine(line)).toBe(reference(line));
        }),
        { numRuns: 300 },
      );
  });

  it('escapes what the three replacements escaped, and returns other text as it is', () => {
    const reference = (text: string) =>
      text
        .replace(/\r\n|\r|\n/g, '\n')
        .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD')
        .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
    const pieces = fc.constantFrom('a', '王', ' ', ';', ',', '\\', '\n', '\r', '\t', '\u0085', '\u202e', '\u2066', '\u0000', '\u007f');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (chars) => {
        expect(escapeText(chars.join(''))).toBe(reference(chars.join('')));
      }),
      { numRuns: 500 },
    );
  });
});

describe('an overdue deadline (issue 28, item 15)', () => {
  // Made on 2026-11-24 (China); the registration was due 2026-10-01, 54 days before.
  const overdue: IcsItem = { ...ITEMS[0]!, daysOverdue: 54 };
  const calendar = new ICAL.Component(ICAL.parse(icsCalendar([overdue, ITEMS[1]!], { stampedAt, words: en.ics })));
  const [event, onTime] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) as [ICAL.Event, ICAL.Event];
  /** When each alarm fires: the event's start (midnight, floating) plus the trigger, read as China time. */
  const firesAt = (e: ICAL.Event) =>
    e.component.getAllSubcomponents('valarm').map((alarm) => {
      const at = e.startDate.clone();
      at.isDate = false;
      at.addDuration(alarm.getFirstPropertyValue('trigger') as ICAL.Duration);
      return Date.parse(`${at.toString()}+08:00`);
    });

  it('has an alarm that still fires: the event is on the day the file was made, naming how many days overdue', () => {
    expect(firesAt(event).some((t) => t > stampedAt.getTime())).toBe(true);
    expect(event.startDate.toString()).toBe('2026-11-24');
    expect(event.summary).toBe(`OVERDUE by 54 days: Social insurance registration deadline: 刘䶮 (110105********002X), ${LONG_EMPLOYER}`);
    expect(event.description).toMatch(/^The deadline was 2026-10-01; /);
    // The same UID as before it was overdue: a newer file moves the event instead of adding one.
    expect(event.uid).toBe(icsUid('registration', ITEMS[0]!.identity));
  });

  it('a deadline not yet passed keeps its day and its reminder three days before', () => {
    expect(onTime.startDate.toString()).toBe('2026-12-31');
    expect(firesAt(onTime)).toEqual([Date.parse('2026-12-28T00:00:00+08:00')]);
  });

  it('in Chinese', () => {
    const zhEvent = new ICAL.Event(new ICAL.Component(ICAL.parse(icsCalendar([overdue], { stampedAt, words: zh.ics }))).getFirstSubcomponent('vevent')!);
    expect(zhEvent.summary).toBe(`已逾期 54 天：参保登记截止：刘䶮（110105********002X），${LONG_EMPLOYER}`);
  });
});
