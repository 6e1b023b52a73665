// Floors that write the same bytes as sscard (issue 31), for `npm run bench`:
// bare programs on better-sqlite3 that read the bench's ledger in one
// streaming query (or one query held in memory where a table must be
// measured before it is printed) and write what sscard writes, bytes
// compared by the bench. What does not depend on the row (the words of a
// deadline, its derivation, an overdue registration's cost) is a small table
// per kind and start day, read by `extract` from sscard's own output before
// the floor runs (untimed): the floor's work is the rows'.
//
//   node floors.cjs extract TABLE DUE_JSON DUE_TEXT DUE_ICS PEOPLE_TEXT
//   node floors.cjs due-json|due-text|due-ics|people-text|export-json LEDGER TABLE [--reveal]
//
// The synthetic ledger holds registrations only (no separations, cards or
// e-cards, one hire per person): a floor meeting anything else throws.
const fs = require('node:fs');
const crypto = require('node:crypto');
const readline = require('node:readline');

const [what, ...args] = process.argv.slice(2);
const reveal = args.includes('--reveal');
const maskId = (n) => (reveal ? n : n.slice(0, 6) + '*'.repeat(n.length - 10) + n.slice(-4));
const lines = (file) => readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
/** Terminal columns: CJK and full-width forms take two (what sscard's table pads by). The ranges of src/cli/text/width.ts, copied on purpose: a floor runs none of sscard's code. */
const width = (s) => {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
};
const pad = (s, n) => s + ' '.repeat(n - width(s));
/** Writes in pieces of about 64 KiB. */
function writer(fd = 1) {
  let parts = [];
  let size = 0;
  return {
    add(s) {
      parts.push(s);
      size += s.length;
      if (size >= 65536) this.flush();
    },
    flush() {
      if (parts.length) fs.writeSync(fd, parts.join(''));
      parts = [];
      size = 0;
    },
  };
}

async function extract([tableFile, dueJson, dueText, dueIcs, peopleText]) {
  const keys = new Map();
  const order = [];
  // due --json: each item's lines between "    {" and "    }".
  let item = null;
  for await (const line of lines(dueJson)) {
    if (line === '    {') item = [];
    else if (item !== null && line.startsWith('    }')) {
      const it = JSON.parse(`{${item.join('\n')}}`);
      if (it.kind !== 'registration' || it.card !== null) throw new Error(`the floors know registrations only, not ${it.kind}`);
      // What the text, calendar and people readings need of each item (the whole items of 3 M hires would not fit).
      order.push({ hiredOn: it.hiredOn, id: it.id, name: it.name, employer: it.employer, reason: it.deadline.reason });
      const key = it.hiredOn;
      if (!keys.has(key)) keys.set(key, { deadline: it.deadline, state: it.state, daysLeft: it.daysLeft, cutoff: it.cutoff, cost: it.cost });
      item = null;
    } else if (item !== null) item.push(line);
  }
  // due (text): the first three cells (deadline day, when, what) and the note of each start day; cells are 2+ spaces apart.
  const general = {};
  keys.set('', general);
  let i = -1;
  for await (const line of lines(dueText)) {
    if (i === -1) general.header = line.split(/ {2,}/);
    else if (i < order.length) {
      const it = order[i];
      const k = keys.get(it.hiredOn);
      if (k.cells === undefined) {
        k.cells = line.slice(0, line.indexOf(it.id)).trimEnd().split(/ {2,}/);
        k.note = it.reason ?? '';
      }
    } else general.total = line;
    i++;
  }
  // due --format ics: head and tail, and each start day's event with the row's name, shown number and employer as holes.
  const ics = { head: [], tail: [] };
  let event = null;
  let n = 0;
  // Unfolded as read (a continuation line starts with a space): a line is handled once the next shows it complete.
  const handle = (line) => {
    if (line === 'BEGIN:VEVENT') event = [];
    else if (line === 'END:VEVENT') {
      const it = order[n++];
      const k = keys.get(it.hiredOn);
      if (k.event === undefined)
        k.event = event
          .filter((l) => !l.startsWith('UID:'))
          .map((l) => l.split(it.name).join('\u0001N').split(it.id).join('\u0001I').split(it.employer).join('\u0001E'));
      event = null;
    } else if (event !== null) event.push(line);
    else (n === 0 ? ics.head : ics.tail).push(line);
  };
  let pending = null;
  for await (const line of lines(dueIcs)) {
    if (line.startsWith(' ')) pending += line.slice(1);
    else {
      if (pending !== null) handle(pending);
      pending = line;
    }
  }
  if (pending !== null) handle(pending);
  general.ics = ics;
  // people (text): the header, the card and e-card cells, "nothing open", each start day's open deadline, the total's words.
  const people = { open: {}, counts: new Map() };
  let first = true;
  for await (const line of lines(peopleText)) {
    if (first) {
      people.header = line.split(/ {2,}/);
      first = false;
      continue;
    }
    const cells = line.split(/ {2,}/);
    if (cells.length < 7) {
      people.total = line;
      continue;
    }
    people.card = cells[4];
    people.ecard = cells[5];
    const seen = people.counts.get(cells[6]) ?? new Set();
    seen.add(cells[3]);
    people.counts.set(cells[6], seen);
  }
  const [[nothing]] = [...people.counts].sort((a, b) => b[1].size - a[1].size);
  people.nothing = nothing;
  for (const [cell, days] of people.counts) if (cell !== nothing) for (const day of days) people.open[day] = cell;
  people.counts = undefined;
  general.people = people;
  fs.writeFileSync(tableFile, JSON.stringify(Object.fromEntries(keys)));
}

/** Open registrations in sscard's agenda order: deadline, holder, hire date, employer. */
function openHires(db, table) {
  db.function('deadline', { deterministic: true }, (hiredOn) => table[hiredOn].deadline.date);
  return db
    .prepare(
      "SELECT p.id, p.name, h.employer, h.hired_on FROM hire h JOIN person p ON p.id = h.person_id WHERE h.registered_on IS NULL AND h.kind = 'employee' ORDER BY deadline(h.hired_on), h.person_id, h.hired_on, h.employer, h.id",
    )
    .raw(true)
    .iterate();
}

function dueJson(db, table, today) {
  const out = writer();
  out.add(`{\n  "asOf": ${JSON.stringify(today)},\n  "items": [`);
  const indent = (v) => JSON.stringify(v, null, 2).replaceAll('\n', '\n      ');
  const parts = {};
  for (const [key, k] of Object.entries(table))
    if (key !== '')
      parts[key] = [
        `,\n      "deadline": ${indent(k.deadline)},\n      "state": "${k.state}",\n      "daysLeft": ${k.daysLeft},\n      "employer": `,
        `,\n      "card": null,\n      "cutoff": ${indent(k.cutoff)},\n      "cost": ${indent(k.cost)}\n    }`,
      ];
  let count = 0;
  for (const [id, name, employer, hiredOn] of openHires(db, table)) {
    const [middle, end] = parts[hiredOn];
    out.add(
      `${count++ === 0 ? '' : ','}\n    {\n      "kind": "registration",\n      "id": "${maskId(id)}",\n      "name": ${JSON.stringify(name)}${middle}${JSON.stringify(employer)},\n      "hiredOn": "${hiredOn}"${end}`,
    );
  }
  out.add(`${count === 0 ? '' : '\n  '}]\n}\n`);
  out.flush();
}

function dueText(db, table) {
  const general = table[''];
  const widths = general.header.map(width);
  const rows = [];
  for (const [id, name, employer, hiredOn] of openHires(db, table)) {
    const row = [...table[hiredOn].cells, maskId(id), name, employer, table[hiredOn].note];
    for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], width(row[i]));
    rows.push(row);
  }
  writeTable(general.header, widths, rows, general.total);
}

/** RFC 5545 folding at 75 octets, never inside a character. */
function fold(line) {
  if (Buffer.byteLength(line) <= 75) return line;
  const out = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    if (used + size > 75) {
      out.push(line.slice(start, i));
      start = i;
      used = 1;
    }
    used += size;
    if (size === 4) i++;
  }
  out.push(line.slice(start));
  return out.join('\r\n ');
}

function dueIcs(db, table) {
  const { head, tail } = table[''].ics;
  const out = writer();
  const esc = (s) => s.replace(/[\\;,]/g, (c) => `\\${c}`);
  out.add(`${head.map(fold).join('\r\n')}\r\n`);
  for (const [id, name, employer, hiredOn] of openHires(db, table)) {
    const uid = `UID:${crypto.createHash('sha256').update(`registration\n${id}|${employer}|${hiredOn}|`).digest('hex').slice(0, 32)}@sscard`;
    const [n, i, e] = [esc(name), maskId(id), esc(employer)];
    let text = `BEGIN:VEVENT\r\n${uid}\r\n`;
    for (const l of table[hiredOn].event)
      text += `${fold(l.includes('\u0001') ? l.replaceAll('\u0001N', n).replaceAll('\u0001I', i).replaceAll('\u0001E', e) : l)}\r\n`;
    out.add(`${text}END:VEVENT\r\n`);
  }
  out.add(`${tail.map(fold).join('\r\n')}\r\n`);
  out.flush();
}

function peopleText(db, table) {
  const p = table[''].people;
  const widths = p.header.map(width);
  const rows = [];
  const query = 'SELECT p.id, p.name, h.employer, h.hired_on, h.registered_on FROM person p LEFT JOIN hire h ON h.person_id = p.id ORDER BY p.id, h.id';
  let last = null;
  for (const [id, name, employer, hiredOn, registeredOn] of db.prepare(query).raw(true).iterate()) {
    if (id === last || hiredOn === null) throw new Error('the people floor knows one hire per person');
    last = id;
    const row = [maskId(id), name, employer, hiredOn, p.card, p.ecard, registeredOn === null ? p.open[hiredOn] : p.nothing];
    for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], width(row[i]));
    rows.push(row);
  }
  writeTable(p.header, widths, rows, p.total);
}

/** A text table as sscard lays it out: cells padded to their column's width, two spaces apart, the last unpadded; then the total line. */
function writeTable(header, widths, rows, total) {
  const out = writer();
  const line = (row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i])))
      .join('  ')
      .trimEnd();
  out.add(`${line(header)}\n`);
  for (const row of rows) out.add(`${line(row)}\n`);
  out.add(`${total}\n`);
  out.flush();
}

/** export --format json: the header line, then each stored event with its payload as stored. */
function exportJson(db, today) {
  if (db.prepare('SELECT count(*) FROM contribution_year').pluck().get() !== 0) throw new Error('the export floor knows no rate years');
  const employers = db.prepare('SELECT name, uscc, city FROM employer ORDER BY name').all();
  const header = JSON.stringify({ format: 'sscard-events', version: 2, asOf: today, employers, rates: [] });
  const out = writer();
  out.add(`${header.slice(0, -1)},"events":[\n`);
  let first = true;
  const q = (s) => (s === null ? 'null' : JSON.stringify(s));
  for (const [seq, id, kind, on, recordedAt, source, data] of db
    .prepare('SELECT seq, person_id, kind, concerns_on, recorded_at, source, data FROM event ORDER BY seq')
    .raw(true)
    .iterate()) {
    if (kind === 'card.activated') throw new Error('the export floor knows no guardians');
    out.add(
      `${first ? '' : ',\n'}{"seq":${seq},"id":"${maskId(id)}","kind":"${kind}","on":${q(on)},"recordedAt":"${recordedAt}","source":${q(source)},"data":${data}}`,
    );
    first = false;
  }
  out.add(`${first ? '' : '\n'}]}\n`);
  out.flush();
}

(async () => {
  if (what === 'extract') return extract(args);
  const Database = require('better-sqlite3');
  const db = new Database(args[0], { readonly: true });
  const table = what === 'export-json' ? null : JSON.parse(fs.readFileSync(args[1], 'utf8'));
  const today = process.env.SSCARD_TODAY;
  if (what === 'due-json') dueJson(db, table, today);
  else if (what === 'due-text') dueText(db, table);
  else if (what === 'due-ics') dueIcs(db, table);
  else if (what === 'people-text') peopleText(db, table);
  else if (what === 'export-json') exportJson(db, today);
  else throw new Error(`no floor ${what}`);
  db.close();
})();
