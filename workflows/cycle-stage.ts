/**
 * The cycle state machine. One execution runs one stage (named `<cycleId>-<stage>`), and its last step
 * starts the next stage's execution: no execution outlives a stage window (Step Functions' 1-year
 * limit), history stays bounded per stage, and a killed cycle resumes from what DynamoDB holds.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { STAGES, type Stage } from '../shared/domain/lifecycle/status';
import { stageBranch, type StageFunctions } from './stage-branch';

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

export function executionName(cycleId: string, stage: Stage, attempt = 0): string {
  return attempt === 0 ? `${cycleId}-${stage}` : `${cycleId}-${stage}-r${attempt}`;
}

export function buildCycleDefinition(scope: Construct, fns: StageFunctions): sfn.IChainable {
  const choose = new sfn.Choice(scope, 'WhichStage');
  for (const stage of STAGES) {
    choose.when(sfn.Condition.stringEquals('$.stage', stage), stageBranch(scope, STAGE_STATE_NAMES[stage], fns));
  }
  choose.otherwise(new sfn.Fail(scope, 'UnknownStage', { error: 'UnknownStage', causePath: '$.stage' }));
  return choose;
}

export interface CycleStateMachineProps {
  functions: StageFunctions;
  encryptionKey?: IKey;
  stateMachineName?: string;
}

export class CycleStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;
  constructor(scope: Construct, id: string, props: CycleStateMachineProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
      encryptionKey: props.encryptionKey,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(buildCycleDefinition(this, props.functions)),
      // A stage window (with its wait for the window to open) is far shorter than Step Functions' 1-year cap.
      timeout: Duration.days(360),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
  }
}
