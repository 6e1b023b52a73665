// Cards as cities run them (issue 26, SPEC v3 1.3, 1.4, 1.8): stories through
// the built command, one per local rule, each under the shipped policy and
// its source's rule; and the new states through export -> import.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from './harness.js';

let ledger: Ledger;
let copy: Ledger | undefined;
afterEach(() => {
  ledger?.cleanup();
  copy?.cleanup();
  copy = undefined;
});

const BJ = '11010519491231002X'; // Beijing
const GZ = '440106199003071231'; // Guangzhou, Tianhe
const ok = (l: Ledger, args: string[], today: string) => {
  const r = l.run(args, { today });
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
};
const status = (l: Ledger, id: string, asOf: string) => l.run(['status', id, '--json', '--as-of', asOf]).json;

/** The check character of GB 11643-1999 (ISO 7064 MOD 11-2). */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

describe('local loss rules', () => {
  it('Beijing: a formal loss cannot be lifted (办理正式挂失后，不能再办理撤销挂失); the e-card is limited meanwhile', () => {
    ledger = tempLedger('2026-05-01');
    ok(ledger, ['card', 'issue', '--id', BJ, '--card', 'B00000001', '--policy', 'beijing', '--issued-on', '2026-03-01'], '2026-03-01');
    ok(ledger, ['card', 'receive', '--card', 'B00000001', '--on', '2026-03-05'], '2026-03-05');
    ok(ledger, ['ecard', 'claim', '--id', BJ, '--on', '2026-03-06'], '2026-03-06');
    ok(ledger, ['card', 'report-loss', '--card', 'B00000001', '--on', '2026-05-01'], '2026-05-01');
    const before = ledger.bytes();
    const found = ledger.run(['card', 'found', '--card', 'B00000001'], { today: '2026-05-02' });
    expect(found.code).toBe(1);
    expect(found.stderr).toBe(
      'sscard: Card B00000001 is formally reported lost (正式挂失), and under card policy beijing a formal loss cannot be lifted (撤销正式挂失 is not offered): the card is void; apply for a replacement and record it with `sscard card replace`.\n',
    );
    expect(ledger.bytes()!.equals(before!)).toBe(true);
    expect(status(ledger, BJ, '2026-05-02')).toMatchObject({ card: { state: 'lost', loss: { kind: 'formal' } }, ecard: { state: 'limited' } });
    const zh = ledger.run(['card', 'found', '--card', 'B00000001', '--lang', 'zh'], { today: '2026-05-02' });
    expect(zh.stderr).toContain('正式挂失不能撤销');
  });

  it('Suzhou: a phone loss never lapses by itself (口头挂失后不自动解挂)', () => {
    ledger = tempLedger('2026-05-01');
    const SZ = withCheck('32050519900307123');
    ok(ledger, ['card', 'issue', '--id', SZ, '--card', 'S00000001', '--policy', 'suzhou', '--issued-on', '2026-03-01'], '2026-03-01');
    ok(ledger, ['card', 'report-loss', '--card', 'S00000001', '--temporary', '--on', '2026-05-01'], '2026-05-01');
    expect(status(ledger, SZ, '2027-05-01')).toMatchObject({ card: { state: 'lost', loss: { kind: 'temporary', lapsesOn: null, lapses: 'never' } } });
    expect(ledger.run(['status', SZ, '--as-of', '2027-05-01']).stdout).toContain('does not lapse by itself');
  });

  it('Nanjing: a phone loss lapses after 3 working days (3个工作日后自动解除): the National Day days do not count, the adjusted Saturday does', () => {
    ledger = tempLedger('2026-09-30');
    const NJ = withCheck('32010219900307123');
    ok(ledger, ['card', 'issue', '--id', NJ, '--card', 'N00000001', '--policy', 'nanjing', '--issued-on', '2026-03-01'], '2026-03-01');
    ok(ledger, ['card', 'receive', '--card', 'N00000001', '--on', '2026-03-05'], '2026-03-05');
    ok(ledger, ['card', 'report-loss', '--card', 'N00000001', '--temporary', '--on', '2026-09-30'], '2026-09-30');
    expect(status(ledger, NJ, '2026-10-10')).toMatchObject({ card: { state: 'lost', loss: { lapsesOn: '2026-10-10', lapses: 'working-days' } } });
    expect(status(ledger, NJ, '2026-10-11')).toMatchObject({ card: { state: 'received', loss: null } });
  });
});

describe('validity by age at issue (Shanghai)', () => {
  it('a card issued at 46 or over does not expire; at 30 it expires in twenty years and needs no renewal while it works', () => {
    ledger = tempLedger('2026-01-10');
    const OLD = withCheck('31010119700101001'); // 56 on 2026-01-10
    const YOUNG = withCheck('31010119950101001'); // 31 on 2026-01-10
    ok(ledger, ['card', 'issue', '--id', OLD, '--card', 'H00000001', '--policy', 'shanghai', '--issued-on', '2026-01-10'], '2026-01-10');
    ok(ledger, ['card', 'issue', '--id', YOUNG, '--card', 'H00000002', '--policy', 'shanghai', '--issued-on', '2026-01-10'], '2026-01-10');
    expect(status(ledger, OLD, '2026-01-10').card).toMatchObject({ expiresOn: null, renewalFrom: null });
    expect(status(ledger, YOUNG, '2026-01-10').card).toMatchObject({ expiresOn: '2046-01-10', renewalFrom: null });
    // Expired and still working: a note, no renewal item.
    const later = ledger.run(['status', YOUNG, '--as-of', '2046-06-01']);
    expect(later.stdout).toContain('needs no renewal: it stays usable');
    expect(ledger.run(['due', '--json', '--as-of', '2046-06-01']).json.items).toEqual([]);
  });
});

describe('validity from the policy alone (Shaoguan: ten years from issue)', () => {
  it('a working card with no printed expiry is due for renewal from 60 days before its tenth year ends, in due and status alike', () => {
    ledger = tempLedger('2026-11-24');
    const SG = withCheck('44020319800101123'); // Shaoguan
    ok(ledger, ['card', 'issue', '--id', SG, '--card', 'K00000001', '--policy', 'shaoguan', '--issued-on', '2016-12-01'], '2016-12-01');
    ok(ledger, ['activate', '--card', 'K00000001', '--id-doc', SG, '--on', '2016-12-20'], '2016-12-20');
    expect(status(ledger, SG, '2026-11-24').card).toMatchObject({ state: 'activated', expiresOn: '2026-12-01', renewalFrom: '2026-10-02' });
    const items = ledger.run(['due', '--json']).json.items;
    expect(items).toEqual([
      expect.objectContaining({ kind: 'renewal', card: 'K00000001', deadline: expect.objectContaining({ date: '2026-12-01' }), state: 'pending', daysLeft: 7 }),
    ]);
    // Overdue once the tenth year has ended; nothing before the renewal window opens.
    expect(ledger.run(['due', '--json', '--as-of', '2026-12-02']).json.items).toMatchObject([{ kind: 'renewal', state: 'overdue', daysLeft: -1 }]);
    expect(ledger.run(['due', '--json', '--as-of', '2026-10-01']).json.items).toEqual([]);
    expect(ledger.run(['due', '--check', '--as-of', '2026-12-02']).code).toBe(3);
  });
});

describe('card-making progress and the Guangdong seal (粤人社规〔2023〕5号)', () => {
  it('applied, issued, ready at the outlet: due lists its collection; not collected and activated within a year of issue: sealed', () => {
    ledger = tempLedger('2025-01-05');
    ok(ledger, ['card', 'apply', '--id', GZ, '--policy', 'guangzhou', '--on', '2025-01-05'], '2025-01-05');
    expect(status(ledger, GZ, '2025-01-08').card).toMatchObject({ number: null, state: 'applied', appliedOn: '2025-01-05', policy: { id: 'guangzhou' } });
    ok(ledger, ['card', 'issue', '--id', GZ, '--card', 'G00000001', '--bank', 'ICBC', '--issued-on', '2025-01-10'], '2025-01-10');
    ok(ledger, ['card', 'ready', '--card', 'G00000001', '--outlet', 'ICBC Tianhe', '--on', '2025-01-20'], '2025-01-20');
    expect(status(ledger, GZ, '2025-06-01').card).toMatchObject({
      state: 'ready',
      appliedOn: '2025-01-05',
      readyOn: '2025-01-20',
      outlet: 'ICBC Tianhe',
      policy: { id: 'guangzhou' },
      activationDeadline: { date: '2026-01-12' },
    });
    expect(ledger.run(['status', GZ, '--as-of', '2025-06-01']).stdout).toContain('ready at ICBC Tianhe since 2025-01-20 (Mon), waiting 132 days');
    expect(ledger.run(['due', '--json', '--as-of', '2025-06-01']).json.items).toMatchObject([
      { kind: 'collection', card: 'G00000001', deadline: { date: '2026-01-12' }, daysLeft: 225 },
    ]);
    expect(status(ledger, GZ, '2026-01-13')).toMatchObject({ card: { state: 'sealed' }, ecard: { state: 'none' } });
    expect(ledger.run(['due', '--json', '--as-of', '2026-01-13']).json.items).toEqual([]);
  });

  it('a failed application (制卡失败) shows as failed until applied again', () => {
    ledger = tempLedger('2025-01-05');
    ok(ledger, ['card', 'apply', '--id', GZ, '--on', '2025-01-05'], '2025-01-05');
    ok(ledger, ['card', 'fail', '--id', GZ, '--reason', 'photo rejected', '--on', '2025-01-09'], '2025-01-09');
    expect(status(ledger, GZ, '2025-01-10').card).toMatchObject({ state: 'failed', failedOn: '2025-01-09', failure: 'photo rejected' });
    const again = ledger.run(['card', 'fail', '--id', GZ], { today: '2025-01-10' });
    expect([again.code, again.stderr]).toEqual([
      1,
      'sscard: There is no open card application (制卡中) for this person; record one with `sscard card apply` first.\n',
    ]);
  });

  it('the hint when the default rules were used for a Guangzhou holder, and set-policy as the correction', () => {
    ledger = tempLedger('2025-01-10');
    const issued = ok(ledger, ['card', 'issue', '--id', GZ, '--card', 'G00000001', '--issued-on', '2025-01-10'], '2025-01-10');
    expect(issued.stdout).toContain('This card uses the default rules; for a card issued in Guangzhou use --policy guangzhou');
    expect(status(ledger, GZ, '2025-02-01').policyHint).toBe('guangzhou');
    ok(ledger, ['card', 'set-policy', '--card', 'G00000001', '--policy', 'guangzhou'], '2025-02-01');
    // A correction without a day: even the past is judged under the right policy.
    expect(status(ledger, GZ, '2025-01-20')).toMatchObject({ card: { policy: { id: 'guangzhou' } }, policyHint: null });
    expect(ledger.run(['card', 'set-policy', '--card', 'G00000001', '--policy', 'guangzhou'], { today: '2025-02-01' }).code).toBe(1);
  });
});

describe("a replacement's e-card (SPEC 1.4 v3)", () => {
  it('limited from the replacement until the new card is received, then active without a new claim', () => {
    ledger = tempLedger('2026-05-10');
    ok(ledger, ['card', 'issue', '--id', BJ, '--card', 'A00000001', '--issued-on', '2026-03-01'], '2026-03-01');
    ok(ledger, ['activate', '--card', 'A00000001', '--id-doc', BJ, '--on', '2026-03-05'], '2026-03-05');
    ok(ledger, ['ecard', 'claim', '--id', BJ, '--on', '2026-03-06'], '2026-03-06');
    ok(ledger, ['card', 'report-loss', '--card', 'A00000001', '--on', '2026-05-01'], '2026-05-01');
    ok(ledger, ['card', 'replace', '--card', 'A00000001', '--new-card', 'A00000002', '--reason', 'loss', '--on', '2026-05-10', '--yes'], '2026-05-10');
    expect(status(ledger, BJ, '2026-05-10').ecard.state).toBe('limited');
    ok(ledger, ['card', 'receive', '--card', 'A00000002', '--on', '2026-05-20'], '2026-05-20');
    expect(status(ledger, BJ, '2026-05-20').ecard.state).toBe('active');
  });
});

describe('export -> import carries the new states', () => {
  it('json: applied, ready, failed and a corrected policy give the same status --json', () => {
    ledger = tempLedger('2025-06-01');
    const A = GZ;
    const B = withCheck('44010619850307123');
    const C = withCheck('44010619750307123');
    ok(ledger, ['card', 'apply', '--id', A, '--policy', 'guangdong', '--on', '2025-01-05', '--generation', '3'], '2025-01-05');
    const claimed = ok(ledger, ['ecard', 'claim', '--id', A, '--on', '2025-01-06'], '2025-01-06');
    // No card yet: the claim says the card is still being made (not "card undefined").
    expect(claimed.stdout).toContain('the card itself is still being made (制卡中)');
    ok(ledger, ['card', 'issue', '--id', B, '--card', 'G00000002', '--issued-on', '2025-01-10'], '2025-01-10');
    ok(ledger, ['card', 'ready', '--card', 'G00000002', '--outlet', 'ICBC Tianhe', '--on', '2025-01-20'], '2025-01-20');
    ok(ledger, ['card', 'set-policy', '--card', 'G00000002', '--policy', 'guangzhou'], '2025-02-01');
    ok(ledger, ['card', 'apply', '--id', C, '--on', '2025-01-05'], '2025-01-05');
    ok(ledger, ['card', 'fail', '--id', C, '--on', '2025-01-09'], '2025-01-09');
    const file = path.join(ledger.dir, 'export.json');
    const out = ledger.run(['export', '--format', 'json', '--reveal']);
    expect(out.code).toBe(0);
    fs.writeFileSync(file, out.stdout);
    copy = tempLedger('2025-06-01');
    const imported = copy.run(['import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    for (const id of [A, B, C]) expect(status(copy, id, '2025-06-01'), id).toEqual(status(ledger, id, '2025-06-01'));
    expect(status(copy, A, '2025-06-01')).toMatchObject({ card: { state: 'applied', generation: 3 }, ecard: { state: 'active' } });
    // `people` says of the e-card what status says.
    expect(copy.run(['people', '--json', '--as-of', '2025-06-01']).json.people.find((p: any) => p.ecard !== 'none')).toMatchObject({ ecard: 'active' });
    expect(status(copy, B, '2025-06-01').card).toMatchObject({ state: 'ready', outlet: 'ICBC Tianhe', policy: { id: 'guangzhou' } });
    expect(status(copy, C, '2025-06-01').card).toMatchObject({ state: 'failed' });
    expect(copy.run(['check']).code).toBe(0);
  });
});
