// The web view's protection (SPEC 2.5), in the manner of Jupyter's: the
// server listens on the loopback address by default; it prints one address
// with a random token; the first visit trades the token for a session cookie
// (HttpOnly, SameSite=Strict); every request must name the bound address in
// its Host header (against DNS rebinding: a page on another site whose name
// resolves to 127.0.0.1 still sends its own name); every write is a POST that
// carries the session's CSRF token and, when the browser says, its own origin.
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'sscard_session';
export const LANG_COOKIE = 'sscard_lang';

/** 192 random bits, URL-safe. */
export const randomToken = (): string => crypto.randomBytes(24).toString('base64url');

/** Compares secrets in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** 127.0.0.0/8, ::1 and localhost: this computer only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** An address as it stands in a URL or a Host header: an IPv6 one in brackets. */
export const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The Host headers a request may carry: the bound address and port (and, on
 * loopback, the other names of this computer). Null: any, for a server bound
 * to every address (0.0.0.0, ::), reachable under names it cannot know; the
 * token is then the only protection, as --allow-remote says.
 */
export function allowedHosts(host: string, port: number): Set<string> | null {
  if (host === '0.0.0.0' || host === '::') return null;
  const names = isLoopback(host) ? [host, '127.0.0.1', 'localhost', '[::1]'] : [host];
  return new Set(names.map((name) => `${urlHost(name === '[::1]' ? '::1' : name)}:${port}`.toLowerCase()));
}

export function cookies(req: IncomingMessage): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) found[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return found;
}

export const cookie = (name: string, value: string, maxAge?: number): string =>
  `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

/**
 * Sent with every answer: scripts and styles only from this server (no
 * inline script, nothing from elsewhere), never framed, no sniffing, a
 * referrer only to this server itself (with `no-referrer` a browser sends
 * `Origin: null` on a form's POST, and the origin check below needs it),
 * nothing cached.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A browser session: made by a visit with the token; its CSRF token goes into every form. */
export interface Session {
  readonly id: string;
  readonly csrf: string;
}

export class Sessions {
  private readonly byId = new Map<string, Session>();

  create(): Session {
    // A long-lived server gathers sessions: the oldest go past a bound (a browser opens a few).
    if (this.byId.size >= 1000) this.byId.delete(this.byId.keys().next().value!);
    const session = { id: randomToken(), csrf: randomToken() };
    this.byId.set(session.id, session);
    return session;
  }

  find(id: string | undefined): Session | null {
    if (id === undefined) return null;
    for (const session of this.byId.values()) if (sameSecret(id, session.id)) return session;
    return null;
  }
}
