// Bundles src/cli/entry.ts into dist/ with esbuild: one small entry file that
// starts fast, plus chunks loaded only by the commands that need them
// (better-sqlite3 stays external: it is a native addon).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { sscard: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: ['better-sqlite3'],
  define: { SSCARD_VERSION: JSON.stringify(version) },
  banner: { js: "import { createRequire as __sscardRequire } from 'node:module'; const require = __sscardRequire(import.meta.url);" },
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
