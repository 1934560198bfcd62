import { checkDeadlines } from '../../shared/cycle/stages';
import { StageInputSchema, stageStep } from './input';

export const handler = stageStep(StageInputSchema, checkDeadlines);
