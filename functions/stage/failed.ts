import '../../shared/composition';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod';
import { metrics } from '../../shared/adapters/metrics';
import { logger } from '../../shared/adapters/powertools';
import { recordStageFailure } from '../../shared/application/stages/stages';
import { StageInputSchema, stageStep } from './input';

const FailureInput = StageInputSchema.extend({
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

export const handler = stageStep(FailureInput, async (input) => {
  await recordStageFailure(input);
  logger.error('Stage failed', { error: input.error?.Error });
  metrics.addMetric('StageFailed', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
  return { recorded: true };
});
