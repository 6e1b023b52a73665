// The INSERTs of the rows an import writes (person, event, hire), each said once: the one-row statements of
// ledger.ts and the multi-row ones of pending-rows.ts are made from these parts.
import { EVENT_VERSION } from '../../core/events.js';

/** A table's INSERT: what comes between INSERT and VALUES, one row's VALUES, and what follows the rows. */
export interface InsertParts {
  readonly into: string;
  readonly row: string;
  readonly tail: string;
}

/** A person's row. A row that exists without events (left by an older ledger) takes the name. */
export const PERSON_INSERT: InsertParts = {
  into: 'INTO person (id, name)',
  row: '(?, ?)',
  tail: ' ON CONFLICT (id) DO UPDATE SET name = excluded.name',
};

/** A hire's row, its parameters in hireParams' order (src/store/rows.ts). */
export const HIRE_INSERT: InsertParts = {
  into: 'INTO hire (person_id, kind, employer, hired_on, registered_on, left_on, separation_done_on, base)',
  row: '(?, ?, ?, ?, ?, ?, ?, ?)',
  tail: '',
};

/** A text as an SQL literal (a quote doubled). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * An event's row, recorded at `recordedAt`: five parameters (person, kind, day, source, payload), then the recording
 * time and the core's event version as literals. Every event of a run carries the same two, and each text bound costs
 * better-sqlite3 about 900 instructions (Utf8Value, WriteUtf8, sqlite3_bind_text's copy), a number about 250 (issue
 * 31, callgrind). Numbered parameters (?1 in every row) are named ones to the driver, which then refuses positional
 * values. The time is quoted as SQL quotes a text (test/store/recorded-at.test.ts).
 */
export function eventInsert(recordedAt: string): InsertParts {
  return {
    into: 'INTO event (person_id, kind, concerns_on, source, data, recorded_at, v)',
    row: `(?, ?, ?, ?, ?, ${literal(recordedAt)}, ${EVENT_VERSION})`,
    tail: '',
  };
}

/** The INSERT of `rows` rows (1: the one-row statement); `or`: a conflict clause such as 'OR FAIL'. */
export function insertOf(parts: InsertParts, rows = 1, or = ''): string {
  const values = rows === 1 ? parts.row : Array.from({ length: rows }, () => parts.row).join(', ');
  return `INSERT ${or === '' ? '' : `${or} `}${parts.into} VALUES ${values}${parts.tail}`;
}
