// The shipped data files the build checked (scripts/build.mjs writes
// dist/checked/: a copy of each sound file and what reading it gives, as
// ASCII JSON). A command finding the same bytes takes that reading instead of
// checking the file again, which was about a fifth of what `status` ran
// beyond bare node (issue 31); an edited file differs from the copy and is read
// and checked whole, as always.
import fs from 'node:fs';
import path from 'node:path';

/** The build's reading of the data file `name` when `bytes` are what it read, else undefined. */
export function checkedByBuild(name: string, bytes: Buffer): unknown {
  // The bundles run from dist/lazy/ (scripts/build.mjs).
  const checked = path.join(__dirname, '..', 'checked', name);
  try {
    if (!fs.readFileSync(checked).equals(bytes)) return undefined;
    // ASCII JSON (the build escapes the rest), so reading it as UTF-8 gives the same text, by the path Node itself
    // takes for every script it loads; `latin1` and a pattern for the name cost `status` a first compile each (issue 31).
    const reading = checked.endsWith('.json') ? `${checked.slice(0, -'.json'.length)}.reading.json` : checked;
    return JSON.parse(fs.readFileSync(reading, 'utf8'));
  } catch {
    return undefined; // no copy (running from source, an older build): read and checked here
  }
}
