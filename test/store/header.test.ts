// The database header read before SQLite opens a file (src/store/sqlite/header.ts),
// against files SQLite itself wrote and what it says of them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectDatabase, readHeaderFields } from '../../src/store/sqlite/header.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-header-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function made(name: string, pageSize: number, applicationId: number, userVersion: number): string {
  const file = path.join(dir, name);
  const db = new Database(file);
  db.pragma(`page_size = ${pageSize}`);
  db.pragma(`application_id = ${applicationId}`);
  db.pragma(`user_version = ${userVersion}`);
  db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);');
  db.close();
  return file;
}

describe('readHeaderFields', () => {
  it.each([
    ['a ledger-like file', 4096, 0x53534344, 7],
    ['the largest page size, written as 1', 65536, 1, -3],
    ['the smallest', 512, 0x7fffffff, 2 ** 31 - 1],
    ['a negative application id', 1024, -2, 0],
  ])('%s: the fields SQLite reports', (_name, pageSize, applicationId, userVersion) => {
    const file = made(`${pageSize}-${applicationId}.db`, pageSize, applicationId, userVersion);
    const db = new Database(file, { readonly: true });
    const [size, app, version, count] = ['page_size', 'application_id', 'user_version', 'page_count'].map((p) => db.pragma(p, { simple: true }));
    db.close();
    const fields = readHeaderFields(fs.readFileSync(file).subarray(0, 100));
    // application_id is a signed 32-bit integer to SQLite; the header holds its bits.
    expect(fields).toEqual({ pageSize: size, applicationId: (app as number) >>> 0, userVersion: version, pageCount: count });
    expect(inspectDatabase(file)).toEqual({ kind: 'sqlite', ...fields });
  });

  it('is null for a page that is not a database header', () => {
    const header = fs.readFileSync(made('plain.db', 4096, 0, 0)).subarray(0, 100);
    expect(readHeaderFields(header.subarray(0, 99))).toBeNull(); // too short
    const other = Buffer.from(header);
    other[15] = 0x20; // "SQLite format 3 " without its NUL
    expect(readHeaderFields(other)).toBeNull();
    const badSize = Buffer.from(header);
    badSize.writeUInt16BE(1000, 16); // not a power of two
    expect(readHeaderFields(badSize)).toBeNull();
    const offset = Buffer.concat([Buffer.alloc(3), header]).subarray(3); // a view that does not start its ArrayBuffer
    expect(readHeaderFields(offset)).toEqual(readHeaderFields(header));
  });

  it('tells an empty file and a file of something else', () => {
    fs.writeFileSync(path.join(dir, 'empty'), '');
    fs.writeFileSync(path.join(dir, 'text'), 'x'.repeat(200));
    expect(inspectDatabase(path.join(dir, 'empty'))).toEqual({ kind: 'empty' });
    expect(inspectDatabase(path.join(dir, 'text'))).toEqual({ kind: 'not-sqlite' });
  });
});
