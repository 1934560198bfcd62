/**
 * A use case whose write meets a change made between its read and its write runs again on fresh state:
 * the change lands on top, or the caller hears what actually happened — never a bare "changed meanwhile".
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { usePorts } from '../../../shared/application/context';
import { ConcurrentChangeError, ConflictError, StateError } from '../../../shared/application/errors';
import { submitSkp } from '../../../shared/application/evaluation/actions';
import { onFreshState } from '../../../shared/application/evaluation/common';
import { callers, type FakeWorld, fakePorts, OFFICE, OFFICE_SKP, seedOffice } from '../../support/fakes';

describe('onFreshState', () => {
  it('runs again after a concurrent change, and answers the fresh run', async () => {
    let runs = 0;
    const useCase = onFreshState(async (x: number) => {
      runs++;
      if (runs === 1) throw new ConcurrentChangeError('changed meanwhile');
      return x * 2;
    });
    expect(await useCase(21)).toBe(42);
    expect(runs).toBe(2);
  });
  it('gives up after its attempts, with the last conflict', async () => {
    let runs = 0;
    const useCase = onFreshState(async () => {
      runs++;
      throw new ConcurrentChangeError('changed meanwhile');
    }, 3);
    await expect(useCase()).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(runs).toBe(3);
  });
  it('does not run again for any other refusal (a stale version the caller sent, a rule)', async () => {
    for (const err of [new ConflictError('at version 4, not 3'), new StateError('wrong stage', 'tahap salah')]) {
      let runs = 0;
      const useCase = onFreshState(async () => {
        runs++;
        throw err;
      });
      await expect(useCase()).rejects.toBe(err);
      expect(runs).toBe(1);
    }
  });
});

describe('a use case losing a race', () => {
  let world: FakeWorld;
  beforeEach(() => {
    world = fakePorts();
    usePorts(world.ports);
  });

  it('is told what was stored: the SKP was submitted from another tab meanwhile', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    const change = world.ports.evaluations.change;
    let raced = false;
    world.ports.evaluations.change = async (c, current) => {
      if (!raced) {
        raced = true;
        // The other tab's submission lands between this request's read and its write.
        await change({ ...c, changeId: 'other-tab' }, current);
      }
      return change(c, current);
    };
    const err = await submitSkp(OFFICE.cycle, OFFICE.self, OFFICE_SKP, callers.self, 'this-tab').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateError);
    expect((err as StateError).messageId).toMatch(/SKP_SUBMITTED|diajukan/);
    expect(world.evaluation(OFFICE.cycle, OFFICE.self)!.lastChangeId).toBe('other-tab');
  });
});
