// biome-ignore-all lint/performance/useDomNodeTextContent: playwright's locator.innerText() is the text a person sees, not the DOM property the rule is about
// The web view in a real browser (SPEC 2.5): Debian's headless Chromium,
// driven by playwright-core (which downloads no browser), opens the address
// `sscard serve` prints, reads the agenda, opens a person, imports a small
// roster through the form (preview, then confirm), revokes an event with a
// reason and switches the language; after each step the ledger is read with
// the command line. A failing step leaves a screenshot in test-results/web/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from '../e2e/harness.js';
import { type Served, serve } from './serve.js';

const CHROMIUM = '/usr/bin/chromium';
const ID = '11010519491231002X';
const NEW_HIRE = '110105198001010016';
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/web');

const hasBrowser = fs.existsSync(CHROMIUM);
if (!hasBrowser) console.warn(`test/web/browser.test.ts skipped: ${CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)`);

describe.skipIf(!hasBrowser)('the web view in headless Chromium', () => {
  let ledger: Ledger;
  let served: Served;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ledger = tempLedger('2026-10-09');
    for (const args of [
      ['card', 'issue', '--id', ID, '--card', 'A12345678', '--bank', 'ICBC', '--issued-on', '2026-03-01', '--name', 'Wang Fang'],
      ['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31'],
      // Recorded as filed today by mistake (no --pending): the browser revokes it.
      ['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01'],
    ]) {
      const r = ledger.run(args, { today: '2026-09-20' });
      expect(r.code, r.stderr).toBe(0);
    }
    served = await serve(ledger.db);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-chromium-'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(30_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    ledger?.cleanup();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  /** Runs a step; when it fails, the page as it was is saved for a person to look at. */
  const step = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      try {
        await body();
      } catch (error) {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, `${name.replace(/\W+/g, '-')}.png`);
        await page?.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.error(`screenshot of the failing page: ${file}`);
        throw error;
      }
    }, 90_000);

  const status = () => ledger.run(['status', ID, '--json']).json;

  step('opens the printed address and reads the agenda', async () => {
    await page.goto(served.url);
    // The token went into a cookie and out of the address.
    expect(page.url()).toBe(`${served.origin}/`);
    await page.waitForSelector('#agenda');
    const rows = await page.locator('#agenda tbody tr').allInnerTexts();
    // The card received on 2026-03-31 must be activated by 2026-09-30: nine days overdue on 2026-10-09.
    expect(rows.join('\n')).toMatch(/2026-09-30 \(Wed\)\s+9 days overdue\s+activation\s+110105\*{8}002X\s+Wang Fang\s+card A12345678/);
    expect(await page.locator('#month').innerText()).toBe('Deadlines in October 2026');
    expect(await page.content()).not.toContain(ID);
  });

  step('opens a person: the answer to the seed question first', async () => {
    await page.click('#agenda tbody tr:first-child a');
    await page.waitForSelector('#answer');
    expect(await page.locator('#answer p').first().innerText()).toBe(
      'No activated electronic social security card: no e-card claimed, card received, not activated.',
    );
    const details = await page.locator('.person').innerText();
    expect(details).toMatch(/A12345678 \(ICBC\): received/);
    expect(details).toMatch(/Acme Ltd, hired 2026-09-01/);
    expect(details).not.toContain(ID);
    await page.click('#reveal');
    expect(await page.locator('.person').innerText()).toContain(ID);
  });

  step('revokes an event with a reason', async () => {
    await page.click('#history');
    await page.waitForSelector('#history');
    const filed = page.locator('#history tbody tr', { hasText: 'registration filed' });
    expect(await filed.count()).toBe(1);
    const seq = Number(await filed.getAttribute('data-seq'));
    // The reason is required: the browser does not send the form without one.
    await filed.locator('button').click();
    expect(page.url()).toMatch(/\/history$/);
    await filed.locator('input[name=reason]').fill('recorded as registered by mistake');
    await filed.locator('button').click();
    await page.waitForSelector('#done');
    expect(await page.locator('#done').innerText()).toBe(`Event #${seq} was revoked.`);
    expect(await page.locator(`#history tr[data-seq="${seq}"]`).innerText()).toContain(`revoked by #${seq + 1}: recorded as registered by mistake`);
    // The ledger: the registration is pending again, overdue since 2026-10-08.
    const history = ledger.run(['history', ID, '--json']).json;
    expect(history.events.find((e: { seq: number }) => e.seq === seq).revoked).toEqual({ seq: seq + 1, reason: 'recorded as registered by mistake' });
    expect(status().registrations[0]).toMatchObject({ registeredOn: null, state: 'overdue', daysLate: 1 });
  });

  step('imports a small roster: the dry run shows its problems, then the good rows are written', async () => {
    const roster = path.join(ledger.dir, '花名册.csv');
    fs.writeFileSync(roster, `身份证号,姓名,用人单位,入职日期\n${NEW_HIRE},李雷,Acme Ltd,2026/10/8\n110105198001010017,韩梅梅,Acme Ltd,2026/10/8\n`);
    await page.click('nav a[href="/import"]');
    await page.setInputFiles('input[type=file]', roster);
    await page.click('#upload button');
    await page.waitForSelector('#preview');
    expect(await page.locator('#preview').innerText()).toBe('Checked 花名册.csv: nothing has been written yet.');
    const problems = await page.locator('table.problems tbody tr').allInnerTexts();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^3\s+id\s+/);
    expect(await page.locator('#summary').innerText()).toBe(
      'Dry run, nothing written: 2 rows, 1 with changes (2 events), 0 already in the ledger, 1 invalid and would be skipped.',
    );
    // Nothing written by the preview.
    expect(ledger.run(['status', NEW_HIRE]).code).toBe(1);
    await page.click('#confirm-good');
    await page.waitForSelector('#written');
    expect(await page.locator('#summary').innerText()).toBe('Imported: 2 rows, 1 with changes (2 events), 0 already in the ledger, 1 invalid and skipped.');
    const hired = ledger.run(['status', NEW_HIRE, '--json']).json;
    expect(hired.person.name).toBe('李雷');
    expect(hired.registrations[0]).toMatchObject({ employer: 'Acme Ltd', hiredOn: '2026-10-08', state: 'pending' });
    expect(ledger.run(['history', NEW_HIRE, '--json']).json.events[0].source).toBe('import 花名册.csv line 2');
  });

  step('switches to Chinese and back', async () => {
    await page.click('nav a[href="/"]');
    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="zh-CN"]');
    expect(await page.locator('h1').innerText()).toBe('待办');
    expect(await page.locator('#agenda thead').innerText()).toContain('截止日期');
    await page.click('#agenda tbody tr:first-child a');
    expect(await page.locator('#answer p').first().innerText()).toMatch(/^没有已激活的电子社保卡：/);
    // The choice stays for the next pages.
    await page.click('nav a[href="/policies"]');
    expect(await page.locator('h1').innerText()).toBe('卡政策');
    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="en"]');
    expect(await page.locator('h1').innerText()).toBe('Card policies');
  });
});
