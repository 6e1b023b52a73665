// A terminal the tests type into: a tmux session on a tmux server of its own,
// its screen read until an expected text appears. Each start() gets a new
// server: another file ending its last session must not stop ours under us,
// and ending a session ends its server (tmux's exit-empty) a moment later,
// so a next session on the same socket could meet a server that is exiting
// ("server exited unexpectedly": seen once in a loaded full run).
import { execFileSync, spawnSync } from 'node:child_process';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `join`: wrapped lines read as one (capture-pane -J). */
export function terminal(name: string, options: { join?: boolean; width?: number; height?: number } = {}) {
  let started = 0;
  const session = `sscard-${name}-${process.pid}`;
  const server = () => ['-L', `${session}-${started}`];
  const tmux = (...args: string[]) => execFileSync('tmux', [...server(), ...args]);
  const screen = () => tmux('capture-pane', '-t', session, '-p', ...(options.join ? ['-J'] : [])).toString();
  return {
    /** Runs `command` (a shell command line) in a new session. */
    start(command: string) {
      started += 1;
      tmux('new-session', '-d', '-s', session, '-x', String(options.width ?? 200), '-y', String(options.height ?? 40), command);
    },
    screen,
    async screenUntil(pattern: RegExp, ms = 15_000): Promise<string> {
      for (let waited = 0; waited < ms; waited += 100) {
        const shown = screen();
        if (pattern.test(shown)) return shown;
        await sleep(100);
      }
      throw new Error(`timed out waiting for ${pattern}; screen:\n${screen()}`);
    },
    keys: (...keys: string[]) => tmux('send-keys', '-t', session, ...keys),
    /** Everything the program writes to the terminal from now on, appended to `file` (what was drawn and erased too). */
    record: (file: string) => tmux('pipe-pane', '-t', session, `cat >> '${file}'`),
    sleep,
    kill: () => spawnSync('tmux', [...server(), 'kill-server']),
  };
}
