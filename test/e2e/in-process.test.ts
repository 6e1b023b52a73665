// The harness runs commands inside the test process (main(argv, io) on the
// built bundles, test/e2e/harness.ts); users run them as processes. The same
// command gives the same bytes, exit code and ledger either way, and one
// in-process run leaves nothing behind for the next (no module state: a
// --json failure, a language, a colour level, an exit code).
import { afterAll, describe, expect, it } from 'vitest';
import { NOW, tempLedger } from './harness.js';

const ID = '11010519491231002X';
const today = NOW.slice(0, 10);
const processes = tempLedger(today);
const inProcess = tempLedger(today);
afterAll(() => {
  processes.cleanup();
  inProcess.cleanup();
});

const STORY: [string[], Record<string, string>?][] = [
  [['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending']],
  [['card', 'issue', '--id', ID, '--card', 'A12345678', '--issued-on', '2026-03-01', '--json']],
  [['status', ID, '--json']],
  // The deadline's reason (2026-10-01 falls in the National Day holiday) in Chinese, after the English document.
  [['status', ID, '--json', '--lang', 'zh']],
  [['status', ID, '--lang', 'zh']],
  [['status', ID], { FORCE_COLOR: '1' }],
  [['status', ID]],
  [['due', '--check']],
  [['status', '110105194912310011', '--json']],
  [['activate', '--card', 'A12345678']],
  [['card', 'cancel', '--card', 'A12345678', '--lang', 'zh']],
  [['nonsense']],
  [['--help']],
  [['card', '--help', '--lang', 'zh']],
  [['--version']],
  [['export']],
  [['import', '-'], {}],
  [['history', ID, '--reveal']],
];

/** When an event was recorded is the clock's (the in-process runs have a fixed instant): the rest must be equal. */
const untimed = (text: string) => text.replace(/\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d\.\d{3}Z| \d\d:\d\d)/g, 'RECORDED-AT');

describe('a command run in the test process answers as its own process does', () => {
  it.each(STORY.map(([args, env]) => [args.join(' '), args, env ?? {}] as const))('%s', (_, args, env) => {
    const input = args[0] === 'import' ? `id,name,employer,hired_on\n${ID},Wang Fang,Beta Co,2026-10-01\n` : '';
    const own = processes.run(args, { env, input, process: true });
    const here = inProcess.run(args, { env, input });
    expect({ code: here.code, stdout: untimed(here.stdout), stderr: here.stderr.replaceAll(inProcess.db, 'DB') }).toEqual({
      code: own.code,
      stdout: untimed(own.stdout),
      stderr: own.stderr.replaceAll(processes.db, 'DB'),
    });
  });

  it('and leaves the same ledger', () => {
    const exported = (ledger: typeof processes, process: boolean) => untimed(ledger.run(['export', '--format', 'json'], { process }).stdout);
    expect(exported(inProcess, false)).toBe(exported(processes, true));
  });
});
