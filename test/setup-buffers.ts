// Buffers compared whole: vitest's toEqual walks a Buffer index by index,
// which took seconds per "the ledger file is byte-for-byte unchanged" check
// (a SQLite file is hundreds of KiB); Buffer.equals is one memcmp. A
// difference still fails, and vitest still shows the two values.
import { expect } from 'vitest';

expect.addEqualityTesters([(a: unknown, b: unknown) => (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : undefined)]);
