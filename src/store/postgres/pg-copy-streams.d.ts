// The one function sscard uses of pg-copy-streams (bundled into the PostgreSQL
// engine's bundle), which ships no types of its own.
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  import type { Submittable } from 'pg';

  /** COPY ... FROM STDIN as a writable stream, given to client.query(); 'finish' once the server has the rows. */
  export function from(sql: string): Writable & Submittable;
}
