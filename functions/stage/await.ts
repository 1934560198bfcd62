import '../../shared/composition';
import * as z from 'zod';
import { awaitStage } from '../../shared/application/stages/stages';
import { StageInputSchema, stageStep } from './input';

// The task token is stored server-side and never logged (the logger only gets cycleId and stage).
export const handler = stageStep(StageInputSchema.extend({ taskToken: z.string().min(1) }), awaitStage);
