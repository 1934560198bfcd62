/**
 * The OpenAPI 3.1 document of the HTTP API, generated — never written by hand per route. Paths and
 * methods come from the route table (shared/http/routes.ts, the same table the CDK HTTP API and the local
 * server are built from); request schemas are the zod schemas the handlers parse with (shared/http/contract),
 * turned into JSON Schema 2020-12 by `z.toJSONSchema` (OpenAPI 3.1's own dialect). The one hand-kept part is
 * API_DOCS below: per route, a bilingual summary, the security, the success status, the schemas and
 * an example body. `buildOpenApiDocument` refuses to build when API_DOCS and ROUTES disagree.
 */
import * as z from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import { ROUTES, type Route } from './routes';
import { SkpSchema } from '../domain/skp';
import {
  CalibrationResolutionBody, CommentIdSchema, CommentListQuerySchema, CreateCycleBody, CycleIdParam, DecisionForm, DecisionIdParam,
  DecisionLinkQuery, DelegationBody, EvaluationListQuery, ExportQuery, FeedbackBody, HandoverBody, IdempotencyKeySchema, IkmQuerySchema,
  InvitationsBody, JoinBody, MAX_BODY_BYTES, MAX_SUBMISSION_BYTES, MAX_TEXT_BYTES, MidyearBody, ModerationSchema, NipParam, ObjectionBody,
  OrgPredikatBody, ProgressBody, RatingBody, ReportQuery, RosterCsv, RosterImportErrors, SelfAssessmentBody, SubmissionSchema, TransferBody,
  UnitIdParam, UnitIdSchema,
} from './contract';

// ─── the one table: route → documentation ─────────────────────────────────────────────────────────

export type RouteKey = `${Route['method']} ${string}`;

export interface RouteDoc {
  /** One line each; the operation's summary is "Indonesian — English". */
  summary: { id: string; en: string };
  tag: Tag;
  /** Must equal the route's `auth` in ROUTES (checked when the document is built). */
  security: 'bearer' | 'none';
  success: number;
  /** Other success statuses the route answers, with what they mean (e.g. 200 for a change already made). */
  otherSuccess?: Record<number, { id: string; en: string }>;
  /** What a success returns; default JSON. */
  responseType?: 'json' | 'html' | 'csv' | 'none';
  /** Path parameters whose schema differs from PATH_PARAMS. */
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: { name: string; schema: z.ZodType; example: unknown; contentType?: 'application/json' | 'application/x-www-form-urlencoded' | 'text/csv'; maxBytes?: number };
  /** Error statuses specific to the use case; 400 always, 401/403 on JWT routes and 413 with a body are added. */
  errors: number[];
  /** Accepts an Idempotency-Key header (a retried change is recognised and reported as a replay). */
  idempotent?: boolean;
  /** Error statuses answered with their own JSON body instead of problem+json. */
  errorBodies?: Record<number, { name: string; schema: z.ZodType }>;
}

const TAGS = {
  cycles: { name: 'Siklus', description: 'Siklus kinerja tahunan (HR) · Yearly performance cycles (HR)' },
  evaluations: { name: 'Penilaian', description: 'SKP, realisasi, umpan balik, penilaian, keberatan · Plans, progress, feedback, rating, objection' },
  roster: { name: 'Pegawai', description: 'Perubahan data pegawai dan Plt/Plh · Roster changes and acting officials' },
  skm: { name: 'SKM', description: 'Survei kepuasan masyarakat · Citizen satisfaction survey' },
  decisions: { name: 'Keputusan', description: 'Tautan keputusan bertanda tangan dari email · Signed decision links from email' },
  meta: { name: 'Dokumentasi', description: 'Dokumen OpenAPI ini · This OpenAPI document' },
} as const;
type Tag = keyof typeof TAGS;

const NIP_EXAMPLE = { employee: '199001012015031001', rater: '198001012005011002', approver: '197001011995031003', peer: '199202022018032005' };

export const API_DOCS: Record<string, RouteDoc> = {
  'POST /v1/cycles': {
    summary: { id: 'Membuat (idempoten) dan memulai siklus kinerja tahunan', en: 'Create (idempotently) and start the yearly performance cycle' },
    tag: 'cycles', security: 'bearer', success: 201, errors: [404],
    otherSuccess: {
      200: { id: 'Siklus tahun itu sudah ada: `{"created": false}`, tidak ada yang diubah', en: 'The cycle of that year exists: `{"created": false}`, nothing changed' },
    },
    body: { name: 'CreateCycle', schema: CreateCycleBody, example: { year: 2026, orgPredikat: 'BAIK' } },
  },
  'GET /v1/cycles/{cycleId}': {
    summary: { id: 'Ringkasan siklus: kemajuan per tahap, sebaran predikat per unit, catatan kalibrasi', en: 'Cycle summary: progress per stage, predikat distribution per unit, calibration flags' },
    tag: 'cycles', security: 'bearer', success: 200, errors: [404],
  },
  'POST /v1/cycles/{cycleId}/resume': {
    summary: { id: 'Menjalankan ulang tahap berjalan dari data tersimpan', en: 'Start the current stage again from stored state' },
    tag: 'cycles', security: 'bearer', success: 200, errors: [404],
  },
  'PUT /v1/cycles/{cycleId}/organisation-predikat': {
    summary: { id: 'Menetapkan predikat organisasi (sebelum kalibrasi)', en: 'Set the organisation predikat (before calibration)' },
    tag: 'cycles', security: 'bearer', success: 200, errors: [404, 409],
    body: { name: 'OrganisationPredikat', schema: OrgPredikatBody, example: { orgPredikat: 'BAIK' } },
  },
  'GET /v1/cycles/{cycleId}/evaluations': {
    summary: {
      id: 'Daftar penilaian (HR, berhalaman): unit beserta sub-unit, status, tahap, predikat, pejabat penilai, urutan NIP; selain HR: tim sendiri',
      en: 'List evaluations (HR, paged): unit with sub-units, status, stage, predikat, rater, NIP order; others: their own team',
    },
    tag: 'evaluations', security: 'bearer', success: 200, errors: [422], query: EvaluationListQuery,
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}': {
    summary: { id: 'Rincian penilaian beserta jejak audit', en: 'Evaluation detail with its audit trail' },
    tag: 'evaluations', security: 'bearer', success: 200, errors: [404],
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/skp': {
    summary: { id: 'Mengajukan SKP pegawai untuk disetujui', en: 'Submit the employee’s SKP for approval' },
    tag: 'evaluations', security: 'bearer', success: 200, errors: [404, 409, 422], idempotent: true,
    body: {
      name: 'Skp', schema: SkpSchema,
      example: {
        nip: NIP_EXAMPLE.employee,
        period: { start: '2026-01-01', end: '2026-12-31' },
        rhk: [{
          id: 'rhk-1', jenis: 'utama', description: 'Meningkatnya cakupan pembinaan posyandu di wilayah kecamatan', parentRhkId: 'rhk-atasan-1',
          indicators: [
            { id: 'iki-1', description: 'Persentase posyandu aktif yang dibina', target: { kind: 'quantitative', value: 90, unit: 'persen', direction: 'higherIsBetter' } },
            { id: 'iki-2', description: 'Laporan pembinaan tersusun tepat waktu', target: { kind: 'qualitative', expectation: 'Laporan triwulan diserahkan paling lambat tanggal 10' } },
          ],
        }],
      },
    },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/progress': {
    summary: { id: 'Mencatat realisasi dengan bukti dukung', en: 'Record progress (realisations) with evidence links' },
    tag: 'evaluations', security: 'bearer', success: 200, errors: [404, 409, 422], idempotent: true,
    body: {
      name: 'Progress', schema: ProgressBody,
      example: { realisations: [{ indicatorId: 'iki-1', value: 72, evidence: ['https://drive.example.go.id/posyandu/laporan-juni.pdf'] }, { indicatorId: 'iki-2', judgement: 'SESUAI' }] },
    },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/feedback': {
    summary: { id: 'Memberi umpan balik perilaku BerAKHLAK (pejabat penilai, atau rekan/bawahan yang diundang, sampai batas waktu tahap)', en: 'Give BerAKHLAK behaviour feedback (the rater, or an invited colleague/subordinate, until the stage deadline)' },
    tag: 'evaluations', security: 'bearer', success: 200, errors: [404, 409], idempotent: true,
    body: {
      name: 'Feedback', schema: FeedbackBody,
      example: { feedback: [{ value: 'BERORIENTASI_PELAYANAN', rating: 'DI_ATAS', comment: 'Sigap melayani warga di loket' }, { value: 'KOLABORATIF', rating: 'SESUAI' }] },
    },
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/invitations': {
    summary: { id: 'Pejabat penilai mengundang rekan kerja/bawahan memberi umpan balik 360° (sekali per pasangan)', en: 'The rater invites colleagues or subordinates to give 360° feedback (once per pair)' },
    tag: 'evaluations', security: 'bearer', success: 201, errors: [404, 409, 422], idempotent: true,
    otherSuccess: {
      200: {
        id: 'Semua sudah diundang sebelumnya, atau permintaan yang sama diulang: tidak ada yang diubah',
        en: 'All were invited before, or the same request was repeated: nothing changed',
      },
    },
    body: { name: 'Invitations', schema: InvitationsBody, example: { peerNips: [NIP_EXAMPLE.peer] } },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/self-assessment': {
    summary: { id: 'Penilaian mandiri pegawai atas hasil kerja dan perilaku (tidak mengubah nilai)', en: 'The employee’s self-assessment of results and behaviour (does not change the score)' },
    tag: 'evaluations', security: 'bearer', success: 200, errors: [404, 409, 422], idempotent: true,
    body: {
      name: 'SelfAssessment', schema: SelfAssessmentBody,
      example: {
        rhk: [{ rhkId: 'rhk-1', rating: 'DI_ATAS', note: 'Posyandu aktif 96% dari target 90%' }],
        behaviour: [{ value: 'BERORIENTASI_PELAYANAN', rating: 'SESUAI' }],
        summary: 'Target utama tercapai; laporan triwulan II terlambat dua hari.',
      },
    },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/midyear-review': {
    summary: { id: 'Reviu tengah tahun dan catatan pembinaan oleh pejabat penilai', en: 'Mid-year review and coaching note by the rater' },
    tag: 'evaluations', security: 'bearer', success: 200, errors: [404, 409], idempotent: true,
    body: { name: 'MidyearReview', schema: MidyearBody, example: { rating: 'SESUAI', notes: 'Realisasi sesuai rencana; lengkapi dokumentasi bukti dukung.' } },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/rating': {
    summary: { id: 'Penilaian akhir oleh pejabat penilai (mesin mengusulkan)', en: 'Final rating by the rater (the engine proposes)' },
    tag: 'evaluations', security: 'bearer', success: 200, errors: [404, 409, 422], idempotent: true,
    body: {
      name: 'Rating', schema: RatingBody,
      example: { rhkRatings: [{ rhkId: 'rhk-1', rating: 'DI_ATAS', reason: 'Cakupan posyandu aktif 96% dari target 90%' }], behaviourRating: { rating: 'SESUAI' } },
    },
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/objection': {
    summary: { id: 'Mengajukan keberatan atas hasil penilaian (masa keberatan)', en: 'File an objection to the result (objection window)' },
    tag: 'evaluations', security: 'bearer', success: 201, errors: [404, 409], idempotent: true,
    body: { name: 'Objection', schema: ObjectionBody, example: { reason: 'Capaian pembinaan posyandu 96% belum diperhitungkan', requestedPredikat: 'SANGAT_BAIK' } },
  },
  'POST /v1/cycles/{cycleId}/calibration/{unitId}/resolution': {
    summary: { id: 'Menyelesaikan catatan kurva distribusi unit dengan alasan', en: 'Resolve a unit’s distribution-curve flag with a reason' },
    tag: 'cycles', security: 'bearer', success: 200, errors: [404, 409], params: { unitId: UnitIdParam },
    body: { name: 'CalibrationResolution', schema: CalibrationResolutionBody, example: { reason: 'Sebaran ditinjau bersama Camat; sesuai kurva organisasi' } },
  },
  'GET /v1/cycles/{cycleId}/export.csv': {
    summary: { id: 'Ekspor CSV seluruh siklus (UTF-8 dengan BOM, judul kolom berbahasa Indonesia)', en: 'CSV export of the whole cycle (UTF-8 with BOM, Indonesian headers)' },
    tag: 'cycles', security: 'bearer', success: 200, responseType: 'csv', errors: [404], query: ExportQuery,
  },
  'GET /v1/cycles/{cycleId}/report': {
    summary: { id: 'Laporan siklus (HTML): sebaran per unit terhadap kurva, IKM, kemajuan', en: 'Cycle report (HTML): distribution per unit against the curve, IKM, progress' },
    tag: 'cycles', security: 'bearer', success: 200, responseType: 'html', errors: [404], query: ReportQuery,
  },
  'POST /v1/roster/import': {
    summary: { id: 'Impor data pegawai dari CSV, dengan laporan kesalahan per baris', en: 'Import the roster from CSV, with a per-row error report' },
    tag: 'roster', security: 'bearer', success: 200, errors: [422],
    errorBodies: { 422: { name: 'RosterImportErrors', schema: RosterImportErrors } },
    body: {
      name: 'RosterCsv', schema: RosterCsv, contentType: 'text/csv', maxBytes: MAX_TEXT_BYTES,
      example: [
        'NIP;Nama;Jabatan;Kode Unit;Nama Unit;NIP Atasan;Email;Jenis;Kepala Unit;Eksternal',
        '196805121990031005;Dr. Ikhsan, S.Psi., M.M.;Sekretaris Daerah Kota Surabaya;pemkot-surabaya;Pemerintah Kota Surabaya;;sekda@surabaya.go.id;PNS;ya;ya',
        '197001011995031003;Drs. Bambang Sutrisno;Camat Asemrowo;kec-asemrowo;Kecamatan Asemrowo;196805121990031005;camat@asemrowo.surabaya.go.id;PNS;ya;tidak',
        '199001012015031001;Siti Rahmawati;Pengelola Program Kesehatan;kec-asemrowo;Kecamatan Asemrowo;197001011995031003;siti.rahmawati@asemrowo.surabaya.go.id;PNS;tidak;tidak',
        '',
      ].join('\r\n'),
    },
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/transfer': {
    summary: { id: 'Memindahkan pegawai ke unit atau pejabat penilai lain', en: 'Transfer an employee to another unit or rater' },
    tag: 'roster', security: 'bearer', success: 200, errors: [404, 409, 422], idempotent: true,
    body: { name: 'Transfer', schema: TransferBody, example: { unitId: 'kel-asemrowo', raterNip: NIP_EXAMPLE.approver, reason: 'Mutasi ke Kelurahan Asemrowo per 1 Juli' } },
  },
  'POST /v1/cycles/{cycleId}/raters/{nip}/handover': {
    summary: { id: 'Serah terima tim pejabat penilai yang berhenti', en: 'Hand over a departing rater’s team' },
    tag: 'roster', security: 'bearer', success: 200, errors: [404, 409, 422], idempotent: true,
    body: { name: 'Handover', schema: HandoverBody, example: { toNip: NIP_EXAMPLE.peer, reason: 'Pejabat penilai purna tugas' } },
  },
  'POST /v1/cycles/{cycleId}/members': {
    summary: { id: 'Menambahkan pegawai baru ke siklus', en: 'Add a newly joined employee to the cycle' },
    tag: 'roster', security: 'bearer', success: 201, errors: [404, 409, 422],
    body: {
      name: 'Join', schema: JoinBody,
      example: {
        nip: '199803142024012001', name: 'Nur Aini', jabatan: 'Pengadministrasi Perkantoran', unitId: 'seksi-kesra', raterNip: NIP_EXAMPLE.rater,
        email: 'nur.aini@asemrowo.surabaya.go.id', locale: 'id', jenis: 'PPPK',
      },
    },
  },
  'POST /v1/delegations': {
    summary: { id: 'Menunjuk Plt/Plh untuk rentang tanggal', en: 'Appoint an acting official (Plt/Plh) for a date range' },
    tag: 'roster', security: 'bearer', success: 201, errors: [422],
    body: {
      name: 'Delegation', schema: DelegationBody,
      example: { delegateNip: NIP_EXAMPLE.peer, delegatorNip: NIP_EXAMPLE.rater, kind: 'plh', from: '2026-07-06', until: '2026-07-17', reason: 'Cuti tahunan' },
    },
  },
  'GET /v1/skm/comments': {
    summary: { id: 'Antrean moderasi komentar SKM (HR, berhalaman)', en: 'SKM comment moderation queue (HR, paged)' },
    tag: 'skm', security: 'bearer', success: 200, errors: [], query: CommentListQuerySchema,
  },
  'POST /v1/skm/comments/{commentId}/moderation': {
    summary: { id: 'Menyetujui atau menolak komentar SKM', en: 'Approve or reject an SKM comment' },
    tag: 'skm', security: 'bearer', success: 200, errors: [404, 409], idempotent: true,
    body: { name: 'Moderation', schema: ModerationSchema, example: { decision: 'reject', reason: 'Tidak terkait layanan' } },
  },
  'POST /v1/public/units/{unitId}/skm': {
    summary: { id: 'Mengisi survei kepuasan masyarakat (tanpa akun)', en: 'Submit the citizen satisfaction survey (no account)' },
    tag: 'skm', security: 'none', success: 201, errors: [404, 409, 422, 429], idempotent: true,
    body: {
      name: 'SkmSubmission', schema: SubmissionSchema, maxBytes: MAX_SUBMISSION_BYTES,
      example: {
        answers: [4, 3, 3, 4, 3, 4, 4, 3, 3], comment: 'Pelayanan cepat dan petugas ramah', service: 'Surat keterangan domisili',
        respondent: { ageGroup: '30_39', gender: 'P', education: 'D4_S1' },
      },
    },
  },
  'GET /v1/public/units/{unitId}/ikm': {
    summary: { id: 'Indeks Kepuasan Masyarakat (IKM) satu unit layanan per periode', en: 'A service unit’s citizen satisfaction index (IKM) for a period' },
    tag: 'skm', security: 'none', success: 200, errors: [404], query: IkmQuerySchema,
  },
  'GET /openapi.json': {
    summary: { id: 'Dokumen OpenAPI 3.1 ini', en: 'This OpenAPI 3.1 document' },
    tag: 'meta', security: 'none', success: 200, errors: [],
  },
  'GET /v1/decisions/{decisionId}': {
    summary: { id: 'Halaman konfirmasi keputusan dari tautan email (tidak mengubah apa pun)', en: 'Decision confirmation page from an email link (changes nothing)' },
    tag: 'decisions', security: 'none', success: 200, responseType: 'html', errors: [403, 404, 410], query: DecisionLinkQuery,
  },
  'HEAD /v1/decisions/{decisionId}': {
    summary: { id: 'Seperti GET tanpa isi (pemindai tautan surel)', en: 'As GET without a body (mail link scanners)' },
    tag: 'decisions', security: 'none', success: 200, responseType: 'none', errors: [403, 404, 410], query: DecisionLinkQuery,
  },
  'POST /v1/decisions/{decisionId}': {
    summary: { id: 'Memutuskan dari formulir halaman konfirmasi (alasan wajib untuk mengembalikan)', en: 'Decide from the confirmation page’s form (a return needs a reason)' },
    tag: 'decisions', security: 'none', success: 200, responseType: 'html', errors: [403, 404, 410, 422],
    body: {
      name: 'DecisionForm', schema: DecisionForm, contentType: 'application/x-www-form-urlencoded',
      example: { a: 'return', r: 'q3Xk9vB2mZ7tL0pA', e: '1798761600', k: 'k1', s: 'Jq8W1b0mK3v9Yx2Zt5Rs7Pq4Ln6Mh8Gf0Dc1Ba3Ez5U', decision: 'return', comment: 'Target IKI-2 perlu diperjelas' },
    },
  },
};

/** Path parameters by name, as the handlers validate them. */
export const PATH_PARAMS: Record<string, z.ZodType> = {
  cycleId: CycleIdParam,
  nip: NipParam,
  unitId: UnitIdSchema,
  commentId: CommentIdSchema,
  decisionId: DecisionIdParam,
};

/** The schema a route's path parameter is validated with. */
export function pathParamSchema(key: string, name: string): z.ZodType | undefined {
  return API_DOCS[key]?.params?.[name] ?? PATH_PARAMS[name];
}

// ─── shared response shapes ───────────────────────────────────────────────────────────────────────

/** RFC 9457 problem details as shared/http/problem.ts writes them. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().meta({ description: 'Bahasa Indonesia' }),
  detail_en: z.string().meta({ description: 'English' }),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), id: z.string(), en: z.string() })).optional()
    .meta({ description: 'Isian yang bermasalah · the fields at fault' }),
});
/** What API Gateway itself answers (authorizer 401, 413 over its limit, 429 throttling, 404 no route). */
const GatewayMessageSchema = z.object({ message: z.string() });

const STATUS_TEXT: Record<number, { id: string; en: string }> = {
  400: { id: 'Permintaan tidak valid (isian disebutkan di `errors`)', en: 'Bad input (fields listed in `errors`)' },
  401: { id: 'Token tidak ada, kedaluwarsa, atau tidak sah', en: 'Missing, expired or invalid token' },
  403: { id: 'Di luar cakupan akses Anda', en: 'Out of your scope' },
  404: { id: 'Tidak ditemukan', en: 'Not found' },
  409: { id: 'Tahap atau status tidak sesuai, atau kalah balapan perubahan', en: 'Wrong stage or status, or a lost race' },
  410: { id: 'Tautan kedaluwarsa', en: 'The link has expired' },
  413: { id: 'Isi permintaan terlalu besar', en: 'Request body too large' },
  422: { id: 'Melanggar aturan', en: 'A rule is broken' },
  429: { id: 'Terlalu banyak permintaan; lihat Retry-After', en: 'Too many requests; see Retry-After' },
};

// ─── building ─────────────────────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** One zod schema as an embeddable JSON Schema (input side: what a client sends). */
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  void _drop;
  if ('$defs' in rest) throw new Error('openapi: a parameter schema must not need $defs');
  return rest;
}

function operationId(r: Route): string {
  const words = r.path.replace(/[{}]/g, '').split(/[/.-]+/).filter(Boolean);
  return r.method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function parameters(r: Route, doc: RouteDoc): Json[] {
  const out: Json[] = [];
  for (const [, name] of r.path.matchAll(/\{(\w+)\}/g)) {
    const schema = doc.params?.[name!] ?? PATH_PARAMS[name!];
    if (!schema) throw new Error(`openapi: no schema for path parameter ${name} of ${routeKey(r)}`);
    out.push({ name, in: 'path', required: true, schema: jsonSchema(schema) });
  }
  if (doc.query) {
    const q = jsonSchema(doc.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      out.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema });
    }
  }
  if (doc.idempotent) out.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return out;
}

function successResponse(doc: RouteDoc, r: Route): Json {
  const description = `${doc.summary.id} — ${doc.summary.en}`;
  switch (doc.responseType ?? 'json') {
    case 'html': return { description, content: { 'text/html': { schema: { type: 'string' } } } };
    case 'csv': return { description, content: { 'text/csv': { schema: { type: 'string' } } } };
    case 'none': return { description };
    default:
      return {
        description,
        ...(r.path === '/openapi.json' || r.path.endsWith('/ikm')
          ? { headers: { 'Cache-Control': { schema: { type: 'string' }, description: 'public, max-age=300' } } }
          : {}),
        content: { 'application/json': { schema: { type: 'object' } } },
      };
  }
}

function errorResponses(r: Route, doc: RouteDoc): Json {
  const statuses = new Set<number>([400, ...doc.errors]);
  if (r.auth === 'jwt') { statuses.add(401); statuses.add(403); }
  if (doc.body) statuses.add(413);
  const html = doc.tag === 'decisions';
  const out: Json = {};
  for (const status of [...statuses].sort((a, b) => a - b)) {
    const text = STATUS_TEXT[status];
    if (!text) throw new Error(`openapi: no description for status ${status}`);
    const description = `${text.id} — ${text.en}`;
    if (html) {
      out[String(status)] = { description, content: { 'text/html': { schema: { type: 'string' } } } };
      continue;
    }
    const own = doc.errorBodies?.[status];
    if (own) {
      out[String(status)] = { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${own.name}` } } } };
      continue;
    }
    const content: Json = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
    // These statuses may also come from API Gateway itself, before any handler runs.
    if (status === 401 || status === 413 || status === 429) content['application/json'] = { schema: { $ref: '#/components/schemas/GatewayMessage' } };
    out[String(status)] = {
      description,
      ...(status === 429 ? { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 }, description: 'detik · seconds' } } } : {}),
      content,
    };
  }
  return out;
}

/** Checks API_DOCS against ROUTES: every route documented, nothing documented that is not routed, same security. */
export function checkApiDocs(routes: readonly Route[] = ROUTES, docs: Record<string, RouteDoc> = API_DOCS): string[] {
  const problems: string[] = [];
  const keys = new Set(routes.map(routeKey));
  for (const r of routes) {
    const doc = docs[routeKey(r)];
    if (!doc) { problems.push(`${routeKey(r)} has no entry in API_DOCS`); continue; }
    if ((doc.security === 'bearer') !== (r.auth === 'jwt')) problems.push(`${routeKey(r)}: API_DOCS says ${doc.security}, ROUTES says ${r.auth}`);
    if (doc.body && r.method !== 'POST' && r.method !== 'PUT') problems.push(`${routeKey(r)}: a ${r.method} has no body`);
  }
  for (const k of Object.keys(docs)) if (!keys.has(k)) problems.push(`API_DOCS has ${k}, which is not in ROUTES`);
  return problems;
}

export function buildOpenApiDocument(routes: readonly Route[] = ROUTES, docs: Record<string, RouteDoc> = API_DOCS): Json {
  const problems = checkApiDocs(routes, docs);
  if (problems.length) throw new Error(`openapi: the route table and API_DOCS disagree:\n- ${problems.join('\n- ')}`);

  // Request bodies and response shapes as components, through one registry so shared parts stay consistent.
  const registry = z.registry<{ id: string }>();
  const componentOf = new Map<z.ZodType, string>();
  const add = (schema: z.ZodType, id: string) => {
    const existing = componentOf.get(schema);
    if (existing) return existing;
    registry.add(schema, { id });
    componentOf.set(schema, id);
    return id;
  };
  add(ProblemSchema, 'Problem');
  add(GatewayMessageSchema, 'GatewayMessage');
  for (const r of routes) {
    const { body, errorBodies } = docs[routeKey(r)]!;
    if (body) add(body.schema, body.name);
    for (const e of Object.values(errorBodies ?? {})) add(e.schema, e.name);
  }
  const generated = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }).schemas;
  const schemas: Record<string, Json> = {};
  for (const [id, s] of Object.entries(generated)) {
    // The registry's $id ("#/components/…") is a fragment, which 2020-12 does not allow as an $id: the $ref does the job.
    const { $schema: _drop, $id: _id, ...rest } = s as Json;
    void _drop; void _id;
    schemas[id] = rest;
  }

  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const doc = docs[routeKey(r)]!;
    const operation: Json = {
      operationId: operationId(r),
      tags: [TAGS[doc.tag].name],
      summary: `${doc.summary.id} — ${doc.summary.en}`,
      description: `${doc.summary.id}.\n\n*English:* ${doc.summary.en}.`,
      security: doc.security === 'bearer' ? [{ cognitoJwt: [] }] : [],
      parameters: parameters(r, doc),
      ...(doc.body
        ? {
            requestBody: {
              required: true,
              description: `Maksimal ${doc.body.maxBytes ?? MAX_BODY_BYTES} byte · at most ${doc.body.maxBytes ?? MAX_BODY_BYTES} bytes`,
              content: {
                [doc.body.contentType ?? 'application/json']: {
                  schema: { $ref: `#/components/schemas/${componentOf.get(doc.body.schema)}` },
                  example: doc.body.example,
                },
              },
            },
          }
        : {}),
      responses: {
        [String(doc.success)]: successResponse(doc, r),
        ...Object.fromEntries(Object.entries(doc.otherSuccess ?? {}).map(([status, d]) =>
          [status, { ...successResponse(doc, r), description: `${d.id} — ${d.en}` }])),
        ...errorResponses(r, doc),
      },
      'x-function': r.functionId,
    };
    (paths[r.path] ??= {})[r.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'asn-kinerja API',
      version: pkg.version,
      summary: 'Pengelolaan kinerja ASN (PermenPAN-RB No. 6 Tahun 2022) · ASN performance management',
      description: [
        'API pengelolaan kinerja ASN: siklus tahunan, SKP, realisasi, umpan balik BerAKHLAK, penilaian, kalibrasi, keberatan, dan survei kepuasan masyarakat (SKM). Rute dengan JWT memakai token Cognito (grup `hr` atau `employee`; atasan dan pejabat penilai diturunkan dari struktur organisasi). Kesalahan berbentuk RFC 9457 `application/problem+json` dengan `detail` berbahasa Indonesia dan `detail_en`.',
        '',
        '*English:* the ASN performance management API: yearly cycles, SKP plans, progress, BerAKHLAK feedback, ratings, calibration, objections and the citizen satisfaction survey (SKM). JWT routes take a Cognito token (groups `hr` or `employee`; raters and approvers are derived from the org tree). Errors are RFC 9457 `application/problem+json` with `detail` in Bahasa Indonesia and `detail_en` in English.',
      ].join('\n'),
      license: { name: 'Proprietary' },
    },
    servers: [{ url: '/', description: 'API Gateway HTTP API (atau tumpukan lokal · or the local stack, `npm start`)' }],
    tags: Object.values(TAGS),
    paths,
    components: {
      securitySchemes: {
        cognitoJwt: {
          type: 'http', scheme: 'bearer', bearerFormat: 'JWT',
          description: 'ID token Amazon Cognito (klaim `custom:nip`, `custom:agencyId`, `cognito:groups`) · Amazon Cognito ID token',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key', in: 'header', required: false, schema: jsonSchema(IdempotencyKeySchema),
          description: 'Perubahan yang diulang dengan kunci sama dikenali sebagai ulangan · a change retried with the same key is recognised as a replay',
        },
      },
      schemas,
    },
  };
}
