import '../../shared/composition';
import { openStage } from '../../shared/application/stages/stages';
import { StageInputSchema, stageStep } from './input';

export const handler = stageStep(StageInputSchema, openStage);
