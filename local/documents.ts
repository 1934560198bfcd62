/**
 * After the local cycle: the documents the documents function made in the background (SKP, periodic and
 * annual evaluations, coaching records, Penetapan Predikat), fetched through the API as their readers
 * would and kept under `.local/run/documents/`. Before that, each Butuh Perbaikan employee's rater
 * records a coaching session and the employee acknowledges it — the coaching record is made again (the
 * draft one is then "diganti" on its verification page).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CycleOutcome } from './run-cycle';
import type { LocalStack } from './stack';

export interface DocumentsOutcome {
  files: string[];
  coached: string[];
}

export async function exportDocuments(stack: LocalStack, outcome: CycleOutcome, dir: string, log: (line: string) => void): Promise<DocumentsOutcome> {
  mkdirSync(dir, { recursive: true });
  const hrToken = await stack.token(outcome.hrNip, ['hr', 'employee']);
  const call = async (method: string, url: string, token: string, body?: unknown) => {
    const res = await fetch(`${stack.apiUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json().catch(() => undefined)) as any;
    if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  await stack.lambda.idle();

  // Coaching: one session per Butuh Perbaikan employee, recorded by the rater and acknowledged.
  const coached: string[] = [];
  for (const e of outcome.evaluations.filter((x) => x.predikat === 'BUTUH_PERBAIKAN')) {
    const plan = await call('GET', `/v1/cycles/${outcome.cycleId}/evaluations/${e.nip}/coaching`, hrToken);
    if (!plan.raterNip) continue;
    const raterToken = await stack.token(plan.raterNip, ['employee']);
    const heldOn = plan.openedOn;
    const after = await call('POST', `/v1/cycles/${outcome.cycleId}/evaluations/${e.nip}/coaching/sessions`, raterToken, {
      heldOn,
      kind: 'session',
      notes: 'Membahas capaian RHK yang di bawah ekspektasi dan menyepakati target antara per bulan.',
      actionIds: plan.actions.map((a: { actionId: string }) => a.actionId),
      competencyNote: 'Pegawai memahami langkah perbaikan; dipantau pada sesi berikutnya.',
    });
    const sessionId = after.sessions[after.sessions.length - 1].sessionId;
    const employeeToken = await stack.token(e.nip, ['employee']);
    await call('POST', `/v1/cycles/${outcome.cycleId}/evaluations/${e.nip}/coaching/sessions/${sessionId}/acknowledgement`, employeeToken, {
      note: 'Saya memahami dan menyetujui rencana pembinaan ini.',
    });
    coached.push(e.nip);
  }
  if (coached.length) log(`  ${coached.length} sesi pembinaan dicatat pejabat penilai dan diakui pegawai (Butuh Perbaikan)`);
  await stack.lambda.idle();
  if (stack.lambda.failures.length) throw new Error(`documents function failed: ${stack.lambda.failures[0]!.error}`);

  const files: string[] = [];
  const save = async (doc: { code: string; fileName: string }, prefix: string) => {
    const link = await call('GET', `/v1/documents/${doc.code}`, hrToken);
    const res = await fetch(link.url);
    if (res.status !== 200) throw new Error(`download ${doc.code} → ${res.status}`);
    const file = path.join(dir, `${prefix}${doc.fileName}`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    files.push(file);
  };
  for (const e of outcome.evaluations) {
    const { documents } = await call('GET', `/v1/cycles/${outcome.cycleId}/evaluations/${e.nip}/documents`, hrToken);
    for (const d of documents) await save(d, '');
  }
  const units = [...new Set(outcome.evaluations.map((e) => e.unitId))];
  for (const unitId of [...units, undefined]) {
    const out = await call('POST', `/v1/cycles/${outcome.cycleId}/documents`, hrToken, unitId ? { unitId } : {});
    await save(out.document, '');
  }
  return { files, coached };
}
