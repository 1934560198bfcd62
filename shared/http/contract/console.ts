/** Request and response schemas of HR's console routes (functions/hr-api/console.ts): stage progress and reminders. */
import * as z from 'zod';
import { StageSchema } from '../../domain/lifecycle/status';
import { NipParam, UnitIdParam } from './common';

/** `GET /v1/cycles/{cycleId}/progress`. */
export const ProgressQuery = z.object({
  stage: StageSchema.optional().meta({ description: 'Tahap (bawaan: tahap berjalan) · stage (default: the current one)' }),
  unitId: UnitIdParam.optional().meta({ description: 'Unit yang daftar tunggunya dibaca · the unit whose waiting list is read' }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Person = z.object({ nip: z.string(), name: z.string() });
const Bilingual = z.object({ id: z.string(), en: z.string() });

export const ProgressResponse = z.object({
  cycleId: z.string(),
  stage: StageSchema,
  stageLabel: Bilingual,
  current: z.boolean().meta({ description: 'Tahap berjalan dari siklus aktif · the active cycle’s current stage' }),
  openedAt: z.string().nullable(),
  deadline: z.string().nullable().meta({ description: 'Batas waktu tahap (ISO 8601) · the stage’s deadline' }),
  daysLate: z.number().int().min(0).meta({ description: 'Hari lewat batas waktu (0: belum lewat) · days past the deadline (0: not yet)' }),
  total: z.number().int(),
  done: z.number().int(),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), employees: z.number().int(), pending: z.number().int(), done: z.number().int() })),
  waiting: z
    .object({
      unitId: z.string(),
      items: z.array(
        z.object({
          nip: z.string(),
          name: z.string(),
          jabatan: z.string(),
          status: z.string(),
          waitsOn: Person.extend({ jabatan: z.string() })
            .nullable()
            .meta({ description: 'Yang ditunggu (penerima pengingat) · who it waits on (the reminder’s recipient)' }),
        }),
      ),
      next: z.string().nullable(),
    })
    .optional()
    .meta({ description: 'Dengan unitId: satu halaman penilaian yang masih menunggu · with unitId: a page of waiting evaluations' }),
  schedule: z
    .object({
      id: z.string(),
      legalSource: z.string(),
      periodicEvaluation: z.string(),
      stages: z.array(
        z.object({
          stage: StageSchema,
          opensAt: z.string().nullable().meta({ description: '00.00 WIB hari tahap dibuka; null: setelah tahap sebelumnya · null: after the previous stage' }),
          reminderDay: z.number().int(),
          deadlineDay: z.number().int(),
          lastDay: z.number().int(),
          fixedWindowDays: z.number().int().optional(),
        }),
      ),
    })
    .meta({ description: 'Jadwal tahunan siklus · the yearly schedule the cycle runs under' }),
});

/** `POST /v1/cycles/{cycleId}/reminders`: one person (the one an evaluation waits on) or a whole unit. */
export const ReminderBody = z.union([z.object({ nip: NipParam }).strict(), z.object({ unitId: UnitIdParam }).strict()]);

export const ReminderResponse = z.object({
  cycleId: z.string(),
  stage: StageSchema,
  day: z.string().meta({ description: 'Hari (WIB) pengingat dicatat · the WIB day the reminder is recorded for' }),
  sent: z.array(Person).meta({ description: 'Dikirimi pengingat sekarang · reminded now' }),
  alreadySent: z.array(Person).meta({ description: 'Sudah diingatkan hari ini: tidak dikirim lagi · already reminded today: not sent again' }),
});
