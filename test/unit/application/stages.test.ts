/** The stage steps and resume against in-memory ports: the workflow is a fake that records names. */
import { beforeEach, describe, expect, it } from 'vitest';
import { usePorts } from '../../../shared/application/context';
import { NotFoundError, RuleError } from '../../../shared/application/errors';
import { resumeCycle } from '../../../shared/application/stages/resume';
import { advanceCycle, awaitStage, openStage, startCycle } from '../../../shared/application/stages/stages';
import { type FakeWorld, fakePorts, OFFICE, seedOffice } from '../../support/fakes';

let world: FakeWorld;
beforeEach(() => {
  world = fakePorts();
  usePorts(world.ports);
});
const C = OFFICE.cycle;

describe('startCycle', () => {
  it('creates the year’s cycle once and starts its first stage under a deterministic name', async () => {
    world = fakePorts('2026-01-05T03:00:00.000Z'); // planning of 2026 is open
    usePorts(world.ports);
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    world.cycles.clear();
    expect(await startCycle({ agencyId: OFFICE.agency, year: 2026, policyId: 'permenpanrb-6-2022' })).toEqual({ cycleId: C, created: true });
    expect(await startCycle({ agencyId: OFFICE.agency, year: 2026, policyId: 'permenpanrb-6-2022' })).toEqual({ cycleId: C, created: false });
    expect(world.started).toEqual([`${C}-PLANNING`]);
  });
  it('without a roster → NotFound', async () => {
    await expect(startCycle({ agencyId: 'nowhere', year: 2026, policyId: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('openStage / awaitStage / advanceCycle', () => {
  it('opening the mid-year stage moves every approved SKP to monitoring; nobody pending releases at once', async () => {
    await seedOffice(world, 'MIDYEAR', 'SKP_APPROVED');
    world.stages.clear();
    const out = await openStage({ cycleId: C, stage: 'MIDYEAR', tick: 0 });
    expect(out.opened).toBe(6);
    expect(world.evaluation(C, OFFICE.self)!.status).toBe('MONITORING');
    expect(await awaitStage({ cycleId: C, stage: 'MIDYEAR', tick: 0, taskToken: 't' })).toEqual({ released: false });
    expect(await advanceCycle({ cycleId: C, stage: 'MIDYEAR', tick: 0 })).toEqual({ next: 'FINAL_SCORING', started: true });
  });
  it('an unknown cycle → NotFound', async () => {
    await expect(openStage({ cycleId: 'none', stage: 'MIDYEAR', tick: 0 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('resumeCycle', () => {
  it('starts the checkpointed stage again when its execution is gone; says running when it runs', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    expect(await resumeCycle(C)).toEqual({ outcome: 'started', execution: `${C}-MIDYEAR` });
    expect(await resumeCycle(C)).toEqual({ outcome: 'running', execution: `${C}-MIDYEAR` });
  });
  it('an unknown cycle → NotFound', async () => {
    await expect(resumeCycle('none')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('startCycle refuses a year that cannot run (422 with the allowed years)', () => {
  it('a year whose planning has closed, or more than a year ahead; an existing cycle is still answered', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    const now = world.ports.clock.now();
    const y = now.getUTCFullYear();
    const err = await startCycle({ agencyId: OFFICE.agency, year: y - 4, policyId: 'permenpanrb-6-2022' }).catch((e) => e);
    expect(err).toBeInstanceOf(RuleError);
    expect(err.field).toBe('year');
    expect(err.message).toMatch(/Years that can be created now: \d{4}/);
    await expect(startCycle({ agencyId: OFFICE.agency, year: y + 3, policyId: 'permenpanrb-6-2022' })).rejects.toBeInstanceOf(RuleError);
    expect(world.started).toEqual([]);
  });
});
