// The store contract (test/store/contract.ts) on every engine: a SQLite file,
// a SQLite ledger in memory (dry runs, a first write), and PostgreSQL on the
// suite's server (test/global-setup.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/pg-store.js';
import { openMemoryStore, openSqliteStore } from '../../src/store/sqlite/file.js';
import { pgLedgerUrl } from '../e2e/harness.js';
import { storeContract } from './contract.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-contract-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;

// `immediate`: whether the engine answers an import's calls at once (LedgerTransaction.immediate): SQLite's driver
// never waits; PostgreSQL's does.
storeContract('a SQLite file', async (now) => openSqliteStore(path.join(dir, `ledger-${++files}.db`), { create: true, createDirectories: false, now })!, {
  immediate: true,
});
storeContract('SQLite in memory', async (now) => openMemoryStore(now), { immediate: true });
storeContract('PostgreSQL', async (now) => (await openPostgresStore(pgLedgerUrl(), { create: true, now }))!, { immediate: false });
