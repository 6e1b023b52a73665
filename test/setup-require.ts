// The CLI runs as CommonJS bundles, where src/core/official-calendar.ts loads
// the lunar tables with a plain require() only when a provisional year needs
// them; under vitest the sources run as ES modules, so give them the same require.
import { createRequire } from 'node:module';

(globalThis as { require?: NodeJS.Require }).require ??= createRequire(import.meta.url);
