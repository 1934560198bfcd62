/** Every log group of the system keeps a year, encrypted with the data key, and survives a stack deletion. */
import { RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export function retainedLogGroup(scope: Construct, id: string, encryptionKey: IKey | undefined): logs.LogGroup {
  return new logs.LogGroup(scope, id, { retention: logs.RetentionDays.ONE_YEAR, encryptionKey, removalPolicy: RemovalPolicy.RETAIN });
}
