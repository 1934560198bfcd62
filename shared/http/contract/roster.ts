/**
 * HR console (roster): the roster read routes (people picked by name, units) and the import's preview
 * (every row checked and compared with what is stored, nothing written).
 */
import * as z from 'zod';
import { NipParam } from './common';

/** `GET /v1/roster/employees`: the agency's roster in NIP order, a page of `limit` entries read, filtered. */
export const RosterListQuery = z.object({
  /** Part of the name or NIP, any case ("siti", "1977"). */
  q: z.string().trim().min(1).max(100).optional(),
  unitId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(2000).optional(),
});
export type RosterListQuery = z.infer<typeof RosterListQuery>;

export const RosterPersonSchema = z.object({
  nip: NipParam,
  name: z.string(),
  jabatan: z.string(),
  unitId: z.string(),
  raterNip: z.string().optional(),
  isUnitHead: z.boolean(),
  external: z.boolean().optional(),
  email: z.string().optional(),
});
export const RosterListResponse = z.object({
  items: z.array(RosterPersonSchema),
  next: z.string().nullable().meta({ description: 'Kursor halaman berikutnya (null: selesai) · the next page’s cursor (null: done)' }),
});
export const RosterUnitsResponse = z.object({
  items: z.array(z.object({ unitId: z.string(), name: z.string(), parentUnitId: z.string().optional(), headNip: z.string().optional() })),
});

const RowError = z.object({ field: z.string().optional(), id: z.string(), en: z.string() });
const Counts = z.object({ total: z.number().int(), new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() });
/** `POST /v1/roster/import/preview`: 200 whatever the rows hold; `valid` says whether the import would store the file. */
export const RosterPreviewResponse = z.object({
  valid: z.boolean(),
  employees: Counts,
  units: Counts,
  errorRows: z.number().int(),
  /** Every row with an error, then the first good rows (up to 500); `rowsTotal` counts them all. */
  rows: z.array(
    z.object({
      line: z.number().int().min(1),
      endLine: z.number().int().min(1),
      status: z.enum(['NEW', 'CHANGED', 'UNCHANGED', 'ERROR']),
      nip: z.string().optional(),
      name: z.string().optional(),
      unitId: z.string().optional(),
      jabatan: z.string().optional(),
      changed: z.array(z.string()).optional(),
      errors: z.array(RowError).optional(),
    }),
  ),
  rowsTotal: z.number().int(),
  /** Errors of the file as a whole (its header, its size, an unclosed quote). */
  fileErrors: z.array(RowError.extend({ line: z.number().int().min(0) })),
  newUnits: z.array(z.object({ unitId: z.string(), name: z.string() })),
});
