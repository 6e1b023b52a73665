// HTML for the web view (SPEC 2.5): every text from the ledger or the user is
// escaped here, and its control characters shown escaped as the terminal
// shows them (src/cli/safe-text.ts), so a name like `<script>` is text.
import { printable } from '../cli/text/safe-text.js';
import type { Messages } from '../cli/text/messages/index.js';
import type { Lang } from '../cli/text/lang.js';

/** Text for HTML: control and bidi characters escaped, then the five HTML-special characters. */
export function esc(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return printable(String(text)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A pre-escaped piece of HTML (what the page functions return). */
export type Html = string;

/** A query string from parameters, leaving out the empty ones. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}

export function table(header: readonly string[], rows: readonly Html[][], className = ''): Html {
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export interface PageFrame {
  readonly m: Messages;
  readonly lang: Lang;
  /** The path and query of this page, for the language switch to come back to. */
  readonly here: string;
  readonly ledger: string;
  readonly today: string;
  readonly active: keyof Messages['web']['nav'] | null;
}

/** The whole page: navigation, the language switch, the content, where the ledger is. No inline script or style (CSP). */
export function page(frame: PageFrame, title: string, body: Html): string {
  const w = frame.m.web;
  const nav = (
    [
      ['agenda', '/'],
      ['people', '/people'],
      ['import', '/import'],
      ['policies', '/policies'],
      ['calendar', '/calendar'],
    ] as const
  )
    .map(([key, href]) => `<a href="${href}"${frame.active === key ? ' aria-current="page"' : ''}>${esc(w.nav[key])}</a>`)
    .join('');
  const other = frame.lang === 'zh' ? 'en' : 'zh';
  const switchHref = `${frame.here}${frame.here.includes('?') ? '&' : '?'}lang=${other}`;
  return `<!DOCTYPE html>
<html lang="${frame.lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · ${esc(w.title)}</title>
<link rel="stylesheet" href="/assets/style.css"><script src="/assets/app.js" defer></script></head>
<body><header><nav><strong>${esc(w.title)}</strong>${nav}</nav><a class="lang" id="lang-switch" hreflang="${other}" href="${esc(switchHref)}">${esc(w.otherLanguage)}</a></header>
<main><h1>${esc(title)}</h1>
${body}
</main><footer>${esc(w.footer(frame.ledger, frame.today))}</footer></body></html>
`;
}
