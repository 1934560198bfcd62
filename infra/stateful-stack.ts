/** Stateful resources: everything that holds data and must survive a redeploy (table, key, link-signing secret, users). */
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE_KEY_SCHEMA } from '../shared/adapters/dynamodb/keys';
import { type SignInUrls, UserDirectory } from './constructs/user-directory';

export class StatefulStack extends Stack {
  readonly key: kms.Key;
  readonly table: dynamodb.TableV2;
  /** A fixed physical name, so the stateless stack can name the table's ARN without a cross-stack grant. */
  readonly tableName: string;
  readonly linkKeys: secretsmanager.Secret;
  /** Absent when the agency signs in with its own OIDC provider (DeploymentParameters.identity). */
  readonly userPool?: cognito.UserPool;
  readonly userPoolClient?: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: StackProps & { agencyId: string; cognito: false | SignInUrls }) {
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
    const users = new UserDirectory(this, 'Directory', { signIn: props.cognito });
    this.userPool = users.userPool;
    this.userPoolClient = users.userPoolClient;
  }
}
