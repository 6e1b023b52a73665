// Recording the person a command is about, inside that command's transaction.
import type { LedgerWriter, Store } from '../store/store.js';

/** Creates the person on first sight, renames them when a different name is given; with the matching event. */
export function recordPerson(store: Store, tx: LedgerWriter, id: string, name: string | undefined): void {
  const person = store.person(id);
  if (person === null) {
    tx.savePerson({ id, name: name ?? null });
    tx.append({ personId: id, kind: 'person.recorded', concernsOn: null, data: { name: name ?? null } });
  } else if (name !== undefined && name !== person.name) {
    tx.savePerson({ id, name });
    tx.append({ personId: id, kind: 'person.renamed', concernsOn: null, data: { from: person.name, to: name } });
  }
}
