// A person's state as the ledger holds it: the replay of their events
// (SPEC 1.6), whole for a decision, or as the ledger stood on a day for a read.
import type { IsoDate } from '../../../core/calendar-date.js';
import { type PersonState, replay } from '../../../core/events.js';
import type { LedgerReader, LedgerTransaction } from '../../../store/store.js';

export async function personState(reader: LedgerReader | LedgerTransaction, id: string, viewOn: IsoDate | null = null): Promise<PersonState> {
  // Inside a write, the transaction knows the state it last wrote (store.ts).
  if (viewOn === null && 'personState' in reader) return reader.personState(id);
  return replay(id, await reader.personEvents(id), viewOn).state;
}
