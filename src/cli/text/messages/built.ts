// How a catalogue (en.ts, zh.ts) builds its sections: each on first read.

/**
 * A section of a catalogue, put on `owner` in place of its getter when it is
 * first read (issue 31): a command builds the words it shows, not all of them.
 * `status` reads 5 of the 75 sections so made (help.status, status, ask,
 * values, hire); building every section was about 5 M instructions of each
 * start, and the code cache held every message function (dist/cache's English
 * entry: 124,816 -> 38,376 bytes). The section is a plain property from then
 * on, enumerable and in its place: the catalogue reads, lists and compares as
 * before.
 */
export function built<T>(owner: object, key: string, section: T): T {
  Object.defineProperty(owner, key, { value: section, writable: true, enumerable: true, configurable: true });
  return section;
}
