/** Bukti dukung (evidence) routes: request and response schemas (the OpenAPI document is built from them). */
import * as z from 'zod';
import { EvidenceContentTypeSchema, EvidenceFileNameSchema, EvidencePeriodSchema, EvidenceUrlSchema, MAX_EVIDENCE_BYTES } from '../../domain/evidence';
import { CycleIdParam, NipParam } from './common';

const ItemId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ID tidak valid / invalid id');
export const EvidenceIdParam = ItemId;
export const EvidencePath = z.object({ cycleId: CycleIdParam, nip: NipParam, evidenceId: EvidenceIdParam });

const Target = {
  rhkId: ItemId.meta({ description: 'RHK yang didukung · the RHK it supports' }),
  indicatorId: ItemId.optional().meta({ description: 'Indikator (opsional) · the indicator (optional)' }),
  period: EvidencePeriodSchema.optional().meta({ description: 'Periode; default periode yang sedang dibuka · the period; default the open one' }),
};

export const EvidenceUploadBody = z.strictObject({
  ...Target,
  title: z.string().trim().max(200).optional(),
  fileName: EvidenceFileNameSchema,
  contentType: EvidenceContentTypeSchema,
  size: z
    .number()
    .int()
    .min(1)
    .max(MAX_EVIDENCE_BYTES, `Ukuran berkas paling besar ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB / at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`),
});

export const EvidenceLinkBody = z.strictObject({
  ...Target,
  title: z.string().trim().min(1).max(200),
  url: EvidenceUrlSchema,
});

// ─── responses ─────────────────────────────────────────────────────────────────────────────────────

export const EvidenceItemResponse = z.object({
  evidenceId: z.string(),
  cycleId: z.string(),
  nip: z.string(),
  rhkId: z.string(),
  indicatorId: z.string().optional(),
  period: z.string(),
  kind: z.enum(['file', 'link']),
  title: z.string(),
  contentType: EvidenceContentTypeSchema.optional(),
  size: z.number().int().optional(),
  fileName: z.string().optional(),
  url: z.string().optional().meta({ description: 'Tautan (bukti berupa tautan) · the link' }),
  downloadUrl: z.string().optional().meta({ description: 'Tautan unduh bertanda tangan, berlaku 10 menit · presigned download URL, 10 minutes' }),
  uploadedBy: z.string(),
  createdAt: z.string(),
  storedAt: z.string().optional(),
});

export const EvidenceUploadResponse = z.object({
  evidenceId: z.string(),
  upload: z.object({
    method: z.literal('PUT'),
    url: z.string().meta({ description: 'PUT berkasnya ke sini dengan header di bawah · PUT the file here with the headers below' }),
    headers: z.object({ 'content-type': z.string() }),
    expiresAt: z.string(),
  }),
  maxBytes: z.number().int(),
});

export const EvidenceListResponse = z.object({
  items: z.array(EvidenceItemResponse),
  canEdit: z.boolean(),
  openPeriod: z.string().optional(),
});

export const EvidenceItemEnvelope = z.object({ evidence: EvidenceItemResponse, outcome: z.enum(['applied', 'replayed']).optional() });
export const EvidenceDeletedResponse = z.object({ evidenceId: z.string(), deleted: z.literal(true) });
