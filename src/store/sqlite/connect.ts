// A connection to a SQLite database through better-sqlite3, its compiled
// addon named directly: the ledger's file (file.ts), and the private
// temporary database a past day's agenda is put in (../replayed-agenda.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The driver's compiled addon, loaded by its path with process.dlopen, as
 * require() loads a .node file: without it better-sqlite3 asks the `bindings`
 * package to search a dozen candidate paths on every start, and given the path
 * it still has require() resolve it again (a stat of every directory on the
 * way, a look for a package.json beside the bundle: 0.16-0.56 ms of `status`
 * in paired runs, issue 31). Undefined where the addon is not at its usual place.
 */
function nativeBinding(): object | undefined {
  if (addon === undefined) addon = loadAddon() ?? null; // null: looked for once, not at its usual place
  return addon ?? undefined;
}
let addon: object | null | undefined;

function loadAddon(): object | undefined {
  const file = findAddon();
  if (file === undefined) return undefined;
  // Where require() has loaded it already (the tests, which hook its statements), that copy: a second would be a
  // second driver, its statements not those hooked. Each bundle holding the store loads its own once (process-context
  // and pg-store: both only in a command using both engines), and each works alone.
  const required = require.cache?.[file]?.exports as object | undefined;
  if (required !== undefined) return required;
  const module = { exports: {} };
  process.dlopen(module, file);
  return module.exports;
}

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
  // The driver takes the addon itself as nativeBinding (better-sqlite3's lib/database.js); its types name only a path.
  if (addon !== undefined) return new Database(filename, { ...options, nativeBinding: addon as unknown as string });
  const Installed = require('better-sqlite3') as typeof Database;
  return new Installed(filename, options);
}
