// Speak the user's language everywhere (issue 13, SPEC 2.2): every command's
// --help and every error a user can meet, in Chinese, carry no English
// sentence; commander's own usage errors are worded by the catalogue in
// both languages; the language follows --lang, then LC_ALL/LC_MESSAGES/LANG.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishIn } from './english.js';
import { type Ledger, run, tempLedger } from './harness.js';

const WANG = '11010519491231002X';

describe('englishIn (the detector the tests below rely on)', () => {
  it.each([
    ['缺少 --card：请在命令行中提供（见 --help）。', []],
    ['用法： sscard card issue [options]', []],
    ['  sscard register-employee --id 11010519491231002X --employer "Acme Ltd"', []],
    ['台账文件（默认：$SSCARD_DB，否则为 ~/.local/share 下的 sscard/sscard.db）', []],
    ['The ledger is damaged.', ['The ledger is damaged']],
    ['选项 display help for command', ['display help for command']],
    ['--db: the directory does not exist', ['the directory does not exist']],
  ])('%j', (text, expected) => expect(englishIn(text)).toEqual(expected));
});

/** Every command path, read from the root help and each group's help. */
function commandPaths(): string[][] {
  // The lines of the 命令： section, up to the blank line that ends it.
  const names = (help: string) =>
    [...(help.split('\n\n').find((part) => part.startsWith('命令：')) ?? '').matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
  const paths: string[][] = [[]];
  const walk = (prefix: string[]) => {
    for (const name of names(run([...prefix, '--help', '--lang', 'zh']).stdout)) {
      const sub = [...prefix, name];
      paths.push(sub);
      const help = run([...sub, '--help', '--lang', 'zh']).stdout;
      if (/^命令：$/m.test(help)) walk(sub);
    }
  };
  walk([]);
  return paths;
}

describe('--help in Chinese', () => {
  const paths = commandPaths();

  it('finds every command (the walk itself works)', () => {
    for (const expected of [['status'], ['card', 'issue'], ['ecard', 'claim'], ['calendar', 'load'], ['completion'], ['guide']]) {
      expect(paths).toContainEqual(expected);
    }
  });

  it.each(paths.map((p) => [p.join(' ') || '(sscard)', p]))('%s --help has no English sentence, and LANG=zh_CN says the same', (_, words) => {
    const zh = run([...(words as string[]), '--help', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：/);
    expect(englishIn(zh.stdout), zh.stdout).toEqual([]);
    expect(run([...(words as string[]), '--help'], { LANG: 'zh_CN.UTF-8' }).stdout).toBe(zh.stdout);
    // And the English help is English, with the same options.
    const en = run([...(words as string[]), '--help', '--lang', 'en']).stdout;
    expect(en).toMatch(/^Usage:/);
    expect(en.match(/--[a-z-]+/g)).toEqual(zh.stdout.match(/--[a-z-]+/g));
  });

  it('bare sscard prints the help with examples that work when pasted (the SPEC example ID unmasked)', () => {
    const r = run([], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`示例：\n  sscard status ${WANG}\n`);
    expect(r.stderr).toBe('');
    const example = r.stdout.split('\n').find((l) => l.startsWith('  sscard register-employee'))!;
    const ledger = tempLedger();
    try {
      const args = [...example.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
      expect(ledger.run(args).code).toBe(0);
      expect(ledger.run(['status', WANG, '--json']).json.registrations[0].employer).toBe('北京某某有限公司');
    } finally {
      ledger.cleanup();
    }
  });
});

describe("commander's usage errors, worded by the catalogue", () => {
  it.each([
    [['status', WANG, '--bogus'], "error: unknown option '--bogus'", "错误：未知选项 '--bogus'"],
    [['statu', WANG], "error: unknown command 'statu'\n(Did you mean status?)", "错误：未知命令 'statu'\n（您是否想用 status？）"],
    [['due', '--withn', '3'], "error: unknown option '--withn'\n(Did you mean --within?)", "错误：未知选项 '--withn'\n（您是否想用 --within？）"],
    [['revoke', '--reason', 'x'], "error: missing required argument 'seq'", "错误：缺少必需参数 'seq'"],
    [['completion'], "error: missing required argument 'shell'", "错误：缺少必需参数 'shell'"],
    [['status', WANG, '--as-of'], "error: option '--as-of <date>' argument missing", "错误：选项 '--as-of <date>' 缺少值"],
    [
      ['export', '--format', 'pdf'],
      "error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are csv, xlsx, json.",
      "错误：选项 '--format <format>' 的值 'pdf' 无效，可选值：csv, xlsx, json。",
    ],
    [
      ['status', WANG, 'extra'],
      "error: too many arguments for 'status'. Expected 1 argument but got 2.",
      "错误：命令 'status' 的参数过多：应为 1 个，实际 2 个。",
    ],
  ])('%j', (args, english, chinese) => {
    const en = run(args as string[]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`${english}\n`);
    // The locale, not --lang: after an option missing its value, `--lang` would be that value.
    const zh = run(args as string[], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`${chinese}\n`);
    if (args[args.length - 1] !== '--as-of') expect(run(['--lang', 'zh', ...(args as string[])]).stderr).toBe(`${chinese}\n`);
    if (args[args.length - 1] !== '--as-of')
      expect(run([...(args as string[]), '--json']).json).toEqual({ error: { code: 'usage', message: english.replace(/^error: /, '') } });
  });

  it('an unknown option that is an identity number is masked', () => {
    expect(run(['status', `--${WANG}`]).stderr).toContain("unknown option '--110105********002X'");
  });
});

describe('every error a user can meet, in Chinese', () => {
  let ledger: Ledger;
  beforeAll(() => {
    ledger = tempLedger('2026-11-24');
    for (const args of [
      ['register-employee', '--id', WANG, '--employer', 'Acme', '--hired-on', '2026-11-01', '--pending'],
      ['card', 'issue', '--id', WANG, '--card', 'A12345678', '--bank', 'ICBC', '--issued-on', '2026-06-01'],
    ]) {
      expect(ledger.run(args).code).toBe(0);
    }
    fs.writeFileSync(path.join(ledger.dir, 'not-a-ledger.db'), 'hello, this is not SQLite\n'.repeat(10));
    fs.writeFileSync(path.join(ledger.dir, 'exists.db'), '');
  });
  afterAll(() => ledger.cleanup());

  const cases: [string, string[], Record<string, string>?][] = [
    ['missing-option', ['activate']],
    ['missing-option', ['status']],
    ['missing-option', ['history']],
    ['missing-option', ['purge']],
    ['missing-option', ['backup']],
    ['invalid-id', ['status', '1101051949123100']],
    ['invalid-id', ['status', '110105194912310021']],
    ['invalid-id', ['status', '00010519491231002X']],
    ['invalid-id', ['status', '110105203012310021']],
    ['invalid-id', ['status', 'ABC']],
    ['invalid-hired-on', ['register-employee', '--id', WANG, '--hired-on', '2026-02-30']],
    ['invalid-card', ['card', 'receive', '--card', 'A1']],
    ['invalid-name', ['card', 'issue', '--id', WANG, '--card', 'B12345678', '--name', ' ']],
    ['invalid-within', ['due', '--within', 'soon']],
    ['invalid-as-of', ['status', WANG, '--as-of', '2026-13-01']],
    ['invalid-sscard-today', ['status', WANG], { SSCARD_TODAY: 'tomorrow' }],
    ['person-not-found', ['status', '110105194912310011']],
    ['person-not-found', ['history', '110105194912310011']],
    ['confirmation-required', ['purge', WANG]],
    ['confirmation-required', ['card', 'cancel', '--card', 'A12345678']],
    ['unknown-topic', ['guide', 'nonsense']],
    ['invalid-channel', ['ecard', 'claim', '--id', WANG, '--channel', 'fax']],
    ['unknown-shell', ['completion', 'tcsh']],
    ['invalid-seq', ['revoke', 'x', '--reason', 'r']],
    ['event-not-found', ['revoke', '99', '--reason', 'r', '--yes']],
    ['invalid-reason', ['revoke', '2', '--reason', ' ', '--yes']],
    ['conflicting-options', ['register-employee', '--id', WANG, '--hired-on', '2026-11-01', '--pending', '--registered-on', '2026-11-02']],
    ['backup-exists', ['backup', '__DIR__/exists.db']],
  ];

  it.each(cases)('%s: %j', (code, args, env = {}) => {
    const argv = args.map((a) => a.replace('__DIR__', ledger.dir));
    const json = ledger.run([...argv, '--json'], { env });
    expect(json.json?.error?.code, json.stdout + json.stderr).toBe(code);
    const zh = ledger.run([...argv, '--lang', 'zh'], { env });
    expect(zh.code).toBe(json.code);
    expect(zh.stderr).toMatch(/^sscard: .*[\u4e00-\u9fff]/);
    expect(englishIn(zh.stderr), zh.stderr).toEqual([]);
    expect(ledger.run(argv, { env: { ...env, LANG: 'zh_CN.UTF-8' } }).stderr).toBe(zh.stderr);
  });

  it.each([
    ['no-ledger', ['check'], 'nowhere.db'],
    ['no-ledger', ['backup', '__DIR__/copy.db'], 'nowhere.db'],
    ['not-a-ledger', ['status', WANG], 'not-a-ledger.db'],
    ['db-is-directory', ['check'], '.'],
    ['db-directory-missing', ['register-employee', '--id', WANG, '--hired-on', '2026-11-01', '--pending'], 'missing/dir/l.db'],
  ])('%s: %j on --db %s', (code, args, db) => {
    const argv = ['--db', path.join(ledger.dir, db), ...args.map((a) => a.replace('__DIR__', ledger.dir))];
    const env = { SSCARD_TODAY: '2026-11-24' };
    expect(run([...argv, '--json'], env).json?.error?.code).toBe(code);
    const zh = run([...argv, '--lang', 'zh'], env);
    expect(zh.stderr).toMatch(/^sscard: .*[\u4e00-\u9fff]/);
    expect(englishIn(zh.stderr), zh.stderr).toEqual([]);
  });
});

describe('guide --json is data', () => {
  it.each(['en', 'zh'])('%s: each topic with its title and its steps as an array', (lang) => {
    const r = run(['guide', '--json', '--lang', lang]);
    expect(r.code).toBe(0);
    const topics = r.json.topics as { topic: string; title: string; steps: string[] }[];
    expect(topics.map((t) => t.topic)).toEqual(expect.arrayContaining(['activate', 'ecard', 'register']));
    for (const t of topics) {
      expect(t.steps.length).toBeGreaterThan(1);
      for (const step of t.steps) expect(typeof step).toBe('string');
    }
    expect(run(['guide', 'ecard', '--json', '--lang', lang]).json.topics.map((t: { topic: string }) => t.topic)).toEqual(['ecard']);
    if (lang === 'zh') expect(topics[0]!.title).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("import's row messages in the user's language", () => {
  it('zh: every kind of bad cell is said in Chinese, with the line and the column', () => {
    const ledger = tempLedger();
    try {
      const file = path.join(ledger.dir, 'bad.csv');
      fs.writeFileSync(
        file,
        [
          'id,name,employer,hired_on,registered_on,left_on,separation_done_on,hire_kind,card_number,policy,card_state,ecard_channel',
          `${WANG},王芳,甲公司,2026-13-01,,,,,,,,`,
          `${WANG},王芳,,,,,,,,,,`.replace(WANG, '110105194912310021'),
          `${WANG},王芳,甲公司,2026-11-02,,,,contractor,,,,`,
          `${WANG},王芳,甲公司,2026-11-02,,,,,12,,,`,
          `${WANG},王芳,甲公司,2026-11-02,,,,,A12345678,nowhere,,`,
          `${WANG},王芳,甲公司,2026-11-02,,,,,A12345678,,gone,`,
          `${WANG},王芳,甲公司,2026-11-02,,,,,,,,pigeon`,
          `${WANG},王芳,,2026-11-02,,,2026-11-20,,,,,`,
        ].join('\n'),
      );
      const before = ledger.bytes();
      const r = ledger.run(['import', file, '--lang', 'zh']);
      expect(r.code).toBe(2);
      expect(ledger.bytes()).toEqual(before);
      const lines = r.stderr.trim().split('\n');
      expect(lines.slice(0, 8)).toEqual([
        '第 2 行，hired_on：不是有效日期，请写成 YYYY-MM-DD',
        expect.stringMatching(/^第 3 行，id：.+/),
        '第 4 行，hire_kind：须为 employee（单位职工）或 flexible（灵活就业）',
        '第 5 行，card_number：须为 9 位字母或数字',
        expect.stringMatching(/^第 6 行，policy：不是已知的卡政策；已知的有 .*seed.*（见 `sscard policies`）$/),
        '第 7 行，card_state：须为 lost、lost-temporary 或 cancelled（挂失、临时挂失、注销），在用的卡留空',
        expect.stringMatching(/^第 8 行，ecard_channel：须为以下之一：/),
        '第 9 行，left_on：为空，但该行填写了 separation_done_on',
      ]);
      // The policy IDs and channel names listed are values to type, not words.
      const words = r.stderr.replace(/(已知的有 |须为以下之一：)[^（\n]*/g, '$1');
      expect(englishIn(words), words).toEqual([]);
    } finally {
      ledger.cleanup();
    }
  });
});
