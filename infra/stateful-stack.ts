/** Stateful resources: everything that holds data and must survive a redeploy. */
import { RemovalPolicy, Stack, type StackProps, Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE_KEY_SCHEMA } from '../shared/adapters/dynamodb/keys';

export class StatefulStack extends Stack {
  readonly key: kms.Key;
  readonly table: dynamodb.TableV2;
  /** A fixed physical name, so the stateless stack can name the table's ARN without a cross-stack grant. */
  readonly tableName: string;
  readonly linkKeys: secretsmanager.Secret;
  /** Absent when the agency signs in with its own OIDC provider (DeploymentParameters.identity). */
  readonly userPool?: cognito.UserPool;
  readonly userPoolClient?: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: StackProps & { agencyId: string; cognito?: boolean }) {
    super(scope, id, props);
    this.tableName = `asn-kinerja-${props.agencyId}`;

    this.key = new kms.Key(this, 'DataKey', {
      description: 'asn-kinerja: encrypts the table, the link-signing secret and logs',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const { partitionKey, sortKey, gsis, ttlAttribute } = TABLE_KEY_SCHEMA;
    this.table = new dynamodb.TableV2(this, 'Table', {
      tableName: this.tableName,
      partitionKey: { name: partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: sortKey, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: ttlAttribute,
      globalSecondaryIndexes: gsis.map((g) => ({
        indexName: g.indexName,
        partitionKey: { name: g.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: g.sortKey, type: dynamodb.AttributeType.STRING },
      })),
    });

    // HMAC key for email decision links. Rotation keeps AWSPREVIOUS, which still verifies links sent before it.
    this.linkKeys = new secretsmanager.Secret(this, 'LinkSigningKey', {
      description: 'asn-kinerja: HMAC-SHA256 key that signs email decision links',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    if (props.cognito === false) return;
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        nip: new cognito.StringAttribute({ minLen: 18, maxLen: 18, mutable: false }),
        agencyId: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of ['hr', 'employee']) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group });
    }
    this.userPoolClient = this.userPool.addClient('ApiClient', {
      authFlows: { userSrp: true },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
  }
}
