/**
 * Every function of the registry (infra/functions.ts) with the system's defaults (app-function.ts) and
 * least-privilege grants: each grant in FunctionSpec.grants becomes statements on that function's own
 * role, on this deployment's exact resources.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { FUNCTIONS, type FunctionId, type FunctionSpec } from '../functions';
import { AppFunction } from './app-function';

/** The exact resources the grants name; ARN strings of this stack, never "*". */
export interface GrantTargets {
  tableArn: string;
  /** Encrypts the table, the link-signing secret and the logs. */
  key: IKey;
  stateMachineArn: string;
  /** DescribeExecution: the executions of that one state machine. */
  executionArns: string;
  /** The SES identity and configuration set a function sends through. */
  mailArns: string[];
  linkKeysSecretArn: string;
  // --- files (platform) ---
  /** The files bucket: its name (FILES_BUCKET) and the statements for one prefix of it. */
  files: { bucketName: string; statements(prefix: string): iam.PolicyStatement[] };
}

/** The files bucket's prefix each files grant stands for (infra/constructs/files-bucket.ts FILE_PREFIXES). */
export const FILE_GRANT_PREFIXES = { 'evidence-files': 'evidence/', 'document-files': 'documents/' } as const;

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** The statements one function's grants stand for. */
export function grantStatements(grants: FunctionSpec['grants'], to: GrantTargets, region: string): iam.PolicyStatement[] {
  const out: iam.PolicyStatement[] = [];
  // Table grants are written out (not table.grant*) so every resource is this stack's own ARN
  // string: cross-stack grants would edit the stateful stack and hide what is granted.
  const tableActions = grants.includes('table-write') ? [...TABLE_READ, ...TABLE_WRITE] : grants.includes('table-read') ? TABLE_READ : [];
  if (tableActions.length) {
    out.push(new iam.PolicyStatement({ actions: tableActions, resources: [to.tableArn, `${to.tableArn}/index/*`] }));
    out.push(
      new iam.PolicyStatement({
        actions: grants.includes('table-write') ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'] : ['kms:Decrypt', 'kms:DescribeKey'],
        resources: [to.key.keyArn],
      }),
    );
  }
  if (grants.includes('sfn-start')) {
    out.push(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [to.stateMachineArn] }));
    out.push(new iam.PolicyStatement({ actions: ['states:DescribeExecution'], resources: [to.executionArns] }));
  }
  if (grants.includes('sfn-task')) {
    out.push(
      new iam.PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'], resources: [to.stateMachineArn] }),
    );
  }
  if (grants.includes('mail')) {
    out.push(new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: to.mailArns }));
  }
  if (grants.includes('link-keys')) {
    // Granted on the role, not through secret.grantRead: that would edit the key policy in the
    // stateful stack with this stack's role ARN, a cross-stack cycle.
    out.push(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], resources: [to.linkKeysSecretArn] }));
    out.push(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [to.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
      }),
    );
  }
  for (const [grant, prefix] of Object.entries(FILE_GRANT_PREFIXES) as [keyof typeof FILE_GRANT_PREFIXES, string][]) {
    if (grants.includes(grant)) out.push(...to.files.statements(prefix));
  }
  return out;
}

export interface FunctionSetProps {
  /** Every function's environment; each also gets FUNCTION_ID (the local stack maps it back to its entry). */
  environment: Record<string, string>;
  grantTargets: GrantTargets;
}

export class FunctionSet extends Construct {
  readonly functions: Record<FunctionId, NodejsFunction>;

  constructor(scope: Construct, id: string, props: FunctionSetProps) {
    super(scope, id);
    const fns = {} as Record<FunctionId, NodejsFunction>;
    for (const [fnId, spec] of Object.entries(FUNCTIONS) as [FunctionId, FunctionSpec][]) {
      const { fn } = new AppFunction(this, fnId, {
        entry: spec.entry,
        description: spec.description,
        memorySize: spec.memorySize,
        timeoutSeconds: spec.timeoutSeconds,
        environment: {
          ...props.environment,
          // Only the functions that keep files know the bucket.
          ...(spec.grants.some((g) => g in FILE_GRANT_PREFIXES) ? { FILES_BUCKET: props.grantTargets.files.bucketName } : {}),
          FUNCTION_ID: fnId,
        },
        logKey: props.grantTargets.key,
      });
      for (const statement of grantStatements(spec.grants, props.grantTargets, Stack.of(this).region)) fn.addToRolePolicy(statement);
      fns[fnId] = fn;
    }
    this.functions = fns;
  }
}
