/** Alarms to HR's operations address: failed or timed-out stage executions, a missed yearly start, recorded stage failures, function errors. */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface OperationsAlarmsProps {
  email: string;
  encryptionKey: IKey;
  stateMachine: sfn.StateMachine;
  scheduleDeadLetterQueue: sqs.Queue;
  functions: Record<string, IFunction>;
}

/** The metric functions/stage/failed.ts emits (namespace and service from shared/adapters/metrics.ts): one per recorded stage failure. */
const STAGE_FAILED = { namespace: 'AsnKinerja', metricName: 'StageFailed', dimensionsMap: { service: 'asn-kinerja' } };

export class OperationsAlarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', { masterKey: props.encryptionKey, enforceSSL: true });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    const period = Duration.minutes(5);
    this.alarm('CycleExecutionsFailed', props.stateMachine.metricFailed({ period }), 'A cycle stage execution failed');
    this.alarm('CycleExecutionsTimedOut', props.stateMachine.metricTimedOut({ period }), 'A cycle stage execution timed out');
    this.alarm(
      'ScheduleDlqMessages',
      props.scheduleDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period }),
      'The yearly schedule could not start a cycle',
    );
    this.alarm('StageFailures', new cloudwatch.Metric({ ...STAGE_FAILED, period, statistic: 'Sum' }), 'A stage recorded a failure');
    for (const [fnId, fn] of Object.entries(props.functions)) {
      this.alarm(`Errors-${fnId}`, fn.metricErrors({ period }), `Function ${fnId} raised errors`);
    }
  }

  /** At least one in a five-minute period; no data is not a breach. */
  private alarm(id: string, metric: cloudwatch.IMetric, description: string) {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new cwActions.SnsAction(this.topic));
  }
}
