// Shell completion (issue 13): the scripts `sscard completion bash|zsh|fish`
// print are loaded into the real shells, in a real terminal (tmux), and Tab
// after `--channel ` offers the channels; option values (languages, formats,
// guide topics, shells) complete, and --help is offered once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENABLE_CHANNELS, REPLACE_REASONS } from '../../src/core/card.js';
import { ECARD_CHANNELS } from '../../src/core/ecard.js';
import { TOPICS } from '../../src/cli/text/guide-topics.js';
import { BIN, run } from './harness.js';
import { hasTmux, terminal } from './tmux.js';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** The policy IDs of data/policies.json, which completion offers for --policy. */
const policyIds: string[] = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/policies.json'), 'utf8')).policies.map((p: { id: string }) => p.id);
/** The city IDs of data/contributions.json, which completion offers for `rates [city]` and --city. */
const cityIds: string[] = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/contributions.json'), 'utf8')).cities.map((c: { id: string }) => c.id);

describe('the bash completion function', () => {
  const script = run(['completion', 'bash']).stdout;
  /** What _sscard offers for the command line `words` (the last one being completed). */
  // --norc: a bash whose standard input is a socket (Node's pipes are) and that is not inside another shell reads
  // ~/.bashrc, as if started by rshd: the machine's own start-up (pyenv init here: 300 ms) is not under test.
  const complete = (...words: string[]) =>
    spawnSync(
      'bash',
      ['--norc', '-c', `${script}\nCOMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _sscard; echo "\${COMPREPLY[@]}"`],
      {
        encoding: 'utf8',
      },
    )
      .stdout.trim()
      .split(/\s+/)
      .filter(Boolean);

  it.each([
    // The values are the core's own lists: a channel added there is completed here.
    [['sscard', 'ecard', 'claim', '--channel', ''], [...ECARD_CHANNELS]],
    [['sscard', 'enable', '--channel', ''], [...ENABLE_CHANNELS]],
    [['sscard', 'card', 'replace', '--reason', ''], [...REPLACE_REASONS]],
    [['sscard', 'guide', ''], [...TOPICS]],
    [['sscard', 'card', 'issue', '--policy', 'sh'], policyIds.filter((p) => p.startsWith('sh'))],
    [['sscard', 'ecard', 'claim', '--channel', 'a'], ['alipay']],
    [
      ['sscard', '--lang', ''],
      ['zh', 'en'],
    ],
    [
      ['sscard', 'status', '--lang', ''],
      ['zh', 'en'],
    ],
    [
      ['sscard', 'export', '--format', ''],
      ['csv', 'xlsx', 'json'],
    ],
    [
      ['sscard', 'completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [
      ['sscard', '--db', 'x.db', 'card', 'rep'],
      ['report-loss', 'replace'],
    ],
    [['sscard', 'activate', '--guar'], ['--guardian-id']],
    [['sscard', 'reg'], ['register-employee']],
    // A free value (an identity number) is not completed with option names.
    [['sscard', 'ecard', 'claim', '--id', ''], []],
    // v3 (issue 26): card-making progress, policy corrections, employers and rates.
    [
      ['sscard', 'card', 'apply', '--generation', ''],
      ['2', '3'],
    ],
    [['sscard', 'card', 'set-policy', '--policy', 'gu'], policyIds.filter((p) => p.startsWith('gu'))],
    [
      ['sscard', 'card', 're'],
      ['ready', 'receive', 'report-loss', 'replace'],
    ],
    [['sscard', 'policies', 'sh'], policyIds.filter((p) => p.startsWith('sh'))],
    [
      ['sscard', 'rates', ''],
      [...cityIds, 'load'],
    ],
    [['sscard', 'employer', 'add', '--city', ''], cityIds],
    [['sscard', 'employer', 'set', '--city', 'b'], cityIds.filter((c) => c.startsWith('b'))],
    [['sscard', 'due', '--kind', 'c'], ['collection']],
  ])('%j', (words, expected) => expect(complete(...words).sort()).toEqual([...expected].sort()));

  it('offers every policy ID and lists --help once per command', () => {
    expect(policyIds.length).toBeGreaterThan(1);
    expect(complete('sscard', 'card', 'issue', '--policy', '').sort()).toEqual([...policyIds].sort());
    for (const command of [['status'], ['card', 'issue'], ['ecard', 'claim'], []]) {
      const offered = complete('sscard', ...command, '--');
      expect(
        offered.filter((w) => w === '--help'),
        command.join(' '),
      ).toHaveLength(1);
      expect(new Set(offered).size, command.join(' ')).toBe(offered.length);
    }
  });

  it('refuses an unknown shell in the user language', () => {
    const en = run(['completion', 'tcsh']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('<shell> must be bash, zsh or fish, not "tcsh".');
    expect(run(['completion', 'tcsh', '--lang', 'zh']).stderr).toContain('<shell> 须为 bash、zsh 或 fish');
  });
});

describe.skipIf(!hasTmux)('Tab in a real shell (tmux)', () => {
  const { start, screenUntil, keys, sleep, kill } = terminal('completion', { width: 160, height: 30 });
  let dir: string;
  beforeAll(() => {
    // `sscard` on the PATH, as after `npm link`.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-completion-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin', 'sscard'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => kill());

  const shells = {
    bash: { command: 'bash --norc --noprofile -i', load: 'source <(sscard completion bash); echo LOADED' },
    zsh: { command: 'zsh -f -i', load: 'autoload -U compinit && compinit -u && source <(sscard completion zsh); echo LOADED' },
    fish: { command: 'fish --no-config -i', load: 'sscard completion fish | source; echo LOADED' },
  };

  it.each(Object.keys(shells) as (keyof typeof shells)[])('%s: `sscard ecard claim --channel <TAB>` lists the channels', async (shell) => {
    if (!has(shell)) return expect.fail(`${shell} is not installed (.ci/run installs zsh and fish)`);
    const env = `env -i PATH="${dir}/bin:/usr/bin:/bin" HOME="${dir}" TERM=xterm LANG=C.UTF-8`;
    start(`${env} ${shells[shell].command}`);
    await sleep(300);
    keys(shells[shell].load, 'Enter');
    await screenUntil(/^LOADED$/m);
    keys('sscard ecard claim --channel ', 'Tab');
    await sleep(300);
    keys('Tab'); // bash lists the candidates on the second Tab
    const shown = await screenUntil(/wechat/);
    for (const channel of ['12333', 'alipay', 'bank-app', 'wechat']) expect(shown).toContain(channel);
  });
});

describe.skipIf(!hasTmux)('zsh: the script saved as _sscard in $fpath (issue 28, item 12)', () => {
  const { start, screenUntil, keys, sleep, kill } = terminal('completion-fpath', { width: 160, height: 30 });
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-zfunc-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.mkdirSync(path.join(dir, '.zfunc'));
    fs.writeFileSync(path.join(dir, 'bin', 'sscard'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => kill());

  it('compinit registers it (#compdef sscard) and the first Tab completes', async () => {
    if (!has('zsh')) return expect.fail('zsh is not installed (.ci/run installs it)');
    const env = `env -i PATH="${dir}/bin:/usr/bin:/bin" HOME="${dir}" TERM=xterm LANG=C.UTF-8`;
    start(`${env} zsh -f -i`);
    await sleep(300);
    // The README's line, then compinit as a ~/.zshrc runs it: nothing sourced by hand.
    keys(`sscard completion zsh > ~/.zfunc/_sscard && fpath=(~/.zfunc $fpath) && autoload -U compinit && compinit -u && echo LOADED`, 'Enter');
    await screenUntil(/^LOADED$/m);
    keys('sscard enable --channel ', 'Tab');
    const shown = await screenUntil(/hospital/);
    for (const channel of ENABLE_CHANNELS) expect(shown).toContain(channel);
  });
});
