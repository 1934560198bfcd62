/** Stateless resources: functions, the cycle state machine, the HTTP API, the schedule, email and alarms. */
import { Duration, Stack, type StackProps, RemovalPolicy, Arn, ArnFormat, TimeZone } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { CycleStateMachine } from '../workflows/cycle-stage';
import { BUNDLING } from './bundling';
import { FUNCTIONS, type FunctionId } from './functions';
import { ROUTES } from '../shared/http/routes';
import type { StatefulStack } from './stateful-stack';

export interface DeploymentParameters {
  /** The address emails come from; its domain must be the verified SES identity. */
  senderEmail: string;
  mailDomain: string;
  agencyId: string;
  /** Local time in Asia/Jakarta when the yearly cycle starts, e.g. 2027-01-02T08:00:00 (month, day, hour are used). */
  cycleStartDate: string;
  hrAlarmEmail: string;
  /**
   * Sign-in: absent → the stack's Cognito user pool; present → the agency's own OpenID Connect
   * provider (its SSO) behind the same JWT authorizer, with no user pool (and no Cognito cost).
   */
  identity?: ExternalIdentity;
}

/** The agency's OIDC provider and the names of the claims that carry the NIP, the agency and the roles. */
export interface ExternalIdentity {
  issuer: string;
  audience: string;
  claims: { nip: string; agencyId: string; roles: string };
}

/** Cognito's claim names (custom attributes and groups): the default. */
export const COGNITO_CLAIMS = { nip: 'custom:nip', agencyId: 'custom:agencyId', roles: 'cognito:groups' } as const;

export interface StatelessStackProps extends StackProps {
  stateful: StatefulStack;
  parameters: DeploymentParameters;
}

export class StatelessStack extends Stack {
  readonly functions: Record<FunctionId, NodejsFunction>;
  readonly stateMachineName: string;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful, parameters } = props;

    // The state machine's ARN is built from a fixed name, so functions can start executions without a
    // circular reference between the functions and the definition that calls them.
    this.stateMachineName = `${this.stackName}-cycle`;
    const stateMachineArn = Arn.format({ service: 'states', resource: 'stateMachine', resourceName: this.stateMachineName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }, this);
    const tableArn = Arn.format({ service: 'dynamodb', resource: 'table', resourceName: stateful.tableName }, this);
    const executionArns = Arn.format({ service: 'states', resource: 'execution', resourceName: `${this.stateMachineName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME }, this);

    const configurationSet = new ses.ConfigurationSet(this, 'MailConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    const identity = new ses.EmailIdentity(this, 'MailIdentity', {
      identity: ses.Identity.domain(parameters.mailDomain),
      configurationSet,
    });

    const api = new apigw.HttpApi(this, 'HttpApi', {
      description: 'asn-kinerja HTTP API',
      createDefaultStage: false,
      corsPreflight: undefined,
    });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: stateful.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      // Public routes (citizen survey, email links) are reachable without an account; throttling bounds flooding.
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });

    const environment: Record<string, string> = {
      TABLE_NAME: stateful.tableName,
      STATE_MACHINE_ARN: stateMachineArn,
      AGENCY_ID: parameters.agencyId,
      PUBLIC_BASE_URL: `https://${api.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM: parameters.senderEmail,
      SES_CONFIGURATION_SET: configurationSet.configurationSetName,
      LINK_KEYS_SECRET_ARN: stateful.linkKeys.secretArn,
      HR_EMAIL: parameters.hrAlarmEmail,
      POWERTOOLS_SERVICE_NAME: 'asn-kinerja',
      // Which token claims carry the caller's NIP, agency and roles (Cognito's, or the agency's IdP's).
      JWT_CLAIM_NIP: (parameters.identity?.claims ?? COGNITO_CLAIMS).nip,
      JWT_CLAIM_AGENCY: (parameters.identity?.claims ?? COGNITO_CLAIMS).agencyId,
      JWT_CLAIM_ROLES: (parameters.identity?.claims ?? COGNITO_CLAIMS).roles,
      NODE_OPTIONS: '--enable-source-maps',
    };

    const fns = {} as Record<FunctionId, NodejsFunction>;
    for (const [fnId, spec] of Object.entries(FUNCTIONS) as [FunctionId, (typeof FUNCTIONS)[FunctionId]][]) {
      const logGroup = new logs.LogGroup(this, `Logs-${fnId}`, {
        retention: logs.RetentionDays.ONE_YEAR,
        encryptionKey: stateful.key,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      // An explicit role: only this function's log group, instead of the AWS-managed basic execution policy.
      const role = new iam.Role(this, `Role-${fnId}`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      logGroup.grantWrite(role);
      const fn = new NodejsFunction(this, `Fn-${fnId}`, {
        role,
        entry: spec.entry,
        handler: 'handler',
        description: spec.description,
        runtime: lambda.Runtime.NODEJS_24_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: 'memorySize' in spec ? (spec.memorySize as number) : 512,
        timeout: Duration.seconds('timeoutSeconds' in spec ? (spec.timeoutSeconds as number) : 29),
        tracing: lambda.Tracing.ACTIVE,
        logGroup,
        loggingFormat: lambda.LoggingFormat.JSON,
        environment: { ...environment, FUNCTION_ID: fnId },
        bundling: BUNDLING,
      });
      const grants = spec.grants as readonly string[];
      // Table grants are written out (not table.grant*) so every resource is this stack's own ARN
      // string: cross-stack grants would edit the stateful stack and hide what is granted.
      const tableActions = grants.includes('table-write') ? [...TABLE_READ, ...TABLE_WRITE] : grants.includes('table-read') ? TABLE_READ : [];
      if (tableActions.length) {
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: tableActions, resources: [tableArn, `${tableArn}/index/*`] }));
        fn.addToRolePolicy(new iam.PolicyStatement({
          actions: grants.includes('table-write') ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'] : ['kms:Decrypt', 'kms:DescribeKey'],
          resources: [stateful.key.keyArn],
        }));
      }
      if (grants.includes('sfn-start')) {
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [stateMachineArn] }));
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:DescribeExecution'], resources: [executionArns] }));
      }
      if (grants.includes('sfn-task')) {
        fn.addToRolePolicy(new iam.PolicyStatement({
          actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
          resources: [stateMachineArn],
        }));
      }
      if (grants.includes('mail')) {
        fn.addToRolePolicy(new iam.PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [
            Arn.format({ service: 'ses', resource: 'identity', resourceName: identity.emailIdentityName }, this),
            Arn.format({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName }, this),
          ],
        }));
      }
      if (grants.includes('link-keys')) {
        // Granted on the role, not through secret.grantRead: that would edit the key policy in the
        // stateful stack with this stack's role ARN, a cross-stack cycle.
        fn.addToRolePolicy(new iam.PolicyStatement({
          actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          resources: [stateful.linkKeys.secretArn],
        }));
        fn.addToRolePolicy(new iam.PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [stateful.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${this.region}.amazonaws.com` } },
        }));
      }
      fns[fnId] = fn;
    }
    this.functions = fns;

    const cycle = new CycleStateMachine(this, 'Cycle', {
      functions: {
        open: fns['stage-open'],
        notify: fns['stage-notify'],
        await: fns['stage-await'],
        tick: fns['stage-tick'],
        close: fns['stage-close'],
        advance: fns['cycle-advance'],
        failed: fns['stage-failed'],
      },
      encryptionKey: stateful.key,
      stateMachineName: this.stateMachineName,
    });

    // Routes come from the one route table the local server also uses.
    const authorizer = parameters.identity
      ? new HttpJwtAuthorizer('AgencyOidcJwt', parameters.identity.issuer, { jwtAudience: [parameters.identity.audience] })
      : new HttpJwtAuthorizer('CognitoJwt', `https://cognito-idp.${this.region}.amazonaws.com/${stateful.userPool!.userPoolId}`, {
        jwtAudience: [stateful.userPoolClient!.userPoolClientId],
      });
    const integrations = new Map<FunctionId, HttpLambdaIntegration>();
    for (const route of ROUTES) {
      let integration = integrations.get(route.functionId);
      if (!integration) {
        integration = new HttpLambdaIntegration(`Integration-${route.functionId}`, fns[route.functionId]);
        integrations.set(route.functionId, integration);
      }
      api.addRoutes({
        path: route.path,
        methods: [route.method as apigw.HttpMethod],
        integration,
        authorizer: route.auth === 'jwt' ? authorizer : undefined,
      });
    }

    // The yearly schedule: Asia/Jakarta time; the handler makes a second firing a no-op.
    const start = new Date(`${parameters.cycleStartDate}Z`);
    if (Number.isNaN(start.getTime())) throw new Error(`asn-kinerja:cycleStartDate must look like 2027-01-02T08:00:00, got "${parameters.cycleStartDate}"`);
    const scheduleDlq = deadLetterQueue(this, 'ScheduleDlq', stateful);
    new scheduler.Schedule(this, 'YearlyCycle', {
      description: 'Starts the annual performance cycle (PermenPAN-RB 6/2022)',
      schedule: scheduler.ScheduleExpression.cron({
        minute: String(start.getUTCMinutes()),
        hour: String(start.getUTCHours()),
        day: String(start.getUTCDate()),
        month: String(start.getUTCMonth() + 1),
        timeZone: TimeZone.ASIA_JAKARTA,
      }),
      target: new schedulerTargets.LambdaInvoke(fns['cycle-start'], {
        input: scheduler.ScheduleTargetInput.fromObject({ agencyId: parameters.agencyId, trigger: 'schedule' }),
        deadLetterQueue: scheduleDlq,
        retryAttempts: 3,
        maxEventAge: Duration.hours(6),
      }),
    });

    // Alarms go to HR's operations address.
    const alarmTopic = new sns.Topic(this, 'Alarms', { masterKey: stateful.key, enforceSSL: true });
    alarmTopic.addSubscription(new subscriptions.EmailSubscription(parameters.hrAlarmEmail));
    const alarm = (id: string, metric: cloudwatch.IMetric, description: string) => {
      const a = new cloudwatch.Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(new cwActions.SnsAction(alarmTopic));
    };
    alarm('CycleExecutionsFailed', cycle.stateMachine.metricFailed({ period: Duration.minutes(5) }), 'A cycle stage execution failed');
    alarm('CycleExecutionsTimedOut', cycle.stateMachine.metricTimedOut({ period: Duration.minutes(5) }), 'A cycle stage execution timed out');
    alarm('ScheduleDlqMessages', scheduleDlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }), 'The yearly schedule could not start a cycle');
    alarm('StageFailures', new cloudwatch.Metric({ namespace: 'AsnKinerja', metricName: 'StageFailed', period: Duration.minutes(5), statistic: 'Sum', dimensionsMap: { service: 'asn-kinerja' } }), 'A stage recorded a failure');
    for (const [fnId, fn] of Object.entries(fns)) {
      alarm(`Errors-${fnId}`, fn.metricErrors({ period: Duration.minutes(5) }), `Function ${fnId} raised errors`);
    }
  }
}


const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

function deadLetterQueue(scope: Construct, id: string, stateful: StatefulStack): sqs.Queue {
  return new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: stateful.key,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
}
