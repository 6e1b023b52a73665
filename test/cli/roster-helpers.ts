// Temporary roster files for the roster tests: written by real tools (iconv,
// write-excel-file) where a real tool makes such a file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failureOf } from '../../src/cli/exit.js';
import { en, type Messages } from '../../src/cli/text/messages/en.js';
import { openRoster, type RosterOptions, type RosterRow } from '../../src/cli/formats/roster/read.js';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-roster-'));
}

export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The text in GB18030, as `iconv` (glibc) writes it: what Excel on Chinese Windows saves. */
export function gb18030(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
}

export async function readAll(source: string, options: RosterOptions = {}) {
  const roster = await openRoster(source, options);
  const rows: RosterRow[] = [];
  for await (const page of roster.pages) rows.push(...page);
  return { columns: roster.columns, unknownColumns: roster.unknownColumns, rows };
}

/** The error a roster read throws: its code, and its sentence as the CLI words it in the language of `m` (src/cli/exit.ts). */
export async function readError(source: string, options: RosterOptions = {}, m: Messages = en): Promise<{ code: string; message: string; name: string }> {
  try {
    await readAll(source, options);
  } catch (error) {
    const e = error as { code: string; name: string };
    return { code: e.code, message: failureOf(error, m).message, name: e.name };
  }
  throw new Error('expected the roster to be refused');
}

/**
 * A zip of the given parts, in the order given, written by Python's zipfile
 * (Debian's /usr/bin/python3; deflated, sizes in the local headers as openpyxl
 * writes them): a workbook's XML written by hand, for what a spreadsheet
 * writer does not make on request (rich text, inline strings, formulas left
 * uncalculated, cells with no reference).
 */
export function zipOfParts(dir: string, name: string, parts: readonly (readonly [string, string])[]): string {
  const file = path.join(dir, name);
  const script = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in json.load(sys.stdin):
        z.writestr(name, text)
`;
  execFileSync('/usr/bin/python3', ['-c', script, file], { input: JSON.stringify(parts) });
  return file;
}
