// Bundles the CLI with esbuild into CommonJS files (Node starts CommonJS
// measurably faster than ES modules):
//   dist/sscard.cjs          the command line itself (commander and the option declarations)
//   dist/lazy/<name>.cjs     one bundle per module that src/cli/main.ts loads with `import()`
//                            (each command, the store), required only when that command runs
// better-sqlite3 stays external: it is a native addon.
// Bundles do not share module instances, so nothing may depend on `instanceof`
// across them (errors are told apart by `name`, see src/cli/exit.ts).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeManPage } from './man.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  external: ['better-sqlite3'],
  define: { SSCARD_VERSION: JSON.stringify(version) },
  // `import()` of a bundled-in module becomes a plain require().
  supported: { 'dynamic-import': false },
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

const lazy = new Map(); // source path -> bundle name
const splitLazyImports = {
  name: 'split-lazy-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.endsWith(path.join('src', 'cli', 'main.ts'))) return undefined;
      const source = path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      const name = path.basename(source, '.ts');
      lazy.set(source, name);
      return { path: `./lazy/${name}.cjs`, external: true };
    });
  },
};

// exceljs (a 1 MB bundle) is needed only for .xlsx files: a bundle of its own,
// dist/lazy/exceljs.cjs, that the lazy command bundles require on first use,
// so that loading a command that reads CSV costs 2 ms rather than 35.
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './exceljs.cjs', external: true } : undefined));
  },
};

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
await build({ ...common, entryPoints: ['src/cli/entry.ts'], outfile: 'dist/sscard.cjs', plugins: [splitLazyImports] });
await Promise.all(
  [
    ...[...lazy].map(([source, name]) => build({ ...common, entryPoints: [source], outfile: `dist/lazy/${name}.cjs`, plugins: [lazyPackages] })),
    build({ ...common, entryPoints: ['exceljs'], outfile: 'dist/lazy/exceljs.cjs' }),
  ],
);
// man/sscard.1, from the same Commander declarations as --help.
await writeManPage();
