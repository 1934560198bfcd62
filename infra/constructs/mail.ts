/** Sending email through SES: the agency's domain identity and a configuration set that suppresses bounces and complaints. */
import { Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export class MailSending extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly identity: ses.EmailIdentity;
  /** What ses:SendEmail is granted on: this identity and this configuration set. */
  readonly sendArns: string[];

  constructor(scope: Construct, id: string, props: { mailDomain: string }) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(props.mailDomain),
      configurationSet: this.configurationSet,
    });
    const stack = Stack.of(this);
    this.sendArns = [
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.identity.emailIdentityName }),
      stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
    ];
  }
}
