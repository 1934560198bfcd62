/** The yearly schedule that starts a cycle, in Asia/Jakarta time; the handler makes a second firing a no-op. */
import { Duration, TimeZone } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface YearlyScheduleProps {
  /** Local time in Asia/Jakarta, e.g. 2027-01-02T08:00:00: month, day, hour and minute are used. */
  cycleStartDate: string;
  agencyId: string;
  cycleStart: IFunction;
  encryptionKey: IKey;
}

export class YearlySchedule extends Construct {
  /** Where a firing goes when the function could not be invoked after the retries (alarmed). */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: YearlyScheduleProps) {
    super(scope, id);
    const start = new Date(`${props.cycleStartDate}Z`);
    if (Number.isNaN(start.getTime())) throw new Error(`asn-kinerja:cycleStartDate must look like 2027-01-02T08:00:00, got "${props.cycleStartDate}"`);
    this.deadLetterQueue = new sqs.Queue(this, 'ScheduleDlq', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    new scheduler.Schedule(this, 'YearlyCycle', {
      description: 'Starts the annual performance cycle (PermenPAN-RB 6/2022)',
      schedule: scheduler.ScheduleExpression.cron({
        minute: String(start.getUTCMinutes()),
        hour: String(start.getUTCHours()),
        day: String(start.getUTCDate()),
        month: String(start.getUTCMonth() + 1),
        timeZone: TimeZone.ASIA_JAKARTA,
      }),
      target: new schedulerTargets.LambdaInvoke(props.cycleStart, {
        input: scheduler.ScheduleTargetInput.fromObject({ agencyId: props.agencyId, trigger: 'schedule' }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(6),
      }),
    });
  }
}
