// A data file the user loads (`calendar load`, `rates load`): a regular file of at most 1 MiB
// holding JSON (a UTF-8 BOM allowed, as Excel and Notepad write it). One reader for both, so
// their refusals stay the same; each command words them from its own catalogue section.
import fs from 'node:fs';
import { InvalidInput } from '../../../core/errors.js';

const MAX_BYTES = 1024 * 1024;

export interface JsonFileWords {
  unreadable(file: string): string;
  notAFile(file: string): string;
  tooLarge(file: string): string;
  notJson(file: string): string;
}

export function readJsonFile(file: string, m: JsonFileWords): unknown {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InvalidInput('file-unreadable', m.unreadable(file));
  }
  if (!stat.isFile()) throw new InvalidInput('not-a-file', m.notAFile(file));
  if (stat.size > MAX_BYTES) throw new InvalidInput('file-too-large', m.tooLarge(file));
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new InvalidInput('not-json', m.notJson(file));
  }
}
