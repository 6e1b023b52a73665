// Chinese mode says everything in Chinese (issue 28 item 8, SPEC 2.2): a table
// of commands, the ones that succeed and the ones refused, run with --lang zh,
// and no English word in what they print but what the user types or reads as
// a name: command names, options, IDs, paths, URLs, the titles of sources, the
// policies' ids, and a short list of proper names and codes (SQLite, JSON, App).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from './harness.js';

const ROOT = path.resolve(__dirname, '../..');
const WANG = '11010519491231002X';
const LI = '44030419900307123X';

/** Names and codes that stay as they are in a Chinese sentence. */
const NAMES = new Set(
  'sscard SQLite JSON CSV csv xlsx tsv txt UTF BOM GB MiB KiB App PostgreSQL postgres README Excel ics iCalendar Outlook NUL wal shm HR DNS Ctrl YYYY MM DD holiday cn chinese days iOS Android'.split(
    ' ',
  ),
);

/** Every command's and subcommand's name, and every option's words, from the Chinese help. */
function commandWords(ledger: Ledger): Set<string> {
  const words = new Set<string>();
  const walk = (prefix: string[]) => {
    const help = ledger.run([...prefix, '--help', '--lang', 'zh']).stdout;
    for (const m of help.matchAll(/--([a-z][a-z-]*)/g)) for (const w of m[1]!.split('-')) words.add(w);
    const section = help.split('\n\n').find((part) => part.startsWith('命令：')) ?? '';
    for (const m of section.matchAll(/^ {2}([a-z][a-z-]*)/gm)) {
      if (words.has(`cmd:${[...prefix, m[1]].join(' ')}`) || m[1] === 'help') continue;
      words.add(`cmd:${[...prefix, m[1]].join(' ')}`);
      for (const w of m[1]!.split('-')) words.add(w);
      walk([...prefix, m[1]!]);
    }
  };
  walk([]);
  return words;
}

/** The titles of the shipped sources (data/): quoted as they were published, in whatever language. */
function sourceTitles(): string[] {
  const titles: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.title === 'string' && typeof o.url === 'string') titles.push(o.title);
      Object.values(o).forEach(walk);
    }
  };
  for (const file of ['data/policies.json', 'data/contributions.json']) walk(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')));
  return titles.sort((a, b) => b.length - a.length);
}

function policyIds(): string[] {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'data/policies.json'), 'utf8')).policies.map((p: { id: string }) => p.id);
}

/** The English words left once what may stay is taken out. */
function englishWords(text: string, allowed: ReadonlySet<string>, titles: readonly string[]): string[] {
  let t = text;
  for (const title of titles) t = t.replaceAll(title, ' ');
  t = t
    .replace(/`[^`\n]*`/g, ' ') // commands to paste
    .replace(/^ {2}sscard .*$/gm, ' ')
    .replace(/https?:\/\/\S+|postgres(ql)?:\/\/\S+/g, ' ')
    .replace(/[\w.~-]*(\/[^\s（）()，。；：、/]+)+\/?/g, ' ') // paths, relative or absolute
    .replace(/[a-z0-9][\w-]*(、[a-z0-9][\w-]*)+/g, ' ') // a list of values to type: window、bank、online
    .replace(/[\w.-]+\.(csv|xlsx|json|db|ics|tsv|txt)\b/g, ' ') // file names
    .replace(/(^|[^\w-])--?[a-z][\w-]*/g, ' ') // options
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/\$[A-Z_]+|\b[A-Z][A-Z_]+_[A-Z_]+\b/g, ' ') // environment variables
    .replace(/[0-9A-Z]{6}\*{8}[0-9A-Z]{4}|\d{17}[\dX]/g, ' ') // identity numbers
    .replace(/\b[A-Z]\d{8}\b/g, ' '); // card numbers
  return (t.match(/[A-Za-z][A-Za-z_]*[A-Za-z]/g) ?? []).filter((w) => !allowed.has(w) && !allowed.has(w.toLowerCase()));
}

describe('the detector of English words (what the test below relies on)', () => {
  const allowed = new Set(['status', 'sscard', 'JSON']);
  it.each([
    ['台账中没有 110105********002X 的记录：请先用 `sscard card issue` 记录。', []],
    ['--db：目录 /tmp/a/b 不存在', []],
    ['第 2 行，registered_on：registered_on 在未来', ['registered_on', 'registered_on']],
    ['无法读取 roster.csv（ENOENT）', ['ENOENT']],
    ['可信度medium', ['medium']],
    ['  person  3', ['person']],
    ['导入 roster.csv 第 2 行', []],
    ['status 的 JSON', []],
    ['见 data/contributions.md；无法读取 /tmp/sscard-test-Ae/没有.csv', []],
    ['--channel 须为 window、bank、online 之一', []],
  ])('%j', (text, expected) => expect(englishWords(text, allowed, [])).toEqual(expected));
});

describe('every command in Chinese mode says no English word', () => {
  let ledger: Ledger;
  let allowed: Set<string>;
  const titles = sourceTitles();
  beforeAll(() => {
    ledger = tempLedger('2026-11-24');
    allowed = new Set([...commandWords(ledger), ...NAMES, ...policyIds()]);
    const write = (name: string, lines: string[]) => fs.writeFileSync(path.join(ledger.dir, name), `${lines.join('\n')}\n`);
    write('花名册.csv', ['身份证号,姓名,用人单位,入职日期,参保登记日期', `${LI},李明,北京某某有限公司,2026-10-01,`]);
    write('登记日期有误.csv', ['身份证号,姓名,用人单位,入职日期,参保登记日期', `${LI},李明,北京某某有限公司,2026-10-01,2026-12-30`]);
    // A leaving day with no employer: the words name the other column as the file does (离职日期, not left_on).
    write('离职无单位.csv', ['身份证号,姓名,用人单位,入职日期,离职日期', `${LI},李明,,2026-09-01,2026-11-01`]);
    for (const args of [
      ['employer', 'add', '北京某某有限公司', '--city', '北京'],
      ['register-employee', '--id', WANG, '--name', '王芳', '--employer', '北京某某有限公司', '--hired-on', '2026-09-01', '--pending'],
      ['card', 'issue', '--id', WANG, '--card', 'A12345678', '--bank', '工商银行', '--issued-on', '2026-06-01'],
      ['import', path.join(ledger.dir, '花名册.csv')],
    ]) {
      const r = ledger.run(args);
      expect(r.code, r.stderr).toBe(0);
    }
  });
  afterAll(() => ledger.cleanup());

  /** [what, args, whether standard output is data (a file's bytes: only standard error is read)]. */
  const cases: [string, string[], boolean?][] = [
    ['status', ['status', WANG]],
    ['status of an imported person', ['status', LI]],
    ['history', ['history', WANG]],
    ['history of an imported person (the source column)', ['history', LI]],
    ['people', ['people']],
    ['people of one employer', ['people', '--employer', '北京某某有限公司']],
    ['due', ['due']],
    ['policies', ['policies']],
    ['one policy', ['policies', 'guangdong']],
    ['check', ['check']],
    ['calendar', ['calendar']],
    ['rates', ['rates']],
    ['rates of a city', ['rates', '北京']],
    ['employer list', ['employer', 'list']],
    ['guide', ['guide']],
    ['export', ['export', '--headers', 'zh'], true],
    ['card receive', ['card', 'receive', '--card', 'A12345678', '--on', '2026-06-10']],
    ['enable', ['enable', '--card', 'A12345678', '--channel', 'online', '--on', '2026-06-11']],
    ['activate', ['activate', '--card', 'A12345678', '--id-doc', WANG, '--on', '2026-06-12']],
    ['ecard claim', ['ecard', 'claim', '--id', WANG, '--channel', 'wechat', '--on', '2026-06-13']],
    ['leave', ['leave', '--id', WANG, '--employer', '北京某某有限公司', '--left-on', '2026-11-20']],
    ['a refused import names the header as written', ['import', '__DIR__/登记日期有误.csv']],
    ['a refused row names the other column as written', ['import', '__DIR__/离职无单位.csv']],
    ['import of a file that is not there', ['import', '__DIR__/没有这个文件.csv']],
    ['backup into a directory that is not there', ['backup', '__DIR__/没有/备份.db']],
    ['an invalid identity number', ['status', '1101051949123100']],
    ['an invalid channel', ['enable', '--card', 'A12345678', '--channel', 'wechat']],
    ['an invalid date', ['register-employee', '--id', WANG, '--hired-on', '2026-02-30']],
    ['an unknown card', ['card', 'receive', '--card', 'Z99999999']],
    ['an unknown event', ['revoke', '99', '--reason', '有误', '--yes']],
  ];

  it('a refused row names another column by the header the file gives it, in both languages', () => {
    const file = path.join(ledger.dir, '离职无单位.csv');
    const zh = ledger.run(['import', file, '--lang', 'zh', '--no-color']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('第 2 行，用人单位：为空，但该行填写了离职日期：请写明离职的用人单位');
    const en = ledger.run(['import', file, '--lang', 'en', '--no-color']);
    expect(en.stderr).toContain('line 2, 用人单位: is empty but the row has 离职日期: say which employer the person left');
    expect(`${zh.stderr}${en.stderr}`).not.toContain('left_on');
  });

  it.each(cases)('%s', (_, args, data) => {
    const r = ledger.run([...args.map((a) => a.replace('__DIR__', ledger.dir)), '--lang', 'zh', '--no-color']);
    const said = data ? r.stderr : `${r.stdout}\n${r.stderr}`;
    expect(said.trim(), 'the command said something').not.toBe('');
    expect(englishWords(said, allowed, titles), said).toEqual([]);
  });
});
