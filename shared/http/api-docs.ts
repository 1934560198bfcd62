/** The hand-kept part of the OpenAPI document: per route a bilingual summary, security, statuses, schemas, an example. */
import type * as z from 'zod';
import { PeriodIdSchema } from '../domain/lifecycle/periods';
import { SkpSchema } from '../domain/skp';
import {
  // --- documents and coaching (issue 16) ---
  AcknowledgementBody,
  CalibrationResolutionBody,
  CoachingListQuery,
  CoachingSessionBody,
  CommentIdSchema,
  CommentListQuerySchema,
  CreateCycleBody,
  CycleIdParam,
  DecisionForm,
  DecisionIdParam,
  DecisionLinkQuery,
  DelegationBody,
  DocumentCodeParam,
  DocumentRequestBody,
  EvaluationListQuery,
  ExportQuery,
  FeedbackBody,
  HandoverBody,
  IkmQuerySchema,
  InvitationsBody,
  JoinBody,
  KioskBody,
  KioskIdParam,
  MAX_SUBMISSION_BYTES,
  MAX_TEXT_BYTES,
  MidyearBody,
  ModerationSchema,
  NipParam,
  ObjectionBody,
  OrgPredikatBody,
  PenetapanRequestBody,
  PeriodReviewBody,
  ProgressBody,
  RatingBody,
  ReportQuery,
  RosterCsv,
  RosterImportErrors,
  RosterImportIncomplete,
  SelfAssessmentBody,
  SessionIdParam,
  SubmissionSchema,
  TransferBody,
  UnitIdParam,
  UnitIdSchema,
} from './contract';
import { IkmPageQuery, PublicPageQuery, RaterBiasAckBody, RaterNipParam, SurveyForm, SurveyPageQuery, ThanksQuery } from './contract/citizens';
import { ProgressQuery as ConsoleProgressQuery, ProgressResponse, ReminderBody, ReminderResponse } from './contract/console';
import {
  EvidenceDeletedResponse,
  EvidenceIdParam,
  EvidenceItemEnvelope,
  EvidenceLinkBody,
  EvidenceListResponse,
  EvidenceUploadBody,
  EvidenceUploadResponse,
} from './contract/evidence';
import { ApproveAllBody, MeQuery, MyDecisionBody, MyDecisionsQuery, TasksQuery } from './contract/me';
import { RosterListQuery, RosterListResponse, RosterPreviewResponse, RosterUnitsResponse } from './contract/roster';

// ─── the one table: route → documentation ─────────────────────────────────────────────────────────

export type { RouteKey } from './routes';

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
  body?: {
    name: string;
    schema: z.ZodType;
    example: unknown;
    contentType?: 'application/json' | 'application/x-www-form-urlencoded' | 'text/csv';
    maxBytes?: number;
  };
  /** Error statuses specific to the use case; 400 always, 401/403 on JWT routes and 413 with a body are added. */
  errors: number[];
  /** Accepts an Idempotency-Key header (a retried change is recognised and reported as a replay). */
  idempotent?: boolean;
  /**
   * Rules across fields that JSON Schema cannot state on the parameters (query parameters are separate
   * schemas): written into the operation's description and, machine-readable, as `x-rules`.
   */
  rules?: { id: string; en: string; dependentRequired?: Record<string, string[]> }[];
  /** Error statuses answered with their own problem+json schema (extension members). */
  errorBodies?: Record<number, { name: string; schema: z.ZodType }>;
  /** The success body's schema, as a component (default: an object). */
  response?: { name: string; schema: z.ZodType };
}

export const TAGS = {
  cycles: { name: 'Siklus', description: 'Siklus kinerja tahunan (HR) · Yearly performance cycles (HR)' },
  evaluations: { name: 'Penilaian', description: 'SKP, realisasi, umpan balik, penilaian, keberatan · Plans, progress, feedback, rating, objection' },
  roster: { name: 'Pegawai', description: 'Perubahan data pegawai dan Plt/Plh · Roster changes and acting officials' },
  skm: { name: 'SKM', description: 'Survei kepuasan masyarakat · Citizen satisfaction survey' },
  decisions: { name: 'Keputusan', description: 'Tautan keputusan bertanda tangan dari email · Signed decision links from email' },
  meta: { name: 'Dokumentasi', description: 'Dokumen OpenAPI ini · This OpenAPI document' },
  documents: { name: 'Dokumen', description: 'Dokumen PDF resmi dan verifikasinya · Official PDF documents and their verification' },
  coaching: { name: 'Pembinaan', description: 'Pembinaan setelah predikat rendah · Coaching after a low predikat' },
  me: { name: 'Aplikasi', description: 'Aplikasi web: saya, tugas, keputusan lewat sesi · The web app: me, tasks, decisions in the session' },
} as const;
type Tag = keyof typeof TAGS;

/**
 * People of the sample roster (local/sample/asemrowo.json), so every example works against `npm start -- --keep`:
 * Indah Puspitasari (Seksi Kesra), her rater Ratna Kusumawati (Kasi Kesra), Ratna's rater (the Sekcam), her
 * colleague Bagus Hartanto; Hadi Prayitno (Lurah Asemrowo) and Teguh Prasetyo (Kasi Pemerintahan).
 */
const NIP_EXAMPLE = {
  employee: '198908242013022005',
  rater: '197607192004122006',
  approver: '197704202004011003',
  peer: '198902052014011005',
  lurah: '197706052005041009',
  kasi: '198408282008031006',
};

export const API_DOCS: Record<string, RouteDoc> = {
  'POST /v1/cycles': {
    summary: { id: 'Membuat (idempoten) dan memulai siklus kinerja tahunan', en: 'Create (idempotently) and start the yearly performance cycle' },
    tag: 'cycles',
    security: 'bearer',
    success: 201,
    errors: [404, 422],
    otherSuccess: {
      200: {
        id: 'Siklus tahun itu sudah ada: `{"created": false}`, tidak ada yang diubah',
        en: 'The cycle of that year exists: `{"created": false}`, nothing changed',
      },
    },
    body: { name: 'CreateCycle', schema: CreateCycleBody, example: { year: 2026, orgPredikat: 'BAIK' } },
  },
  'GET /v1/cycles/{cycleId}': {
    summary: {
      id: 'Ringkasan siklus: kemajuan per tahap, sebaran predikat per unit, catatan kalibrasi',
      en: 'Cycle summary: progress per stage, predikat distribution per unit, calibration flags',
    },
    tag: 'cycles',
    security: 'bearer',
    success: 200,
    errors: [404],
  },
  'POST /v1/cycles/{cycleId}/resume': {
    summary: { id: 'Menjalankan ulang tahap berjalan dari data tersimpan', en: 'Start the current stage again from stored state' },
    tag: 'cycles',
    security: 'bearer',
    success: 200,
    errors: [404],
  },
  'PUT /v1/cycles/{cycleId}/organisation-predikat': {
    summary: { id: 'Menetapkan predikat organisasi (sebelum kalibrasi)', en: 'Set the organisation predikat (before calibration)' },
    tag: 'cycles',
    security: 'bearer',
    success: 200,
    errors: [404, 409],
    body: { name: 'OrganisationPredikat', schema: OrgPredikatBody, example: { orgPredikat: 'BAIK' } },
  },
  'GET /v1/cycles/{cycleId}/evaluations': {
    summary: {
      id: 'Daftar penilaian (HR, berhalaman): unit beserta sub-unit, status, tahap, predikat, pejabat penilai, urutan NIP; selain HR: tim sendiri',
      en: 'List evaluations (HR, paged): unit with sub-units, status, stage, predikat, rater, NIP order; others: their own team',
    },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [422],
    query: EvaluationListQuery,
    rules: [
      {
        id: '`includeSubunits` hanya bersama `unitId` (tanpa `unitId`: 400)',
        en: '`includeSubunits` only together with `unitId` (without `unitId`: 400)',
        dependentRequired: { includeSubunits: ['unitId'] },
      },
      { id: 'HR wajib memberi `unitId` atau `rater` (tanpa keduanya: 422)', en: 'HR must give `unitId` or `rater` (neither: 422)' },
    ],
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}': {
    summary: { id: 'Rincian penilaian beserta jejak audit', en: 'Evaluation detail with its audit trail' },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [404],
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/skp': {
    summary: { id: 'Mengajukan SKP pegawai untuk disetujui', en: 'Submit the employee’s SKP for approval' },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [404, 409, 422],
    idempotent: true,
    body: {
      name: 'Skp',
      schema: SkpSchema,
      example: {
        nip: NIP_EXAMPLE.employee,
        period: { start: '2026-01-01', end: '2026-12-31' },
        rhk: [
          {
            id: 'rhk-1',
            jenis: 'utama',
            description: 'Meningkatnya cakupan pembinaan posyandu di wilayah kecamatan',
            parentRhkId: 'rhk-1',
            indicators: [
              {
                id: 'rhk-1-iki-1',
                description: 'Persentase posyandu aktif yang dibina',
                target: { kind: 'quantitative', value: 90, unit: 'persen', direction: 'higherIsBetter' },
              },
              {
                id: 'rhk-1-iki-2',
                description: 'Laporan pembinaan tersusun tepat waktu',
                target: { kind: 'qualitative', expectation: 'Laporan triwulan diserahkan paling lambat tanggal 10' },
              },
            ],
          },
        ],
      },
    },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/progress': {
    summary: { id: 'Mencatat realisasi dengan bukti dukung', en: 'Record progress (realisations) with evidence links' },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [404, 409, 422],
    idempotent: true,
    body: {
      name: 'Progress',
      schema: ProgressBody,
      example: {
        realisations: [
          { indicatorId: 'rhk-1-iki-1', value: 72, evidence: ['https://drive.example.go.id/posyandu/laporan-juni.pdf'] },
          { indicatorId: 'rhk-1-iki-2', value: 35 },
        ],
      },
    },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/feedback': {
    summary: {
      id: 'Memberi umpan balik perilaku BerAKHLAK (pejabat penilai, atau rekan/bawahan yang diundang, sampai batas waktu tahap)',
      en: 'Give BerAKHLAK behaviour feedback (the rater, or an invited colleague/subordinate, until the stage deadline)',
    },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [404, 409],
    idempotent: true,
    body: {
      name: 'Feedback',
      schema: FeedbackBody,
      example: {
        feedback: [
          { value: 'BERORIENTASI_PELAYANAN', rating: 'DI_ATAS', comment: 'Sigap melayani warga di loket' },
          { value: 'KOLABORATIF', rating: 'SESUAI' },
        ],
      },
    },
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/invitations': {
    summary: {
      id: 'Pejabat penilai mengundang rekan kerja/bawahan memberi umpan balik 360° (sekali per pasangan)',
      en: 'The rater invites colleagues or subordinates to give 360° feedback (once per pair)',
    },
    tag: 'evaluations',
    security: 'bearer',
    success: 201,
    errors: [404, 409, 422],
    idempotent: true,
    otherSuccess: {
      200: {
        id: 'Semua sudah diundang sebelumnya, atau permintaan yang sama diulang: tidak ada yang diubah',
        en: 'All were invited before, or the same request was repeated: nothing changed',
      },
    },
    body: { name: 'Invitations', schema: InvitationsBody, example: { peerNips: [NIP_EXAMPLE.peer] } },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/self-assessment': {
    summary: {
      id: 'Penilaian mandiri pegawai atas hasil kerja dan perilaku (tidak mengubah nilai)',
      en: 'The employee’s self-assessment of results and behaviour (does not change the score)',
    },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [404, 409, 422],
    idempotent: true,
    rules: [
      {
        id: 'Setiap nilai BerAKHLAK paling banyak sekali dalam `behaviour` (`x-uniqueBy: value`; berulang: 400); isi minimal satu dari `rhk`, `behaviour`, `summary`',
        en: 'Each BerAKHLAK value at most once in `behaviour` (`x-uniqueBy: value`; repeated: 400); fill in at least one of `rhk`, `behaviour`, `summary`',
      },
    ],
    body: {
      name: 'SelfAssessment',
      schema: SelfAssessmentBody,
      example: {
        rhk: [{ rhkId: 'rhk-1', rating: 'DI_ATAS', note: 'Posyandu aktif 96% dari target 90%' }],
        behaviour: [{ value: 'BERORIENTASI_PELAYANAN', rating: 'SESUAI' }],
        summary: 'Target utama tercapai; laporan triwulan II terlambat dua hari.',
      },
    },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/midyear-review': {
    summary: { id: 'Reviu tengah tahun dan catatan pembinaan oleh pejabat penilai', en: 'Mid-year review and coaching note by the rater' },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [404, 409],
    idempotent: true,
    body: { name: 'MidyearReview', schema: MidyearBody, example: { rating: 'SESUAI', notes: 'Realisasi sesuai rencana; lengkapi dokumentasi bukti dukung.' } },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/periods/{periodId}/review': {
    summary: {
      id: 'Evaluasi kinerja periodik (triwulan/bulan) oleh pejabat penilai: predikat periodik, umpan balik per RHK dan nilai BerAKHLAK, catatan pembinaan',
      en: 'Periodic evaluation (quarter/month) by the rater: periodic rating, feedback per RHK and BerAKHLAK value, coaching notes',
    },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [404, 409, 422],
    idempotent: true,
    params: { periodId: PeriodIdSchema },
    body: {
      name: 'PeriodReview',
      schema: PeriodReviewBody,
      example: {
        rating: 'SESUAI',
        rhkFeedback: [{ rhkId: 'rhk-1', rating: 'SESUAI', comment: 'Target triwulan tercapai; unggah notulen sebagai bukti dukung.' }],
        valueFeedback: [{ value: 'KOLABORATIF', rating: 'DI_ATAS', comment: 'Aktif membantu seksi lain saat pelayanan KTP keliling.' }],
        coachingNotes: 'Ikut pelatihan pelayanan digital pada triwulan berikutnya.',
      },
    },
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/rating': {
    summary: { id: 'Penilaian akhir oleh pejabat penilai (mesin mengusulkan)', en: 'Final rating by the rater (the engine proposes)' },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [404, 409, 422],
    idempotent: true,
    body: {
      name: 'Rating',
      schema: RatingBody,
      example: {
        rhkRatings: [{ rhkId: 'rhk-1', rating: 'DI_ATAS', reason: 'Cakupan posyandu aktif 96% dari target 90%' }],
        behaviourRating: { rating: 'SESUAI' },
      },
    },
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/objection': {
    summary: { id: 'Mengajukan keberatan atas hasil penilaian (masa keberatan)', en: 'File an objection to the result (objection window)' },
    tag: 'evaluations',
    security: 'bearer',
    success: 201,
    errors: [404, 409],
    idempotent: true,
    body: {
      name: 'Objection',
      schema: ObjectionBody,
      example: { reason: 'Capaian pembinaan posyandu 96% belum diperhitungkan', requestedPredikat: 'SANGAT_BAIK' },
    },
  },
  'POST /v1/cycles/{cycleId}/calibration/{unitId}/resolution': {
    summary: { id: 'Menyelesaikan catatan kurva distribusi unit dengan alasan', en: 'Resolve a unit’s distribution-curve flag with a reason' },
    tag: 'cycles',
    security: 'bearer',
    success: 200,
    errors: [404, 409],
    params: { unitId: UnitIdParam },
    body: { name: 'CalibrationResolution', schema: CalibrationResolutionBody, example: { reason: 'Sebaran ditinjau bersama Camat; sesuai kurva organisasi' } },
  },
  'GET /v1/cycles/{cycleId}/export.csv': {
    summary: {
      id: 'Ekspor CSV seluruh siklus (UTF-8 dengan BOM, judul kolom berbahasa Indonesia)',
      en: 'CSV export of the whole cycle (UTF-8 with BOM, Indonesian headers)',
    },
    tag: 'cycles',
    security: 'bearer',
    success: 200,
    responseType: 'csv',
    errors: [404],
    query: ExportQuery,
  },
  'GET /v1/cycles/{cycleId}/report': {
    summary: {
      id: 'Laporan siklus (HTML): sebaran per unit terhadap kurva, IKM, kemajuan',
      en: 'Cycle report (HTML): distribution per unit against the curve, IKM, progress',
    },
    tag: 'cycles',
    security: 'bearer',
    success: 200,
    responseType: 'html',
    errors: [404],
    query: ReportQuery,
  },
  'POST /v1/roster/import': {
    summary: { id: 'Impor data pegawai dari CSV, dengan laporan kesalahan per baris', en: 'Import the roster from CSV, with a per-row error report' },
    tag: 'roster',
    security: 'bearer',
    success: 200,
    errors: [422, 503],
    errorBodies: {
      422: { name: 'RosterImportErrors', schema: RosterImportErrors },
      503: { name: 'RosterImportIncomplete', schema: RosterImportIncomplete },
    },
    body: {
      name: 'RosterCsv',
      schema: RosterCsv,
      contentType: 'text/csv',
      maxBytes: MAX_TEXT_BYTES,
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
    tag: 'roster',
    security: 'bearer',
    success: 200,
    errors: [404, 409, 422],
    idempotent: true,
    body: {
      name: 'Transfer',
      schema: TransferBody,
      example: { unitId: 'kel-asemrowo', raterNip: NIP_EXAMPLE.lurah, reason: 'Mutasi ke Kelurahan Asemrowo per 1 Juli' },
    },
  },
  'POST /v1/cycles/{cycleId}/raters/{nip}/handover': {
    summary: { id: 'Serah terima tim pejabat penilai yang berhenti', en: 'Hand over a departing rater’s team' },
    tag: 'roster',
    security: 'bearer',
    success: 200,
    errors: [404, 409, 422],
    idempotent: true,
    body: { name: 'Handover', schema: HandoverBody, example: { toNip: NIP_EXAMPLE.kasi, reason: 'Pejabat penilai purna tugas' } },
  },
  'POST /v1/cycles/{cycleId}/members': {
    summary: { id: 'Menambahkan pegawai baru ke siklus', en: 'Add a newly joined employee to the cycle' },
    tag: 'roster',
    security: 'bearer',
    success: 201,
    errors: [404, 409, 422],
    body: {
      name: 'Join',
      schema: JoinBody,
      example: {
        nip: '199803142024012001',
        name: 'Nur Aini',
        jabatan: 'Pengadministrasi Perkantoran',
        unitId: 'seksi-kesra',
        raterNip: NIP_EXAMPLE.rater,
        email: 'nur.aini@asemrowo.surabaya.go.id',
        locale: 'id',
        jenis: 'PPPK',
      },
    },
  },
  'POST /v1/delegations': {
    summary: { id: 'Menunjuk Plt/Plh untuk rentang tanggal', en: 'Appoint an acting official (Plt/Plh) for a date range' },
    tag: 'roster',
    security: 'bearer',
    success: 201,
    errors: [422],
    body: {
      name: 'Delegation',
      schema: DelegationBody,
      example: {
        delegateNip: NIP_EXAMPLE.employee,
        delegatorNip: NIP_EXAMPLE.rater,
        kind: 'plh',
        from: '2027-03-02',
        until: '2027-03-06',
        reason: 'Cuti tahunan',
      },
    },
  },
  'GET /v1/skm/comments': {
    summary: { id: 'Antrean moderasi komentar SKM (HR, berhalaman)', en: 'SKM comment moderation queue (HR, paged)' },
    tag: 'skm',
    security: 'bearer',
    success: 200,
    errors: [],
    query: CommentListQuerySchema,
  },
  'POST /v1/skm/comments/{commentId}/moderation': {
    summary: { id: 'Menyetujui atau menolak komentar SKM', en: 'Approve or reject an SKM comment' },
    tag: 'skm',
    security: 'bearer',
    success: 200,
    errors: [404, 409],
    idempotent: true,
    body: { name: 'Moderation', schema: ModerationSchema, example: { decision: 'reject', reason: 'Tidak terkait layanan' } },
  },
  'POST /v1/public/units/{unitId}/skm': {
    summary: {
      id: 'Mengisi survei kepuasan masyarakat (tanpa akun; kios layanan mengirim header X-Kiosk-Token)',
      en: 'Submit the citizen satisfaction survey (no account; a service-counter kiosk sends the X-Kiosk-Token header)',
    },
    tag: 'skm',
    security: 'none',
    success: 201,
    otherSuccess: {
      202: {
        id: 'Diterima tetapi ditahan untuk ditinjau HR (jawaban sama berulang dari satu alamat); belum dihitung dalam IKM',
        en: 'Accepted but held for HR review (the same answers repeated from one address); not counted in the IKM yet',
      },
    },
    errors: [403, 404, 409, 422, 429],
    idempotent: true,
    body: {
      name: 'SkmSubmission',
      schema: SubmissionSchema,
      maxBytes: MAX_SUBMISSION_BYTES,
      example: {
        answers: [4, 3, 3, 4, 3, 4, 4, 3, 3],
        comment: 'Pelayanan cepat dan petugas ramah',
        service: 'Surat keterangan domisili',
        respondent: { ageGroup: '30_39', gender: 'P', education: 'D4_S1' },
      },
    },
  },
  'POST /v1/skm/kiosks': {
    summary: {
      id: 'Menerbitkan token kios survei untuk satu unit layanan (HR; token ditampilkan sekali)',
      en: 'Issue a survey kiosk token for one service unit (HR; the token is shown once)',
    },
    tag: 'skm',
    security: 'bearer',
    success: 201,
    errors: [404],
    body: { name: 'Kiosk', schema: KioskBody, example: { unitId: 'kel-asemrowo', label: 'Loket pelayanan 1' } },
  },
  'DELETE /v1/skm/kiosks/{kioskId}': {
    summary: { id: 'Mencabut token kios survei (HR)', en: 'Revoke a survey kiosk token (HR)' },
    tag: 'skm',
    security: 'bearer',
    success: 200,
    errors: [404, 409],
    params: { kioskId: KioskIdParam },
  },
  'GET /v1/public/units/{unitId}/ikm': {
    summary: { id: 'Indeks Kepuasan Masyarakat (IKM) satu unit layanan per periode', en: 'A service unit’s citizen satisfaction index (IKM) for a period' },
    tag: 'skm',
    security: 'none',
    success: 200,
    errors: [404],
    query: IkmQuerySchema,
  },
  'GET /openapi.json': {
    summary: { id: 'Dokumen OpenAPI 3.1 ini', en: 'This OpenAPI 3.1 document' },
    tag: 'meta',
    security: 'none',
    success: 200,
    errors: [],
  },
  'GET /v1/decisions/{decisionId}': {
    summary: {
      id: 'Halaman konfirmasi keputusan dari tautan email (tidak mengubah apa pun)',
      en: 'Decision confirmation page from an email link (changes nothing)',
    },
    tag: 'decisions',
    security: 'none',
    success: 200,
    responseType: 'html',
    errors: [403, 404, 410],
    query: DecisionLinkQuery,
  },
  'HEAD /v1/decisions/{decisionId}': {
    summary: { id: 'Seperti GET tanpa isi (pemindai tautan surel)', en: 'As GET without a body (mail link scanners)' },
    tag: 'decisions',
    security: 'none',
    success: 200,
    responseType: 'none',
    errors: [403, 404, 410],
    query: DecisionLinkQuery,
  },
  'POST /v1/decisions/{decisionId}': {
    summary: {
      id: 'Memutuskan dari formulir halaman konfirmasi (alasan wajib untuk mengembalikan)',
      en: 'Decide from the confirmation page’s form (a return needs a reason)',
    },
    tag: 'decisions',
    security: 'none',
    success: 200,
    responseType: 'html',
    errors: [403, 404, 410, 422],
    body: {
      name: 'DecisionForm',
      schema: DecisionForm,
      contentType: 'application/x-www-form-urlencoded',
      example: {
        a: 'return',
        r: 'q3Xk9vB2mZ7tL0pA',
        e: '1798761600',
        k: 'k1',
        s: 'Jq8W1b0mK3v9Yx2Zt5Rs7Pq4Ln6Mh8Gf0Dc1Ba3Ez5U',
        decision: 'return',
        comment: 'Target IKI-2 perlu diperjelas',
      },
    },
  },
  // --- web app (functions/me-api) ---
  'GET /v1/me': {
    summary: { id: 'Siapa saya: nama, NIP, jabatan, unit, peran, siklus yang saya ikuti', en: 'Who am I: name, NIP, jabatan, unit, roles, my cycles' },
    tag: 'me',
    security: 'bearer',
    success: 200,
    errors: [],
    query: MeQuery,
  },
  'GET /v1/me/tasks': {
    summary: {
      id: 'Beranda: yang menunggu saya di setiap peran pada siklus ini, batas waktu, kemajuan tahap',
      en: 'Home: what waits for me in every role this cycle, deadlines, stage progress',
    },
    tag: 'me',
    security: 'bearer',
    success: 200,
    errors: [404],
    query: TasksQuery,
  },
  'GET /v1/me/decisions': {
    summary: {
      id: 'Keputusan yang menunggu saya (penerima atau Plt/Plh), dengan rinciannya',
      en: 'Decisions pending for me (recipient or acting Plt/Plh), with their details',
    },
    tag: 'me',
    security: 'bearer',
    success: 200,
    errors: [],
    query: MyDecisionsQuery,
  },
  'POST /v1/me/decisions/approve-all': {
    summary: { id: 'Menyetujui semua keputusan yang tercantum (Setujui semua)', en: 'Approve every listed decision (approve all)' },
    tag: 'me',
    security: 'bearer',
    success: 200,
    errors: [],
    body: { name: 'ApproveAll', schema: ApproveAllBody, example: { decisionIds: ['01J8Z2K6W3Q9R5T7'] } },
  },
  'POST /v1/me/decisions/{decisionId}': {
    summary: {
      id: 'Memutuskan lewat sesi aplikasi (alasan wajib untuk mengembalikan)',
      en: 'Decide through the app session (a return needs a reason)',
    },
    tag: 'me',
    security: 'bearer',
    success: 200,
    // 409: the evaluation moved on meanwhile (its status is no longer the one this decision changes).
    errors: [404, 409, 422],
    body: { name: 'MyDecision', schema: MyDecisionBody, example: { decision: 'return', comment: 'Target IKI-2 perlu diperjelas' } },
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/parent-rhk': {
    summary: { id: 'RHK atasan yang dapat diintervensi oleh RHK pegawai', en: 'The superior’s RHKs an employee’s RHK can support' },
    tag: 'me',
    security: 'bearer',
    success: 200,
    errors: [404],
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/proposal': {
    summary: { id: 'Usulan penilaian dari mesin penilaian (untuk pejabat penilai)', en: 'The scoring engine’s proposal (for the rater)' },
    tag: 'me',
    security: 'bearer',
    success: 200,
    errors: [404, 422],
  },
  // --- bukti dukung (evidence; platform) ---
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/evidence': {
    summary: {
      id: 'Daftar bukti dukung dengan tautan unduh (berlaku 10 menit)',
      en: 'List the evidence, with download URLs (valid 10 minutes)',
    },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    errors: [404],
    response: { name: 'EvidenceList', schema: EvidenceListResponse },
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/uploads': {
    summary: {
      id: 'Meminta tautan unggah berkas bukti dukung (PDF, JPEG, PNG, dokumen Office; maks. 10 MB)',
      en: 'Request an upload URL for an evidence file (PDF, JPEG, PNG, Office documents; at most 10 MB)',
    },
    tag: 'evaluations',
    security: 'bearer',
    success: 201,
    errors: [404, 409, 422],
    body: {
      name: 'EvidenceUpload',
      schema: EvidenceUploadBody,
      example: { rhkId: 'rhk-1', indicatorId: 'rhk-1-iki-1', fileName: 'laporan-posyandu-juni.pdf', contentType: 'application/pdf', size: 482133 },
    },
    response: { name: 'EvidenceUploadUrl', schema: EvidenceUploadResponse },
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}/confirm': {
    summary: {
      id: 'Mengonfirmasi unggahan: berkas diperiksa (ada, jenis dan ukuran sesuai) lalu dicatat',
      en: 'Confirm an upload: the stored file is checked (present, same type and size) and recorded',
    },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    params: { evidenceId: EvidenceIdParam },
    errors: [404, 409, 422],
    response: { name: 'EvidenceItem', schema: EvidenceItemEnvelope },
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/links': {
    summary: { id: 'Menambahkan tautan sebagai bukti dukung', en: 'Add a link as evidence' },
    tag: 'evaluations',
    security: 'bearer',
    success: 201,
    errors: [404, 409, 422],
    body: {
      name: 'EvidenceLink',
      schema: EvidenceLinkBody,
      example: { rhkId: 'rhk-1', title: 'Berita kegiatan posyandu', url: 'https://asemrowo.surabaya.go.id/berita/posyandu-juni' },
    },
    response: { name: 'EvidenceItem', schema: EvidenceItemEnvelope },
  },
  'DELETE /v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}': {
    summary: { id: 'Menghapus bukti dukung sendiri selama periodenya dibuka', en: 'Delete one’s own evidence while its period is open' },
    tag: 'evaluations',
    security: 'bearer',
    success: 200,
    params: { evidenceId: EvidenceIdParam },
    errors: [404, 409],
    response: { name: 'EvidenceDeleted', schema: EvidenceDeletedResponse },
  },
  // --- citizens' survey pages (HTML, no account) and rater-bias analytics (HR) ---
  'GET /v1/public/units/{unitId}/survey': {
    summary: {
      id: 'Halaman survei kepuasan masyarakat (HTML, tanpa skrip; ?lang=en, ?kiosk= untuk tablet loket)',
      en: 'Citizen satisfaction survey page (HTML, no script; ?lang=en, ?kiosk= for a counter tablet)',
    },
    tag: 'skm',
    security: 'none',
    success: 200,
    responseType: 'html',
    errors: [404],
    query: SurveyPageQuery,
  },
  'POST /v1/public/units/{unitId}/survey': {
    summary: {
      id: 'Mengirim formulir survei: 303 ke halaman terima kasih; kesalahan ditampilkan di samping isian (400/422), batas harian 429',
      en: 'Send the survey form: 303 to the thank-you page; errors shown beside the fields (400/422), daily limit 429',
    },
    tag: 'skm',
    security: 'none',
    success: 303,
    responseType: 'html',
    // 403: a kiosk form whose device token is unknown, revoked or of another unit (a page too).
    errors: [403, 404, 422, 429],
    body: {
      name: 'SurveyForm',
      schema: SurveyForm,
      contentType: 'application/x-www-form-urlencoded',
      maxBytes: MAX_SUBMISSION_BYTES,
      example: {
        u1: '4',
        u2: '3',
        u3: '3',
        u4: '4',
        u5: '3',
        u6: '4',
        u7: '4',
        u8: '3',
        u9: '3',
        comment: 'Pelayanan cepat',
        lang: 'id',
        idem: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      },
    },
  },
  'GET /v1/public/units/{unitId}/survey/thanks': {
    summary: { id: 'Halaman terima kasih setelah mengisi survei', en: 'Thank-you page after the survey' },
    tag: 'skm',
    security: 'none',
    success: 200,
    responseType: 'html',
    errors: [404],
    query: ThanksQuery,
  },
  'GET /v1/public/units/{unitId}/poster': {
    summary: {
      id: 'Poster A4 siap cetak dengan kode QR menuju survei unit (HTML, gaya cetak)',
      en: 'Printable A4 poster with a QR code to the unit’s survey (HTML, print-styled)',
    },
    tag: 'skm',
    security: 'none',
    success: 200,
    responseType: 'html',
    errors: [404],
    query: PublicPageQuery,
  },
  'GET /v1/public/units/{unitId}/ikm.html': {
    summary: {
      id: 'Halaman IKM publik: IKM, mutu, NRR per unsur, responden dan komentar yang disetujui (JSON tetap di …/ikm)',
      en: 'Public IKM page: IKM, quality, NRR per element, respondents and approved comments (JSON stays at …/ikm)',
    },
    tag: 'skm',
    security: 'none',
    success: 200,
    responseType: 'html',
    errors: [404],
    query: IkmPageQuery,
  },
  'GET /v1/cycles/{cycleId}/rater-bias': {
    summary: {
      id: 'Analisis bias penilai: sebaran per penilai terhadap unit, instansi dan siklus sebelumnya; tanda kelonggaran, keketatan, kecenderungan tengah, efek halo',
      en: 'Rater-bias analytics: each rater’s distribution against unit, agency and previous cycles; leniency, severity, central-tendency and halo flags',
    },
    tag: 'cycles',
    security: 'bearer',
    success: 200,
    errors: [404],
  },
  'POST /v1/cycles/{cycleId}/rater-bias/{raterNip}/acknowledgement': {
    summary: {
      id: 'Menanggapi tanda bias seorang penilai dengan catatan (sekali, tercatat di jejak audit; tidak mengubah nilai)',
      en: 'Acknowledge a rater’s bias flags with a note (once, audited; changes no rating)',
    },
    tag: 'cycles',
    security: 'bearer',
    success: 201,
    otherSuccess: { 200: { id: 'pengiriman ulang yang sama (replay)', en: 'the same request again (replay)' } },
    errors: [404, 409, 422],
    idempotent: true,
    params: { raterNip: RaterNipParam },
    body: {
      name: 'RaterBiasAcknowledgement',
      schema: RaterBiasAckBody,
      example: { note: 'Dibahas dengan penilai pada 3 Februari 2027; capaian tim memang di atas target' },
    },
  },
};

// --- documents and coaching (issue 16) ---
Object.assign(API_DOCS, {
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/documents': {
    summary: { id: 'Dokumen terkini satu penilaian (SKP, evaluasi periodik dan tahunan, catatan pembinaan)', en: 'Current documents of an evaluation' },
    tag: 'documents',
    security: 'bearer',
    success: 200,
    errors: [404],
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/documents': {
    summary: { id: 'Membuat dokumen sekarang dari data tersimpan (DRAFT bila belum final)', en: 'Make a document now from stored data (DRAFT until final)' },
    tag: 'documents',
    security: 'bearer',
    success: 201,
    otherSuccess: { 200: { id: 'Isi tidak berubah: dokumen terkini dikembalikan', en: 'Content unchanged: the current document is returned' } },
    errors: [404, 409],
    body: { name: 'DocumentRequest', schema: DocumentRequestBody, example: { kind: 'SKP' } },
  },
  'POST /v1/cycles/{cycleId}/documents': {
    summary: { id: 'Penetapan Predikat Kinerja satu unit atau instansi (HR)', en: 'Penetapan Predikat of a unit or the organisation (HR)' },
    tag: 'documents',
    security: 'bearer',
    success: 201,
    otherSuccess: { 200: { id: 'Isi tidak berubah: dokumen terkini dikembalikan', en: 'Content unchanged: the current document is returned' } },
    errors: [404],
    body: { name: 'PenetapanRequest', schema: PenetapanRequestBody, example: { unitId: 'kel-asemrowo' } },
  },
  'GET /v1/documents/{code}': {
    summary: {
      id: 'Tautan unduh sementara satu dokumen (yang boleh melihat penilaiannya)',
      en: 'A short-lived download link (for whoever may see the evaluation)',
    },
    tag: 'documents',
    security: 'bearer',
    success: 200,
    errors: [404],
    params: { code: DocumentCodeParam },
  },
  'GET /v1/public/documents/{code}': {
    summary: { id: 'Halaman verifikasi publik: asli / berlaku, atau diganti', en: 'Public verification page: genuine / current, or superseded' },
    tag: 'documents',
    security: 'none',
    success: 200,
    responseType: 'html',
    errors: [404],
    params: { code: DocumentCodeParam },
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/coaching': {
    summary: { id: 'Rencana pembinaan pegawai', en: 'The employee’s coaching plan' },
    tag: 'coaching',
    security: 'bearer',
    success: 200,
    errors: [404],
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions': {
    summary: { id: 'Mencatat sesi pembinaan atau pemeriksaan ulang (Pejabat Penilai)', en: 'Record a coaching session or the re-check (rater)' },
    tag: 'coaching',
    security: 'bearer',
    success: 201,
    errors: [404, 409, 422],
    idempotent: true,
    body: {
      name: 'CoachingSession',
      schema: CoachingSessionBody,
      example: { heldOn: '2027-02-10', kind: 'session', notes: 'Membahas jadwal kunjungan posyandu mingguan', actionIds: ['A1'] },
    },
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions/{sessionId}/acknowledgement': {
    summary: { id: 'Pegawai mengakui sesi pembinaan', en: 'The employee acknowledges a coaching session' },
    tag: 'coaching',
    security: 'bearer',
    success: 200,
    errors: [404, 409, 422],
    params: { sessionId: SessionIdParam },
    body: { name: 'Acknowledgement', schema: AcknowledgementBody, example: { note: 'Saya sepakat dengan rencana ini' } },
  },
  'GET /v1/coaching': {
    summary: { id: 'Rencana pembinaan terbuka dan sesi yang terlambat (HR)', en: 'Open coaching plans and overdue sessions (HR)' },
    tag: 'coaching',
    security: 'bearer',
    success: 200,
    errors: [],
    query: CoachingListQuery,
  },
} satisfies Record<string, RouteDoc>);

// --- HR console (console) ---
Object.assign(API_DOCS, {
  'GET /v1/cycles/{cycleId}/progress': {
    summary: {
      id: 'Kemajuan tahap per unit (selesai/menunggu), batas waktu dan hari keterlambatan; dengan unitId: yang masih menunggu dan siapa yang ditunggu (berhalaman)',
      en: 'A stage’s progress per unit (done/pending), its deadline and days late; with unitId: who still waits and on whom (paged)',
    },
    tag: 'cycles',
    security: 'bearer',
    success: 200,
    errors: [404, 422],
    query: ConsoleProgressQuery,
    response: { name: 'StageProgress', schema: ProgressResponse },
  },
  'POST /v1/cycles/{cycleId}/reminders': {
    summary: {
      id: 'Mengingatkan satu orang atau semua yang ditunggu di satu unit (email pengingat yang sama dengan alur kerja; sekali per orang per hari)',
      en: 'Remind one person or everyone a unit waits on (the workflow’s reminder email; once per person per day)',
    },
    tag: 'cycles',
    security: 'bearer',
    success: 200,
    errors: [404, 409, 422],
    idempotent: true,
    body: { name: 'Reminder', schema: ReminderBody, example: { nip: '197607192004122006' } },
    response: { name: 'ReminderResult', schema: ReminderResponse },
  },
} satisfies Record<string, RouteDoc>);

// --- HR console (roster) ---
Object.assign(API_DOCS, {
  'GET /v1/roster/employees': {
    summary: {
      id: 'Daftar pegawai instansi (HR): urut NIP, disaring nama/NIP dan unit, per halaman',
      en: 'The agency’s roster (HR): NIP order, filtered by name/NIP and unit, paged',
    },
    tag: 'roster',
    security: 'bearer',
    success: 200,
    errors: [],
    query: RosterListQuery,
    response: { name: 'RosterList', schema: RosterListResponse },
  },
  'GET /v1/roster/units': {
    summary: { id: 'Unit kerja instansi (HR)', en: 'The agency’s units (HR)' },
    tag: 'roster',
    security: 'bearer',
    success: 200,
    errors: [],
    response: { name: 'RosterUnits', schema: RosterUnitsResponse },
  },
  'POST /v1/roster/import/preview': {
    summary: {
      id: 'Pratinjau impor data pegawai: hasil per baris (baru, berubah, tetap, salah) tanpa menyimpan apa pun',
      en: 'Preview a roster import: per-row results (new, changed, unchanged, error), nothing stored',
    },
    tag: 'roster',
    security: 'bearer',
    success: 200,
    errors: [],
    response: { name: 'RosterPreview', schema: RosterPreviewResponse },
    body: {
      name: 'RosterCsv',
      schema: RosterCsv,
      contentType: 'text/csv',
      maxBytes: MAX_TEXT_BYTES,
      example: [
        'NIP;Nama;Jabatan;Kode Unit;Nama Unit;NIP Atasan;Email;Jenis;Kepala Unit;Eksternal',
        '196805121990031005;Dr. Ikhsan, S.Psi., M.M.;Sekretaris Daerah Kota Surabaya;pemkot-surabaya;Pemerintah Kota Surabaya;;sekda@surabaya.go.id;PNS;ya;ya',
        '197001011995031003;Drs. Bambang Sutrisno;Camat Asemrowo;kec-asemrowo;Kecamatan Asemrowo;196805121990031005;camat@asemrowo.surabaya.go.id;PNS;ya;tidak',
        '1990;Siti Rahmawati;Pengelola Program Kesehatan;kec-asemrowo;Kecamatan Asemrowo;197001011995031003;siti.rahmawati@asemrowo.surabaya.go.id;PNS;tidak;tidak',
        '',
      ].join('\r\n'),
    },
  },
} satisfies Record<string, RouteDoc>);

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
