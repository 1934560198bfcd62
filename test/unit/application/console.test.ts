/**
 * HR's console against in-memory ports: a stage's lateness, done/pending per unit from the counters, and
 * HR's reminder — the workflow's reminder email, once per person, stage and WIB day (a second click the
 * same day sends nothing and says so), to one person or to everyone a unit waits on; HR of the agency only.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { lateness, remindFromConsole, stageProgress, wibDay } from '../../../shared/application/console/console';
import { usePorts } from '../../../shared/application/context';
import type { MailTemplates } from '../../../shared/application/ports';
import { DEFAULT_SCHEDULE } from '../../../shared/domain/lifecycle/schedule';
import { callers, type FakeWorld, fakePorts, OFFICE, seedOffice } from '../../support/fakes';

let world: FakeWorld;
let reminders: Parameters<MailTemplates['reminder']>[0][];
const C = OFFICE.cycle;

beforeEach(() => {
  // 2026-07-31 10:00 WIB: the mid-year stage opened on 1 July (seedOffice), its deadline (day 21) has passed.
  world = fakePorts('2026-07-31T03:00:00.000Z');
  reminders = [];
  Object.assign(world.ports.templates, {
    reminder: (i: Parameters<MailTemplates['reminder']>[0]) => (reminders.push(i), { subject: `r ${i.recipient.name}`, html: '', text: '' }),
  });
  usePorts(world.ports);
});

describe('lateness', () => {
  const cycle = { schedule: DEFAULT_SCHEDULE };
  it('counts whole days past the deadline (at least one once past it), 0 before it or before the stage opened', () => {
    const opened = '2026-07-01T00:00:00.000Z';
    expect(lateness(cycle, 'MIDYEAR', opened, new Date('2026-07-22T00:00:00.000Z'))).toEqual({ deadline: '2026-07-22T00:00:00.000Z', daysLate: 0 });
    expect(lateness(cycle, 'MIDYEAR', opened, new Date('2026-07-22T05:00:00.000Z')).daysLate).toBe(1);
    expect(lateness(cycle, 'MIDYEAR', opened, new Date('2026-07-25T00:00:00.000Z')).daysLate).toBe(3);
    expect(lateness(cycle, 'MIDYEAR', undefined, new Date('2026-07-25T00:00:00.000Z'))).toEqual({ deadline: null, daysLate: 0 });
  });
  it('names the WIB day (UTC+7), so a reminder at 23:00 UTC counts for the next Jakarta day', () => {
    expect(wibDay(new Date('2026-07-31T16:59:00.000Z'))).toBe('2026-07-31');
    expect(wibDay(new Date('2026-07-31T17:00:00.000Z'))).toBe('2026-08-01');
  });
});

describe('stage progress', () => {
  it('done and pending per unit from the counters, the deadline and the days late', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    Object.assign(world.ports.evaluations, {
      unitStatsOf: async () => [
        { cycleId: C, unitId: 'seksi-kesra', employees: 3, status_MONITORING: 2, status_MIDYEAR_REVIEWED: 1 },
        { cycleId: C, unitId: 'kecamatan', employees: 2, status_MIDYEAR_REVIEWED: 2 },
        { cycleId: C, unitId: 'kosong', employees: 0 },
      ],
    });
    const p = await stageProgress(callers.hr, C, { limit: 50 });
    expect(p).toMatchObject({ stage: 'MIDYEAR', current: true, deadline: '2026-07-22T01:00:00.000Z', daysLate: 9 });
    expect(p.units).toEqual([
      { unitId: 'seksi-kesra', name: 'Seksi Kesra', employees: 3, pending: 2, done: 1 },
      { unitId: 'kecamatan', name: 'Kecamatan Asemrowo', employees: 2, pending: 0, done: 2 },
    ]);
    expect(p.waiting).toBeUndefined();
  });

  it('HR only, of the cycle’s own agency; an unknown unit is refused', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(stageProgress(callers.rater, C, { limit: 50 })).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(stageProgress({ ...callers.hr, agencyId: 'kota-lain' }, C, { limit: 50 })).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(stageProgress(callers.hr, C, { unitId: 'tidak-ada', limit: 50 })).rejects.toMatchObject({ name: 'RuleError' });
  });
});

describe('HR’s reminder', () => {
  it('one person: the workflow’s reminder with everything waiting on them, once a day', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    const first = await remindFromConsole(callers.hr, C, { nip: OFFICE.rater });
    expect(first).toMatchObject({ stage: 'MIDYEAR', day: '2026-07-31', sent: [{ nip: OFFICE.rater }], alreadySent: [] });
    expect(world.sent).toHaveLength(1);
    expect(world.sent[0]).toMatchObject({ to: [`${OFFICE.rater}@example.go.id`], tags: { kind: 'reminder', stage: 'MIDYEAR' } });
    // The rater's two people wait on their mid-year review, each with the app page to give it.
    expect(reminders[0]!.items.map((i) => [i.task, i.employee?.nip, i.url])).toEqual([
      ['midyearReview', OFFICE.self, `https://kinerja.test/siklus/${C}/tim/${OFFICE.self}`],
      ['midyearReview', OFFICE.peer, `https://kinerja.test/siklus/${C}/tim/${OFFICE.peer}`],
    ]);
    const again = await remindFromConsole(callers.hr, C, { nip: OFFICE.rater });
    expect(again).toMatchObject({ sent: [], alreadySent: [{ nip: OFFICE.rater }] });
    expect(world.sent).toHaveLength(1);
  });

  it('a unit: everyone its waiting evaluations wait on (the raters), each once', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_SUBMITTED', { [OFFICE.rater]: { status: 'SKP_DRAFT' } });
    const out = await remindFromConsole(callers.hr, C, { unitId: 'seksi-kesra' });
    // self and peer wait on the rater (approval); the rater's own SKP waits on the rater too.
    expect(out.sent.map((p) => p.nip)).toEqual([OFFICE.rater]);
    expect(reminders[0]!.items.map((i) => i.task).sort()).toEqual(['approveSkp', 'approveSkp', 'ownSkp']);
    expect((await remindFromConsole(callers.hr, C, { nip: OFFICE.rater })).alreadySent).toHaveLength(1);
    expect(world.sent).toHaveLength(1);
  });

  it('refuses, sending nothing: someone nothing waits on, a stranger, a stage that waits on HR, anyone but HR', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(remindFromConsole(callers.hr, C, { nip: OFFICE.self })).rejects.toMatchObject({ name: 'RuleError' });
    await expect(remindFromConsole(callers.hr, C, { nip: '199999999999999999' })).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(remindFromConsole(callers.rater, C, { nip: OFFICE.rater })).rejects.toMatchObject({ name: 'ForbiddenError' });
    world.cycles.set(C, { ...world.cycles.get(C)!, stage: 'CALIBRATION' });
    await expect(remindFromConsole(callers.hr, C, { unitId: 'seksi-kesra' })).rejects.toMatchObject({ name: 'StateError' });
    expect(world.sent).toHaveLength(0);
  });
});
