/**
 * Bukti dukung (supporting evidence) of an evaluation: files uploaded straight to storage, or links.
 * The policy here is pure: which files are accepted, how large, how many, and what a stored item is.
 */
import * as z from 'zod';

/** The largest file accepted (bytes): a scanned multi-page PDF or a phone photo fits. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Items (files and links) one evaluation may hold in one period. */
export const MAX_EVIDENCE_PER_PERIOD = 50;
/** How long an upload URL stays valid, in seconds. */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** How long a download URL stays valid, in seconds. */
export const DOWNLOAD_URL_SECONDS = 10 * 60;
/** A requested upload not confirmed within this many hours is forgotten (TTL on its record). */
export const PENDING_UPLOAD_HOURS = 24;

/** Accepted content types and the extension the stored name gets: PDF, JPEG, PNG, and office documents. */
export const EVIDENCE_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
} as const;
export type EvidenceContentType = keyof typeof EVIDENCE_TYPES;
export const EvidenceContentTypeSchema = z.enum(Object.keys(EVIDENCE_TYPES) as [EvidenceContentType, ...EvidenceContentType[]], {
  error: 'Jenis berkas tidak diterima (PDF, JPEG, PNG, dokumen Office) / file type not accepted (PDF, JPEG, PNG, Office documents)',
});

/** A period of the evaluation evidence belongs to: today a stage (MIDYEAR, FINAL_SCORING); a policy's period id later (e.g. TW1). */
export const EvidencePeriodSchema = z.string().regex(/^[A-Z0-9_-]{2,32}$/, 'Periode tidak valid / invalid period');

/** A file name as shown and downloaded: no path, no control characters, at most 120 characters. */
export function safeFileName(name: string, contentType: EvidenceContentType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"<>|*?:]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const ext = EVIDENCE_TYPES[contentType];
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 110) || 'bukti';
  return `${stem}.${ext}`;
}

export const EvidenceFileNameSchema = z.string().trim().min(1, 'Nama berkas wajib diisi / file name required').max(255);

/** An https (or http) link as evidence; never javascript:, data: or anything else a browser would run. */
export const EvidenceUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => {
    try {
      const url = new URL(u);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Tautan harus berupa alamat https:// / the link must be an https:// address');

/** One item of evidence as stored. */
export interface EvidenceItem {
  evidenceId: string;
  cycleId: string;
  nip: string;
  /** The RHK and (optionally) the indicator it supports. */
  rhkId: string;
  indicatorId?: string;
  period: string;
  kind: 'file' | 'link';
  /** PENDING: an upload URL was handed out; STORED: the file was checked and recorded; links are STORED at once. */
  status: 'PENDING' | 'STORED';
  title: string;
  /** Files: the object key (server-chosen), its type, size and the name to download it as. */
  objectKey?: string;
  contentType?: EvidenceContentType;
  size?: number;
  fileName?: string;
  /** Links. */
  url?: string;
  uploadedBy: string;
  createdAt: string;
  storedAt?: string;
  /** Epoch seconds: a PENDING record's expiry (TTL). */
  expiresAt?: number;
}

/** The object key of an evidence file: `evidence/<agency>/<cycle>/<nip>/<id>` (no user text in it). */
export function evidenceObjectKey(agencyId: string, cycleId: string, nip: string, evidenceId: string): string {
  return `evidence/${agencyId}/${cycleId}/${nip}/${evidenceId}`;
}
