import '../../shared/composition';
import { closeStage } from '../../shared/application/stages/stages';
import { StageInputSchema, stageStep } from './input';

export const handler = stageStep(StageInputSchema, closeStage);
