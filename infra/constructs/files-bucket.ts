/**
 * The files bucket: bukti dukung under `evidence/`, the documents (PDFs) under `documents/`. Private
 * (all public access blocked, objects owned by the bucket), encrypted with the data key, versioned, TLS
 * only, access-logged; lifecycle: noncurrent versions kept 90 days (an employee's deleted evidence can
 * be recovered for a while), incomplete multipart uploads aborted after a day. CORS: the app's origin
 * only (the browser PUTs and GETs through presigned URLs), nothing else.
 *
 * Optional (context `asn-kinerja:malwareProtection=true`): GuardDuty Malware Protection for S3 scans
 * each new object under the prefixes and tags it `GuardDutyMalwareScanStatus`; the bucket then refuses
 * to hand out an object tagged THREATS_FOUND (a presigned GET included).
 */
import { createHash } from 'node:crypto';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** The prefixes of the bucket: one per kind of file (agreed names; FILES_BUCKET in the functions). */
export const FILE_PREFIXES = { evidence: 'evidence/', documents: 'documents/' } as const;
/** Days a deleted or replaced file's old version is kept. */
export const NONCURRENT_VERSION_DAYS = 90;

/**
 * The bucket's name, fixed so the app's CSP can name the bucket's origin without referring to the bucket
 * (the bucket's CORS names CloudFront, whose headers policy names the bucket: a reference would be a cycle).
 * `asn-kinerja-<agency>-files-<account>`, at most 63 characters (a long agency id is shortened with a hash).
 */
export function filesBucketName(agencyId: string, account: string): string {
  const agency = agencyId.length <= 24 ? agencyId : `${agencyId.slice(0, 15)}-${createHash('sha256').update(agencyId).digest('hex').slice(0, 8)}`;
  return `asn-kinerja-${agency}-files-${account}`;
}

export interface FilesBucketProps {
  bucketName: string;
  encryptionKey: IKey;
  /** The app's origins (CloudFront's URL, the deployment's own domain): the only CORS origins. */
  allowedOrigins: string[];
  accessLogs: s3.IBucket;
  malwareProtection: boolean;
}

export class FilesBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly malwareProtectionPlan?: guardduty.CfnMalwareProtectionPlan;

  constructor(scope: Construct, id: string, props: FilesBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'files-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'noncurrent-versions', noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS), expiredObjectDeleteMarker: true },
        { id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [
        {
          allowedOrigins: props.allowedOrigins,
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedHeaders: ['content-type', 'content-length'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
    });

    if (props.malwareProtection) this.malwareProtectionPlan = this.scanWithGuardDuty(props.encryptionKey);
  }

  /** The statements a function needs to read, write and delete under one prefix (presigned URLs are signed with its role). */
  statements(prefix: string, key: IKey): iam.PolicyStatement[] {
    return [
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects(`${prefix}*`)],
      }),
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      }),
    ];
  }

  private scanWithGuardDuty(key: IKey): guardduty.CfnMalwareProtectionPlan {
    const stack = Stack.of(this);
    const role = new iam.Role(this, 'MalwareScanRole', {
      assumedBy: new iam.ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: scans and tags new objects of the files bucket',
    });
    const ruleArn = stack.formatArn({ service: 'events', resource: 'rule', resourceName: 'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*' });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets', 'events:DescribeRule', 'events:ListTargetsByRule'],
        resources: [ruleArn],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket', 's3:GetBucketLocation'],
        resources: [this.bucket.bucketArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [this.bucket.arnForObjects(`${FILE_PREFIXES.evidence}*`), this.bucket.arnForObjects(`${FILE_PREFIXES.documents}*`)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects('malware-protection-resource-validation-object')],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [key.keyArn],
        conditions: { StringLike: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
      }),
    );
    // An object the scan found infected is never handed out again (a presigned GET included).
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: { StringEquals: { 's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'THREATS_FOUND' } },
      }),
    );
    const plan = new guardduty.CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: {
        s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [FILE_PREFIXES.evidence, FILE_PREFIXES.documents] },
      },
      actions: { tagging: { status: 'ENABLED' } },
    });
    plan.node.addDependency(role);
    return plan;
  }
}
