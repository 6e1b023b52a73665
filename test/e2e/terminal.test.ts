// The terminal experience (issue 5): output snapshots in both languages with
// colour off, colour rules, the guide, completion, and prompts driven through
// a real pseudo-terminal (tmux).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, terminal } from './tmux.js';
import { BIN, type Ledger, tempLedger } from './harness.js';

const WANG = '11010519491231002X';
const LI = '110105194912310011';
const ZHANG = '440305200002290037';
const CHILD = '110105201211240033';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

/** One ledger with a person in each state the status screen knows. */
function people(): Ledger {
  const l = tempLedger('2026-11-24');
  const steps: [string[], string][] = [
    // Wang: pending registration, card received, e-card claimed, activation deadline ahead.
    [['register-employee', '--id', WANG, '--name', 'Wang Fang', '--employer', 'Acme Ltd', '--hired-on', '2026-11-20', '--pending'], '2026-11-20'],
    [['card', 'issue', '--id', WANG, '--card', 'A12345678', '--bank', 'ICBC', '--issued-on', '2026-06-01'], '2026-06-01'],
    [['card', 'receive', '--card', 'A12345678', '--on', '2026-06-10'], '2026-06-10'],
    [['ecard', 'claim', '--id', WANG, '--channel', 'wechat', '--on', '2026-06-11'], '2026-06-11'],
    // Li: overdue registration, registration filed late elsewhere, card past its window (restricted).
    [['register-employee', '--id', LI, '--name', '李雷', '--employer', '北京某某有限公司', '--hired-on', '2026-09-01', '--pending'], '2026-09-01'],
    [['register-employee', '--id', LI, '--employer', 'Beta Co', '--hired-on', '2026-03-02', '--registered-on', '2026-04-20'], '2026-04-20'],
    [['card', 'issue', '--id', LI, '--card', 'B12345678', '--bank', '中国银行', '--issued-on', '2026-03-01'], '2026-03-01'],
    [['card', 'receive', '--card', 'B12345678', '--on', '2026-03-31'], '2026-03-31'],
    // Zhang: on-time registration, flexible employment, activated card with an e-card.
    [
      ['register-employee', '--id', ZHANG, '--name', '张三', '--employer', 'Acme Ltd', '--hired-on', '2026-01-05', '--registered-on', '2026-01-20'],
      '2026-01-20',
    ],
    [['register-employee', '--id', ZHANG, '--flexible', '--hired-on', '2026-07-01', '--registered-on', '2026-07-02'], '2026-07-02'],
    [['card', 'issue', '--id', ZHANG, '--card', 'C12345678', '--issued-on', '2026-02-01'], '2026-02-01'],
    [['activate', '--card', 'C12345678', '--id-doc', ZHANG, '--outlet', 'ICBC Futian'], '2026-02-10'],
    [['ecard', 'claim', '--id', ZHANG, '--channel', '12333'], '2026-02-11'],
    // A child whose card is made but not yet collected (a child cannot be hired: Labour Law Art. 15).
    [['card', 'issue', '--id', CHILD, '--card', 'D12345678', '--bank', 'ICBC', '--issued-on', '2026-10-01'], '2026-10-01'],
  ];
  for (const [args, today] of steps) {
    const r = l.run(args, { today });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  return l;
}

describe('what status and due look like (colour off), in both languages', () => {
  it.each(['en', 'zh'])('%s', (lang) => {
    ledger = people();
    for (const id of [WANG, LI, ZHANG, CHILD]) {
      const r = ledger.run(['status', id, '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatchSnapshot(`status ${id.slice(-4)} ${lang}`);
    }
    expect(ledger.run(['due', '--lang', lang]).stdout).toMatchSnapshot(`due ${lang}`);
  });

  it('speaks Chinese when the locale is Chinese, with the same JSON', () => {
    ledger = people();
    expect(ledger.run(['status', WANG], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toMatch(
      /^没有已激活的电子社保卡：已申领电子社保卡，社会保障卡已领卡，未激活。/,
    );
    const en = ledger.run(['status', WANG, '--json']).json;
    const zh = ledger.run(['status', WANG, '--json', '--lang', 'zh']).json;
    expect(Object.keys(zh)).toEqual(Object.keys(en));
    expect({ ...zh, nextSteps: [], registrations: [] }).toEqual({ ...en, nextSteps: [], registrations: [] });
  });
});

describe('every command speaks Chinese with --lang zh', () => {
  it('card, e-card, activation, import, history, backup, check and purge', () => {
    ledger = tempLedger('2026-10-01');
    const csv = `${ledger.dir}/h.csv`;
    writeFileSync(csv, `id,employer,hired_on\n${LI},Acme,2026-09-01\n`);
    const steps = [
      ['card', 'issue', '--id', WANG, '--card', 'A12345678', '--issued-on', '2026-03-01'],
      ['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31'],
      ['ecard', 'claim', '--id', WANG, '--channel', 'alipay'],
      ['activate', '--card', 'A12345678', '--id-doc', WANG],
      ['card', 'report-loss', '--card', 'A12345678'],
      ['card', 'replace', '--card', 'A12345678', '--new-card', 'B12345678', '--yes'],
      ['card', 'cancel', '--card', 'B12345678', '--yes'],
      ['import', csv],
      ['history', WANG],
      ['backup', `${ledger.dir}/b.db`],
      ['check'],
      ['purge', LI, '--yes'],
      ['due'],
    ];
    for (const args of steps) {
      const r = ledger.run([...args, '--lang', 'zh']);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stdout, args.join(' ')).not.toMatch(/\b(Card|Recorded|Imported|History|Backed|Deleted|Integrity)\b/);
    }
  });
});

describe('colour', () => {
  it('is plain text when piped, with NO_COLOR or --no-color; FORCE_COLOR turns it on', () => {
    ledger = people();
    const ESC = '\u001b[';
    expect(ledger.run(['status', LI]).stdout).not.toContain(ESC);
    expect(ledger.run(['status', LI], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(ledger.run(['status', LI], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(ledger.run(['status', LI, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    const piped = execFileSync('sh', ['-c', `"${process.execPath}" "${BIN}" --db "${ledger.db}" status ${LI} | cat`], {
      env: { ...process.env, SSCARD_TODAY: '2026-11-24' },
      encoding: 'utf8',
    });
    expect(piped).not.toContain(ESC);
    expect(piped).toContain('RESTRICTED');
  });
});

describe('guide, help and completion', () => {
  it('guides offline in both languages', () => {
    ledger = tempLedger();
    const en = ledger.run(['guide', 'activate']).stdout;
    expect(en).toContain('ORIGINAL identity document');
    expect(en).toContain('cannot be activated online');
    expect(en).toContain('under 16');
    expect(ledger.run(['guide', 'ecard']).stdout).toContain(
      'Me -> Pay (or Services) -> City Services -> Social Security -> Electronic Social Security Card -> Add Now',
    );
    expect(ledger.run(['guide', 'register', '--lang', 'zh']).stdout).toContain('自用工之日起 30 日内');
    expect(ledger.run(['guide', 'nonsense']).code).toBe(2);
  });

  it('help has examples; a typo suggests the closest command', () => {
    ledger = tempLedger();
    for (const command of [['status'], ['register-employee'], ['activate'], ['card', 'issue'], ['ecard', 'claim'], ['due'], ['import']]) {
      expect(ledger.run([...command, '--help']).stdout, command.join(' ')).toMatch(/Examples:\n {2}sscard /);
    }
    expect(ledger.run(['statu', WANG]).stderr).toContain('Did you mean status?');
    expect(ledger.run(['due', '--withn', '3']).stderr).toContain('Did you mean --within?');
  });

  it('prints a bash completion script that completes commands and options', () => {
    ledger = tempLedger();
    const script = ledger.run(['completion', 'bash']).stdout;
    // --norc: a bash whose standard input is a socket (Node's pipes are) and that is not inside another shell reads
    // ~/.bashrc, as if started by rshd: the machine's own start-up (pyenv init here: 300 ms) is not under test.
    const complete = (words: string[]) =>
      spawnSync(
        'bash',
        ['--norc', '-c', `${script}\nCOMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _sscard; echo "\${COMPREPLY[@]}"`],
        { encoding: 'utf8' },
      ).stdout.trim();
    expect(complete(['sscard', 'reg'])).toBe('register-employee');
    expect(complete(['sscard', 'card', 'rep'])).toBe('report-loss replace');
    expect(complete(['sscard', 'activate', '--guar'])).toBe('--guardian-id');
    expect(ledger.run(['completion', 'zsh']).stdout).toContain('bashcompinit');
  });
});

describe('prompts', () => {
  it('never waits for input when stdin is not a terminal, even if it stays open', async () => {
    ledger = tempLedger();
    const child = spawn(process.execPath, [BIN, '--db', ledger.db, 'activate'], {
      env: { ...process.env, SSCARD_TODAY: '2026-11-24' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => {
      const guard = setTimeout(() => child.kill('SIGKILL'), 20_000); // a hang guard, not a speed limit
      child.on('close', (c) => {
        clearTimeout(guard);
        resolve(c);
      });
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--card is required');
  });

  describe.skipIf(!hasTmux)('in a real terminal (tmux)', () => {
    const { start: open, screenUntil, keys, kill } = terminal('terminal', { join: true });
    const start = (args: string) => open(`SSCARD_TODAY=2026-10-01 "${process.execPath}" "${BIN}" --db "${ledger.db}" ${args}; echo "EXIT=$?"; sleep 60`);
    afterEach(() => kill());

    it('activate with no options asks for each value, rejects a bad ID as typed, and activates', async () => {
      ledger = tempLedger('2026-10-01');
      ledger.run(['card', 'issue', '--id', WANG, '--card', 'A12345678', '--issued-on', '2026-03-01']);
      ledger.run(['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31']);
      start('activate');
      await screenUntil(/Card number/);
      keys('a12345678', 'Enter');
      await screenUntil(/ORIGINAL identity document/);
      keys('110105194912310021', 'Enter');
      await screenUntil(/check character 1 but the digits before it require X/);
      keys('C-u');
      keys(WANG, 'Enter');
      const screen = await screenUntil(/EXIT=\d+/);
      expect(screen).toContain('EXIT=0');
      expect(screen).toContain('Card A12345678 activated on 2026-10-01');
      expect(screen).toContain('110105********002X'); // the answered ID stays on screen masked
      expect(screen).not.toContain(WANG);
      expect(ledger.query('SELECT state FROM card')).toEqual([{ state: 'activated' }]);
    });

    it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
      ledger = tempLedger('2026-10-01');
      ledger.run(['card', 'issue', '--id', WANG, '--card', 'A12345678', '--issued-on', '2026-03-01']);
      const before = ledger.bytes();
      start('activate --card A12345678');
      await screenUntil(/ORIGINAL identity document/);
      keys('C-c');
      expect(await screenUntil(/EXIT=\d+/)).toContain('EXIT=130');
      expect(ledger.bytes()).toEqual(before);
    });

    it('a declined confirmation writes nothing', async () => {
      ledger = tempLedger('2026-10-01');
      ledger.run(['card', 'issue', '--id', WANG, '--card', 'A12345678', '--issued-on', '2026-03-01']);
      const before = ledger.bytes();
      start('card cancel --card A12345678');
      await screenUntil(/Cancel card A12345678\?/);
      keys('n', 'Enter');
      const screen = await screenUntil(/EXIT=\d+/);
      expect(screen).toContain('EXIT=1');
      expect(screen).toContain('Not confirmed; nothing was written.');
      expect(ledger.bytes()).toEqual(before);
    });
  });
});
