// A connection to a SQLite database through better-sqlite3, its compiled
// addon named directly: the ledger's file (file.ts), and the private
// temporary database a past day's agenda is put in (../replayed-agenda.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The driver's compiled addon, named directly: without it better-sqlite3 asks
 * the `bindings` package to search a dozen candidate paths on every start.
 */
export function nativeBinding(): string | undefined {
  return (addonPath ??= findAddon());
}
let addonPath: string | undefined;

function findAddon(): string | undefined {
  // The bundles run from dist/lazy/: the package's own node_modules first, one
  // stat instead of require.resolve's walk (most of a millisecond at every start).
  const beside = path.join(__dirname, '..', '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(beside)) return beside;
  try {
    return require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined; // an unusual build layout: let the driver search
  }
}

/**
 * A connection. The driver's JavaScript is bundled into sscard with only its
 * addon loaded from the installed package (scripts/build.mjs); where the addon
 * is not at its usual place, the installed driver is used whole, to search
 * for it as it always does.
 */
export function connect(filename: string, options: Database.Options = {}): Database.Database {
  const addon = nativeBinding();
  if (addon !== undefined) return new Database(filename, { ...options, nativeBinding: addon });
  const Installed = require('better-sqlite3') as typeof Database;
  return new Installed(filename, options);
}
