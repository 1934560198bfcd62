import { advanceCycle } from '../../shared/cycle/stages';
import { StageInputSchema, stageStep } from '../stage/input';

export const handler = stageStep(StageInputSchema, advanceCycle);
