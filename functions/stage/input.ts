/** The state the cycle state machine passes to every stage function: ids and counters only. */
import '../../shared/composition';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { logger } from '../../shared/adapters/powertools';
import { PeriodIdSchema } from '../../shared/domain/lifecycle/periods';
import { StageSchema } from '../../shared/domain/lifecycle/status';

export const StageInputSchema = z.object({
  cycleId: z.string().min(1),
  /** A stage of the cycle, or PERIOD for a periodic evaluation running on its own (with periodId). */
  stage: z.union([StageSchema, z.literal('PERIOD')]),
  periodId: PeriodIdSchema.optional(),
  tick: z.number().int().min(0).default(0),
  waitSeconds: z.number().min(0).optional(),
  cursor: z.string().nullish(),
});

/** Wraps a stage step: parse the state (a bad one fails the task, and Catch records it), log, run. */
export function stageStep<S extends z.ZodType, R>(schema: S, fn: (input: z.infer<S>) => Promise<R>) {
  return middy(async (event: unknown) => {
    const input = schema.parse(event);
    const { cycleId, stage, periodId } = input as { cycleId: string; stage: string; periodId?: string };
    logger.appendKeys({ cycleId, stage, ...(periodId ? { periodId } : {}) });
    return fn(input);
  }).use(injectLambdaContext(logger, { resetKeys: true }));
}
