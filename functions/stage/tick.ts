import '../../shared/composition';
import { checkDeadlines } from '../../shared/application/stages/stages';
import { StageInputSchema, stageStep } from './input';

export const handler = stageStep(StageInputSchema, checkDeadlines);
