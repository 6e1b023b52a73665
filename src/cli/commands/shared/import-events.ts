// Importing a JSON export (every event; SPEC 2.3): each person's history is
// recorded again in order, with the revocations pointing at the new numbers.
// A person already in the ledger with the same history is left as is; with a
// different one, their rows are refused (JSON import adds people, it does not
// merge two histories).
import fs from 'node:fs';
import readline from 'node:readline';
import { type IsoDate, parseIsoDate } from '../../../core/calendar-date.js';
import { parseCitizenId } from '../../../core/citizen-id.js';
import { type EventBody, type Fact, type LedgerEvent, replay } from '../../../core/events.js';
import { InvalidInput, Refused } from '../../../core/errors.js';
import { parseContributions, storedYear } from '../../../core/contributions.js';
import type { LedgerTransaction } from '../../../store/store.js';
import type { Context } from '../../context.js';
import type { BadRow, ImportTally } from './import-tally.js';
import { eventBody, JSON_FORMAT } from '../../formats/ledger-json.js';

interface FileEvent {
  readonly line: number;
  readonly seq: number;
  readonly id: string;
  readonly on: IsoDate | null;
  readonly body: EventBody;
}

/** A JSON import is held in memory person by person; a bound for hostile files. */
const MAX_BYTES = 512 * 1024 * 1024;

export async function importEvents(
  ctx: Context,
  tx: LedgerTransaction,
  file: string,
  source: string,
  tally: ImportTally,
  bad: (row: BadRow) => void,
): Promise<void> {
  const m = ctx.m.import.events;
  const people = new Map<string, FileEvent[]>();
  // An event of the file that cannot be taken is a bad line of the export, whatever its field.
  const invalid = (line: number, field: string, message: string) => bad({ line, field, code: 'bad-json', message });
  let masked = false;
  let header: Record<string, unknown> = {};
  for await (const { line, value } of jsonLines(ctx, file, (h) => {
    header = h;
  })) {
    const e = value as Record<string, unknown>;
    const body = eventBody(e.kind, e.data);
    if ('field' in body) {
      invalid(line, body.field, m.notThisKind);
      continue;
    }
    const id = typeof e.id === 'string' ? e.id : '';
    if (id.includes('*') || (body.body.kind === 'card.activated' && typeof body.body.guardian === 'string' && body.body.guardian.includes('*'))) {
      masked = true;
      break;
    }
    const parsed = parseCitizenId(id, '9999-12-31' as IsoDate);
    if (!parsed.ok || parsed.id.number !== id) {
      invalid(line, 'id', m.badId);
      continue;
    }
    const on = e.on === null ? null : typeof e.on === 'string' ? parseIsoDate(e.on) : null;
    if (e.on !== null && on === null) {
      invalid(line, 'on', m.badOn);
      continue;
    }
    if (!Number.isSafeInteger(e.seq)) {
      invalid(line, 'seq', m.badSeq);
      continue;
    }
    const list = people.get(id) ?? [];
    list.push({ line, seq: e.seq as number, id, on, body: body.body });
    people.set(id, list);
  }
  if (masked) {
    throw new InvalidInput('masked-export', m.masked(file));
  }

  for (const [id, events] of people) {
    tally.rows++;
    const first = events[0]!.line;
    const asRecorded = events.map((e): LedgerEvent => ({ seq: e.seq, personId: id, on: e.on, body: e.body, recordedAt: '', source: '' }));
    const theirs = replay(id, asRecorded);
    if (theirs.orphans.length > 0 || !theirs.state.exists) {
      const line = events.find((e) => theirs.orphans.includes(e.seq))?.line ?? first;
      invalid(line, 'kind', m.doesNotFollow);
      continue;
    }
    const existing = await tx.personEvents(id);
    if (existing.length > 0) {
      if (JSON.stringify(replay(id, existing).state) === JSON.stringify(theirs.state)) tally.unchanged++;
      else invalid(first, 'id', m.differentHistory);
      continue;
    }
    // Recorded one by one, so that each revocation can name the numbers its events got here.
    const renumbered = new Map<number, number>();
    for (const e of events) {
      const body: EventBody = e.body.kind === 'revoked' ? { ...e.body, seqs: e.body.seqs.map((s) => renumbered.get(s) ?? s) } : e.body;
      const fact: Fact = { on: e.on, body };
      const [recorded] = await tx.record(id, [fact], `${source} line ${e.line}`);
      renumbered.set(e.seq, recorded!.seq);
    }
    tally.changed++;
    tally.events += events.length;
  }
  await restoreRecords(ctx, tx, header, people, invalid);
}

/**
 * The records an export carries beside the events (its first line): the
 * employers with their credit codes and cities, checked as `employer add`
 * checks them, and the loaded rate years, checked as `rates load` checks them.
 * An employer the events name without a record is recorded with its name only
 * (SPEC 1.10). A year the ledger already holds for the same city and year is
 * kept; a different one is a bad line (import adds, it does not merge).
 */
async function restoreRecords(
  ctx: Context,
  tx: LedgerTransaction,
  header: Record<string, unknown>,
  people: ReadonlyMap<string, readonly FileEvent[]>,
  invalid: (line: number, field: string, message: string) => void,
): Promise<void> {
  const { EmployerBook, cityName, cityOf, contributionTable, shippedContributions } = await import('./contributions-data.js');
  const m = ctx.m.import.events;
  const book = await EmployerBook.of(tx);
  const table = await contributionTable(ctx, tx);
  const employers = Array.isArray(header.employers) ? header.employers : [];
  for (const [i, e] of employers.entries()) {
    const r = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    const name = text(r.name);
    if (name === null || (r.uscc != null && text(r.uscc) === null) || (r.city != null && text(r.city) === null)) {
      invalid(1, `employers[${i}]`, m.badEmployer);
      continue;
    }
    try {
      await book.record(
        ctx,
        tx,
        { name, uscc: text(r.uscc), city: cityOf(table, text(r.city)) },
        { uscc: `employers[${i}].uscc`, city: `employers[${i}].city` },
      );
    } catch (error) {
      if (!(error instanceof InvalidInput || error instanceof Refused)) throw error;
      invalid(1, `employers[${i}]`, error.message);
    }
  }
  for (const events of people.values()) {
    for (const e of events) {
      const named = 'employer' in e.body ? e.body.employer : null;
      if (typeof named === 'string' && book.get(named) === null) await book.record(ctx, tx, { name: named, uscc: null, city: null }, { uscc: '', city: '' });
    }
  }
  const rates = Array.isArray(header.rates) ? header.rates : [];
  const held = await tx.contributionYears();
  for (const [i, l] of rates.entries()) {
    const r = (typeof l === 'object' && l !== null ? l : {}) as Record<string, unknown>;
    const loadedOn = typeof r.loadedOn === 'string' ? parseIsoDate(r.loadedOn) : null;
    const parsed = parseContributions(r.data, shippedContributions(ctx).cities);
    if (typeof r.file !== 'string' || r.file.trim() === '' || loadedOn === null || !parsed.ok || parsed.table.cities.length > 0) {
      invalid(1, `rates[${i}]`, parsed.ok || typeof r.file !== 'string' ? m.badRates : `${ctx.m.rates.problem(parsed.problem)}`);
      continue;
    }
    for (const year of parsed.table.years) {
      const before = held.find((h) => h.year.city === year.city && h.year.year === year.year);
      if (before === undefined) await tx.saveContributionYear({ year, loadedOn, file: r.file.trim() });
      else if (JSON.stringify(storedYear(before.year)) !== JSON.stringify(year))
        invalid(1, `rates[${i}]`, m.differentRates(`${cityName(ctx, table, year.city)} ${year.year}`));
    }
  }
}

/**
 * The events of the file, one per line as export writes them; any other JSON
 * layout is parsed whole. `onHeader` gets the file's other fields (employers,
 * rates) before the first event.
 */
async function* jsonLines(ctx: Context, file: string, onHeader: (header: Record<string, unknown>) => void): AsyncGenerator<{ line: number; value: unknown }> {
  const m = ctx.m.import.events;
  const badFile = (message: string) => new InvalidInput('bad-json', message);
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw badFile(m.notAFile(file));
    size = stat.size;
  } catch (error) {
    if (error instanceof InvalidInput) throw error;
    throw badFile(m.unreadable(file));
  }
  if (size > MAX_BYTES) throw badFile(m.tooLarge(file));
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let header: string | null = null;
  const whole: string[] = [];
  let lineWise = true;
  for await (const raw of lines) {
    n++;
    const text = (n === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (header === null) {
      header = text;
      if (!/^\{"format":"sscard-events","version":2,.*"events":\[$/.test(text)) lineWise = false;
      else {
        try {
          onHeader(JSON.parse(`${text}]}`) as Record<string, unknown>);
        } catch {
          throw badFile(m.badLine(1, file));
        }
      }
    }
    if (!lineWise) {
      whole.push(raw);
      continue;
    }
    if (n === 1 || text === '' || text === ']}') continue;
    try {
      yield { line: n, value: JSON.parse(text.replace(/,$/, '')) };
    } catch {
      throw badFile(m.badLine(n, file));
    }
  }
  if (lineWise) return;
  let doc: unknown;
  try {
    doc = JSON.parse(whole.join('\n'));
  } catch {
    throw badFile(m.notJson(file));
  }
  const d = doc as { format?: unknown; events?: unknown };
  if (d?.format !== JSON_FORMAT || !Array.isArray(d.events)) {
    throw badFile(m.notAnExport(file, JSON_FORMAT));
  }
  onHeader(doc as Record<string, unknown>);
  let i = 0;
  for (const value of d.events) yield { line: ++i, value };
}
