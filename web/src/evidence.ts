/**
 * Bukti dukung files through the platform's presigned-URL routes (functions/files): ask for an upload URL
 * for one file (`POST …/evidence/uploads`), PUT it straight to storage (one object per upload), confirm
 * it (`POST …/evidence/{id}/confirm`, the server checks the stored object); the list gives download
 * URLs to whoever may see the evaluation. The realisation keeps a reference `evidence:<id>` beside links.
 */
import { api } from './api';

/** The platform's limits (shared/domain/evidence.ts): checked here first so a wrong file costs no round trip. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];
export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx,.doc,.xls,.odt,.ods';

interface UploadTicket {
  evidenceId: string;
  upload: { method: 'PUT'; url: string; headers: Record<string, string> };
}
export interface EvidenceItem {
  evidenceId: string;
  kind?: 'file' | 'link';
  rhkId?: string;
  indicatorId?: string;
  title?: string;
  fileName?: string;
  size?: number;
  contentType?: string;
  url?: string;
  downloadUrl?: string;
}

/** Checks a chosen file before asking for an upload URL (the server checks the same limits). */
export function checkFile(file: { size: number; type: string }): 'ok' | 'tooLarge' | 'type' {
  if (!EVIDENCE_TYPES.includes(file.type)) return 'type';
  if (file.size > MAX_EVIDENCE_BYTES) return 'tooLarge';
  return 'ok';
}

export const evidenceRef = (evidenceId: string) => `evidence:${evidenceId}`;
export const isEvidenceRef = (s: string) => s.startsWith('evidence:');

const base = (cycleId: string, nip: string) => `/v1/cycles/${cycleId}/evaluations/${nip}/evidence`;

export async function uploadEvidence(cycleId: string, nip: string, file: File, target: { rhkId: string; indicatorId?: string }): Promise<EvidenceItem> {
  const ticket = await api<UploadTicket>('POST', `${base(cycleId, nip)}/uploads`, {
    ...target,
    fileName: file.name,
    contentType: file.type,
    size: file.size,
  });
  const res = await fetch(ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: file });
  if (!res.ok) throw new Error(`upload ${res.status}`);
  const confirmed = await api<{ evidence: EvidenceItem }>('POST', `${base(cycleId, nip)}/${ticket.evidenceId}/confirm`, {});
  return confirmed.evidence;
}

export async function listEvidence(cycleId: string, nip: string): Promise<EvidenceItem[]> {
  try {
    const r = await api<{ items: EvidenceItem[] }>('GET', base(cycleId, nip));
    return r.items ?? [];
  } catch {
    return [];
  }
}
