// The rooms of the code and what each may import (README, "How it is
// built"): imports point down only, core <- store <- cli, and inside the
// command line formats/ and text/ below commands/, main.ts the only way in to
// a command. Read with TypeScript's own import scanner (static, dynamic and
// type-only imports alike), so that a new file is checked without being
// listed anywhere. No import cycle either, type-only ones included. And
// start-up stays cheap: what the process entry loads before a command runs is
// the registry and the commands' declarations (commands/*.command.ts), never
// a command's module, the store or the process context (read with the kind of
// each import: at load, for types, or by `import()`).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../src');

type Graph = ReadonlyMap<string, readonly string[]>;

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []));
}

/** Each source file (relative to src/) -> what it imports: other source files, or packages as `pkg:name`. */
function importGraph(): Graph {
  const graph = new Map<string, string[]>();
  for (const file of filesUnder(SRC)) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map(({ fileName }) =>
      fileName.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), fileName)).replace(/\.js$/, '.ts') : `pkg:${fileName}`,
    );
    graph.set(path.relative(SRC, file).split(path.sep).join('/'), targets);
  }
  return graph;
}

/** The frame of the command line: the registry, the process entry, and what a command is given. */
const FRAME = ['cli/main.ts', 'cli/entry.ts', 'cli/context.ts', 'cli/process-context.ts', 'cli/exit.ts', 'cli/exit-codes.ts'];

const room = (file: string): string => {
  if (FRAME.includes(file)) return file;
  const [top, sub] = file.split('/');
  return top === 'cli' ? `cli/${sub}` : top!;
};

/** What each room may import (besides itself). */
const MAY_IMPORT: Record<string, (target: string) => boolean> = {
  // Pure rules: no I/O, so no Node module; the data packages only.
  core: (t) => room(t) === 'core' || (t.startsWith('pkg:') && !t.startsWith('pkg:node:')),
  store: (t) => room(t) === 'core' || room(t) === 'store' || t.startsWith('pkg:'),
  // Files sscard reads and writes: from core's values, returning problem codes (formats/problems.ts).
  'cli/formats': (t) => ['core', 'cli/formats'].includes(room(t)) || t.startsWith('pkg:'),
  // Words: they word core's values and the formats' problems; human rendering reads a Context.
  'cli/text': (t) => ['core', 'cli/text', 'cli/context.ts', 'cli/exit-codes.ts'].includes(room(t)) || t === 'cli/formats/problems.ts' || t.startsWith('pkg:'),
  // A command: anything below it, never the registry or the process.
  'cli/commands': (t) => !['cli/main.ts', 'cli/entry.ts', 'cli/process-context.ts'].includes(t),
};

/**
 * Imports that break the rules today, each with why, to go (the list only
 * shrinks: an entry no longer needed fails the test below). None today:
 * the formats return or throw the problems of formats/problems.ts, worded by
 * src/cli/exit.ts and text/.
 */
const KNOWN: Record<string, string> = {};

/**
 * Cycles there still are, to break (types to leaves). None: the last, the
 * core's decisions and decision.ts naming every refusal type, went when the
 * `Refusal` union moved to core/refusal.ts, which no deciding module imports.
 */
const KNOWN_CYCLES: string[] = [];

function violations(graph: Graph): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const from = room(file);
      if (!target.startsWith('pkg:') && room(target) === from) continue;
      const allowed = MAY_IMPORT[from];
      if (allowed && !allowed(target)) found.push(`${file} -> ${target}`);
      // A command is reached through the registry only (the web view's pages, SPEC 2.5, share the commands' helpers).
      if (room(target) === 'cli/commands' && from !== 'cli/commands' && from !== 'web' && file !== 'cli/main.ts') found.push(`${file} -> ${target}`);
      if (target === 'cli/main.ts' && file !== 'cli/entry.ts') found.push(`${file} -> ${target}`);
    }
  }
  return found;
}

/** Every cycle's files (Tarjan's strongly connected components of more than one file, or a file importing itself). */
function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const graph = importGraph();

/** How a file imports another: at load (`import x from`), for its types only (`import type`), or when called (`import()`). */
type Kind = 'load' | 'type' | 'call';
type TypedGraph = ReadonlyMap<string, readonly { readonly target: string; readonly kind: Kind }[]>;

/** Each source file -> its imports with their kind, read with TypeScript's parser (an `import { type A }` still loads its module). */
function typedImportGraph(): TypedGraph {
  const graph = new Map<string, { target: string; kind: Kind }[]>();
  for (const file of filesUnder(SRC)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const edges: { target: string; kind: Kind }[] = [];
    const add = (specifier: ts.Expression | undefined, kind: Kind) => {
      if (!specifier || !ts.isStringLiteralLike(specifier)) return;
      const name = specifier.text;
      edges.push({ target: name.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), name)).replace(/\.js$/, '.ts') : `pkg:${name}`, kind });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly ? 'type' : 'load');
      else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly ? 'type' : 'load');
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], 'call');
      ts.forEachChild(node, visit);
    };
    visit(source);
    graph.set(path.relative(SRC, file).split(path.sep).join('/'), edges);
  }
  return graph;
}

/** A command's declaration (`commands/status.command.ts`): loaded at every start, by the registry. */
const isDeclaration = (file: string) => /^cli\/commands\/[^/]+\.command\.ts$/.test(file);
/** A command's module (`commands/status.ts`): loaded only when it runs. */
const isCommandModule = (file: string) => /^cli\/commands\/[^/]+\.ts$/.test(file) && !isDeclaration(file);
/** A leaf of types and lists (core/state.ts, commands/shared/options.ts): it loads nothing of sscard's, and no package but commander. */
const isLeaf = (graph: TypedGraph, file: string) => (graph.get(file) ?? []).every(({ target, kind }) => kind !== 'load' || target === 'pkg:commander');

/** Every file the process entry loads before a command runs: what every start pays for. */
function loadedAtStart(graph: TypedGraph, entry = 'cli/entry.ts'): Set<string> {
  const seen = new Set<string>([entry]);
  for (const file of seen) for (const { target, kind } of graph.get(file) ?? []) if (kind === 'load' && graph.has(target)) seen.add(target);
  return seen;
}

/**
 * Start-up stays cheap: the entry loads the registry and the declarations, never
 * a command's module (it imports the core and the store), the store, or the
 * process context (all loaded by `import()` when a command runs); a declaration
 * loads only commander, other declarations and leaves, and calls `import()` on
 * command modules only.
 */
function startupViolations(graph: TypedGraph): string[] {
  const found: string[] = [];
  for (const file of loadedAtStart(graph)) {
    const heavy =
      file.startsWith('store/') || file === 'cli/process-context.ts' || (file.startsWith('cli/commands/') && !isDeclaration(file) && !isLeaf(graph, file));
    if (heavy) found.push(`loaded at start: ${file}`);
  }
  for (const [file, edges] of graph) {
    if (!isDeclaration(file)) continue;
    for (const { target, kind } of edges) {
      if (kind === 'load' && target !== 'pkg:commander' && !isDeclaration(target) && !(graph.has(target) && isLeaf(graph, target)))
        found.push(`${file} loads ${target}`);
      if (kind === 'call' && !isCommandModule(target)) found.push(`${file} calls import() on ${target}`);
    }
  }
  return found;
}

const typedGraph = typedImportGraph();

describe('the rooms of the code', () => {
  it('import only what their room may (core <- store <- cli; formats and text below commands; commands through main.ts)', () => {
    expect(violations(graph).filter((v) => !(v in KNOWN))).toEqual([]);
  });

  it('every known exception is still there, so the list only shrinks', () => {
    const now = new Set(violations(graph));
    expect(Object.keys(KNOWN).filter((v) => !now.has(v))).toEqual([]);
  });

  it('have no import cycle, type-only imports included (but the known ones, which only go)', () => {
    expect(cycles(graph).map((files) => files.join(' '))).toEqual(KNOWN_CYCLES);
  });

  it('load at start only the registry, the declarations and leaves: a command module, the store and the process context by import() when a command runs', () => {
    expect(startupViolations(typedGraph)).toEqual([]);
    // The registry does declare every command, and loads none of their modules.
    const atStart = loadedAtStart(typedGraph);
    expect([...atStart].filter(isDeclaration).length).toBeGreaterThan(30);
    expect([...atStart].filter(isCommandModule)).toEqual([]);
  });

  it('finds a command module or the store loaded at start, and a declaration that loads more than leaves', () => {
    const probe: TypedGraph = new Map([
      ['cli/entry.ts', [{ target: 'cli/main.ts', kind: 'load' }]],
      [
        'cli/main.ts',
        [
          { target: 'cli/commands/a.command.ts', kind: 'load' },
          { target: 'cli/commands/status.ts', kind: 'load' },
          { target: 'cli/process-context.ts', kind: 'call' },
        ],
      ],
      [
        'cli/commands/a.command.ts',
        [
          { target: 'pkg:commander', kind: 'load' },
          { target: 'core/state.ts', kind: 'load' },
          { target: 'cli/commands/shared/input.ts', kind: 'load' },
          { target: 'cli/commands/shared/declaration.ts', kind: 'type' },
          { target: 'cli/commands/a.ts', kind: 'call' },
          { target: 'store/open.ts', kind: 'call' },
        ],
      ],
      ['cli/commands/status.ts', [{ target: 'store/open.ts', kind: 'load' }]],
      ['cli/commands/a.ts', []],
      ['cli/process-context.ts', [{ target: 'store/open.ts', kind: 'load' }]],
      ['cli/commands/shared/input.ts', [{ target: 'core/calendar-date.ts', kind: 'load' }]],
      ['core/state.ts', [{ target: 'core/calendar-date.ts', kind: 'type' }]],
      ['core/calendar-date.ts', []],
      ['store/open.ts', []],
    ]);
    expect(startupViolations(probe).sort()).toEqual(
      [
        'loaded at start: cli/commands/status.ts',
        'loaded at start: store/open.ts',
        'loaded at start: cli/commands/shared/input.ts',
        'cli/commands/a.command.ts loads cli/commands/shared/input.ts',
        'cli/commands/a.command.ts calls import() on store/open.ts',
      ].sort(),
    );
  });

  it('finds what it guards against', () => {
    const probe: Graph = new Map([
      ['core/a.ts', ['store/b.ts', 'pkg:node:fs']],
      ['store/b.ts', ['cli/commands/c.ts']],
      ['cli/commands/c.ts', ['cli/main.ts', 'core/a.ts']],
      ['cli/formats/d.ts', ['cli/text/e.ts', 'core/a.ts']],
      ['cli/text/e.ts', ['cli/formats/problems.ts']],
      ['cli/main.ts', ['cli/commands/c.ts']],
    ]);
    expect(violations(probe).sort()).toEqual(
      [
        'core/a.ts -> store/b.ts',
        'core/a.ts -> pkg:node:fs',
        'store/b.ts -> cli/commands/c.ts',
        'store/b.ts -> cli/commands/c.ts',
        'cli/commands/c.ts -> cli/main.ts',
        'cli/commands/c.ts -> cli/main.ts',
        'cli/formats/d.ts -> cli/text/e.ts',
      ].sort(),
    );
    expect(cycles(probe)).toEqual([['cli/commands/c.ts', 'cli/main.ts', 'core/a.ts', 'store/b.ts']]);
  });
});
