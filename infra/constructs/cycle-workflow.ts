/**
 * The cycle's state machine as a resource: its definition comes from workflows/ (the only place the
 * ASL is built, one builder per stage); here are its fixed name, its ARNs, its logs and its tracing.
 */
import { Arn, ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { buildCycleDefinition } from '../../workflows/cycle-stage';
import type { StageFunctions } from '../../workflows/stage-branch';
import { retainedLogGroup } from './log-group';

/**
 * The state machine's ARNs from its fixed name, known before the functions exist: functions start
 * executions without a circular reference between them and the definition that invokes them.
 */
export function cycleWorkflowArns(scope: Construct, stateMachineName: string) {
  const stack = Stack.of(scope);
  return {
    stateMachineArn: Arn.format(
      { service: 'states', resource: 'stateMachine', resourceName: stateMachineName, arnFormat: ArnFormat.COLON_RESOURCE_NAME },
      stack,
    ),
    executionArns: Arn.format(
      { service: 'states', resource: 'execution', resourceName: `${stateMachineName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME },
      stack,
    ),
  };
}

export interface CycleWorkflowProps {
  stateMachineName: string;
  functions: StageFunctions;
  encryptionKey?: IKey;
}

export class CycleWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: CycleWorkflowProps) {
    super(scope, id);
    const logGroup = retainedLogGroup(this, 'Logs', props.encryptionKey);
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
