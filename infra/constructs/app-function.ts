/**
 * One Lambda function with the system's defaults (in the spirit of Powertools' examples/app
 * FunctionWithLogGroup): its own encrypted, retained log group; its own role that may write only there
 * (instead of the AWS-managed basic execution policy); Node.js on ARM; active tracing; JSON logs;
 * the bundling of infra/bundling.ts. What else it may do is granted by the caller (function-set.ts).
 */
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLING } from '../bundling';
import { retainedLogGroup } from './log-group';

export const FUNCTION_DEFAULTS = { memorySize: 512, timeoutSeconds: 29 } as const;

export interface AppFunctionProps {
  entry: string;
  description: string;
  memorySize?: number;
  timeoutSeconds?: number;
  /** A fixed physical name (only where another resource must name it without a reference). */
  functionName?: string;
  environment: Record<string, string>;
  /** Encrypts the log group. */
  logKey: IKey;
}

export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.logGroup = retainedLogGroup(this, 'Logs', props.logKey);
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);
    this.fn = new NodejsFunction(this, 'Function', {
      role: this.role,
      entry: props.entry,
      handler: 'handler',
      ...(props.functionName ? { functionName: props.functionName } : {}),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? FUNCTION_DEFAULTS.memorySize,
      timeout: Duration.seconds(props.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: props.environment,
      bundling: BUNDLING,
    });
  }
}
