// Prompts in a real terminal (tmux), in both languages (issue 13, SPEC 2.1):
// every missing value is asked for, positional arguments included, and
// nothing the user did not say is recorded: register-employee asks for the
// employer and whether the registration is filed (default not yet), card
// issue asks for the issue date and the bank. Ctrl-C exits 130, writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, type Ledger, tempLedger } from './harness.js';
import { hasTmux, terminal } from './tmux.js';

const WANG = '11010519491231002X';
let ledger: Ledger;

describe.skipIf(!hasTmux)('prompts in a real terminal (tmux)', () => {
  const { start: open, screenUntil, keys, kill } = terminal('prompts', { join: true });
  afterEach(() => {
    kill();
    ledger?.cleanup();
  });
  function start(lang: 'en' | 'zh', args: string) {
    // The language from the locale, as a user's terminal gives it.
    const env = `SSCARD_TODAY=2026-10-01 LANG=${lang === 'zh' ? 'zh_CN.UTF-8' : 'C.UTF-8'}`;
    open(`${env} "${process.execPath}" "${BIN}" --db "${ledger.db}" ${args}; echo "EXIT=$?"; sleep 60`);
  }

  const words = {
    en: { id: /Identity number/, hired: /Hire date/, employer: /Employer/, filed: /registration been filed/, done: /Recorded the hire/ },
    zh: { id: /身份证号码/, hired: /入职日期/, employer: /用人单位/, filed: /是否已经办理/, done: /已记录/ },
  };

  it.each(['en', 'zh'] as const)('%s: register-employee with no options asks for the employer, records a pending registration', async (lang) => {
    ledger = tempLedger('2026-10-01');
    start(lang, 'register-employee');
    const w = words[lang];
    await screenUntil(w.id);
    keys(WANG, 'Enter');
    await screenUntil(w.hired);
    keys('2026-09-20', 'Enter');
    await screenUntil(w.employer);
    keys('Acme Ltd', 'Enter');
    // The list's line of keys is in the user's language too (issue 28 item 8): inquirer's own is English.
    const list = await screenUntil(lang === 'zh' ? /移动.*选择/ : /navigate.*select/);
    if (lang === 'zh') expect(list).not.toMatch(/navigate|select/);
    keys('Enter'); // the default: not filed yet
    const shown = await screenUntil(/EXIT=\d+/);
    expect(shown).toContain('EXIT=0');
    expect(shown).toMatch(w.done);
    expect(ledger.query('SELECT employer, hired_on, registered_on FROM hire')).toEqual([{ employer: 'Acme Ltd', hired_on: '2026-09-20', registered_on: null }]);
  });

  it('register-employee: a registration said to be filed is recorded with the date asked for, not today', async () => {
    ledger = tempLedger('2026-10-01');
    start('en', `register-employee --id ${WANG} --hired-on 2026-09-20 --employer Acme`);
    await screenUntil(words.en.filed);
    keys('Down', 'Enter');
    await screenUntil(/Date the registration was filed/);
    keys('2026-09-25', 'Enter');
    expect(await screenUntil(/EXIT=\d+/)).toContain('EXIT=0');
    expect(ledger.query('SELECT registered_on FROM hire')).toEqual([{ registered_on: '2026-09-25' }]);
  });

  it.each(['en', 'zh'] as const)('%s: card issue asks for the issue date and the bank', async (lang) => {
    ledger = tempLedger('2026-10-01');
    start(lang, `card issue --id ${WANG} --card A12345678`);
    await screenUntil(lang === 'zh' ? /制卡日期/ : /Date the card was issued/);
    keys('2026-03-01', 'Enter');
    await screenUntil(lang === 'zh' ? /发卡银行/ : /Issuing bank/);
    keys('ICBC', 'Enter');
    expect(await screenUntil(/EXIT=\d+/)).toContain('EXIT=0');
    expect(ledger.query('SELECT number, bank, issued_on FROM card')).toEqual([{ number: 'A12345678', bank: 'ICBC', issued_on: '2026-03-01' }]);
  });

  it.each(['en', 'zh'] as const)('%s: status with no ID asks for it', async (lang) => {
    ledger = tempLedger('2026-10-01');
    expect(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme', '--hired-on', '2026-09-20', '--pending']).code).toBe(0);
    start(lang, 'status');
    await screenUntil(words[lang].id);
    keys(WANG, 'Enter');
    const shown = await screenUntil(/EXIT=\d+/);
    expect(shown).toContain('EXIT=0');
    expect(shown).toContain('110105********002X'); // the answer stays on screen masked
    expect(shown).not.toContain(WANG);
    expect(shown).toMatch(lang === 'zh' ? /参保登记/ : /Registration/);
  });

  it.each(['en', 'zh'] as const)('%s: Ctrl-C at a prompt exits 130, says so in the language, and writes nothing', async (lang) => {
    ledger = tempLedger('2026-10-01');
    expect(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme', '--hired-on', '2026-09-20', '--pending']).code).toBe(0);
    const before = ledger.bytes();
    start(lang, `register-employee --id ${WANG} --hired-on 2026-09-21`);
    await screenUntil(words[lang].employer);
    keys('C-c');
    const shown = await screenUntil(/EXIT=\d+/);
    expect(shown).toContain('EXIT=130');
    expect(shown).toContain(lang === 'zh' ? '已取消，未做任何更改。' : 'Cancelled; nothing was written.');
    expect(ledger.bytes()).toEqual(before);
  });
});
