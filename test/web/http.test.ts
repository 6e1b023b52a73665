// The web view's protection and correctness at the HTTP level (SPEC 2.5), no
// browser: the token, the Host check, CSRF on writes, masked identity
// numbers, escaped hostile text, clear failures; on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, type Ledger, tempLedger } from '../e2e/harness.js';
import { csrfOf, login, request, type Served, serve } from './serve.js';

const ID = '11010519491231002X';
const OTHER = '110105198001010016';
const HOSTILE_NAME = '<script>alert(1)</script>';
const HOSTILE_EMPLOYER = '<img src=x onerror=alert(2)>';

function seed(ledger: Ledger): void {
  for (const args of [
    ['register-employee', '--id', ID, '--name', 'Wang Fang', '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending'],
    ['register-employee', '--id', OTHER, '--name', HOSTILE_NAME, '--employer', HOSTILE_EMPLOYER, '--hired-on', '2026-09-20', '--pending'],
  ]) {
    const r = ledger.run(args, { today: '2026-09-20' });
    expect(r.code, r.stderr).toBe(0);
  }
}

const eventCount = (ledger: Ledger) => ledger.run(['history', ID, '--json']).json.events.length;

describe.each<Engine>(['sqlite', 'postgres'])('the web view on %s', (engine) => {
  let ledger: Ledger;
  let served: Served;
  let cookie: string;

  beforeAll(async () => {
    ledger = tempLedger('2026-10-09', engine);
    seed(ledger);
    served = await serve(ledger.db);
    cookie = await login(served);
  }, 90_000);
  afterAll(async () => {
    await served?.stop();
    ledger?.cleanup();
  });

  it('prints one address on 127.0.0.1 with a token, and trades the token for an HttpOnly SameSite=Strict cookie', async () => {
    expect(served.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(served.token.length).toBeGreaterThanOrEqual(32);
    expect(served.stdout().match(/http:\/\//g)).toHaveLength(1);
    const first = await request(served, `/?token=${served.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']?.[0]).toMatch(/HttpOnly/);
    expect(first.headers['set-cookie']?.[0]).toMatch(/SameSite=Strict/);
  });

  it('answers 401 without the token, or with a wrong one or a made-up cookie, and reveals nothing', async () => {
    for (const [path, headers] of [
      ['/', {}],
      ['/?token=wrong', {}],
      ['/', { Cookie: 'sscard_session=made-up' }],
      ['/people?q=Wang', {}],
      ['/agenda.ics', {}],
    ] as const) {
      const answer = await request(served, path, { headers });
      expect(answer.status, path).toBe(401);
      expect(answer.body).not.toContain('Wang');
      expect(answer.body).not.toContain('Acme');
      expect(answer.body).not.toContain('002X');
    }
  });

  it('refuses a request naming another host (DNS rebinding), even with a valid session', async () => {
    const port = served.host.split(':')[1];
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${Number(port) + 1}`]) {
      const answer = await request(served, '/', { headers: { Host: host, Cookie: cookie } });
      expect(answer.status, host).toBe(403);
      expect(answer.body).not.toContain('Wang');
    }
    expect((await request(served, '/', { headers: { Host: `localhost:${port}`, Cookie: cookie } })).status).toBe(200);
  });

  it('sends the security headers on every answer', async () => {
    for (const path of ['/', '/assets/style.css', '/nowhere']) {
      const answer = await request(served, path, { headers: { Cookie: cookie } });
      expect(answer.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(answer.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(answer.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    const page = await request(served, '/', { headers: { Cookie: cookie } });
    // No inline script: every script is a file this server serves.
    expect(page.body).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('shows the agenda as due does, with every identity number masked', async () => {
    const answer = await request(served, '/', { headers: { Cookie: cookie } });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Wang Fang');
    expect(answer.body).toContain('110105********002X');
    expect(answer.body).not.toContain(ID);
    expect(answer.body).not.toContain(OTHER);
    // The registration of 2026-09-01 was due 2026-10-08 (National Day holiday): one day overdue on 2026-10-09.
    expect(answer.body).toMatch(/<tr class="overdue"><td>2026-10-08 \(Thu\)<\/td><td>1 day overdue<\/td><td>registration<\/td>/);
    // Counts per employer: Acme's one open registration is overdue.
    expect(answer.body).toMatch(/Acme Ltd<\/a><\/td><td>1<\/td><td>1<\/td>/);
  });

  it('escapes hostile names and employers: a <script> in a name is text', async () => {
    for (const path of ['/', '/people?q=script']) {
      const answer = await request(served, path, { headers: { Cookie: cookie } });
      expect(answer.body, path).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
      expect(answer.body, path).not.toContain(HOSTILE_NAME);
    }
    const agenda = await request(served, '/', { headers: { Cookie: cookie } });
    expect(agenda.body).toContain('&#60;img src=x onerror=alert(2)&#62;');
    expect(agenda.body).not.toContain(HOSTILE_EMPLOYER);
  });

  it('shows a full identity number only on a person page asked to reveal it', async () => {
    const people = await request(served, `/people?q=${ID.slice(-4)}`, { headers: { Cookie: cookie } });
    const ref = /href="\/person\/([\w-]+)"/.exec(people.body)?.[1];
    expect(ref).toBeTruthy();
    expect(people.body).not.toContain(ID);
    const masked = await request(served, `/person/${ref}`, { headers: { Cookie: cookie } });
    expect(masked.body).toContain('No activated electronic social security card');
    expect(masked.body).not.toContain(ID);
    const revealed = await request(served, `/person/${ref}?reveal=1`, { headers: { Cookie: cookie } });
    expect(revealed.body).toContain(ID);
    const history = await request(served, `/person/${ref}/history`, { headers: { Cookie: cookie } });
    expect(history.body).not.toContain(ID);
  });

  /**
   * A ledger of its own made by `commands` on `madeOn`: what `status` prints for ID on `today`, and the person page the
   * web view serves that day.
   */
  async function statusAndPage(commands: string[][], madeOn: string, today: string): Promise<{ status: string; page: string }> {
    const own = tempLedger(today, engine);
    let ownServed: Served | undefined;
    try {
      for (const args of commands) {
        const r = own.run(args, { today: madeOn });
        expect(r.code, r.stderr).toBe(0);
      }
      const status = own.run(['status', ID]).stdout;
      ownServed = await serve(own.db, { today });
      const ownCookie = await login(ownServed);
      const people = await request(ownServed, `/people?q=${ID.slice(-4)}`, { headers: { Cookie: ownCookie } });
      const ref = /href="\/person\/([\w-]+)"/.exec(people.body)?.[1];
      return { status, page: (await request(ownServed, `/person/${ref}`, { headers: { Cookie: ownCookie } })).body };
    } finally {
      await ownServed?.stop();
      own.cleanup();
    }
  }

  it('shows the cost of an overdue registration on the person page, as status prints it (SPEC 1.9, 2.5)', async () => {
    const { status, page } = await statusAndPage(
      [
        ['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2025-09-01', '--pending'],
        ['employer', 'set', 'Acme Ltd', '--city', 'beijing'],
      ],
      '2025-09-02',
      '2025-10-20',
    );
    expect(status).toContain('employer 3,795.86 .. 18,979.84');
    expect(page).toContain('Estimated cost in yuan (Beijing, 2 months)');
    expect(page).toContain('employer 3,795.86 .. 18,979.84');
    expect(page).toContain('26.50 .. 132.50');
  }, 90_000);

  it('shows a card being made on the person page, as status prints it (SPEC 2.5)', async () => {
    const { status, page } = await statusAndPage(
      [
        ['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-11-02', '--pending'],
        ['card', 'apply', '--id', ID, '--on', '2026-11-10'],
      ],
      '2026-11-10',
      '2026-11-24',
    );
    expect(status).toContain('applied for, being made (制卡中)');
    expect(page).toContain('applied for, being made (制卡中)');
    expect(page).toContain('applied for 2026-11-10 (Tue), 14 days ago: being made');
    expect(page).not.toContain('No card is recorded');
  }, 90_000);

  it('refuses a POST without, or with a wrong, CSRF token, or from another origin, and writes nothing', async () => {
    const people = await request(served, `/people?q=${ID.slice(-4)}`, { headers: { Cookie: cookie } });
    const ref = /href="\/person\/([\w-]+)"/.exec(people.body)![1]!;
    const history = await request(served, `/person/${ref}/history`, { headers: { Cookie: cookie } });
    const csrf = csrfOf(history.body);
    expect(csrf.length).toBeGreaterThan(20);
    const before = eventCount(ledger);
    const form = (fields: Record<string, string>) => new URLSearchParams({ ref, seq: '2', reason: 'test', ...fields }).toString();
    const post = (body: string, headers: Record<string, string> = {}) =>
      request(served, '/revoke', { method: 'POST', body, headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });
    expect((await post(form({}))).status).toBe(403);
    expect((await post(form({ csrf: 'wrong' }))).status).toBe(403);
    expect((await post(form({ csrf }), { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(form({ csrf }), { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // Without the session cookie, the right CSRF token is worth nothing.
    expect(
      (await request(served, '/revoke', { method: 'POST', body: form({ csrf }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status,
    ).toBe(401);
    expect(eventCount(ledger)).toBe(before);
    // A write the core refuses (a person's first record cannot be revoked) changes nothing either, and says why.
    const refused = await post(form({ csrf, seq: '1' }));
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('id="error"');
    expect(eventCount(ledger)).toBe(before);
    // An empty reason is bad input, refused by revoke's own check.
    const empty = await post(form({ csrf, reason: '  ' }));
    expect(empty.status).toBe(400);
    expect(eventCount(ledger)).toBe(before);
  });

  it('answers bad requests with a clear page and status code, never a stack trace', async () => {
    for (const [path, status] of [
      ['/?within=soon', 400],
      ['/?kind=party', 400],
      ['/?month=2026-13', 400],
      ['/nowhere', 404],
      ['/person/not-a-ref', 404],
    ] as const) {
      const answer = await request(served, path, { headers: { Cookie: cookie } });
      expect(answer.status, path).toBe(status);
      expect(answer.body).toContain('id="error"');
      expect(answer.body).not.toMatch(/\n\s+at /);
      expect(answer.body).not.toMatch(/Error:/);
    }
    const put = await request(served, '/', { method: 'PUT', headers: { Cookie: cookie } });
    expect(put.status).toBe(405);
  });

  it('speaks Chinese to a browser that asks for it, with the words of SPEC v3 1.0', async () => {
    const people = await request(served, `/people?q=${ID.slice(-4)}`, { headers: { Cookie: cookie } });
    const ref = /href="\/person\/([\w-]+)"/.exec(people.body)![1]!;
    const zh = await request(served, `/person/${ref}`, { headers: { Cookie: cookie, 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(zh.body).toContain('lang="zh-CN"');
    expect(zh.body).toContain('没有已激活的电子社保卡');
    const en = await request(served, `/person/${ref}`, { headers: { Cookie: cookie, 'Accept-Language': 'en-GB,zh;q=0.5' } });
    expect(en.body).toContain('lang="en"');
  });

  it('downloads the agenda as an iCalendar file, as due --format ics writes it', async () => {
    const answer = await request(served, '/agenda.ics', { headers: { Cookie: cookie } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/text\/calendar/);
    expect(answer.body).toContain('BEGIN:VCALENDAR');
    // The hire of 2026-09-20 is due 2026-10-20 (30 days).
    expect(answer.body).toContain('DTSTART;VALUE=DATE:20261020');
    expect(answer.body).not.toContain(ID);
  });
});

describe('sscard serve on another address', () => {
  it('refuses a host other computers can reach without --allow-remote, and warns with it', async () => {
    const ledger = tempLedger('2026-10-09');
    try {
      seed(ledger);
      const refused = ledger.run(['serve', '--no-open', '--host', '0.0.0.0']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--allow-remote/);
      const served = await serve(ledger.db, { args: ['--host', '0.0.0.0', '--allow-remote'] });
      try {
        // Written before the address, on standard error.
        await expect.poll(() => served.stderr(), { timeout: 10_000 }).toMatch(/the token in the address is then the only protection/);
      } finally {
        await served.stop();
      }
      expect(ledger.run(['serve', '--no-open', '--port', 'eighty']).code).toBe(2);
    } finally {
      ledger.cleanup();
    }
  }, 90_000);
});

describe("the agenda's month with the kind collection (issue 26)", () => {
  it('counts a card waiting at the outlet under a policy that counts from issue on its deadline day', async () => {
    const ledger = tempLedger('2026-10-09');
    try {
      for (const [args, today] of [
        [['card', 'issue', '--id', ID, '--card', 'G00000001', '--policy', 'guangdong', '--issued-on', '2025-11-01'], '2025-11-01'],
        [['card', 'ready', '--card', 'G00000001', '--on', '2025-11-10'], '2025-11-10'],
      ] as const) {
        const r = ledger.run([...args], { today });
        expect(r.code, r.stderr).toBe(0);
      }
      const [item] = ledger.run(['due', '--json']).json.items;
      expect(item).toMatchObject({ kind: 'collection', card: 'G00000001' });
      const day = item.deadline.date as string;
      const served = await serve(ledger.db);
      try {
        const cookie = await login(served);
        for (const kind of ['', 'collection']) {
          const page = await request(served, `/?month=${day.slice(0, 7)}${kind ? `&kind=${kind}` : ''}`, { headers: { Cookie: cookie } });
          expect(page.status).toBe(200);
          // The day's cell links to its one deadline, with or without the kind filter.
          expect(page.body, kind || 'no kind').toMatch(new RegExp(`<td data-day="${day}"[^>]*>${Number(day.slice(8))}<a `));
        }
      } finally {
        await served.stop();
      }
    } finally {
      ledger.cleanup();
    }
  }, 90_000);
});
