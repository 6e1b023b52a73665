// Every word the CLI shows comes from the message catalogue (issue 13,
// src/cli/text/messages/): a command that chooses words by language inline, or
// holds a Chinese sentence of its own, fails here. Read with the TypeScript
// parser, so comments and regular expressions do not count, and a branch is
// found however it is formatted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve(__dirname, '../../src/cli');
/** The web view (`sscard serve`) shows the same catalogue's words: guarded too, named relative to src/cli. */
const WEB = path.resolve(__dirname, '../../src/web');
/**
 * The store cannot know the user's language: it throws a code with its
 * values (core/errors.ts: refused(), invalidInput(), notFound()), worded by
 * the catalogue, never a sentence of its own (`new Refused(code, message)`).
 */
const STORE = path.resolve(__dirname, '../../src/store');
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/**
 * The places that may still hold Chinese text or look at the language, and
 * why. A file listed here is exempt only from the kinds of finding named.
 */
const ALLOWED: Record<string, { readonly cjk?: true; readonly branch?: true; readonly why: string }> = {
  // Choosing the language itself (--lang, LC_ALL, LC_MESSAGES, LANG).
  'text/lang.ts': { branch: true, why: 'decides the language from --lang and the locale' },
  // Data, not words: what files and users may write, which import accepts in either language.
  'formats/roster/columns.ts': {
    cjk: true,
    branch: true,
    why: "the Chinese column headers import accepts and `export --headers zh` writes (SPEC 2.3): the file's format",
  },
  'formats/roster/write-xlsx.ts': {
    cjk: true,
    branch: true,
    why: 'the sheet name of `export --headers zh`, chosen by --headers, not by the language of messages',
  },
  // A policy's name is data that carries both languages (data/policies).
  'text/policy-words.ts': { branch: true, why: "a policy's name is data with an en and a zh name" },
  // The web view: which language a request gets, and the page's own lang attribute.
  '../web/server.ts': { branch: true, why: "decides a request's language from the switch's cookie and Accept-Language" },
  '../web/html.ts': { branch: true, why: "the page's lang attribute and the switch to the other language; it chooses no words" },
  // The store's SQL: a comment in the schema names the Chinese term of a column; never shown to the user.
  '../store/sqlite/schema.ts': { cjk: true, why: 'a SQL comment in the migrations names the Chinese term (缴费基数) of hire.base' },
  // Start-up: only the command a run names is declared, found by skipping the global options' values.
  'main.ts': { branch: true, why: "skips the value of --db, --as-of and --lang to find the command's name; it chooses no words" },
};

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly kind: 'cjk' | 'branch' | 'worded';
  readonly text: string;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'messages' ? [] : filesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** A condition or index that depends on the language: `zh ? ...`, `ctx.lang === 'zh'`, `TABLE[ctx.lang]`. */
const LANGUAGE = /(^|[^\w.])zh\b|\blang\b|\.lang\b/;

/** `rel`: the file's name relative to src/cli (a probe is named as if it were in the tree). */
function findings(file: string, rel = path.relative(CLI, file).split(path.sep).join('/')): Finding[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Finding[] = [];
  const add = (node: ts.Node, kind: Finding['kind']) =>
    found.push({ file: rel, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, kind, text: node.getText(source).slice(0, 80) });
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      CJK.test(node.text)
    )
      add(node, 'cjk');
    if (rel.startsWith('../store/') && ts.isNewExpression(node) && /^(Refused|InvalidInput|NotFound)$/.test(node.expression.getText(source)))
      add(node, 'worded');
    if (ts.isConditionalExpression(node) && LANGUAGE.test(node.condition.getText(source))) add(node, 'branch');
    if (ts.isIfStatement(node) && LANGUAGE.test(node.expression.getText(source))) add(node, 'branch');
    if (ts.isElementAccessExpression(node) && LANGUAGE.test(node.argumentExpression.getText(source))) add(node, 'branch');
    // `{ en: ..., zh: ... }`: a table of words by language.
    if (ts.isObjectLiteralExpression(node)) {
      const keys = node.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : ''));
      if (keys.includes('en') && keys.includes('zh')) add(node, 'branch');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const all = [...filesUnder(CLI), ...filesUnder(WEB), ...filesUnder(STORE)].flatMap((file) => findings(file));

describe('the message catalogue holds every word of the CLI', () => {
  it('no command outside src/cli/text/messages/, and nothing in the store, has a Chinese string or chooses words by language; the store throws codes, never sentences', () => {
    // A sentence the store throws is never allowed: no allow-list entry names 'worded'.
    const unexplained = all.filter((f) => f.kind === 'worded' || !ALLOWED[f.file]?.[f.kind]);
    expect(unexplained.map((f) => `src/cli/${f.file}:${f.line} (${f.kind}) ${f.text}`)).toEqual([]);
  });

  it('every allow-list entry is still needed, so the list only shrinks', () => {
    for (const [file, allowed] of Object.entries(ALLOWED)) {
      for (const kind of ['cjk', 'branch'] as const) {
        if (allowed[kind])
          expect(
            all.some((f) => f.file === file && f.kind === kind),
            `${file} (${kind}): ${allowed.why}`,
          ).toBe(true);
      }
    }
  });

  it('finds a sentence the store would throw', () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-guard-')), 'probe.ts');
    fs.writeFileSync(
      probe,
      "export const a = () => new Refused('x', 'The ledger is busy.');\nexport const b = () => refused('db-missing', { ledger: 'l' });\n",
    );
    try {
      expect(findings(probe, '../store/probe.ts').map((f) => `${f.line} ${f.kind}`)).toEqual(['1 worded']);
      expect(findings(probe, 'commands/probe.ts')).toEqual([]);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true });
    }
  });

  it('finds what it guards against', () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-guard-')), 'probe.ts');
    fs.writeFileSync(
      probe,
      "const zh = lang === 'zh';\nexport const a = zh ? '卡' : 'card';\nexport const b = { en: 'x', zh: 'y' }[lang];\n// 注释 is fine\nexport const c = /年/;\n",
    );
    try {
      expect(findings(probe).map((f) => `${f.line} ${f.kind}`)).toEqual(['2 branch', '2 cjk', '3 branch', '3 branch']);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true });
    }
  });
});
