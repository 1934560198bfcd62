import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, deadlineAction, secondsUntilOpen, windowOf } from '../../../shared/domain/lifecycle/schedule';
import { canTransition, EVALUATION_STATUSES, nextStage, STAGE_DONE_STATUS, STAGE_OPEN_TRANSITION, STAGES } from '../../../shared/domain/lifecycle/status';

describe('evaluation status transitions', () => {
  it.each([
    ['SKP_DRAFT', 'SKP_SUBMITTED', true],
    ['SKP_SUBMITTED', 'SKP_APPROVED', true],
    ['SKP_SUBMITTED', 'SKP_RETURNED', true],
    ['SKP_RETURNED', 'SKP_SUBMITTED', true],
    ['SKP_DRAFT', 'SKP_APPROVED', false],
    ['AWAITING_APPROVAL', 'APPROVED', true],
    ['AWAITING_APPROVAL', 'RETURNED_TO_RATER', true],
    ['RETURNED_TO_RATER', 'AWAITING_APPROVAL', true],
    ['RESULT_ISSUED', 'OBJECTED', true],
    ['OBJECTED', 'FINAL', false],
    ['FINAL', 'RESULT_ISSUED', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('final results cannot change (nobody edits history)', () => {
    for (const to of EVALUATION_STATUSES) expect(canTransition('FINAL', to)).toBe(false);
  });

  it('every stage opening and completion is itself an allowed transition path', () => {
    for (const [, move] of Object.entries(STAGE_OPEN_TRANSITION)) for (const from of move!.from) expect(canTransition(from, move!.to)).toBe(true);
    expect(Object.keys(STAGE_DONE_STATUS).every((s) => (STAGES as readonly string[]).includes(s))).toBe(true);
  });

  it('stages run in the regulation’s order and end after follow-up', () => {
    expect(STAGES[0]).toBe('PLANNING');
    expect(nextStage('APPROVAL')).toBe('OBJECTION');
    expect(nextStage('FOLLOW_UP')).toBeUndefined();
  });
});

describe('stage deadlines (stage-clock days)', () => {
  const planning = windowOf(DEFAULT_SCHEDULE, 'PLANNING');
  const objection = windowOf(DEFAULT_SCHEDULE, 'OBJECTION');
  it.each([
    [planning, 1, 5, 'await'],
    [planning, planning.reminderDay, 5, 'remind'],
    [planning, planning.deadlineDay, 5, 'escalate'],
    [planning, planning.deadlineDay + 1, 5, 'await'],
    [planning, planning.lastDay, 5, 'await'],
    [planning, planning.lastDay + 1, 5, 'overdue'],
    [planning, 3, 0, 'close'],
    // The objection window lasts 14 days whatever happens (PP 30/2019 Ps. 59).
    [objection, 3, 0, 'await'],
    [objection, 14, 0, 'close'],
    [objection, 14, 1, 'escalate'],
    [objection, 15, 1, 'await'],
  ] as const)('day %#: action %s', (window, day, pending, expected) => {
    expect(deadlineAction(window, day, pending)).toBe(expected);
  });

  it('opens mid-year on 1 July WIB and final scoring on 2 January of the next year', () => {
    const now = new Date('2026-06-30T17:00:00Z'); // 1 July 00:00 WIB
    expect(secondsUntilOpen(DEFAULT_SCHEDULE, 'MIDYEAR', 2026, now)).toBe(0);
    expect(secondsUntilOpen(DEFAULT_SCHEDULE, 'MIDYEAR', 2026, new Date('2026-06-29T17:00:00Z'))).toBe(86_400);
    expect(secondsUntilOpen(DEFAULT_SCHEDULE, 'FINAL_SCORING', 2026, new Date('2027-01-01T17:00:00Z'))).toBe(0);
    expect(secondsUntilOpen(DEFAULT_SCHEDULE, 'APPROVAL', 2026, now)).toBe(0);
  });
});
