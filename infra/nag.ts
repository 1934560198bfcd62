/**
 * cdk-nag acknowledgements. Each names the exact finding and the reason a security reviewer needs;
 * a new finding fails synth until it is fixed or acknowledged here.
 */
import { type CfnElement, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { StatefulStack } from './stateful-stack';
import type { StatelessStack } from './stateless-stack';

function ack(scope: IConstruct, id: string, reason: string) {
  Validations.of(scope).acknowledge({ id, reason });
}

export function applyNagAcknowledgements(stateful: StatefulStack, stateless: StatelessStack): void {
  ack(
    stateful,
    'AwsSolutions-SMG4',
    'The link-signing key is rotated by the operator (README, "Rotating the link-signing key"); verification accepts AWSPREVIOUS so a rotation never breaks links in flight. An automatic rotation function is follow-up work.',
  );

  const account = Token.isUnresolved(stateless.account) ? '<AWS::AccountId>' : stateless.account;
  const arnPrefix = (service: string) =>
    `arn:${stateless.partition === 'aws' || Token.isUnresolved(stateless.partition) ? 'aws' : stateless.partition}:${service}:${stateless.region}:${account}`;
  const tableIndexes = `Resource::${arnPrefix('dynamodb')}:table/${stateful.tableName}/index/*`;
  const executions = `Resource::${arnPrefix('states')}:execution:${stateless.stateMachineName}:*`;

  ack(
    stateless,
    'AwsSolutions-IAM5[Resource::*]',
    'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) and the Step Functions log-delivery actions do not support resource-level permissions.',
  );
  ack(
    stateless,
    `AwsSolutions-IAM5[${tableIndexes}]`,
    'Query on this table’s own GSIs (access patterns in shared/adapters/dynamodb/keys.ts); index names are not known to IAM individually.',
  );
  ack(
    stateless,
    `AwsSolutions-IAM5[${executions}]`,
    'DescribeExecution on the executions of this one state machine, whose names are made per cycle and stage at run time.',
  );
  applyWebNagAcknowledgements(stateless);
  for (const fn of Object.values(stateless.functions)) {
    const logicalId = stateless.getLogicalId(fn.node.defaultChild as CfnElement);
    ack(
      stateless,
      `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      'The state machine invokes versions of its own functions (CDK LambdaInvoke default grant).',
    );
  }
  for (const child of stateless.node.findAll()) {
    const path = child.node.path;
    if (/\/HttpApi\/(GET|HEAD|POST)--v1--decisions--\{decisionId\}\/Resource$/.test(path)) {
      ack(
        child,
        'AwsSolutions-APIG4',
        'Email decision links: approvers act from their mailbox without signing in. Each request carries an HMAC-signed, expiring link bound to the recipient (shared/adapters/links/links.ts), verified by the handler; GET/HEAD change nothing.',
      );
    }
    if (/\/HttpApi\/(GET|POST)--v1--public--/.test(path) && path.endsWith('/Resource')) {
      ack(
        child,
        'AwsSolutions-APIG4',
        'Citizens answer the SKM survey and read public IKM without an account (PermenPAN-RB 14/2017). Protected by a route-level throttle tighter than every other route (infra/constructs/http-api.ts), a per-client daily limit, size limits and moderation before any comment is shown; no personal data is kept.',
      );
    }
    // --- 405 for a method no route serves (issue 17, api) ---
    if (/\/HttpApi\/ANY--[^/]*\/Resource$/.test(path)) {
      ack(
        child,
        'AwsSolutions-APIG4',
        'A path’s ANY route (METHOD_FALLBACK_ROUTES in shared/http/routes.ts): API Gateway sends it only the methods no other route of the path serves, and the function’s router answers every such request 405 Method Not Allowed with Allow, before and without reading anything — it never returns data. An authorizer would turn that 405 into 401.',
      );
    }
    if (/\/HttpApi\/GET--openapi\.json\/Resource$/.test(path)) {
      ack(child, 'AwsSolutions-APIG4', 'The public API description (OpenAPI 3.1); it contains no data.');
    }
    if (/\/ScheduleDlq\/Resource$/.test(path)) {
      ack(child, 'AwsSolutions-SQS3', 'This queue is itself the dead-letter queue of the yearly schedule’s target.');
    }
  }
}

// --- web app and files (platform) ---
/** The web app's hosting, the files bucket, the BucketDeployment handler and the malware scan role. */
export function applyWebNagAcknowledgements(stateless: StatelessStack): void {
  const logicalId = (c: IConstruct) => stateless.getLogicalId(c.node.defaultChild as CfnElement);
  const region = Token.isUnresolved(stateless.region) ? '<AWS::Region>' : stateless.region;
  const filesBucket = logicalId(stateless.files.bucket);
  const filesFn = stateless.functions.files;
  ack(
    filesFn.node.scope!,
    `AwsSolutions-IAM5[Resource::<${filesBucket}.Arn>/evidence/*]`,
    'The files function reads, writes and deletes bukti dukung under evidence/ only; the object keys (evidence/<agency>/<cycle>/<nip>/<id>) are made per upload at run time.',
  );
  ack(
    stateless.functions.documents.node.scope!,
    `AwsSolutions-IAM5[Resource::<${filesBucket}.Arn>/documents/*]`,
    'The documents function writes and reads the PDFs it makes under documents/ only; each key (documents/<agency>/<cycle>/<subject>/<code>.pdf) is made per document at run time.',
  );
  ack(
    stateless.web.distribution,
    'AwsSolutions-CFR4',
    'The distribution uses CloudFront’s default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; a deployment with its own domain sets an ACM certificate and TLSv1.2_2021 (README, "Web app hosting").',
  );
  ack(
    stateless.web.distribution,
    'AwsSolutions-CFR1',
    'No geo restriction: civil servants sign in from anywhere (official travel, postings abroad); every data route needs a token, and the public survey is throttled at the API.',
  );
  ack(
    stateless.web.distribution,
    'AwsSolutions-CFR2',
    'No WAF yet: a CloudFront web ACL lives in us-east-1 (a stack of its own); the API throttles per route (infra/constructs/http-api.ts) and every data route needs a token. Recommended follow-up for a national deployment.',
  );
  for (const child of stateless.node.findAll()) {
    if (!/\/Custom::CDKBucketDeployment[0-9A-F]+[^/]*$/.test(child.node.path)) continue;
    const reason =
      'CDK’s BucketDeployment handler (aws-s3-deployment), which copies the built web app from the CDK asset bucket to the app bucket at deploy time; its role, runtime and S3 actions are set by CDK.';
    ack(child, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason);
    for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'])
      ack(child, `AwsSolutions-IAM5[Action::${action}]`, reason);
    ack(child, `AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*]`, reason);
    ack(child, `AwsSolutions-IAM5[Resource::<${logicalId(stateless.web.bucket)}.Arn>/*]`, reason);
    ack(child, 'AwsSolutions-L1', reason);
  }
  const scan = stateless.files.malwareProtectionPlan;
  if (scan) {
    const reason =
      'GuardDuty Malware Protection for S3: the service role AWS documents for it (EventBridge managed rules named DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*, read and tag new objects under evidence/ and documents/).';
    const role = stateless.files.node.findChild('MalwareScanRole');
    const account = Token.isUnresolved(stateless.account) ? '<AWS::AccountId>' : stateless.account;
    ack(role, `AwsSolutions-IAM5[Resource::arn:aws:events:${region}:${account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]`, reason);
    for (const prefix of ['evidence', 'documents']) ack(role, `AwsSolutions-IAM5[Resource::<${filesBucket}.Arn>/${prefix}/*]`, reason);
  }
}
