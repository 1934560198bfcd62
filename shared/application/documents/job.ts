/**
 * The documents function's background work: after a stage closes, the documents its data made final
 * (PLANNING → each SKP; MIDYEAR → each periodic evaluation; FOLLOW_UP → each annual evaluation and
 * coaching record, then the Penetapan Predikat per unit and for the organisation); after a coaching
 * session or its acknowledgement, that coaching record. A page of evaluations per call: the next page
 * is asked for as a new request, so no call runs long whatever the cohort.
 */
import type { Stage } from '../../domain/lifecycle/status';
import { ports } from '../context';
import { NotFoundError } from '../errors';
import type { DocumentJob } from '../ports';
import { decodeCursor, encodeCursor, mapLimit } from '../util';
import { documentContext, type EmployeeDocumentKind, employeeDocument, penetapanContent } from './content';
import { documentPorts, requestDocuments } from './context';
import { generateDocument } from './generate';

/** Evaluations per call (a PDF takes tens of milliseconds; a page stays well inside a minute). */
export const JOB_PAGE = 25;

const KINDS_AFTER: Partial<Record<Stage, EmployeeDocumentKind[]>> = {
  PLANNING: ['SKP'],
  MIDYEAR: ['EVALUASI_PERIODIK'],
  FOLLOW_UP: ['EVALUASI_TAHUNAN', 'CATATAN_PEMBINAAN'],
};

const baseUrl = () => ports().settings.publicBaseUrl ?? 'http://127.0.0.1:3000';

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

  const kinds = KINDS_AFTER[job.stage];
  if (!kinds) return { generated: 0 };
  const page = await ports().evaluations.ofCyclePage(cycle, decodeCursor(job.cursor), JOB_PAGE);
  const live = page.items.filter((e) => e.status !== 'WITHDRAWN');
  const ctx = await documentContext(
    cycle,
    live.flatMap((e) => [e.nip, ...(e.raterNip ? [e.raterNip] : []), ...(e.approverNip ? [e.approverNip] : [])]),
    place,
  );
  const made = await mapLimit(live, 4, async (e) => {
    let n = 0;
    for (const kind of kinds) {
      const content = await employeeDocument(cycle, e, kind, place, ctx);
      if (content && (await generateDocument(content, options)).created) n++;
    }
    return n;
  });
  let generated = made.reduce((a, b) => a + b, 0);
  const next = encodeCursor(page.next);
  if (next) {
    await requestDocuments({ ...job, cursor: next });
    return { generated, next };
  }
  if (job.stage === 'FOLLOW_UP') {
    const units = (await ports().evaluations.unitStatsOf(cycle.cycleId)).map((u) => u.unitId);
    for (const unitId of [...units, undefined]) {
      if ((await generateDocument(await penetapanContent(cycle, unitId, place), options)).created) generated++;
    }
  }
  return { generated };
}
