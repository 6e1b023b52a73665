// Importing a JSON export (every event; SPEC 2.3): each person's history is
// recorded again in order, with the revocations pointing at the new numbers.
// A person already in the ledger with the same history is left as is; with a
// different one, their rows are refused (JSON import adds people, it does not
// merge two histories).
import fs from 'node:fs';
import readline from 'node:readline';
import { type IsoDate, parseIsoDate } from '../core/calendar-date.js';
import { parseCitizenId } from '../core/citizen-id.js';
import { type EventBody, type Fact, type LedgerEvent, replay } from '../core/events.js';
import { InvalidInput } from '../core/errors.js';
import type { LedgerTransaction } from '../store/store.js';
import type { Context } from './context.js';
import type { BadRow, ImportTally } from './import.js';
import { eventBody, JSON_FORMAT } from './ledger-json.js';

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
  const zh = ctx.lang === 'zh';
  const people = new Map<string, FileEvent[]>();
  const invalid = (line: number, field: string, en: string, cn: string) => bad({ line, field, message: zh ? cn : en });
  let masked = false;
  for await (const { line, value } of jsonLines(ctx, file)) {
    const e = value as Record<string, unknown>;
    const body = eventBody(e.kind, e.data);
    if ('field' in body) {
      invalid(line, body.field, 'is not what this kind of event holds', '与该类事件应有的内容不符');
      continue;
    }
    const id = typeof e.id === 'string' ? e.id : '';
    if (id.includes('*') || (body.body.kind === 'card.activated' && typeof body.body.guardian === 'string' && body.body.guardian.includes('*'))) {
      masked = true;
      break;
    }
    const parsed = parseCitizenId(id, '9999-12-31' as IsoDate);
    if (!parsed.ok || parsed.id.number !== id) {
      invalid(line, 'id', 'is not an 18-character identity number', '不是 18 位身份证号码');
      continue;
    }
    const on = e.on === null ? null : typeof e.on === 'string' ? parseIsoDate(e.on) : null;
    if (e.on !== null && on === null) {
      invalid(line, 'on', 'is not a real date written YYYY-MM-DD, nor null', '不是 YYYY-MM-DD 格式的有效日期，也不是 null');
      continue;
    }
    if (!Number.isSafeInteger(e.seq)) {
      invalid(line, 'seq', 'is not a whole number', '不是整数');
      continue;
    }
    const list = people.get(id) ?? [];
    list.push({ line, seq: e.seq as number, id, on, body: body.body });
    people.set(id, list);
  }
  if (masked) {
    throw new InvalidInput(
      'masked-export',
      zh
        ? `${file} 中的身份证号码已脱敏，无法导入：请用 \`sscard export --format json --reveal\` 重新导出。`
        : `${file} holds masked identity numbers, so it cannot be imported; export it again with \`sscard export --format json --reveal\`.`,
    );
  }

  for (const [id, events] of people) {
    tally.rows++;
    const first = events[0]!.line;
    const asRecorded = events.map((e): LedgerEvent => ({ seq: e.seq, personId: id, on: e.on, body: e.body, recordedAt: '', source: '' }));
    const theirs = replay(id, asRecorded);
    if (theirs.orphans.length > 0 || !theirs.state.exists) {
      const line = events.find((e) => theirs.orphans.includes(e.seq))?.line ?? first;
      invalid(
        line,
        'kind',
        'does not follow from the events before it for this person; the file is incomplete or edited',
        '与此人之前的事件不相符：文件不完整或被改动过',
      );
      continue;
    }
    const existing = await tx.personEvents(id);
    if (existing.length > 0) {
      if (JSON.stringify(replay(id, existing).state) === JSON.stringify(theirs.state)) tally.unchanged++;
      else
        invalid(
          first,
          'id',
          'is already in the ledger with a different history; a JSON import adds new people only',
          '已在台账中且记录不同：JSON 导入只添加新人员',
        );
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
}

/** The events of the file, one per line as export writes them; any other JSON layout is parsed whole. */
async function* jsonLines(ctx: Context, file: string): AsyncGenerator<{ line: number; value: unknown }> {
  const zh = ctx.lang === 'zh';
  const badFile = (en: string, cn: string) => new InvalidInput('bad-json', zh ? cn : en);
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw badFile(`<file>: ${file} is not a regular file.`, `<file>：${file} 不是普通文件。`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InvalidInput) throw error;
    throw badFile(`<file>: ${file} cannot be read; check the path.`, `<file>：无法读取 ${file}，请核对路径。`);
  }
  if (size > MAX_BYTES) throw badFile(`<file>: ${file} is larger than 512 MiB; import it in parts.`, `<file>：${file} 超过 512 MiB，请分批导入。`);
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
    }
    if (!lineWise) {
      whole.push(raw);
      continue;
    }
    if (n === 1 || text === '' || text === ']}') continue;
    try {
      yield { line: n, value: JSON.parse(text.replace(/,$/, '')) };
    } catch {
      throw badFile(`line ${n} of ${file} is not a JSON event; export the file again.`, `${file} 第 ${n} 行不是 JSON 事件，请重新导出。`);
    }
  }
  if (lineWise) return;
  let doc: unknown;
  try {
    doc = JSON.parse(whole.join('\n'));
  } catch {
    throw badFile(
      `${file} is not valid JSON; give a file made by \`sscard export --format json\`.`,
      `${file} 不是有效的 JSON，请提供 \`sscard export --format json\` 导出的文件。`,
    );
  }
  const d = doc as { format?: unknown; events?: unknown };
  if (d?.format !== JSON_FORMAT || !Array.isArray(d.events)) {
    throw badFile(
      `${file} is not an sscard JSON export (format "${JSON_FORMAT}" with an "events" list).`,
      `${file} 不是 sscard 导出的 JSON（format 为 "${JSON_FORMAT}"，含 events 列表）。`,
    );
  }
  let i = 0;
  for (const value of d.events) yield { line: ++i, value };
}
