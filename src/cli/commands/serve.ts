// sscard serve: the ledger as web pages on this computer (SPEC 2.5), as
// hledger-web serves hledger's: the same store, core and words as the
// commands, laid out as HTML by src/web. Listens on 127.0.0.1 unless told
// otherwise (and then only with --allow-remote), prints one address with a
// random token, opens it in the browser, and serves until Ctrl-C.
import { spawn } from 'node:child_process';
import { InvalidInput, Refused } from '../../core/errors.js';
import { isLoopback } from '../../web/security.js';
import { startServer } from '../../web/server.js';
import { run as calendar } from './calendar.js';
import type { Context } from '../context.js';
import { run as due } from './due.js';
import { run as history } from './history.js';
import { run as importRoster } from './import.js';
import { run as policies } from './policies.js';
import { run as revoke } from './revoke.js';

export interface ServeArgs {
  port?: string;
  host?: string;
  /** false with --no-open. */
  open?: boolean;
  allowRemote?: boolean;
}

export async function run(ctx: Context, args: ServeArgs): Promise<void> {
  const m = ctx.m.web;
  const host = args.host?.trim() || '127.0.0.1';
  if (!isLoopback(host) && !args.allowRemote) throw new InvalidInput('remote-needs-flag', m.remoteNeedsFlag(host));
  const portText = args.port?.trim() ?? '0';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535 || (args.port !== undefined && Number(portText) === 0))
    throw new InvalidInput('invalid-port', m.invalidPort(portText.slice(0, 20)));
  // Opened before listening: a ledger that cannot be used is said at once, as by any command.
  await ctx.openStore({ write: false });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      host,
      port: Number(portText),
      base: ctx,
      commands: { history, revoke, import: importRoster, calendar, policies, due: (c, a) => due(c, a as Parameters<typeof due>[1]) },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Refused('port-in-use', m.portInUse(Number(portText)));
    throw new Refused('cannot-listen', m.cannotListen(host, code ? ctx.m.cause(code) : String(error)));
  }
  // The warning first: it is read before the address is used.
  if (!isLoopback(host)) ctx.err.write(`${m.remoteWarning(host)}\n`);
  ctx.out.write(`${m.serving(server.url)}\n`);
  if (args.open !== false) openInBrowser(server.url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  ctx.err.write(`${m.stopped}\n`);
}

/** The system's way to open an address; if there is none, the printed address is enough. */
function openInBrowser(url: string): void {
  const [command, ...args] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : ['xdg-open', url];
  try {
    const child = spawn(command!, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no opener: the address is printed
  }
}
