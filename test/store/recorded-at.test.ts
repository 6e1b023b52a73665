// The SQLite store writes a run's recording time into its event INSERTs as an SQL text (src/store/sqlite/inserts.ts,
// eventInsert), quoted as SQL quotes one. The time is always new Date().toISOString() in use; here it holds quotes
// and SQL, and must come back as given, in events recorded both ways (awaited: the one-row INSERT; `immediate`: a new
// person's rows wait for the multi-row one, pending-rows.ts).
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../src/core/citizen-id.js';
import { EVENT_VERSION } from '../../src/core/events.js';
import { openMemoryStore } from '../../src/store/sqlite/file.js';

const idOf = (i: number) => {
  const first17 = `11010519800101${String(100 + i).slice(-3)}`;
  return first17 + checkCharacter(first17);
};

describe('a recording time written into the INSERT', () => {
  it.each(['2026-11-24T04:00:00.000Z', "it's", "a''b'); DROP TABLE event; --", "汉字'", "x\\'y"])('%j comes back as recorded', async (now) => {
    const store = openMemoryStore(now);
    try {
      await store.write(async (tx) => {
        await tx.record(idOf(1), [{ on: null, body: { kind: 'person.recorded', name: 'A' } }], 'test');
        tx.immediate!.record(idOf(2), [{ on: null, body: { kind: 'person.recorded', name: 'B' } }], 'test');
      });
      for (const id of [idOf(1), idOf(2)]) expect((await store.personEvents(id)).map((e) => e.recordedAt)).toEqual([now]);
      expect(store.db.prepare('SELECT DISTINCT typeof(v), v FROM event').raw().all()).toEqual([['integer', EVENT_VERSION]]);
    } finally {
      await store.close();
    }
  });
});
