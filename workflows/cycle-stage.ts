/**
 * The cycle state machine's definition. One execution runs one stage (named `<cycleId>-<stage>`, see
 * executionName in shared/application/stages/stages.ts), and its last step starts the next stage's
 * execution: no execution outlives a stage window (Step Functions' 1-year limit), history stays bounded
 * per stage, and a killed cycle resumes from what DynamoDB holds. Each stage's chain is built by
 * stage-branch.ts; the resource itself (name, logs, tracing) is infra/constructs/cycle-workflow.ts.
 *
 * Periodic evaluations of a quarterly or monthly policy run in the same state machine, one execution
 * per period (`<cycleId>-PERIOD-Q1`, input `stage: 'PERIOD'` and `periodId`), through the same chain
 * of states (branch `Period`): each lasts one period window (about a month), so none nears the 1-year
 * limit or the 25,000-event history, and none holds the cycle's stage executions.
 */
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { STAGES, type Stage } from '../shared/domain/lifecycle/status';
import { PERIOD_STATE, type StageFunctions, stageBranch } from './stage-branch';

/** State names a reader recognises: the stages' names. */
export const STAGE_STATE_NAMES: Record<Stage, string> = {
  PLANNING: 'Planning',
  MIDYEAR: 'MidYearCheck',
  FINAL_SCORING: 'FinalScoring',
  CALIBRATION: 'Calibration',
  APPROVAL: 'Approval',
  OBJECTION: 'Objection',
  FOLLOW_UP: 'FollowUp',
};

export function buildCycleDefinition(scope: Construct, fns: StageFunctions): sfn.IChainable {
  const choose = new sfn.Choice(scope, 'WhichStage');
  for (const stage of STAGES) {
    choose.when(sfn.Condition.stringEquals('$.stage', stage), stageBranch(scope, STAGE_STATE_NAMES[stage], fns));
  }
  choose.when(sfn.Condition.stringEquals('$.stage', 'PERIOD'), stageBranch(scope, 'Period', fns, PERIOD_STATE));
  choose.otherwise(new sfn.Fail(scope, 'UnknownStage', { error: 'UnknownStage', causePath: '$.stage' }));
  return choose;
}
