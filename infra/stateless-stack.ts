/**
 * Stateless resources, composed from one construct per concern (infra/constructs/):
 * MailSending (SES) → AppHttpApi (API, stage, throttling, authorizer) → FunctionSet (every function,
 * least-privilege grants) → CycleWorkflow (the state machine) → routes → YearlySchedule → OperationsAlarms.
 */
import path from 'node:path';
import { Duration, Lazy, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { CycleWorkflow, cycleWorkflowArns } from './constructs/cycle-workflow';
import { FilesBucket, filesBucketName as filesBucketNameOf } from './constructs/files-bucket';
import { FunctionSet } from './constructs/function-set';
import { type ApiIdentity, AppHttpApi } from './constructs/http-api';
import { MailSending } from './constructs/mail';
import { OperationsAlarms } from './constructs/operations-alarms';
import { WebHosting } from './constructs/web-hosting';
import { WebSignIn } from './constructs/web-sign-in';
import { YearlySchedule } from './constructs/yearly-schedule';
import type { FunctionId } from './functions';
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
  // --- web app and files (platform) ---
  readonly files: FilesBucket;
  readonly web: WebHosting;
  /** Absent with the agency's own OIDC provider. */
  readonly webSignIn?: WebSignIn;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful, parameters } = props;
    this.stateMachineName = `${this.stackName}-cycle`;
    const { stateMachineArn, executionArns } = cycleWorkflowArns(this, this.stateMachineName);

    const mail = new MailSending(this, 'Mail', { mailDomain: parameters.mailDomain });
    // The web app's Cognito client is made below (it names CloudFront's URL); the authorizer accepts it too.
    let webClientId: string | undefined;
    const api = new AppHttpApi(this, 'Api', {
      identity: apiIdentity(this, stateful, parameters, Lazy.string({ produce: () => webClientId })),
      logKey: stateful.key,
    });

    // --- web app and files (platform): access logs, the files bucket, CloudFront, sign-in, /config.json ---
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // CloudFront's standard logs are written with ACLs: the bucket owner gets ownership of them.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(400), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
    let appUrl: string | undefined;
    const filesBucketName = filesBucketNameOf(parameters.agencyId, this.account);
    this.files = new FilesBucket(this, 'Files', {
      bucketName: filesBucketName,
      encryptionKey: stateful.key,
      allowedOrigins: [Lazy.string({ produce: () => appUrl }), ...parameters.web.appOrigins],
      accessLogs,
      malwareProtection: parameters.web.malwareProtection,
    });
    const cognitoIdp = `https://cognito-idp.${this.region}.amazonaws.com`;
    const signInDomainUrl = `https://${parameters.web.signInDomainPrefix}.auth.${this.region}.amazoncognito.com`;
    const signInOrigins = parameters.identity ? [new URL(parameters.identity.issuer).origin] : [cognitoIdp, signInDomainUrl];
    this.web = new WebHosting(this, 'Web', {
      apiDomain: api.domain,
      accessLogs,
      // Presigned URLs name the bucket's regional virtual-hosted endpoint.
      connectSources: [...signInOrigins, `https://${filesBucketName}.s3.${this.region}.${this.urlSuffix}`],
      webDir: path.resolve(import.meta.dirname, '..', 'web', 'dist'),
    });
    appUrl = this.web.url;
    if (!parameters.identity) {
      this.webSignIn = new WebSignIn(this, 'SignIn', {
        userPool: stateful.userPool!,
        callbackUrls: parameters.signIn.callbackUrls,
        logoutUrls: parameters.signIn.logoutUrls,
        appUrl: this.web.url,
        domainPrefix: parameters.web.signInDomainPrefix,
      });
      webClientId = this.webSignIn.client.userPoolClientId;
    }
    this.web.deployApp({
      authority: parameters.identity ? parameters.identity.issuer : `${cognitoIdp}/${stateful.userPool!.userPoolId}`,
      clientId: parameters.identity ? parameters.identity.audience : webClientId!,
      scope: 'openid profile email',
    });

    const claims = parameters.identity?.claims ?? COGNITO_CLAIMS;
    const { functions } = new FunctionSet(this, 'Functions', {
      environment: {
        TABLE_NAME: stateful.tableName,
        STATE_MACHINE_ARN: stateMachineArn,
        AGENCY_ID: parameters.agencyId,
        // Links in emails open the app's origin (CloudFront: the app, and /v1/* to this API).
        PUBLIC_BASE_URL: this.web.url,
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
      },
      grantTargets: {
        // Written from the table's fixed name: a cross-stack grant would edit the stateful stack.
        tableArn: this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: stateful.tableName }),
        key: stateful.key,
        stateMachineArn,
        executionArns,
        mailArns: mail.sendArns,
        linkKeysSecretArn: stateful.linkKeys.secretArn,
        files: { bucketName: this.files.bucket.bucketName, statements: (prefix) => this.files.statements(prefix, stateful.key) },
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
function apiIdentity(stack: Stack, stateful: StatefulStack, parameters: DeploymentParameters, webClientId: string): ApiIdentity {
  if (parameters.identity) return { name: 'AgencyOidcJwt', issuer: parameters.identity.issuer, audience: parameters.identity.audience };
  return {
    name: 'CognitoJwt',
    issuer: `https://cognito-idp.${stack.region}.amazonaws.com/${stateful.userPool!.userPoolId}`,
    audience: [stateful.userPoolClient!.userPoolClientId, webClientId],
  };
}
