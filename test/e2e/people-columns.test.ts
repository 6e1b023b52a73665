// people (issue 28 item 14): a header row in the user's language, and the
// employer and hire date of the hire each line shows (of --employer's, the open
// one before an ended one, the latest; more open hires counted), the same hire
// in --json.
import { afterEach, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from './harness.js';

const WANG = '11010519491231002X';
const LI = '44030419900307123X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

function seeded(): Ledger {
  const l = tempLedger('2026-11-24');
  for (const args of [
    ['register-employee', '--id', WANG, '--name', '王芳', '--employer', '甲公司', '--hired-on', '2026-03-01', '--registered-on', '2026-03-10'],
    ['leave', '--id', WANG, '--employer', '甲公司', '--left-on', '2026-06-30', '--done-on', '2026-07-05'],
    ['register-employee', '--id', WANG, '--employer', '乙公司', '--hired-on', '2026-07-01', '--registered-on', '2026-07-10'],
    ['register-employee', '--id', LI, '--name', '李明', '--employer', '甲公司', '--hired-on', '2026-11-02', '--pending'],
    ['register-employee', '--id', LI, '--employer', '丙公司', '--hired-on', '2026-11-03', '--pending'],
  ]) {
    const r = l.run(args);
    expect(r.code, r.stderr).toBe(0);
  }
  return l;
}

describe('people', () => {
  it('zh: a header row, then each person with the employer and hire date of their open hire', () => {
    ledger = seeded();
    const lines = ledger.run(['people', '--lang', 'zh', '--no-color']).stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/ {2,}/)).toEqual(['身份证号', '姓名', '用人单位', '入职日期', '社会保障卡', '电子社保卡', '未办事项']);
    expect(lines[1]!.split(/ {2,}/).slice(0, 4)).toEqual(['110105********002X', '王芳', '乙公司', '2026-07-01']);
    // Two open hires: the latest shown, the other counted.
    expect(lines[2]!.split(/ {2,}/).slice(0, 4)).toEqual(['440304********123X', '李明', '丙公司（另有 1 处）', '2026-11-03']);
    expect(lines.at(-1)).toBe('共 2 人。');
  });

  it("--employer shows that employer's hire, even an ended one; --json names the same hire", () => {
    ledger = seeded();
    const en = ledger.run(['people', '--employer', '甲公司', '--no-color']).stdout.split('\n');
    expect(en[0]!.split(/ {2,}/)).toEqual(['ID', 'NAME', 'EMPLOYER', 'HIRED', 'CARD', 'E-CARD', 'DEADLINES']);
    expect(en[1]!.split(/ {2,}/).slice(2, 4)).toEqual(['甲公司', '2026-03-01']);
    const json = ledger.run(['people', '--employer', '甲公司', '--json']).json.people;
    expect(json.map((p: { hire: unknown }) => p.hire)).toEqual([
      { employer: '甲公司', hiredOn: '2026-03-01', leftOn: '2026-06-30', kind: 'employee' },
      { employer: '甲公司', hiredOn: '2026-11-02', leftOn: null, kind: 'employee' },
    ]);
  });
});
