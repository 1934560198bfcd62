/**
 * Bukti dukung: evidence files and links an employee attaches to an RHK (and indicator) of their
 * evaluation in a period. Files go straight from the browser to the private bucket through a presigned
 * PUT for one server-chosen key; the server records the upload only after checking the stored object.
 *
 *   requestEvidenceUpload → (browser PUTs the file) → confirmEvidenceUpload
 *   addEvidenceLink · listEvidence (with short-lived download URLs) · deleteEvidence (own, period open)
 *
 * Who: the employee adds and deletes their own evidence; whoever may see the evaluation lists it
 * (canViewEvaluation). When: while the period is open — the same stages and statuses in which the
 * employee may record progress (record-progress.ts). The period is the stage today (MIDYEAR,
 * FINAL_SCORING); a policy's periods (monthly, quarterly) can name theirs without changing the records.
 */
import {
  DOWNLOAD_URL_SECONDS,
  type EvidenceContentType,
  type EvidenceItem,
  evidenceObjectKey,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_PER_PERIOD,
  PENDING_UPLOAD_HOURS,
  safeFileName,
  UPLOAD_URL_SECONDS,
} from '../../domain/evidence';
import type { EvaluationStatus } from '../../domain/lifecycle/status';
import type { CycleRecord, EvaluationRecord } from '../../domain/records';
import { canViewEvaluation, requireEvidenceOwner } from '../authz';
import { ports } from '../context';
import { ForbiddenError, NotFoundError, RuleError, StateError } from '../errors';
import { load, now } from '../evaluation/common';
import type { Caller } from '../ports';

/** Stages with an evidence period, and the statuses in which the employee still adds to it. */
const OPEN_STATUSES: Partial<Record<CycleRecord['stage'], readonly EvaluationStatus[]>> = {
  MIDYEAR: ['MONITORING', 'MIDYEAR_REVIEWED'],
  FINAL_SCORING: ['AWAITING_RATING'],
};

/** The open period of the evaluation, or a 409 saying why there is none. */
function openPeriod(cycle: CycleRecord, e: EvaluationRecord, requested?: string): string {
  const statuses = OPEN_STATUSES[cycle.stage];
  if (!statuses)
    throw new StateError(
      `Evidence is added in the mid-year and final periods, not in stage ${cycle.stage}`,
      `Bukti dukung hanya dapat ditambahkan pada periode pemantauan tengah tahun dan evaluasi tahunan (tahap sekarang: ${cycle.stage})`,
    );
  if (!statuses.includes(e.status))
    throw new StateError(`Evidence cannot be changed in status ${e.status}`, `Bukti dukung tidak dapat diubah pada status ${e.status}`);
  if (requested !== undefined && requested !== cycle.stage)
    throw new StateError(`Period ${requested} is not open (open: ${cycle.stage})`, `Periode ${requested} tidak sedang dibuka (yang dibuka: ${cycle.stage})`);
  return cycle.stage;
}

/** The RHK (and indicator) exist in the approved SKP. */
function requireTarget(e: EvaluationRecord, rhkId: string, indicatorId?: string): void {
  const rhk = (e.skp?.rhk ?? []).find((r) => r.id === rhkId);
  if (!rhk) throw new RuleError(`Unknown RHK ${rhkId}`, `RHK ${rhkId} tidak ada di SKP`, 'rhkId');
  if (indicatorId !== undefined && !rhk.indicators.some((i) => i.id === indicatorId))
    throw new RuleError(`Indicator ${indicatorId} is not one of RHK ${rhkId}`, `Indikator ${indicatorId} bukan indikator RHK ${rhkId}`, 'indicatorId');
}

async function requireRoom(cycleId: string, nip: string, period: string): Promise<void> {
  const items = await ports().evidence.ofEvaluation(cycleId, nip);
  if (items.filter((i) => i.period === period).length >= MAX_EVIDENCE_PER_PERIOD)
    throw new RuleError(
      `At most ${MAX_EVIDENCE_PER_PERIOD} items of evidence per period`,
      `Paling banyak ${MAX_EVIDENCE_PER_PERIOD} bukti dukung per periode`,
      'evidence',
    );
}

export interface UploadRequest {
  rhkId: string;
  indicatorId?: string;
  period?: string;
  title?: string;
  fileName: string;
  contentType: EvidenceContentType;
  size: number;
}

/** Step 1 of an upload: a PENDING record and a presigned PUT for exactly that key, type and size. */
export async function requestEvidenceUpload(cycleId: string, nip: string, req: UploadRequest, caller: Caller) {
  const { cycle, e } = await load(cycleId, nip);
  requireEvidenceOwner(caller, e);
  const period = openPeriod(cycle, e, req.period);
  requireTarget(e, req.rhkId, req.indicatorId);
  if (!Number.isInteger(req.size) || req.size < 1 || req.size > MAX_EVIDENCE_BYTES)
    throw new RuleError(
      `A file is 1 byte to ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`,
      `Ukuran berkas paling besar ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`,
      'size',
    );
  await requireRoom(cycleId, nip, period);
  const evidenceId = ports().newId();
  const at = ports().clock.now();
  const fileName = safeFileName(req.fileName, req.contentType);
  const item: EvidenceItem = {
    evidenceId,
    cycleId,
    nip,
    rhkId: req.rhkId,
    ...(req.indicatorId ? { indicatorId: req.indicatorId } : {}),
    period,
    kind: 'file',
    status: 'PENDING',
    title: req.title?.trim() || fileName,
    objectKey: evidenceObjectKey(cycle.agencyId, cycleId, nip, evidenceId),
    contentType: req.contentType,
    size: req.size,
    fileName,
    uploadedBy: caller.nip,
    createdAt: at.toISOString(),
    expiresAt: Math.floor(at.getTime() / 1000) + PENDING_UPLOAD_HOURS * 3600,
  };
  if (!(await ports().evidence.create(item))) throw new StateError('Evidence id already used', 'ID bukti dukung sudah dipakai; ulangi');
  const url = await ports().files.presignPut(item.objectKey!, { contentType: req.contentType, size: req.size, expiresInSeconds: UPLOAD_URL_SECONDS });
  return {
    evidenceId,
    upload: {
      method: 'PUT' as const,
      url,
      headers: { 'content-type': req.contentType },
      expiresAt: new Date(at.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
    },
    maxBytes: MAX_EVIDENCE_BYTES,
  };
}

async function ownItem(cycleId: string, nip: string, evidenceId: string, caller: Caller) {
  const { cycle, e } = await load(cycleId, nip);
  requireEvidenceOwner(caller, e);
  const item = await ports().evidence.get(cycleId, nip, evidenceId);
  if (!item) throw new NotFoundError(`evidence ${evidenceId}`, `Bukti dukung ${evidenceId} tidak ditemukan`);
  if (item.uploadedBy !== caller.nip) throw new ForbiddenError('Only who added evidence removes it', 'Hanya pengunggah yang dapat mengubah bukti dukung ini');
  return { cycle, e, item };
}

/** Step 2: the stored object is checked (there, same type, same size, within the limit), then recorded. Repeats answer the same. */
export async function confirmEvidenceUpload(cycleId: string, nip: string, evidenceId: string, caller: Caller) {
  const { cycle, e, item } = await ownItem(cycleId, nip, evidenceId, caller);
  if (item.kind !== 'file') throw new RuleError('Only a file upload is confirmed', 'Hanya unggahan berkas yang dikonfirmasi', 'evidenceId');
  if (item.status === 'STORED') return { evidence: await present(item), outcome: 'replayed' as const };
  openPeriod(cycle, e, item.period);
  const stored = await ports().files.head(item.objectKey!);
  if (!stored)
    throw new StateError('The file has not been uploaded (or the upload URL expired)', 'Berkas belum terunggah (atau tautan unggah kedaluwarsa); unggah lagi');
  const mismatch =
    stored.size !== item.size || stored.size > MAX_EVIDENCE_BYTES || (stored.contentType ?? '').split(';')[0]!.trim().toLowerCase() !== item.contentType;
  if (mismatch) {
    // Not what was announced: the object goes, the record goes, the employee uploads again.
    await ports().files.delete(item.objectKey!);
    await ports().evidence.remove(cycleId, nip, evidenceId);
    throw new RuleError(
      `The uploaded file does not match the request (${stored.size} bytes, ${stored.contentType ?? '?'})`,
      'Berkas yang terunggah tidak sesuai dengan yang diminta (ukuran atau jenis berbeda); unggah lagi',
      'file',
    );
  }
  const storedAt = now();
  if (!(await ports().evidence.markStored(cycleId, nip, evidenceId, { size: stored.size, storedAt }))) {
    const again = await ports().evidence.get(cycleId, nip, evidenceId);
    if (again?.status === 'STORED') return { evidence: await present(again), outcome: 'replayed' as const };
    throw new StateError('The upload was withdrawn meanwhile', 'Unggahan ini sudah dibatalkan');
  }
  const { expiresAt: _drop, ...rest } = item;
  return { evidence: await present({ ...rest, status: 'STORED', size: stored.size, storedAt }), outcome: 'applied' as const };
}

export interface LinkRequest {
  rhkId: string;
  indicatorId?: string;
  period?: string;
  title: string;
  url: string;
}

/** A link (e.g. to a shared drive or a news item) as evidence. */
export async function addEvidenceLink(cycleId: string, nip: string, req: LinkRequest, caller: Caller) {
  const { cycle, e } = await load(cycleId, nip);
  requireEvidenceOwner(caller, e);
  const period = openPeriod(cycle, e, req.period);
  requireTarget(e, req.rhkId, req.indicatorId);
  await requireRoom(cycleId, nip, period);
  const at = now();
  const item: EvidenceItem = {
    evidenceId: ports().newId(),
    cycleId,
    nip,
    rhkId: req.rhkId,
    ...(req.indicatorId ? { indicatorId: req.indicatorId } : {}),
    period,
    kind: 'link',
    status: 'STORED',
    title: req.title.trim(),
    url: req.url,
    uploadedBy: caller.nip,
    createdAt: at,
    storedAt: at,
  };
  if (!(await ports().evidence.create(item))) throw new StateError('Evidence id already used', 'ID bukti dukung sudah dipakai; ulangi');
  return { evidence: await present(item) };
}

/** The recorded evidence of an evaluation, files with a download URL valid for minutes; for whoever may see the evaluation. */
export async function listEvidence(cycleId: string, nip: string, caller: Caller) {
  const [cycle, e] = await Promise.all([ports().cycles.get(cycleId, { consistent: false }), ports().evaluations.get(cycleId, nip)]);
  if (!e) throw new NotFoundError(`evaluation ${nip}`, `Penilaian pegawai ${nip} tidak ditemukan`);
  if (!canViewEvaluation(caller, e, cycle)) throw new ForbiddenError('Not in your scope', 'Di luar cakupan akses Anda');
  const items = (await ports().evidence.ofEvaluation(cycleId, nip)).filter((i) => i.status === 'STORED');
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.evidenceId.localeCompare(b.evidenceId));
  const open = cycle ? OPEN_STATUSES[cycle.stage]?.includes(e.status) === true : false;
  return {
    items: await Promise.all(items.map(present)),
    /** Whether the caller may add or delete evidence now, and in which period. */
    canEdit: open && caller.nip === e.nip,
    ...(open && cycle ? { openPeriod: cycle.stage } : {}),
  };
}

/** Removes one's own evidence while its period is open (the bucket keeps the old version for a while). */
export async function deleteEvidence(cycleId: string, nip: string, evidenceId: string, caller: Caller) {
  const { cycle, e, item } = await ownItem(cycleId, nip, evidenceId, caller);
  openPeriod(cycle, e, item.period);
  await ports().evidence.remove(cycleId, nip, evidenceId);
  if (item.objectKey) await ports().files.delete(item.objectKey);
  return { evidenceId, deleted: true };
}

/** An item as the API shows it: no object key, a download URL for files. */
async function present(item: EvidenceItem) {
  const { objectKey, expiresAt: _e, status: _s, ...shown } = item;
  if (item.kind !== 'file' || !objectKey) return shown;
  const downloadUrl = await ports().files.presignGet(objectKey, {
    expiresInSeconds: DOWNLOAD_URL_SECONDS,
    ...(item.fileName ? { fileName: item.fileName } : {}),
    ...(item.contentType ? { contentType: item.contentType } : {}),
  });
  return { ...shown, downloadUrl };
}
