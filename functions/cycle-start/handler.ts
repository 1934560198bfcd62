/** Target of the yearly EventBridge schedule: creates the year's cycle once and starts planning. */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { logger } from '../../shared/adapters/powertools';
import { startCycle } from '../../shared/application/stages/stages';
import { deps } from '../../shared/composition';
import { DEFAULT_POLICY_ID } from '../../shared/domain/policies';

const ScheduleEvent = z.object({
  agencyId: z.string().min(1),
  trigger: z.literal('schedule').optional(),
  /** Defaults to the current year in Asia/Jakarta (the schedule fires in early January). */
  year: z.number().int().min(2022).max(2100).optional(),
  policyId: z.string().optional(),
});

export const handler = middy(async (event: unknown) => {
  const input = ScheduleEvent.parse(event);
  const year = input.year ?? Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(deps.clock.now()));
  const result = await startCycle({ agencyId: input.agencyId, year, policyId: input.policyId ?? DEFAULT_POLICY_ID });
  logger.info(result.created ? 'Cycle created' : 'Cycle already existed; nothing to do', result);
  return result;
}).use(injectLambdaContext(logger, { resetKeys: true }));
