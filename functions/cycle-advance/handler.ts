import '../../shared/composition';
import { advanceCycle } from '../../shared/application/stages/stages';
import { StageInputSchema, stageStep } from '../stage/input';

export const handler = stageStep(StageInputSchema, advanceCycle);
