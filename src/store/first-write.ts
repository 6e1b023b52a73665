// A ledger that does not exist yet, for a command that may write: the file
// is created by its first write only, and only once the command's work has
// gone through on an empty ledger in memory. So a refused first command (a
// child's hire, a bad date) leaves no file behind, and no file is ever
// deleted under another process that may have opened it meanwhile.
import fs from 'node:fs';
import { stagingName } from './leftovers.js';
import type { Store } from './store.js';

export function createOnFirstWrite(scratch: Store, create: () => Promise<Store>): Store {
  let real: Store | null = null;
  const current = () => real ?? scratch;
  return {
    personEvents: (id) => current().personEvents(id),
    cardHolder: (number) => current().cardHolder(number),
    eventsBySeq: (seqs) => current().eventsBySeq(seqs),
    calendarYears: () => current().calendarYears(),
    employers: () => current().employers(),
    contributionYears: () => current().contributionYears(),
    mentions: (id) => current().mentions(id),
    agendaRows: (viewOn, order, window) => current().agendaRows(viewOn, order, window),
    openHireGroups: (viewOn) => current().openHireGroups(viewOn),
    findPeople: (text, limit, after) => current().findPeople(text, limit, after),
    lastSeq: () => current().lastSeq(),
    everyone: (viewOn) => current().everyone(viewOn),
    allEvents: () => current().allEvents(),
    storedEvents: () => current().storedEvents(),
    check: () => current().check(),
    backupTo: (file) => current().backupTo(file),
    consistentRead: (read) => current().consistentRead(read),
    // A bulk load (copy) goes to the file.
    async loadEvents(events) {
      real ??= await create();
      return real.loadEvents(events);
    },
    async write(work, options) {
      if (real === null) {
        // Decided on the empty ledger first: a refusal throws here, before any file exists.
        await scratch.write(work, options);
        real = await create();
      }
      // The work runs again on the file (it re-reads there: another process may have created it meanwhile).
      return real.write(work, options);
    },
    async close() {
      await scratch.close();
      await real?.close();
    },
  };
}

/**
 * The same for a bulk import into a ledger that does not exist yet, whose
 * work is too large to rehearse in memory: it is written into a new file
 * beside the ledger's path that no other process knows, which takes the
 * ledger's name only once the work has gone through (a hard link, which never
 * replaces a file another process created meanwhile; then the work runs again
 * there). A refused or failed import leaves nothing behind; a killed one
 * leaves its staging files, which the next run removes (leftovers.ts).
 */
export function createByRename(file: string, openAt: (path: string) => Promise<Store>, openFinal: () => Promise<Store>): Store {
  const temp = stagingName(file);
  let store: Promise<Store> | null = null;
  let final: Store | null = null;
  const current = async () => final ?? (await (store ??= openAt(temp)));
  const removeTemp = () => {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
  };
  return {
    personEvents: async (id) => (await current()).personEvents(id),
    cardHolder: async (number) => (await current()).cardHolder(number),
    eventsBySeq: async (seqs) => (await current()).eventsBySeq(seqs),
    calendarYears: async () => (await current()).calendarYears(),
    employers: async () => (await current()).employers(),
    contributionYears: async () => (await current()).contributionYears(),
    mentions: async (id) => (await current()).mentions(id),
    agendaRows: async (viewOn, order, window) => (await current()).agendaRows(viewOn, order, window),
    openHireGroups: async (viewOn) => (await current()).openHireGroups(viewOn),
    findPeople: async (text, limit, after) => (await current()).findPeople(text, limit, after),
    lastSeq: async () => (await current()).lastSeq(),
    async *everyone(viewOn) {
      yield* (await current()).everyone(viewOn);
    },
    async *allEvents() {
      yield* (await current()).allEvents();
    },
    async *storedEvents() {
      yield* (await current()).storedEvents();
    },
    check: async () => (await current()).check(),
    backupTo: async (target) => (await current()).backupTo(target),
    consistentRead: async (read) => (await current()).consistentRead(read),
    loadEvents: async (events) => (await current()).loadEvents(events),
    async write(work, options) {
      if (final !== null) return final.write(work, options);
      const staged = await current();
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await staged.write(work, options);
      } catch (error) {
        await staged.close();
        removeTemp();
        throw error;
      }
      await staged.close(); // checkpoints and removes its -wal and -shm
      try {
        fs.linkSync(temp, file);
      } catch (error) {
        removeTemp();
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        final = await openFinal(); // created meanwhile by another process: the work goes there
        return final.write(work, options);
      }
      removeTemp();
      final = await openFinal();
      return result;
    },
    async close() {
      if (final) await final.close();
      else if (store) {
        await (await store).close();
        removeTemp();
      }
    },
  };
}
