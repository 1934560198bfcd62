/**
 * Stateless resources, composed from one construct per concern (infra/constructs/):
 * MailSending (SES) → AppHttpApi (API, stage, throttling, authorizer) → FunctionSet (every function,
 * least-privilege grants) → CycleWorkflow (the state machine) → routes → YearlySchedule → OperationsAlarms.
 */
import { ArnFormat, Stack, type StackProps } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { CycleWorkflow, cycleWorkflowArns } from './constructs/cycle-workflow';
import { FunctionSet, fixedFunctionName } from './constructs/function-set';
import { type ApiIdentity, AppHttpApi } from './constructs/http-api';
import { MailSending } from './constructs/mail';
import { OperationsAlarms } from './constructs/operations-alarms';
import { YearlySchedule } from './constructs/yearly-schedule';
import { FUNCTIONS, type FunctionId } from './functions';
import { COGNITO_CLAIMS, type DeploymentParameters } from './parameters';
import type { StatefulStack } from './stateful-stack';

// Kept importable from here (the stack's parameters were declared in this file before).
export { COGNITO_CLAIMS, type DeploymentParameters, type ExternalIdentity } from './parameters';

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
    this.stateMachineName = `${this.stackName}-cycle`;
    const { stateMachineArn, executionArns } = cycleWorkflowArns(this, this.stateMachineName);

    const mail = new MailSending(this, 'Mail', { mailDomain: parameters.mailDomain });
    const api = new AppHttpApi(this, 'Api', { identity: apiIdentity(this, stateful, parameters), logKey: stateful.key });

    const claims = parameters.identity?.claims ?? COGNITO_CLAIMS;
    const { functions } = new FunctionSet(this, 'Functions', {
      environment: {
        TABLE_NAME: stateful.tableName,
        STATE_MACHINE_ARN: stateMachineArn,
        AGENCY_ID: parameters.agencyId,
        PUBLIC_BASE_URL: api.url,
        MAIL_TRANSPORT: 'ses',
        MAIL_FROM: parameters.senderEmail,
        SES_CONFIGURATION_SET: mail.configurationSet.configurationSetName,
        LINK_KEYS_SECRET_ARN: stateful.linkKeys.secretArn,
        HR_EMAIL: parameters.hrAlarmEmail,
        POWERTOOLS_SERVICE_NAME: 'asn-kinerja',
        // Which token claims carry the caller's NIP, agency and roles (Cognito's, or the agency's IdP's).
        JWT_CLAIM_NIP: claims.nip,
        JWT_CLAIM_AGENCY: claims.agencyId,
        JWT_CLAIM_ROLES: claims.roles,
        NODE_OPTIONS: '--enable-source-maps',
        // --- documents (issue 16): the function that makes PDFs, invoked asynchronously ---
        DOCUMENTS_FUNCTION_NAME: fixedFunctionName(this, FUNCTIONS.documents.fixedName),
      },
      grantTargets: {
        // Written from the table's fixed name: a cross-stack grant would edit the stateful stack.
        tableArn: this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: stateful.tableName }),
        key: stateful.key,
        stateMachineArn,
        executionArns,
        mailArns: mail.sendArns,
        linkKeysSecretArn: stateful.linkKeys.secretArn,
        documentsFunctionArn: this.formatArn({
          service: 'lambda',
          resource: 'function',
          resourceName: fixedFunctionName(this, FUNCTIONS.documents.fixedName),
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      },
    });
    this.functions = functions;

    const cycle = new CycleWorkflow(this, 'Cycle', {
      stateMachineName: this.stateMachineName,
      encryptionKey: stateful.key,
      functions: {
        open: functions['stage-open'],
        notify: functions['stage-notify'],
        await: functions['stage-await'],
        tick: functions['stage-tick'],
        close: functions['stage-close'],
        advance: functions['cycle-advance'],
        failed: functions['stage-failed'],
      },
    });

    api.addRouteTable(functions);

    const schedule = new YearlySchedule(this, 'Schedule', {
      cycleStartDate: parameters.cycleStartDate,
      agencyId: parameters.agencyId,
      cycleStart: functions['cycle-start'],
      encryptionKey: stateful.key,
    });

    new OperationsAlarms(this, 'Operations', {
      email: parameters.hrAlarmEmail,
      encryptionKey: stateful.key,
      stateMachine: cycle.stateMachine,
      scheduleDeadLetterQueue: schedule.deadLetterQueue,
      functions,
    });
  }
}

/** The JWT authorizer's issuer and audience: the agency's OIDC provider, or the stateful stack's user pool. */
function apiIdentity(stack: Stack, stateful: StatefulStack, parameters: DeploymentParameters): ApiIdentity {
  if (parameters.identity) return { name: 'AgencyOidcJwt', issuer: parameters.identity.issuer, audience: parameters.identity.audience };
  return {
    name: 'CognitoJwt',
    issuer: `https://cognito-idp.${stack.region}.amazonaws.com/${stateful.userPool!.userPoolId}`,
    audience: stateful.userPoolClient!.userPoolClientId,
  };
}
