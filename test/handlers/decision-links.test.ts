/**
 * The decision-link handler with AWS mocked: GET and HEAD never write; only a POST from the
 * confirmation page decides; a decided item shows who decided; bad links change nothing.
 */
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { context, httpEvent, setEnv } from '../support/lambda';

setEnv();
const { ddbMock, sfnMock, prime, put } = await import('../support/memory-table');
const { CYCLE, NIP, as: people, seedWorld } = await import('../support/world');
const { keys: tableKeys } = await import('../../shared/adapters/dynamodb/keys');

const { handler } = await import('../../functions/decision-links/handler');
const { buildDecisionUrl } = await import('../../shared/adapters/links/links');
const { deps } = await import('../../shared/composition');

const DECISION_ID = 'd0000000000000000000000000000001';
const pending = {
  decisionId: DECISION_ID,
  kind: 'EVALUATION_APPROVAL',
  cycleId: CYCLE,
  stage: 'APPROVAL',
  subjectNip: NIP.employee,
  recipientNip: NIP.approver,
  status: 'PENDING',
  createdAt: '2027-01-20T01:00:00.000Z',
};

let link: string;
beforeAll(async () => {
  const keys = await deps.linkKeys().keys();
  link = buildDecisionUrl(
    'https://api.example.test',
    { decisionId: DECISION_ID, action: 'approve', recipient: NIP.approver, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
    keys.current,
  );
});

/** The world at the approval stage (E awaiting approval by the rater's rater), the decision and the stage's task token. */
function primeStore(decision: Record<string, unknown>) {
  prime(() => {
    seedWorld({ stage: 'APPROVAL', status: 'AWAITING_APPROVAL', othersStatus: 'MONITORING', evaluation: { [NIP.employee]: { predikat: 'BAIK' } } });
    put({ ...tableKeys.decision(DECISION_ID), type: 'DECISION', ...decision });
    put({ ...tableKeys.stage(CYCLE, 'APPROVAL'), type: 'STAGE', cycleId: CYCLE, stage: 'APPROVAL', total: 1, done: 1, taskToken: 'secret-task-token' });
  });
}

const formBody = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString()).toString('base64');
function hiddenFields(page: string): Record<string, string> {
  return Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('decision links', () => {
  beforeEach(() => primeStore(pending));

  it('GET shows the confirmation page and writes nothing', async () => {
    const res = await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Siti Rahmawati');
    expect(res.body).toContain('Seksi Kesra');
    expect(res.body).toMatch(/<form method="post"/);
    // No unit list is read for one item.
    expect(ddbMock.commandCalls(QueryCommand).filter((c) => String(c.args[0].input.ExpressionAttributeValues?.[':sk']).startsWith('UNIT#'))).toHaveLength(0);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(ddbMock.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sfnMock.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
    expect(res.body).not.toContain('secret-task-token');
  });

  it('HEAD (a link scanner) gets headers only and writes nothing', async () => {
    const res = await handler(httpEvent('HEAD', link.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('POST from the page decides: one transaction with the audit event and counters, then releases the stage', async () => {
    const page = (await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context)).body as string;
    const fields = { ...hiddenFields(page), decision: 'approve', comment: 'Setuju' };
    const res = await handler(httpEvent('POST', `/v1/decisions/${DECISION_ID}`, { body: formBody(fields), isBase64Encoded: true }), context);
    expect(res.statusCode).toBe(200);
    const tx = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    // evaluation, audit event, the unit's counters, the decision, the stage's counter
    expect(tx.map((i) => Object.keys(i)[0])).toEqual(['Update', 'Put', 'Update', 'Update', 'Update']);
    expect(JSON.stringify(tx)).toContain('AUDIT#');
    expect(tx[2]!.Update!.Key!.SK).toBe('UNITSTAT#seksi-kesra');
    expect(tx[2]!.Update!.UpdateExpression).toContain('ADD');
    expect(sfnMock.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input.taskToken).toBe('secret-task-token');
  });

  it('POST reads what it needs once: the decision, the cycle, the recipient (their language), the evaluation, then the stage record', async () => {
    const page = (await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context)).body as string;
    ddbMock.resetHistory();
    const res = await handler(
      httpEvent('POST', `/v1/decisions/${DECISION_ID}`, { body: formBody({ ...hiddenFields(page), decision: 'approve', comment: '' }), isBase64Encoded: true }),
      context,
    );
    expect(res.statusCode).toBe(200);
    const reads = ddbMock.commandCalls(GetCommand).map((c) => String(c.args[0].input.Key!.SK));
    expect(reads).toEqual(['DECISION', 'META', `EMP#${NIP.approver}`, 'EVAL', 'STAGE#APPROVAL']);
    // The link is the recipient's own: no delegation look-up.
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('POST to return without a reason is refused and changes nothing', async () => {
    const page = (await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context)).body as string;
    const res = await handler(
      httpEvent('POST', `/v1/decisions/${DECISION_ID}`, { body: formBody({ ...hiddenFields(page), decision: 'return', comment: ' ' }), isBase64Encoded: true }),
      context,
    );
    expect(res.statusCode).toBe(422);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('a second click shows who decided and when, with no second effect', async () => {
    primeStore({
      ...pending,
      status: 'DECIDED',
      outcome: 'approve',
      decidedAt: '2027-01-21T03:00:00.000Z',
      decidedBy: { nip: NIP.approver, role: 'approver' },
    });
    const res = await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Drs. Bambang Sutrisno');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it.each([
    ['tampered signature', (u: string) => u.replace(/s=[^&]+/, 's=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 403],
    ['another decision id', (u: string) => u.replace(DECISION_ID, 'd0000000000000000000000000000002'), 403],
    ['altered expiry', (u: string) => u.replace(/e=\d+/, 'e=9999999999'), 403],
    ['malformed', (u: string) => u.split('?')[0]!, 400],
  ])('a %s link ends on a clear page and changes nothing', async (_name, mutate, status) => {
    const res = await handler(httpEvent('GET', mutate(link.replace('https://api.example.test', ''))), context);
    expect(res.statusCode).toBe(status);
    expect(res.headers?.['content-type']).toMatch(/text\/html/);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('an expired link (signed, past its expiry) says how to get a new one, with 410', async () => {
    const keys = await deps.linkKeys().keys();
    const expired = buildDecisionUrl(
      'https://api.example.test',
      { decisionId: DECISION_ID, action: 'approve', recipient: NIP.approver, expiresAt: Math.floor(Date.now() / 1000) - 1 },
      keys.current,
    );
    const res = await handler(httpEvent('GET', expired.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(410);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('a link issued to someone else does not decide', async () => {
    const keys = await deps.linkKeys().keys();
    const forOther = buildDecisionUrl(
      'https://api.example.test',
      { decisionId: DECISION_ID, action: 'approve', recipient: NIP.other, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
      keys.current,
    );
    const res = await handler(httpEvent('GET', forOther.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(403);
  });

  it('a task token that already timed out is not an error for the person deciding', async () => {
    sfnMock.on(SendTaskSuccessCommand).rejects(Object.assign(new Error('closed'), { name: 'TaskTimedOut' }));
    const page = (await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context)).body as string;
    const res = await handler(
      httpEvent('POST', `/v1/decisions/${DECISION_ID}`, { body: formBody({ ...hiddenFields(page), decision: 'approve', comment: '' }), isBase64Encoded: true }),
      context,
    );
    expect(res.statusCode).toBe(200);
  });

  it('opposite POSTs from two tabs: the later one is told the stored outcome, never its own choice', async () => {
    // (Truly concurrent POSTs race in DynamoDB Local: test/e2e/approval-links.test.ts.)
    const page = (await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context)).body as string;
    const post = (decision: 'approve' | 'return') =>
      handler(
        httpEvent('POST', `/v1/decisions/${DECISION_ID}`, {
          body: formBody({ ...hiddenFields(page), decision, comment: decision === 'return' ? 'Bukti dukung belum lengkap' : '' }),
          isBase64Encoded: true,
        }),
        context,
      );
    const first = await post('return');
    expect(first.body).toContain('Keputusan Anda telah dicatat');
    const second = await post('approve');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('Sudah diputuskan oleh Drs. Bambang Sutrisno');
    expect(second.body).toContain('dikembalikan');
    expect(second.body).not.toContain('disetujui');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('speaks the recipient’s language: their preference, the link’s ?lang, and a switch on the page', async () => {
    prime(() => {
      seedWorld({ stage: 'APPROVAL', status: 'AWAITING_APPROVAL', othersStatus: 'MONITORING', evaluation: { [NIP.employee]: { predikat: 'BAIK' } } });
      put({ ...tableKeys.decision(DECISION_ID), type: 'DECISION', ...pending });
    });
    const path = link.replace('https://api.example.test', '');
    const indonesian = await handler(httpEvent('GET', path), context);
    expect(indonesian.body).toContain('<html lang="id">');
    expect(indonesian.body).toMatch(/<nav class="lang"[^>]*><a href="[^"]*lang=en" lang="en" hreflang="en">English<\/a>/);
    // An English browser does not override the recipient's language.
    const browser = await handler(httpEvent('GET', path, { headers: { 'accept-language': 'en-GB,en' } }), context);
    expect(browser.body).toContain('<html lang="id">');
    const english = await handler(httpEvent('GET', `${path}&lang=en`), context);
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Performance evaluation approval');
    expect(english.body).toMatch(/<a href="[^"]*lang=id" lang="id" hreflang="id">Bahasa Indonesia<\/a>/);
    // A recipient who prefers English gets English from the plain link.
    const { getEmployee } = await import('../../shared/adapters/dynamodb/repository');
    const approver = await getEmployee('kec-asemrowo', NIP.approver);
    put({ ...tableKeys.employee('kec-asemrowo', NIP.approver), type: 'EMPLOYEE', ...approver, locale: 'en' });
    expect((await handler(httpEvent('GET', path), context)).body).toContain('<html lang="en">');
  });
});

describe('objection (keberatan) links', () => {
  const OBJECTION_ID = 'd0000000000000000000000000000009';
  const objection = { ...pending, decisionId: OBJECTION_ID, kind: 'OBJECTION', stage: 'OBJECTION' };
  let objectionLink = '';
  beforeAll(async () => {
    const keys = await deps.linkKeys().keys();
    objectionLink = buildDecisionUrl(
      'https://api.example.test',
      { decisionId: OBJECTION_ID, action: 'approve', recipient: NIP.approver, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
      keys.current,
    ).replace('https://api.example.test', '');
  });
  beforeEach(() =>
    prime(() => {
      seedWorld({
        stage: 'OBJECTION',
        status: 'OBJECTED',
        othersStatus: 'RESULT_ISSUED',
        evaluation: {
          [NIP.employee]: {
            predikat: 'BUTUH_PERBAIKAN',
            score: { resultsRating: 'DI_BAWAH', behaviour: { final: 'SESUAI' }, predikat: 'BUTUH_PERBAIKAN', rhk: [] },
            objection: { reason: 'Tugas tambahan verifikasi bansos belum dipertimbangkan.', requestedPredikat: 'BAIK' },
            pendingDecisionId: OBJECTION_ID,
          },
        },
      });
      put({ ...tableKeys.decision(OBJECTION_ID), type: 'DECISION', ...objection });
      put({ ...tableKeys.stage(CYCLE, 'OBJECTION'), type: 'STAGE', cycleId: CYCLE, stage: 'OBJECTION', total: 1, done: 0, taskToken: 't' });
    }),
  );
  const submit = (fields: Record<string, string>) =>
    handler(httpEvent('POST', `/v1/decisions/${OBJECTION_ID}`, { body: formBody(fields), isBase64Encoded: true }), context);

  it('GET shows an objection: the reason, the result objected to, the predikat asked for, two plain choices', async () => {
    const res = await handler(httpEvent('GET', objectionLink), context);
    expect(res.statusCode).toBe(200);
    const body = res.body as string;
    for (const text of [
      'Keberatan atas hasil penilaian kinerja',
      'Tugas tambahan verifikasi bansos',
      'Butuh Perbaikan',
      'Predikat yang diminta pegawai',
      'Tolak keberatan',
      'Tinjau hasilnya',
    ])
      expect(body).toContain(text);
    expect(body).not.toContain('>Setujui<');
    // The ratings that give the asked-for Baik are preselected: results Sesuai, behaviour kept.
    expect(body).toMatch(/name="resultsRating"[^>]*>.*<option value="SESUAI" selected>/s);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('granting shows the predikat the matrix gives, then records it with the ratings and tells the employee', async () => {
    const page = (await handler(httpEvent('GET', objectionLink), context)).body as string;
    const base = { ...hiddenFields(page), decision: 'approve', comment: 'Tugas tambahan terbukti; hasil kerja sesuai ekspektasi.' };
    const noReason = await submit({ ...base, comment: '', resultsRating: 'SESUAI', behaviourRating: 'SESUAI' });
    expect(noReason.statusCode).toBe(422);
    const unchanged = await submit({ ...base, resultsRating: 'DI_BAWAH', behaviourRating: 'SESUAI' });
    expect(unchanged.statusCode).toBe(422);
    expect(unchanged.body).toContain('pilih Tolak keberatan');
    const preview = await submit({ ...base, resultsRating: 'SESUAI', behaviourRating: 'SESUAI' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Predikat Kinerja menjadi Baik (sebelumnya Butuh Perbaikan)');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
    const done = await submit(hiddenFields(preview.body as string) as Record<string, string>);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('dikabulkan');
    expect(done.body).toContain('Predikat Kinerja baru: Baik');
    const { getEvaluation } = await import('../../shared/adapters/dynamodb/repository');
    const e = await getEvaluation(CYCLE, NIP.employee);
    const { predikatFor } = await import('../../shared/domain/predikat');
    expect(e?.predikat).toBe('BAIK');
    const score = e?.score as { resultsRating: 'SESUAI'; behaviour: { final: 'SESUAI' }; predikat: string };
    expect(predikatFor(score.resultsRating, score.behaviour.final)).toBe(e?.predikat);
    expect(score.predikat).toBe(e?.predikat);
    const { readOutbox } = await import('../../shared/adapters/mail/outbox');
    const { dir } = await import('../support/lambda');
    const notices = (await readOutbox(`${dir}/outbox`)).filter((m) => m.subject === 'Keberatan Anda dikabulkan: Predikat Kinerja Baik');
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices[0]?.text).toContain('Tugas tambahan terbukti');
  });

  it('rejecting needs a reason and keeps the result', async () => {
    const page = (await handler(httpEvent('GET', objectionLink), context)).body as string;
    expect((await submit({ ...hiddenFields(page), decision: 'return', comment: '' })).statusCode).toBe(422);
    const done = await submit({ ...hiddenFields(page), decision: 'return', comment: 'Capaian tetap di bawah target.' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('ditolak');
    const { getEvaluation } = await import('../../shared/adapters/dynamodb/repository');
    expect((await getEvaluation(CYCLE, NIP.employee))?.predikat).toBe('BUTUH_PERBAIKAN');
  });
});

describe('"Setujui semua" from a digest', () => {
  const SECOND = 'd0000000000000000000000000000002';
  beforeEach(() =>
    prime(() => {
      seedWorld({ stage: 'APPROVAL', status: 'AWAITING_APPROVAL', othersStatus: 'MONITORING', alsoWithStatus: [people.peer.nip] });
      for (const [id, subject] of [
        [DECISION_ID, NIP.employee],
        [SECOND, people.peer.nip],
      ] as const) {
        put({
          ...tableKeys.decision(id),
          ...tableKeys.decisionTodo(CYCLE, NIP.approver, 'EVALUATION_APPROVAL', id),
          type: 'DECISION',
          ...pending,
          decisionId: id,
          subjectNip: subject,
        });
      }
      put({ ...tableKeys.stage(CYCLE, 'APPROVAL'), type: 'STAGE', cycleId: CYCLE, stage: 'APPROVAL', total: 2, done: 0, taskToken: 't' });
    }),
  );

  it('GET lists everything that will be approved and changes nothing; only the POST approves exactly those', async () => {
    const keys = await deps.linkKeys().keys();
    const all = buildDecisionUrl(
      'https://api.example.test',
      { decisionId: DECISION_ID, action: 'all', recipient: NIP.approver, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
      keys.current,
    ).replace('https://api.example.test', '');
    const page = await handler(httpEvent('GET', all), context);
    expect(page.statusCode).toBe(200);
    const body = page.body as string;
    expect(body).toContain('Siti Rahmawati');
    expect(body).toContain('Dedi Kurniawan');
    expect(body).toContain('Setujui semua (2)');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
    const fields = hiddenFields(body);
    expect(fields.ids?.split(',').sort()).toEqual([DECISION_ID, SECOND]);
    const done = await handler(
      httpEvent('POST', `/v1/decisions/${DECISION_ID}`, { body: formBody({ ...fields, decision: 'approve', comment: '' }), isBase64Encoded: true }),
      context,
    );
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Keputusan Anda telah dicatat');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(2);
    const { getDecision } = await import('../../shared/adapters/dynamodb/repository');
    for (const id of [DECISION_ID, SECOND]) expect((await getDecision(id))?.outcome).toBe('approve');
  });
});
