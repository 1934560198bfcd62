import '../../shared/composition';
import { notifyStage } from '../../shared/application/stages/stages';
import { StageInputSchema, stageStep } from './input';

export const handler = stageStep(StageInputSchema, notifyStage);
