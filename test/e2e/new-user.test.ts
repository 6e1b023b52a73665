// Issue 28 ("an HR clerk's day, round two"): what a new user tripped over,
// each item at the command line as the user met it. The ics alarm (item 15)
// is in test/cli/ics.test.ts and round-trip.test.ts, zsh's #compdef (item 12)
// in completion.test.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, type Ledger, run, tempLedger } from './harness.js';
import { hasTmux, terminal } from './tmux.js';

const ID = '11010519491231002X';
const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

describe('guide leave (item 6, SPEC 2.1)', () => {
  it.each([
    ['en', /^When an employee leaves/, 'Labour Contract Law Art. 50'],
    ['zh', /^员工离职：减员、档案和社会保险关系转移/, '《劳动合同法》第五十条'],
  ])('%s', (lang, title, law) => {
    const r = run(['guide', 'leave', '--lang', lang, '--no-color']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(title);
    expect(r.stdout).toContain(law);
    expect(r.stdout).toContain('sscard leave --id');
  });

  it('is one of the topics of the whole guide and of --json', () => {
    expect(run(['guide', '--json']).json.topics.map((t: { topic: string }) => t.topic)).toContain('leave');
  });
});

describe('dates in every form on the command line, in SSCARD_TODAY and at a prompt (item 9, SPEC v3 2.2)', () => {
  it.each(['2026-09-01', '2026/9/1', '2026.9.1', '2026年9月1日', '20260901'])('--hired-on %s', (written) => {
    ledger = tempLedger();
    const r = ledger.run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', written, '--pending', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.registration.hiredOn).toBe('2026-09-01');
  });

  it('--as-of and SSCARD_TODAY read the same forms', () => {
    ledger = tempLedger();
    expect(ledger.run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01', '--pending']).code).toBe(0);
    expect(ledger.run(['status', ID, '--json', '--as-of', '2026年10月9日']).json.asOf).toBe('2026-10-09');
    expect(ledger.run(['status', ID, '--json'], { today: '2026/10/9' }).json.asOf).toBe('2026-10-09');
  });

  it('a refused date names the forms it could have been written in', () => {
    const r = run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--hired-on must be a real date, written e.g. 2026-09-01, 2026/9/1, 2026.9.1, 2026年9月1日 or 20260901.');
  });

  it.skipIf(!hasTmux)('a date typed at a prompt as 2026年9月20日', async () => {
    ledger = tempLedger('2026-10-01');
    const screen = terminal('new-user-dates', { join: true });
    try {
      screen.start(
        `SSCARD_TODAY=2026-10-01 LANG=C.UTF-8 "${process.execPath}" "${BIN}" --db "${ledger.db}" register-employee --id ${ID} --employer Acme --pending; echo "EXIT=$?"; sleep 60`,
      );
      await screen.screenUntil(/Hire date/);
      screen.keys('2026年9月20日', 'Enter');
      expect(await screen.screenUntil(/EXIT=\d+/)).toContain('EXIT=0');
      expect(ledger.query('SELECT hired_on FROM hire')).toEqual([{ hired_on: '2026-09-20' }]);
    } finally {
      screen.kill();
    }
  });
});

describe('an enumerated option refused lists its values (item 10)', () => {
  it.each([
    [
      ['enable', '--card', 'A12345678', '--channel', 'wechat'],
      '--channel must be one of window, bank, online, hospital.',
      '--channel 须为 window、bank、online、hospital 之一。',
    ],
    [
      ['card', 'replace', '--card', 'A12345678', '--new-card', 'B12345678', '--reason', 'stolen', '--yes'],
      '--reason must be one of loss, damage, expiry, change.',
      '--reason 须为 loss、damage、expiry、change 之一。',
    ],
    [['card', 'issue', '--id', ID, '--card', 'A12345678', '--generation', '4'], '--generation must be one of 2, 3.', '--generation 须为 2、3 之一。'],
  ])('%j', (args, en, zh) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`sscard: ${en}`);
    expect(run([...args, '--lang', 'zh']).stderr.trim()).toBe(`sscard: ${zh}`);
  });
});

describe('a deadline on an adjusted working Saturday (item 11)', () => {
  // Hired 2026-09-10: 30 days end on Saturday 2026-10-10, a working day that pays for the National Day holiday.
  it.each([
    ['en', '2026-10-10 is a Saturday but an adjusted working day (调休上班日, for the National Day holiday), so the deadline stays on it'],
    ['zh', '2026-10-10 虽是星期六，但为国庆节调休上班日，期限不顺延'],
  ])('%s: status and due say it is a 调休上班日', (lang, note) => {
    ledger = tempLedger('2026-09-11');
    expect(ledger.run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-10', '--pending']).code).toBe(0);
    const status = ledger.run(['status', ID, '--lang', lang]);
    expect(status.stdout).toContain('2026-10-10');
    expect(status.stdout).toContain(note);
    expect(ledger.run(['due', '--lang', lang]).stdout).toContain(note);
    expect(ledger.run(['status', ID, '--json']).json.registrations[0].deadline.date).toBe('2026-10-10');
  });
});

describe("the README's install check works on a fresh machine (item 13)", () => {
  it('the line after `npm install -g` exits 0 with no ledger anywhere', () => {
    const line = README.split('\n').find((l) => l.trim().startsWith('sscard --version &&'));
    expect(line).toBeDefined();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-fresh-'));
    try {
      fs.mkdirSync(path.join(home, 'bin'));
      fs.writeFileSync(path.join(home, 'bin', 'sscard'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
      const command = line!.replace(/\s+#.*$/, '').trim();
      const out = execFileSync('sh', ['-c', command], {
        env: { PATH: `${home}/bin:/usr/bin:/bin`, HOME: home, LANG: 'C' },
        encoding: 'utf8',
      });
      expect(out).toMatch(/^\d+\.\d+\.\d+/);
      expect(fs.existsSync(path.join(home, '.local'))).toBe(false); // no ledger created
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('--help wrapped by display width (item 7)', () => {
  it('breaks Chinese between characters, never inside an option name or before closing punctuation', () => {
    const help = run(['import', '--help', '--lang', 'zh']).stdout;
    expect(help).toContain('postgres://user@host/db[?schema=NAME]'); // whole
    for (const line of help.split('\n')) {
      expect(line.trimStart(), line).not.toMatch(/^[，。、；：）]/);
      expect(
        [...line].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1), 0),
        line,
      ).toBeLessThanOrEqual(80);
    }
    expect(help).not.toMatch(/） （/); // no space between Chinese brackets
  });
});

describe.skipIf(!hasTmux)('the import progress bar at a real terminal (item 1)', () => {
  it.each([
    ['C.UTF-8', /\r\[#*-*\] +\d+% [\d,]+ rows/],
    ['zh_CN.UTF-8', /\r\[#*-*\] +\d+% [\d,]+ 行/],
  ])('LANG=%s: drawn on stderr while the roster is read, then cleared', async (lang, bar) => {
    ledger = tempLedger();
    const csv = path.join(ledger.dir, 'roster.csv');
    const rows = Array.from({ length: 3000 }, (_, i) => `${validId(i)},Acme,2026-09-01`);
    fs.writeFileSync(csv, `id,employer,hired_on\n${rows.join('\n')}\n`);
    const drawn = path.join(ledger.dir, 'terminal.out');
    const screen = terminal(`new-user-progress-${lang[0]}`);
    try {
      // The command waits for Enter, so that the recording is in place before it writes anything.
      screen.start(
        `read go; SSCARD_TODAY=2026-11-24 LANG=${lang} "${process.execPath}" "${BIN}" --db "${ledger.db}" import "${csv}"; echo "EXIT=$?"; sleep 60`,
      );
      screen.record(drawn);
      screen.keys('Enter');
      expect(await screen.screenUntil(/EXIT=\d+/, 60_000)).toContain('EXIT=0');
      const written = fs.readFileSync(drawn, 'utf8');
      expect(written).toMatch(bar);
      expect(written).toMatch(/\r +\r/); // the line is cleared when done
    } finally {
      screen.kill();
    }
  });
});

/** A valid identity number for each i: Beijing Dongcheng, born 1980-01-01 plus i days' worth of sequence numbers. */
function validId(i: number): string {
  const first17 = `110101${1980 + Math.floor(i / 900)}0101${String(100 + (i % 900)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, k) => s + Number(d) * weights[k]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

describe('a masked export given back to import (item 2, SPEC 2.3)', () => {
  it.each(['csv', 'xlsx'] as const)('%s: export warns, import answers with one sentence and writes nothing', (format) => {
    ledger = tempLedger();
    for (let i = 0; i < 3; i++)
      expect(ledger.run(['register-employee', '--id', validId(i), '--employer', 'Acme', '--hired-on', '2026-09-01', '--pending']).code).toBe(0);
    const file = path.join(ledger.dir, `ledger.${format}`);
    const exported = execFileSync('sh', ['-c', `"${process.execPath}" "${BIN}" --db "${ledger.db}" export --format ${format} > "${file}" 2> "${file}.err"`], {
      env: { PATH: process.env.PATH ?? '', HOME: ledger.dir, LANG: 'C', SSCARD_TODAY: '2026-11-24' },
    });
    expect(exported.length).toBe(0);
    expect(fs.readFileSync(`${file}.err`, 'utf8')).toBe('Identity numbers are masked; add --reveal for a file that `sscard import` can read back.\n');
    const copy = tempLedger();
    try {
      for (const dryRun of [[], ['--dry-run'], ['--skip-invalid']]) {
        const r = copy.run(['import', file, ...dryRun]);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(
          `sscard: ledger.${format} holds masked identity numbers (an export made without --reveal), so it cannot be imported; export it again with \`sscard export --format ${format} --reveal\`.\n`,
        );
      }
      expect(copy.bytes()).toBeNull();
      expect(copy.run(['import', file, '--lang', 'zh']).stderr).toContain(`请用 \`sscard export --format ${format} --reveal\` 重新导出`);
    } finally {
      copy.cleanup();
    }
  });
});

describe('--sheet on a workbook openpyxl wrote (item 3)', () => {
  // Made by test/fixtures/openpyxl/make-roster.py with Debian's python3-openpyxl: the sheets are stored before
  // xl/workbook.xml and its relationships name them by absolute paths, as openpyxl and pandas write them.
  const workbook = path.resolve(__dirname, '../fixtures/openpyxl/花名册-openpyxl.xlsx');

  it('imports the sheet named, with its text, Excel and written dates', () => {
    ledger = tempLedger();
    const r = ledger.run(['import', workbook, '--sheet', '花名册']);
    expect(r.code, r.stderr).toBe(0);
    expect(ledger.query('SELECT person_id, employer, hired_on, registered_on FROM hire ORDER BY person_id')).toEqual([
      { person_id: ID, employer: 'Acme Ltd', hired_on: '2026-09-01', registered_on: null },
      { person_id: '440106199001011235', employer: 'Acme Ltd', hired_on: '2026-09-15', registered_on: '2026-09-20' },
    ]);
  });

  it("a sheet it does not have is refused naming the workbook's own sheet names", () => {
    const r = run(['import', workbook, '--sheet', 'Roster', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sscard: --sheet: the workbook has no sheet "Roster"; it has "说明", "花名册".\n');
  });
});

describe('a title above the header (item 5)', () => {
  const titled = path.resolve(__dirname, '../fixtures/openpyxl/花名册-标题行.xlsx'); // a merged title and a date line, then the header on row 3

  it('xlsx: the header is found below the title, and the row used is said', () => {
    ledger = tempLedger();
    const r = ledger.run(['import', titled]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Took line 3 as the header, passing over the rows above it (a title); give --header-row N to choose another.');
    expect(ledger.query('SELECT person_id, hired_on FROM hire')).toEqual([{ person_id: ID, hired_on: '2026-09-01' }]);
    expect(ledger.run(['import', titled, '--dry-run', '--lang', 'zh']).stderr).toContain('已将第 3 行作为表头');
  });

  it('csv: --header-row N takes that line, and says nothing more', () => {
    ledger = tempLedger();
    const csv = path.join(ledger.dir, 'title.csv');
    fs.writeFileSync(csv, `某某公司员工花名册,,\n\n身份证号,用人单位,入职日期\n${ID},Acme,2026-09-01\n`);
    const r = ledger.run(['import', csv, '--header-row', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(ledger.run(['import', csv, '--header-row', '2', '--dry-run']).stderr).toBe(
      'sscard: --header-row: line 2 is blank or past the end of the file; give the line of the header (the row of column names).\n',
    );
    expect(ledger.run(['import', csv, '--header-row', 'x']).code).toBe(2);
  });

  it('no header in the first rows: the sentence says how to point at it', () => {
    ledger = tempLedger();
    const csv = path.join(ledger.dir, 'no-id.csv');
    fs.writeFileSync(csv, 'a,b\n1,2\n3,4\n');
    const r = ledger.run(['import', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('in the first 3 rows');
    expect(r.stderr).toContain('--header-row N');
  });
});

describe('a roster given again with a corrected hire date (item 4)', () => {
  it('warns that a second open hire was added, naming the correction to make; the same file again says nothing', () => {
    ledger = tempLedger();
    const write = (name: string, hiredOn: string) => {
      const file = path.join(ledger.dir, name);
      fs.writeFileSync(file, `身份证号,用人单位,入职日期\n${ID},Acme Ltd,${hiredOn}\n`);
      return file;
    };
    expect(ledger.run(['import', write('first.csv', '2026-09-01')]).stderr).toBe('');
    const corrected = write('corrected.csv', '2026-09-03');
    const r = ledger.run(['import', corrected]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('line 2: 110105********002X already has an open hire at Acme Ltd from 2026-09-01; this row adds a second from 2026-09-03.');
    expect(r.stderr).toContain('sscard revoke SEQ');
    expect(ledger.run(['import', corrected]).stderr).toBe(''); // nothing added the second time
    expect(ledger.run(['import', corrected, '--lang', 'zh', '--dry-run']).stderr).toBe('');
  });

  it('says at most 100 such rows, then counts the rest, as it does for bad rows', () => {
    ledger = tempLedger();
    const file = path.join(ledger.dir, 'rehires.csv');
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    const rows = Array.from({ length: 106 }, (_, i) => `${ID},Acme Ltd,${day(i)}`);
    fs.writeFileSync(file, `身份证号,用人单位,入职日期\n${rows.join('\n')}\n`);
    const r = ledger.run(['import', file]);
    expect(r.code, r.stderr).toBe(0);
    const said = r.stderr.split('\n').filter((line) => line.includes('already has an open hire at Acme Ltd'));
    expect(said).toHaveLength(100);
    expect(said[0]).toContain('line 3:');
    expect(r.stderr).toContain('and 5 more rows adding a second open hire at the same employer.');
  });
});

describe('--employer as a clerk types it (item 14, in part)', () => {
  it('matches whatever the case, width and spaces; offers close names when none matches', () => {
    ledger = tempLedger();
    expect(ledger.run(['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-11-01', '--pending']).code).toBe(0);
    for (const typed of ['acme  ltd', 'ACME LTD', 'ＡＣＭＥ Ｌｔｄ']) {
      expect(ledger.run(['people', '--employer', typed, '--json']).json.people, typed).toHaveLength(1);
      expect(ledger.run(['due', '--employer', typed, '--json']).json.items, typed).toHaveLength(1);
    }
    const near = ledger.run(['due', '--employer', 'Acme']);
    expect(near.code).toBe(0);
    expect(near.stderr).toBe('No employer in the ledger is called "Acme"; did you mean "Acme Ltd"?\n');
    expect(ledger.run(['people', '--employer', 'Acme Lt', '--lang', 'zh']).stderr).toBe('台账中没有名为“Acme Lt”的用人单位；是否要找：“Acme Ltd”？\n');
    expect(ledger.run(['people', '--employer', 'Zeta']).stderr).toContain('No employer in the ledger is called "Zeta"');
  });
});

describe('Chinese typography (item 16, in part)', () => {
  it('no space inside Chinese text in calendar load\'s refusals ("第 1 项的日期", not "第 1 项 的日期")', () => {
    ledger = tempLedger();
    const file = path.join(ledger.dir, '2027.json');
    fs.writeFileSync(file, JSON.stringify({ year: 2027, days: [{ name: '春节', date: '2027-02-30', isOffDay: true }] }));
    const r = ledger.run(['calendar', 'load', file, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/项的日期/);
    expect(r.stderr).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
  });
});
