/** What people are told, against in-memory ports: reminders by task, grouped escalations, outcome notices once. */
import { beforeEach, describe, expect, it } from 'vitest';
import { usePorts } from '../../../shared/application/context';
import { decide } from '../../../shared/application/decisions/decide';
import type { MailTemplates } from '../../../shared/application/ports';
import { sendEscalations, sendReminders } from '../../../shared/application/stages/notifications';
import { type FakeWorld, fakePorts, OFFICE, seedOffice } from '../../support/fakes';

let world: FakeWorld;
const seen: { reminder: Parameters<MailTemplates['reminder']>[0][]; escalation: Parameters<MailTemplates['escalation']>[0][] } = {
  reminder: [],
  escalation: [],
};
beforeEach(() => {
  world = fakePorts();
  seen.reminder = [];
  seen.escalation = [];
  const templates = world.ports.templates;
  Object.assign(templates, {
    reminder: (i: Parameters<MailTemplates['reminder']>[0]) => (seen.reminder.push(i), { subject: 'r', html: '', text: '' }),
    escalation: (i: Parameters<MailTemplates['escalation']>[0]) => (seen.escalation.push(i), { subject: `e ${i.audience}`, html: '', text: '' }),
  });
  usePorts(world.ports);
});
const C = OFFICE.cycle;

describe('reminders', () => {
  it('tell each person what to do for their role, with the app page for it; once per stage-day', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT', { [OFFICE.self]: { status: 'SKP_SUBMITTED' } });
    const cycle = world.cycles.get(C)!;
    const sent = await sendReminders(cycle, 'PLANNING', 3);
    expect(sent).toBe(world.sent.length);
    const rater = seen.reminder.find((r) => r.items.some((i) => i.task === 'approveSkp'))!;
    expect(rater.items).toContainEqual(expect.objectContaining({ task: 'approveSkp', url: `https://kinerja.test/siklus/${C}/tim/${OFFICE.self}` }));
    const own = seen.reminder.filter((r) => r.items.length === 1 && r.items[0]?.task === 'ownSkp');
    expect(own.length).toBeGreaterThanOrEqual(4);
    for (const r of own) expect(r.items[0]?.url).toBe(`https://kinerja.test/siklus/${C}/skp`);
    for (const r of seen.reminder) for (const i of r.items) expect(i.url).not.toContain('/v1/');
    expect(await sendReminders(cycle, 'PLANNING', 3)).toBe(0);
  });
});

describe('escalations', () => {
  it('one email per superior per stage-day listing every late person under them, and one summary to HR', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    const cycle = world.cycles.get(C)!;
    const sent = await sendEscalations(cycle, 'PLANNING', 9);
    const toSuperiors = seen.escalation.filter((e) => e.audience === 'superior');
    const toHr = seen.escalation.filter((e) => e.audience === 'hr');
    expect(toHr).toHaveLength(1);
    expect(toHr[0]!.late).toHaveLength(6);
    // The rater's two people; the head's three (rater, HR officer, outsider); the head has no superior here.
    expect(toSuperiors.map((e) => e.late.length).sort()).toEqual([2, 3]);
    expect(sent).toBe(3);
    expect(world.sent).toHaveLength(3);
    expect(await sendEscalations(cycle, 'PLANNING', 9)).toBe(0);
  });
});

describe('outcome notices', () => {
  it('a returned SKP: the employee is told, with the notes, once (a replayed decision sends nothing more)', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_SUBMITTED', { [OFFICE.self]: { pendingDecisionId: 'dec-1' } });
    world.decisions.set('dec-1', {
      decisionId: 'dec-1',
      kind: 'SKP_APPROVAL',
      cycleId: C,
      stage: 'PLANNING',
      subjectNip: OFFICE.self,
      recipientNip: OFFICE.rater,
      status: 'PENDING',
      createdAt: '2026-01-03T01:00:00.000Z',
    });
    const result = await decide('dec-1', 'return', 'Indikator belum terukur', OFFICE.rater);
    expect(result.kind).toBe('decided');
    const notices = world.sent.filter((m) => m.tags?.kind === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.to).toEqual([`${OFFICE.self}@example.go.id`]);
    expect(notices[0]?.subject).toBe('notice skpReturned');
    // The same person posting the same choice again: already decided, nothing sent again.
    const again = await decide('dec-1', 'return', 'Indikator belum terukur', OFFICE.rater);
    expect(again.kind).toBe('already');
    expect(world.sent.filter((m) => m.tags?.kind === 'notice')).toHaveLength(1);
  });

  it('nobody decides on their own record', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_SUBMITTED');
    world.decisions.set('dec-2', {
      decisionId: 'dec-2',
      kind: 'SKP_APPROVAL',
      cycleId: C,
      stage: 'PLANNING',
      subjectNip: OFFICE.rater,
      recipientNip: OFFICE.rater,
      status: 'PENDING',
      createdAt: '2026-01-03T01:00:00.000Z',
    });
    await expect(decide('dec-2', 'approve', '', OFFICE.rater)).rejects.toThrow(/own/);
  });
});
