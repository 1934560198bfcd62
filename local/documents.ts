/**
 * After the local cycle: the documents the documents function made in the background (SKP, periodic and
 * annual evaluations, coaching records, Penetapan Predikat), fetched through the API as their readers
 * would and kept under `.local/run/documents/`. Before that, each Butuh Perbaikan employee's rater
 * records a coaching session and the employee acknowledges it — the coaching record is made again (the
 * draft one is then "diganti" on its verification page).
 *
 * Every employee must end with an SKP and an annual evaluation, and the cycle with at least one
 * periodic evaluation, each Butuh Perbaikan employee's coaching record and the Penetapan Predikat:
 * one missing from the background's list is asked for on demand (counted in `onDemand`, so a run that
 * needed it says so) and the step fails if it still cannot be made.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mapLimit } from '../shared/application/util';
import type { CycleOutcome } from './run-cycle';
import type { LocalStack } from './stack';

export interface DocumentsOutcome {
  dir: string;
  files: string[];
  /** Files by kind: SKP, EVALUASI_PERIODIK, EVALUASI_TAHUNAN, CATATAN_PEMBINAAN, PENETAPAN_PREDIKAT. */
  byKind: Record<string, number>;
  coached: string[];
  /** Documents the background had not made and that were asked for on demand (kind:nip). */
  onDemand: string[];
}

interface DocumentView {
  code: string;
  kind: string;
  fileName: string;
}

/** Which kinds each employee must have, and which the cycle as a whole must have at least once. */
const EVERY_EMPLOYEE = ['SKP', 'EVALUASI_TAHUNAN'] as const;

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
  const needCoaching = outcome.evaluations.filter((x) => x.predikat === 'BUTUH_PERBAIKAN');
  for (const e of needCoaching) {
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

  // What each employee has; what is missing is asked for on demand.
  const onDemand: string[] = [];
  const wanted: DocumentView[] = [];
  const lists = await mapLimit(outcome.evaluations, 8, async (e) => {
    const { documents } = (await call('GET', `/v1/cycles/${outcome.cycleId}/evaluations/${e.nip}/documents`, hrToken)) as { documents: DocumentView[] };
    const must = [...EVERY_EMPLOYEE, ...(coached.includes(e.nip) ? (['CATATAN_PEMBINAAN'] as const) : [])];
    for (const kind of must.filter((k) => !documents.some((d) => d.kind === k))) {
      const out = await call('POST', `/v1/cycles/${outcome.cycleId}/evaluations/${e.nip}/documents`, hrToken, { kind });
      documents.push(out.document);
      onDemand.push(`${kind}:${e.nip}`);
    }
    return documents;
  });
  for (const documents of lists) wanted.push(...documents);
  if (!wanted.some((d) => d.kind === 'EVALUASI_PERIODIK')) {
    const first = outcome.evaluations[0];
    if (first) {
      const out = await call('POST', `/v1/cycles/${outcome.cycleId}/evaluations/${first.nip}/documents`, hrToken, { kind: 'EVALUASI_PERIODIK' });
      wanted.push(out.document);
      onDemand.push(`EVALUASI_PERIODIK:${first.nip}`);
    }
  }
  // Penetapan Predikat per unit and for the organisation (made when follow-up closed; the same document is returned).
  const units = [...new Set(outcome.evaluations.map((e) => e.unitId))];
  for (const unitId of [...units, undefined]) {
    const out = await call('POST', `/v1/cycles/${outcome.cycleId}/documents`, hrToken, unitId ? { unitId } : {});
    wanted.push(out.document);
  }
  if (onDemand.length) log(`  ${onDemand.length} dokumen belum dibuat di latar belakang, dibuat sesuai permintaan: ${onDemand.slice(0, 5).join(', ')}`);

  const files = await mapLimit(wanted, 8, async (doc) => {
    const link = await call('GET', `/v1/documents/${doc.code}`, hrToken);
    const res = await fetch(link.url);
    if (res.status !== 200) throw new Error(`download ${doc.code} → ${res.status}`);
    const file = path.join(dir, doc.fileName);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return file;
  });
  const byKind: Record<string, number> = {};
  for (const d of wanted) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  return { dir, files, byKind, coached, onDemand };
}

/** One line for the end of the run: where the documents are and how many of each. */
export function documentsSummary(d: DocumentsOutcome, relDir: string): string {
  const n = (k: string) => d.byKind[k] ?? 0;
  return (
    `Dokumen PDF di ${relDir}/: ${n('SKP')} SKP, ${n('EVALUASI_PERIODIK')} evaluasi periodik, ${n('EVALUASI_TAHUNAN')} evaluasi tahunan, ` +
    `${n('PENETAPAN_PREDIKAT')} penetapan predikat, ${n('CATATAN_PEMBINAAN')} catatan pembinaan (${d.files.length} berkas)`
  );
}
