// `sscard serve`'s HTTP server (SPEC 2.5), on Node's own http module: a
// handful of routes need no router, and none is loaded at start-up. Every
// request passes the security checks first (security.ts); the ledger is used
// by one request at a time (one store, as one command uses it); a failure is
// a page with its status code and one sentence from the catalogue, never a
// stack trace, and a refused write changes nothing (the commands' own
// transactions).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chinaDate } from '../core/calendar-date.js';
import { redactIds } from '../core/masking.js';
import type { Context } from '../cli/context.js';
import { failureOf } from '../cli/exit.js';
import type { Lang } from '../cli/text/lang.js';
import { messagesFor } from '../cli/text/messages/index.js';
import { sweptTempDir } from '../cli/private-temp.js';
import { printable } from '../cli/text/safe-text.js';
import type { OpenHireGroup, Store } from '../store/store.js';
import { SCRIPT, STYLE } from './assets.js';
import { esc, page } from './html.js';
import {
  agendaPage,
  type CalendarDocument,
  calendarPage,
  historyPage,
  type ImportOutcome,
  importDone,
  importForm,
  importPreview,
  type Page,
  peoplePage,
  personPage,
  policiesPage,
  type View,
} from './pages.js';
import { allowedHosts, cookie, cookies, LANG_COOKIE, randomToken, SECURITY_HEADERS, SESSION_COOKIE, type Session, Sessions, sameSecret } from './security.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  /** The serve command's context: the ledger (one store for the server's life), the day given by --as-of, the policy default. */
  readonly base: Context;
  /** Runs a command as the command line would, in this process, with the given context (its output is collected). */
  readonly commands: Commands;
  /** For tests: the token (otherwise random). */
  readonly token?: string;
}

/** The commands the pages run as they are (their checks, their transactions). */
export interface Commands {
  history(ctx: Context, args: { id: string }): Promise<unknown>;
  revoke(ctx: Context, args: { seqs: string[]; reason: string; yes: true }): Promise<unknown>;
  import(ctx: Context, args: { file: string; dryRun?: boolean; skipInvalid?: boolean }): Promise<unknown>;
  calendar(ctx: Context): Promise<unknown>;
  policies(ctx: Context, args: { id?: string }): Promise<unknown>;
  due(ctx: Context, args: { format: 'ics'; employer?: string; kind?: string; within?: string }): Promise<unknown>;
}

export interface WebServer {
  readonly url: string;
  readonly server: http.Server;
  close(): Promise<void>;
}

/** Uploads larger than this are refused (the command line imports any size, streamed). */
const MAX_UPLOAD_MIB = 64;
const MAX_FORM_BYTES = 64 * 1024;

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly text: (m: ReturnType<typeof messagesFor>) => string,
  ) {
    super('http');
  }
}

interface Upload {
  readonly dir: string;
  readonly file: string;
  readonly name: string;
  readonly session: string;
}

export async function startServer(options: ServeOptions): Promise<WebServer> {
  const { base, commands } = options;
  const token = options.token ?? randomToken();
  const sessions = new Sessions();
  const uploads = new Map<string, Upload>();
  // Links to a person carry a reference, not the identity number (it would stay in the browser's history and logs).
  const secret = crypto.randomBytes(32);
  const ids = new Map<string, string>();
  const ref = (id: string) => {
    const r = crypto.createHmac('sha256', secret).update(id).digest('base64url').slice(0, 22);
    if (!ids.has(r)) {
      if (ids.size >= 200_000) ids.delete(ids.keys().next().value!);
      ids.set(r, id);
    }
    return r;
  };
  // The counts of the agenda, remembered until the ledger changes (a new event) or the view's day does.
  let counted: { key: string; groups: OpenHireGroup[] } | null = null;
  const openHireGroups = async (store: Store) => {
    const key = `${await store.lastSeq()}|${base.viewOn}`;
    if (counted?.key !== key) counted = { key, groups: await store.openHireGroups(base.viewOn) };
    return counted.groups;
  };
  // One request at a time uses the ledger: a write's transaction and another request's reads never interleave on its connection.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  let hosts: Set<string> | null = null;

  /** A command's context for one request: its language, reveal, output collected. */
  const contextFor = (lang: Lang, extra: { reveal?: boolean; json?: boolean; command?: string } = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const today = base.viewOn ?? chinaDate(new Date());
    const ctx: Context = {
      out: { write: (text: string) => out.push(text) },
      err: { write: (text: string) => err.push(text) },
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      get color() {
        return base.color;
      },
      get promptIO() {
        return base.promptIO;
      },
      get stdin() {
        return base.stdin;
      },
      today,
      viewOn: base.viewOn,
      defaultPolicy: base.defaultPolicy,
      ledger: base.ledger,
      // The source recorded with each event this request writes.
      command: extra.command ?? 'serve',
      lang,
      m: messagesFor(lang),
      json: Boolean(extra.json),
      reveal: Boolean(extra.reveal),
      get calendar() {
        return base.calendar;
      },
      openStore: base.openStore,
      scratchStore: base.scratchStore,
      openLedgerAt: base.openLedgerAt,
    };
    return { ctx, out, err };
  };

  // When each request arrived: its answer says how long the server took (Server-Timing), which the bench reads.
  const arrived = new WeakMap<ServerResponse, number>();
  const timing = (res: ServerResponse) => `app;dur=${(performance.now() - (arrived.get(res) ?? performance.now())).toFixed(1)}`;
  const respond = (res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string | string[]> = {}) => {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Server-Timing': timing(res),
      ...headers,
    });
    res.end(body);
  };
  const redirect = (res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}) => {
    res.writeHead(303, { ...SECURITY_HEADERS, Location: location, 'Content-Length': 0, ...headers });
    res.end();
  };

  const langOf = (req: IncomingMessage): Lang => {
    const chosen = cookies(req)[LANG_COOKIE];
    if (chosen === 'zh' || chosen === 'en') return chosen;
    // Accept-Language: the first language the browser ranks highest that sscard speaks.
    const ranked = (req.headers['accept-language'] ?? '')
      .split(',')
      .map((part) => {
        const [tag, ...params] = part.trim().toLowerCase().split(';');
        const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
        return { tag: tag ?? '', q: q ? Number(q[1]) : 1 };
      })
      .filter((x) => x.q > 0 && (x.tag.startsWith('zh') || x.tag.startsWith('en')))
      .sort((a, b) => b.q - a.q);
    return ranked[0]?.tag.startsWith('zh') ? 'zh' : 'en';
  };

  const html = (res: ServerResponse, status: number, lang: Lang, here: string, p: Page, headers: Record<string, string | string[]> = {}) => {
    const { ctx } = contextFor(lang);
    const frame = { m: ctx.m, lang, here, ledger: base.ledger, today: ctx.today, active: p.active ?? null };
    respond(res, status, page(frame, p.title, p.body), 'text/html; charset=utf-8', headers);
  };

  /** A failure as a page: its status, one sentence (worded by the catalogue, identity numbers masked), no stack trace. */
  const failurePage = (res: ServerResponse, lang: Lang, error: unknown) => {
    const m = messagesFor(lang);
    let status: number;
    let message: string;
    if (error instanceof HttpFailure) {
      status = error.status;
      message = error.text(m);
    } else {
      const failure = failureOf(error, m);
      message = failure.message;
      const name = (error as { name?: string } | null)?.name;
      status = name === 'InvalidInput' ? 400 : name === 'NotFound' ? 404 : name === 'Refused' ? 409 : failure.code === 'ledger-busy' ? 503 : 500;
    }
    const body = `<p class="error" id="error">${esc(printable(redactIds(message)))}</p><p><a href="/">${esc(m.web.errors.back)}</a></p>`;
    html(res, status, lang, '/', { title: m.web.errors.title, body });
  };

  const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > limit) {
        reject(new HttpFailure(413, (m) => m.web.import.tooLarge(MAX_UPLOAD_MIB)));
        req.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          reject(new HttpFailure(413, (m) => m.web.import.tooLarge(MAX_UPLOAD_MIB)));
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });

  /** The session's CSRF token must come with every write, and the browser's origin (when it says) must be this server. */
  const checkWrite = (req: IncomingMessage, session: Session, form: { get(name: string): string | null }) => {
    const origin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    const sameOrigin = (origin === undefined || origin === `http://${req.headers.host}`) && (fetchSite === undefined || fetchSite === 'same-origin');
    if (!sameOrigin || !sameSecret(form.get('csrf') ?? undefined, session.csrf)) throw new HttpFailure(403, (m) => m.web.errors.csrf);
  };

  const view = (ctx: Context, session: Session, store: Store | null): View => ({
    ctx,
    session,
    store,
    ref,
    idOf: (r) => ids.get(r) ?? null,
    openHireGroups,
  });

  const store = async () => base.openStore({ write: false });

  const historyOf = (lang: Lang, reveal: boolean) => async (id: string) => {
    const { ctx, out } = contextFor(lang, { json: true, reveal });
    await commands.history(ctx, { id });
    return JSON.parse(out.join(''));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const lang = langOf(req);
    // DNS rebinding: a request must name this server as it was bound.
    if (hosts !== null && !hosts.has((req.headers.host ?? '').toLowerCase())) throw new HttpFailure(403, (m) => m.web.errors.host);
    const url = new URL(req.url ?? '/', 'http://sscard.invalid');
    const given = url.searchParams.get('token');
    let session = sessions.find(cookies(req)[SESSION_COOKIE]);
    if (given !== null) {
      if (!sameSecret(given, token)) throw new HttpFailure(401, (m) => m.web.errors.unauthorized);
      // The token is traded for a session cookie, and taken out of the address (history, bookmarks, screen).
      session ??= sessions.create();
      url.searchParams.delete('token');
      redirect(res, `${url.pathname}${url.search}`, { 'Set-Cookie': cookie(SESSION_COOKIE, session.id) });
      return;
    }
    if (session === null) throw new HttpFailure(401, (m) => m.web.errors.unauthorized);
    const here = `${url.pathname}${url.search}`;
    const wantLang = url.searchParams.get('lang');
    if (wantLang === 'zh' || wantLang === 'en') {
      url.searchParams.delete('lang');
      redirect(res, `${url.pathname}${url.search}`, { 'Set-Cookie': cookie(LANG_COOKIE, wantLang, 365 * 86400) });
      return;
    }
    const route = url.pathname;
    const method = req.method ?? 'GET';

    if (route === '/assets/style.css') return respond(res, 200, STYLE, 'text/css; charset=utf-8');
    if (route === '/assets/app.js') return respond(res, 200, SCRIPT, 'text/javascript; charset=utf-8');

    if (method === 'GET' || method === 'HEAD') {
      const reveal = url.searchParams.get('reveal') === '1';
      const { ctx, out } = contextFor(lang, { reveal: reveal && route.startsWith('/person/') });
      const show = async (p: () => Promise<Page> | Page) => {
        const result = await exclusive(async () => p());
        html(res, 200, lang, here, result);
      };
      if (route === '/') return show(async () => agendaPage(view(ctx, session, await store()), url.searchParams));
      if (route === '/agenda.ics') {
        const params = url.searchParams;
        await exclusive(() =>
          commands.due(ctx, {
            format: 'ics',
            employer: params.get('employer') || undefined,
            kind: params.get('kind') || undefined,
            within: params.get('within') || undefined,
          }),
        );
        return respond(res, 200, out.join(''), 'text/calendar; charset=utf-8', { 'Content-Disposition': 'attachment; filename="sscard-deadlines.ics"' });
      }
      if (route === '/people') return show(async () => peoplePage(view(ctx, session, await store()), url.searchParams));
      const person = /^\/person\/([\w-]{1,40})(\/history)?$/.exec(route);
      if (person) {
        const [, r, history] = person as unknown as [string, string, string | undefined];
        if (history) {
          const done = url.searchParams.get('revoked');
          const note = done && /^\d{1,15}$/.test(done) ? `<p class="notice" id="done">${esc(ctx.m.web.history.done(Number(done)))}</p>` : '';
          return show(async () => historyPage(view(ctx, session, await store()), r, historyOf(lang, reveal), note));
        }
        return show(async () => personPage(view(ctx, session, await store()), r));
      }
      if (route === '/import') return show(() => importForm(view(ctx, session, null)));
      if (route === '/policies') {
        const { ctx: textCtx, out: text } = contextFor(lang);
        return show(async () => {
          await commands.policies(textCtx, {});
          return policiesPage(view(ctx, session, null), text.join(''));
        });
      }
      if (route === '/calendar') {
        const { ctx: jsonCtx, out: doc } = contextFor(lang, { json: true });
        return show(async () => {
          await commands.calendar(jsonCtx);
          return calendarPage(view(ctx, session, null), JSON.parse(doc.join('')) as CalendarDocument);
        });
      }
      throw new HttpFailure(404, (m) => m.web.errors.notFound);
    }

    if (method !== 'POST') throw new HttpFailure(405, (m) => m.web.errors.method);

    if (route === '/revoke') {
      const form = new URLSearchParams((await readBody(req, MAX_FORM_BYTES)).toString('utf8'));
      checkWrite(req, session, form);
      const r = form.get('ref') ?? '';
      const seq = form.get('seq') ?? '';
      const reason = form.get('reason') ?? '';
      const { ctx } = contextFor(lang, { json: true, command: 'revoke (web)' });
      try {
        await exclusive(() => commands.revoke(ctx, { seqs: [seq], reason, yes: true }));
      } catch (error) {
        // The history again, with the refusal above it: nothing was written.
        if (!ids.has(r)) throw error;
        const m = messagesFor(lang);
        const failure = failureOf(error, m);
        const status = failure.code === 'internal' ? 500 : failure.exitCode === 2 ? 400 : 409;
        const message = `<p class="error" id="error">${esc(printable(redactIds(failure.message)))}</p>`;
        const { ctx: pageCtx } = contextFor(lang);
        const p = await exclusive(async () => historyPage(view(pageCtx, session, await store()), r, historyOf(lang, false), message));
        return html(res, status, lang, `/person/${r}/history`, p);
      }
      return redirect(res, `/person/${encodeURIComponent(r)}/history?revoked=${encodeURIComponent(seq)}`);
    }

    if (route === '/import') {
      const type = req.headers['content-type'] ?? '';
      const parts = multipart(await readBody(req, MAX_UPLOAD_MIB * 1024 * 1024), type);
      checkWrite(req, session, { get: (name) => parts.get(name)?.data.toString('utf8') ?? null });
      const file = parts.get('file');
      const { ctx } = contextFor(lang, { json: true });
      if (!file || file.filename === undefined || file.filename === '' || file.data.length === 0)
        return html(res, 400, lang, '/import', importForm(view(ctx, session, null), `<p class="error" id="error">${esc(ctx.m.web.import.noFile)}</p>`));
      const name = safeName(file.filename);
      if (!/\.(xlsx|csv|tsv|txt|json)$/i.test(name))
        return html(res, 400, lang, '/import', importForm(view(ctx, session, null), `<p class="error" id="error">${esc(ctx.m.web.import.badType)}</p>`));
      // Kept in a directory of this user's alone until confirmed (the import reads a file, as on the command line).
      // Named as a private directory of this process, so that a killed server's upload is removed by the next run.
      const dir = sweptTempDir();
      const stored = path.join(dir, name);
      fs.writeFileSync(stored, file.data, { mode: 0o600 });
      const id = randomToken();
      uploads.set(id, { dir, file: stored, name, session: session.id });
      const { outcome, notes } = await runImport(lang, stored, true);
      return html(res, 200, lang, '/import', importPreview(view(ctx, session, null), id, name, outcome, notes));
    }

    if (route === '/import/confirm') {
      const form = new URLSearchParams((await readBody(req, MAX_FORM_BYTES)).toString('utf8'));
      checkWrite(req, session, form);
      const upload = uploads.get(form.get('upload') ?? '');
      const { ctx } = contextFor(lang, { json: true });
      if (!upload || upload.session !== session.id)
        return html(res, 410, lang, '/import', importForm(view(ctx, session, null), `<p class="error" id="error">${esc(ctx.m.web.import.expired)}</p>`));
      const { outcome, notes } = await runImport(lang, upload.file, false, form.get('skipInvalid') === '1');
      uploads.delete(form.get('upload')!);
      fs.rmSync(upload.dir, { recursive: true, force: true });
      return html(res, 200, lang, '/import', importDone(view(ctx, session, null), upload.name, outcome, notes));
    }

    throw new HttpFailure(404, (m) => m.web.errors.notFound);
  };

  /**
   * The import command on a stored upload. The preview is a dry run that goes
   * on past bad rows (--dry-run --skip-invalid): its counts are the good rows'
   * and it lists the bad ones, so the page can offer both ways to write.
   */
  const runImport = async (lang: Lang, file: string, dryRun: boolean, skipInvalid = false): Promise<{ outcome: ImportOutcome; notes: string[] }> => {
    const { ctx, out, err } = contextFor(lang, { json: true });
    await exclusive(() => commands.import(ctx, { file, dryRun, skipInvalid: dryRun || skipInvalid }));
    return { outcome: JSON.parse(out.join('')) as ImportOutcome, notes: notesOf(err) };
  };

  const server = http.createServer((req, res) => {
    arrived.set(res, performance.now());
    handle(req, res).catch((error) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      try {
        failurePage(res, langOf(req), error);
      } catch {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // The agenda's counts of a large ledger take seconds (1,000,000 hires: 2-4 s on a loaded machine): begun
  // now, while the address is printed and the browser opens; a first request waits for the rest (exclusive).
  void exclusive(async () => {
    const store = await base.openStore({ write: false });
    if (store) await openHireGroups(store);
  }).catch(() => undefined);
  const port = (server.address() as { port: number }).port;
  hosts = allowedHosts(options.host, port);
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? os.hostname() : options.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/?token=${token}`;
  return {
    url,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const upload of uploads.values()) fs.rmSync(upload.dir, { recursive: true, force: true });
    },
  };
}

/** A file name as the browser gave it, reduced to a base name without control characters (it names the events' source). */
function safeName(given: string): string {
  const base = given.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean.slice(-120) || 'roster';
}

function notesOf(err: readonly string[]): string[] {
  return err
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A multipart/form-data body's fields (RFC 7578): a form's few fields and one file, read whole. */
export function multipart(body: Buffer, contentType: string): Map<string, { filename?: string; data: Buffer }> {
  const fields = new Map<string, { filename?: string; data: Buffer }>();
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!/^multipart\/form-data/i.test(contentType) || !boundary) throw new HttpFailure(400, (m) => m.web.errors.badRequest);
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  // The body starts with the delimiter without its CRLF.
  let at = body.indexOf(delimiter.subarray(2));
  while (at >= 0) {
    const start = at + delimiter.length - 2;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headersEnd = body.indexOf('\r\n\r\n', start);
    if (headersEnd < 0) break;
    const headers = body.subarray(start, headersEnd).toString('utf8');
    const end = body.indexOf(delimiter, headersEnd + 4);
    if (end < 0) break;
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (name !== undefined) fields.set(name, { filename: filename?.replace(/%22/g, '"'), data: body.subarray(headersEnd + 4, end) });
    at = end + 2;
  }
  return fields;
}
