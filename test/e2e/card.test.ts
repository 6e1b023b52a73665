import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanError, type Ledger, tempLedger } from './harness.js';

const ID = '11010519491231002X';
const STRANGER = '110105194912310011';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

function story(): Ledger {
  const l = tempLedger('2026-04-01');
  const steps: [string[], string][] = [
    [['card', 'issue', '--id', ID, '--card', 'a12345678', '--bank', 'ICBC', '--issued-on', '2026-03-01', '--name', 'Wang Fang'], '2026-03-01'],
    [['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31'], '2026-03-31'],
    [['ecard', 'claim', '--id', ID, '--channel', 'wechat'], '2026-04-01'],
  ];
  for (const [args, today] of steps) {
    const r = l.run(args, { today });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  return l;
}

describe("the insured person's story (issue 3)", () => {
  it('status answers the e-card and activation questions separately, then together', () => {
    ledger = story();
    const before = ledger.run(['status', ID, '--json', '--as-of', '2026-10-01']);
    expect(before.code).toBe(0);
    expect(before.json).toEqual({
      asOf: '2026-10-01',
      person: { id: '110105********002X', name: 'Wang Fang', sex: 'female', birthDate: '1949-12-31', region: expect.any(String) },
      card: {
        number: 'A12345678',
        bank: 'ICBC',
        state: 'received',
        issuedOn: '2026-03-01',
        receivedOn: '2026-03-31',
        activatedOn: null,
        activationDeadline: { date: '2026-09-30', nominal: '2026-09-30', provisional: false, reason: null },
        daysLeft: -1,
        // SPEC v2 (1.3, 1.8, 2.4): the two functions, the policy, loss, expiry and the consequence.
        enabledOn: null,
        socialFunction: 'sealed',
        financialFunction: 'inactive',
        policy: { id: 'seed', name: 'Default' },
        generation: 2,
        loss: null,
        expiresOn: null,
        renewalFrom: null,
        consequence: { kind: 'medical-insurance-restricted', since: '2026-10-01' },
        // SPEC v3 (1.3): card-making progress.
        appliedOn: null,
        readyOn: null,
        outlet: null,
      },
      medicalInsurance: 'restricted',
      ecard: { claimed: true, state: 'active', channel: 'wechat', claimedOn: '2026-04-01' },
      activatedEcard: false,
      registrations: [],
      nextSteps: [expect.stringContaining('ORIGINAL identity document')],
      // SPEC 1.8 v3: the card is under the default rules and the holder's ID is from Beijing: said, not applied.
      policyHint: 'beijing',
    });

    const human = ledger.run(['status', ID, '--as-of', '2026-10-01']);
    const [first] = human.stdout.split('\n');
    expect(first).toMatch(/^No activated electronic social security card: e-card claimed, card received, not activated\.$/);
    expect(human.stdout).toContain('2026-09-30');
    expect(human.stdout).toMatch(/restricted/i);
    expect(human.stdout).toContain('cannot be activated online');

    // On the deadline day itself the insurance is still normal.
    expect(ledger.run(['status', ID, '--json', '--as-of', '2026-09-30']).json).toMatchObject({ medicalInsurance: 'normal', card: { daysLeft: 0 } });

    const act = ledger.run(['activate', '--card', 'A12345678', '--id-doc', ID, '--outlet', 'ICBC Chaoyang branch'], { today: '2026-10-01' });
    expect(act.code).toBe(0);
    expect(act.stdout).toContain('There is now an activated electronic social security card.');
    expect(act.stdout).toContain('1 day after the activation deadline 2026-09-30');

    const after = ledger.run(['status', ID, '--json', '--as-of', '2026-10-01']);
    expect(after.json).toMatchObject({
      medicalInsurance: 'normal',
      activatedEcard: true,
      card: { state: 'activated', activatedOn: '2026-10-01', daysLeft: null },
    });
    expect(ledger.query('SELECT outlet FROM card')[0].outlet).toBe('ICBC Chaoyang branch');
    expect(ledger.query('SELECT kind FROM event ORDER BY seq').map((e) => e.kind)).toEqual([
      'person.recorded',
      'card.issued',
      'card.received',
      'ecard.claimed',
      'card.activated',
    ]);

    // A second activation changes nothing and says when (exit 0).
    const bytes = ledger.bytes();
    const again = ledger.run(['activate', '--card', 'A12345678', '--id-doc', ID], { today: '2026-10-05' });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already activated on 2026-10-01');
    expect(ledger.bytes()).toEqual(bytes);
  });

  it('every refusal exits 1 or 2 with one sentence and leaves the file byte-for-byte unchanged', () => {
    ledger = story();
    const cases: [string[], number, RegExp][] = [
      [['activate', '--card', 'A12345678', '--id-doc', STRANGER], 1, /does not match the card's holder/],
      [['activate', '--card', 'A12345678', '--id-doc', '110105194912310012'], 2, /--id-doc .*check character/],
      [['activate', '--card', 'A12345678', '--id-doc', ID, '--on', '2026-12-01'], 1, /--on is in the future/],
      [['activate', '--card', 'A12345678', '--id-doc', ID, '--on', '2026-02-01'], 1, /before the card was issued/],
      [['activate', '--card', 'Z99999999', '--id-doc', ID], 1, /No card Z99999999/],
      [['activate', '--card', 'A12345678'], 2, /--id-doc is required/],
      [['card', 'issue', '--id', ID, '--card', 'B12345678'], 1, /already holds card A12345678/],
      [['card', 'issue', '--id', STRANGER, '--card', 'A12345678'], 1, /already in the ledger/],
      [['card', 'issue', '--id', ID, '--card', 'B1234'], 2, /--card must be the 9 letters or digits/],
      [['card', 'receive', '--card', 'A12345678', '--on', '2026-04-02'], 1, /already received on 2026-03-31/],
      [['card', 'cancel', '--card', 'A12345678'], 2, /add --yes/],
      [['card', 'replace', '--card', 'A12345678', '--new-card', 'B12345678'], 2, /add --yes/],
      [['ecard', 'claim', '--id', ID, '--channel', 'fax'], 2, /--channel/],
      [['ecard', 'claim', '--id', STRANGER], 1, /No record for 110105\*{8}0011/],
    ];
    const before = ledger.bytes();
    for (const [args, code, message] of cases) {
      const r = ledger.run(args, { today: '2026-10-01' });
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expectCleanError(r.stderr, [ID, STRANGER]);
      expect(ledger.bytes(), args.join(' ')).toEqual(before);
    }
  });

  // SPEC v2 1.4: while the card is lost its e-card is limited (not suspended), and a claim is possible.
  it('loss limits the e-card and blocks activation; a replacement gets its own window and the e-card follows it', () => {
    ledger = story();
    const early = ledger.run(['card', 'report-loss', '--card', 'A12345678', '--on', '2026-03-30'], { today: '2026-05-02' });
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/--on is before the card was received \(2026-03-31\)/);
    expect(ledger.run(['card', 'report-loss', '--card', 'A12345678', '--on', '2026-05-02'], { today: '2026-05-02' }).code).toBe(0);
    const lost = ledger.run(['status', ID, '--json'], { today: '2026-05-03' }).json;
    expect(lost).toMatchObject({
      card: { state: 'lost', activationDeadline: { date: '2026-09-30' }, daysLeft: null },
      ecard: { state: 'limited' },
      activatedEcard: false,
      medicalInsurance: 'normal',
    });
    // Reporting the loss activated nothing: past the lost card's deadline the medical insurance card is restricted.
    const late = ledger.run(['status', ID, '--as-of', '2026-10-01']);
    expect(late.stdout.split('\n').slice(0, 2)).toEqual([
      'No activated electronic social security card: the e-card is limited, card reported lost, never activated.',
      'Medical insurance card: RESTRICTED (the lost card was not activated by its deadline 2026-09-30; get a replacement card and activate it).',
    ]);
    expect(ledger.run(['status', ID, '--json', '--as-of', '2026-10-01']).json).toMatchObject({ medicalInsurance: 'restricted', card: { daysLeft: null } });

    const before = ledger.bytes();
    const refusals: [string[], RegExp][] = [
      [['activate', '--card', 'A12345678', '--id-doc', ID], /^sscard: Card A12345678 is reported lost \(挂失\), so it can no longer be used or activated/],
      [['card', 'receive', '--card', 'A12345678'], /Card A12345678 is reported lost/],
      [
        ['card', 'replace', '--card', 'A12345678', '--new-card', 'B12345678', '--on', '2026-05-01', '--yes'],
        /--on is before the card was reported lost \(2026-05-02\)/,
      ],
    ];
    for (const [args, message] of refusals) {
      const refused = ledger.run(args, { today: '2026-05-03' });
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr, args.join(' ')).toMatch(message);
      expect(ledger.bytes(), args.join(' ')).toEqual(before);
    }

    const replace = ledger.run(['card', 'replace', '--card', 'A12345678', '--new-card', 'B12345678', '--on', '2026-05-10', '--yes'], { today: '2026-05-10' });
    expect(replace.code).toBe(0);
    expect(ledger.run(['card', 'receive', '--card', 'B12345678', '--on', '2026-05-29'], { today: '2026-06-01' }).code).toBe(0);
    const replaced = ledger.run(['status', ID, '--json'], { today: '2026-06-01' }).json;
    expect(replaced).toMatchObject({
      card: { number: 'B12345678', bank: 'ICBC', state: 'received', activationDeadline: { nominal: '2026-11-29', date: '2026-11-30' }, daysLeft: 182 },
      ecard: { claimed: true, state: 'active' },
      activatedEcard: false,
    });
    expect(ledger.query('SELECT number, state, replaced_by FROM card ORDER BY seq')).toEqual([
      { number: 'A12345678', state: 'replaced', replaced_by: 'B12345678' },
      { number: 'B12345678', state: 'received', replaced_by: null },
    ]);

    // Activating the replacement gives the activated e-card; cancelling it suspends the e-card again.
    const act = ledger.run(['activate', '--card', 'b12345678', '--id-doc', ID.toLowerCase(), '--json'], { today: '2026-06-02' });
    expect(act.code).toBe(0);
    expect(act.json).toMatchObject({ action: 'activated', activatedEcard: true, guardian: null, card: { number: 'B12345678', state: 'activated' } });
    expect(ledger.run(['card', 'cancel', '--card', 'B12345678', '--yes'], { today: '2026-07-01' }).code).toBe(0);
    expect(ledger.run(['status', ID, '--json'], { today: '2026-07-01' }).json).toMatchObject({
      card: { number: 'B12345678', state: 'cancelled' },
      medicalInsurance: 'normal',
      ecard: { claimed: true, state: 'suspended' },
      activatedEcard: false,
    });
    expect(ledger.query('SELECT kind, concerns_on FROM event WHERE seq > 4 ORDER BY seq')).toEqual([
      { kind: 'card.lost', concerns_on: '2026-05-02' },
      { kind: 'card.replaced', concerns_on: '2026-05-10' },
      { kind: 'card.issued', concerns_on: '2026-05-10' },
      { kind: 'card.received', concerns_on: '2026-05-29' },
      { kind: 'card.activated', concerns_on: '2026-06-02' },
      { kind: 'card.cancelled', concerns_on: '2026-07-01' },
    ]);
  });

  it('a holder under 16 needs a guardian of at least 18, recorded and masked', () => {
    const CHILD = '110105201211240033';
    ledger = tempLedger('2026-06-01');
    expect(ledger.run(['card', 'issue', '--id', CHILD, '--card', 'C12345678', '--issued-on', '2026-05-01']).code).toBe(0);
    const noGuardian = ledger.run(['activate', '--card', 'C12345678', '--id-doc', CHILD]);
    expect(noGuardian.code).toBe(1);
    expect(noGuardian.stderr).toMatch(/under 16 .*--guardian-id/);
    const before = ledger.bytes();
    const self = ledger.run(['activate', '--card', 'C12345678', '--id-doc', CHILD, '--guardian-id', CHILD]);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/holder's own number/);
    const teen = ledger.run(['activate', '--card', 'C12345678', '--id-doc', CHILD, '--guardian-id', '110105200811240016']); // 17 on 2026-06-01
    expect(teen.code).toBe(1);
    expect(teen.stderr).toMatch(/under 18/);
    expectCleanError(self.stderr + teen.stderr, [CHILD, '110105200811240016']);
    expect(ledger.bytes()).toEqual(before);
    const ok = ledger.run(['activate', '--card', 'C12345678', '--id-doc', CHILD, '--guardian-id', ID]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Activated by the guardian 110105********002X');
    expect(ok.stdout).not.toContain(ID);
    expect(ledger.query('SELECT guardian_id, received_on, activated_on FROM card')).toEqual([
      { guardian_id: ID, received_on: '2026-06-01', activated_on: '2026-06-01' },
    ]);
    expect(ledger.query('SELECT kind FROM event ORDER BY seq').map((e) => e.kind)).toEqual([
      'person.recorded',
      'card.issued',
      'card.received',
      'card.activated',
    ]);
  });
});
