/**
 * The documents function's background work: after a stage closes, the documents its data made final
 * (PLANNING → each SKP; MIDYEAR → each periodic evaluation of Semester I under the semester policy;
 * FOLLOW_UP → each annual evaluation and coaching record, then the Penetapan Predikat per unit and for
 * the organisation); after a period of a quarterly or monthly policy closes, each periodic evaluation
 * of that period; after a coaching session or its acknowledgement, that coaching record. A page of
 * employees per call: the next page is asked for as a new request, so no call runs long whatever the
 * cohort.
 *
 * Pages walk the roster (NIP order, which nothing changes), not the cycle's evaluations by unit and
 * status: the next stage opens while a job runs and moves evaluations to another status, and a page
 * walk over a status-ordered index then skipped some of them (two SKPs of the sample went missing).
 */
import { periodicEvaluationOf } from '../../domain/lifecycle/schedule';
import type { Stage } from '../../domain/lifecycle/status';
import type { CycleRecord, EvaluationRecord } from '../../domain/records';
import { ports } from '../context';
import { NotFoundError } from '../errors';
import type { DocumentJob } from '../ports';
import { mapLimit } from '../util';
import { documentContext, type EmployeeDocumentKind, employeeDocument, penetapanContent } from './content';
import { documentPorts, requestDocuments } from './context';
import { generateDocument } from './generate';

/** Employees per call (a PDF takes tens of milliseconds; a page stays well inside a minute). */
export const JOB_PAGE = 25;

function kindsAfter(cycle: CycleRecord, stage: Stage): EmployeeDocumentKind[] {
  switch (stage) {
    case 'PLANNING':
      return ['SKP'];
    case 'MIDYEAR':
      // Under a quarterly or monthly policy the periods' own documents are made when each period closes.
      return periodicEvaluationOf(cycle.schedule) === 'semester' ? ['EVALUASI_PERIODIK'] : [];
    case 'FOLLOW_UP':
      return ['EVALUASI_TAHUNAN', 'CATATAN_PEMBINAAN'];
    default:
      return [];
  }
}

const baseUrl = () => ports().settings.publicBaseUrl ?? 'http://127.0.0.1:3000';
const encode = (k: Record<string, unknown> | undefined) => (k ? Buffer.from(JSON.stringify(k)).toString('base64url') : undefined);
const decode = (s: string | undefined) => (s ? (JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>) : undefined);

/** One page of the cycle's evaluations, walked by the roster's NIP order. */
async function evaluationsPage(cycle: CycleRecord, cursor: string | undefined): Promise<{ items: EvaluationRecord[]; next?: string }> {
  const page = await ports().roster.employeesPage(cycle.agencyId, decode(cursor), JOB_PAGE);
  const nips = page.items.filter((p) => !p.external).map((p) => p.nip);
  const found = nips.length ? await ports().evaluations.getMany(cycle.cycleId, nips) : new Map<string, EvaluationRecord>();
  const items = nips.map((nip) => found.get(nip)).filter((e): e is EvaluationRecord => !!e && e.status !== 'WITHDRAWN');
  const next = encode(page.next as Record<string, unknown> | undefined);
  return { items, ...(next ? { next } : {}) };
}

export async function runDocumentJob(job: DocumentJob): Promise<{ generated: number; next?: string }> {
  const cycle = await ports().cycles.get(job.cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${job.cycleId}`, `Siklus ${job.cycleId} tidak ditemukan`);
  const place = documentPorts().place;
  const options = { agencyId: cycle.agencyId, cycleId: cycle.cycleId, baseUrl: baseUrl() };

  if (job.type === 'coaching') {
    const e = await ports().evaluations.get(cycle.cycleId, job.nip);
    const content = e ? await employeeDocument(cycle, e, 'CATATAN_PEMBINAAN', place) : undefined;
    if (!content) return { generated: 0 };
    return { generated: (await generateDocument(content, options)).created ? 1 : 0 };
  }

  const kinds = job.type === 'period-closed' ? (['EVALUASI_PERIODIK'] as EmployeeDocumentKind[]) : kindsAfter(cycle, job.stage);
  const periodId = job.type === 'period-closed' ? job.periodId : undefined;
  const penetapan = job.type === 'stage-closed' && job.stage === 'FOLLOW_UP';
  if (!kinds.length) return { generated: 0 };
  const page = await evaluationsPage(cycle, job.cursor);
  const ctx = await documentContext(
    cycle,
    page.items.flatMap((e) => [e.nip, ...(e.raterNip ? [e.raterNip] : []), ...(e.approverNip ? [e.approverNip] : [])]),
    place,
  );
  const made = await mapLimit(page.items, 4, async (e) => {
    let n = 0;
    for (const kind of kinds) {
      const content = await employeeDocument(cycle, e, kind, place, ctx, periodId);
      if (content && (await generateDocument(content, options)).created) n++;
    }
    return n;
  });
  let generated = made.reduce((a, b) => a + b, 0);
  if (page.next) {
    await requestDocuments({ ...job, cursor: page.next });
    return { generated, next: page.next };
  }
  if (penetapan) {
    const units = (await ports().evaluations.unitStatsOf(cycle.cycleId)).map((u) => u.unitId);
    for (const unitId of [...units, undefined]) {
      if ((await generateDocument(await penetapanContent(cycle, unitId, place), options)).created) generated++;
    }
  }
  return { generated };
}
