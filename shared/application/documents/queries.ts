/**
 * Reading documents: the list in an evaluation's detail, a download link for whoever may see the
 * evaluation, the public verification of a code, and a document made on demand (DRAFT until its data
 * is final).
 */
import { ORG_SUBJECT, unitSubject, VERIFICATION_TEXT, type VerificationState } from '../../domain/documents';
import { canViewEvaluation, requireHrOf } from '../authz';
import { ports } from '../context';
import { ForbiddenError, NotFoundError, StateError } from '../errors';
import type { Caller, DocumentRecord } from '../ports';
import { type EmployeeDocumentKind, employeeDocument, penetapanContent } from './content';
import { documentPorts } from './context';
import { generateDocument } from './generate';

/** A document as the API shows it (never the file's key). */
export interface DocumentView {
  code: string;
  kind: DocumentRecord['kind'];
  title: string;
  variant: string;
  draft: boolean;
  hash: string;
  generatedAt: string;
  approval?: DocumentRecord['approval'];
  signed: boolean;
  status: DocumentRecord['status'];
  fileName: string;
  bytes: number;
  downloadPath: string;
  verifyPath: string;
}
export const documentView = (d: DocumentRecord): DocumentView => ({
  code: d.code,
  kind: d.kind,
  title: d.title,
  variant: d.variant,
  draft: d.draft,
  hash: d.hash,
  generatedAt: d.generatedAt,
  ...(d.approval ? { approval: d.approval } : {}),
  signed: d.signed,
  status: d.status,
  fileName: d.fileName,
  bytes: d.bytes,
  downloadPath: `/v1/documents/${d.code}`,
  verifyPath: `/v1/public/documents/${d.code}`,
});

const notFound = (what: string, id: string) => new NotFoundError(what, id);
const outOfScope = () => new ForbiddenError('Not in your scope', 'Di luar cakupan akses Anda');

async function viewableEvaluation(caller: Caller, cycleId: string, nip: string) {
  const [e, cycle] = await Promise.all([ports().evaluations.get(cycleId, nip), ports().cycles.get(cycleId)]);
  if (!e || !cycle) throw notFound(`evaluation ${nip}`, `Penilaian pegawai ${nip} tidak ditemukan`);
  if (!canViewEvaluation(caller, e, cycle)) throw outOfScope();
  return { e, cycle };
}

/** The current documents of an employee's evaluation (the evaluation detail's `documents`). */
export async function documentsOfEvaluation(cycleId: string, nip: string): Promise<DocumentView[]> {
  const docs = await documentPorts().registry.currentOf(cycleId, nip);
  return docs.map(documentView).sort((a, b) => a.kind.localeCompare(b.kind) || a.variant.localeCompare(b.variant));
}

export async function listDocuments(caller: Caller, cycleId: string, nip: string): Promise<DocumentView[]> {
  await viewableEvaluation(caller, cycleId, nip);
  return documentsOfEvaluation(cycleId, nip);
}

/** Who may download: an employee's document, whoever may see that evaluation; a unit's or the organisation's, HR of the agency. */
export async function downloadDocument(caller: Caller, code: string): Promise<DocumentView & { url: string; expiresInSeconds: number }> {
  const doc = await documentPorts().registry.get(code);
  if (!doc) throw notFound(`document ${code}`, `Dokumen ${code} tidak ditemukan`);
  if (doc.subject === ORG_SUBJECT || doc.subject.startsWith('UNIT-')) requireHrOf(caller, doc.agencyId);
  else await viewableEvaluation(caller, doc.cycleId, doc.subject);
  const expiresInSeconds = 300;
  const url = await ports().files.presignGet(doc.fileKey, { expiresInSeconds, fileName: doc.fileName, contentType: 'application/pdf' });
  return { ...documentView(doc), url, expiresInSeconds };
}

export interface Verification {
  found: boolean;
  code: string;
  state?: VerificationState;
  text?: { id: string; en: string };
  document?: Pick<DocumentRecord, 'title' | 'variant' | 'draft' | 'hash' | 'generatedAt' | 'approval' | 'signed' | 'supersededAt' | 'cycleId'> & {
    subjectLabel: string;
    currentCode?: string;
  };
}

/**
 * The public check of a code: genuine and current ("asli / berlaku"), or superseded ("diganti") by a
 * later version. Shows no more than the document itself printed: title, whose, hash, approval.
 */
export async function verifyDocument(code: string): Promise<Verification> {
  const clean = code.trim().toUpperCase();
  if (!/^[A-Z0-9]{8,32}$/.test(clean)) return { found: false, code: clean };
  const doc = await documentPorts().registry.get(clean);
  if (!doc) return { found: false, code: clean };
  const state: VerificationState = doc.status === 'CURRENT' ? 'CURRENT' : 'SUPERSEDED';
  const subjectLabel = doc.subject === ORG_SUBJECT ? 'Instansi' : doc.subject.startsWith('UNIT-') ? `Unit ${doc.subject.slice(5)}` : `NIP ${doc.subject}`;
  return {
    found: true,
    code: clean,
    state,
    text: VERIFICATION_TEXT[state],
    document: {
      title: doc.title,
      variant: doc.variant,
      draft: doc.draft,
      hash: doc.hash,
      generatedAt: doc.generatedAt,
      ...(doc.approval ? { approval: doc.approval } : {}),
      signed: doc.signed,
      cycleId: doc.cycleId,
      subjectLabel,
      ...(doc.supersededAt ? { supersededAt: doc.supersededAt } : {}),
      ...(doc.supersededBy ? { currentCode: doc.supersededBy } : {}),
    },
  };
}

const baseUrl = () => ports().settings.publicBaseUrl ?? 'http://127.0.0.1:3000';

/** An employee's document made now from the stored data: DRAFT unless its data is final (then the final one). */
export async function documentOnDemand(
  caller: Caller,
  cycleId: string,
  nip: string,
  kind: EmployeeDocumentKind,
  periodId?: string,
): Promise<{ document: DocumentView; created: boolean }> {
  const { e, cycle } = await viewableEvaluation(caller, cycleId, nip);
  const content = await employeeDocument(cycle, e, kind, documentPorts().place, undefined, periodId);
  if (!content) throw new StateError(`Nothing to show in ${kind} yet`, 'Belum ada data untuk dokumen ini');
  const out = await generateDocument(content, { agencyId: cycle.agencyId, cycleId, baseUrl: baseUrl() });
  return { document: documentView(out.document), created: out.created };
}

/** Penetapan Predikat of a unit (or the organisation) on demand: HR of the agency. */
export async function penetapanOnDemand(caller: Caller, cycleId: string, unitId: string | undefined): Promise<{ document: DocumentView; created: boolean }> {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw notFound(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  requireHrOf(caller, cycle.agencyId);
  if (unitId && !(await ports().roster.getUnit(cycle.agencyId, unitId))) throw notFound(`unit ${unitId}`, `Unit ${unitId} tidak ditemukan`);
  const content = await penetapanContent(cycle, unitId, documentPorts().place);
  const out = await generateDocument(content, { agencyId: cycle.agencyId, cycleId, baseUrl: baseUrl() });
  return { document: documentView(out.document), created: out.created };
}

export { unitSubject };
