/**
 * Bukti dukung files: the platform's presigned-URL routes. The app asks for an upload URL, PUTs the file
 * straight to S3 (one object per upload), and keeps the returned reference (`evidence:<id>`) in the
 * realisation's evidence list beside any links.
 */
import { api } from './api';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

export interface UploadTicket {
  evidenceId: string;
  uploadUrl: string;
  headers?: Record<string, string>;
}
export interface EvidenceItem {
  evidenceId: string;
  fileName: string;
  size?: number;
  contentType?: string;
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

export async function uploadEvidence(cycleId: string, nip: string, file: File, indicatorId?: string): Promise<EvidenceItem> {
  const ticket = await api<UploadTicket>('POST', base(cycleId, nip), {
    fileName: file.name,
    contentType: file.type,
    size: file.size,
    ...(indicatorId ? { indicatorId } : {}),
  });
  const res = await fetch(ticket.uploadUrl, { method: 'PUT', headers: { 'content-type': file.type, ...(ticket.headers ?? {}) }, body: file });
  if (!res.ok) throw new Error(`upload ${res.status}`);
  return { evidenceId: ticket.evidenceId, fileName: file.name, size: file.size, contentType: file.type };
}

export async function listEvidence(cycleId: string, nip: string): Promise<EvidenceItem[]> {
  try {
    const r = await api<{ items: EvidenceItem[] }>('GET', base(cycleId, nip));
    return r.items ?? [];
  } catch {
    return [];
  }
}
