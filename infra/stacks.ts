/** Builds both stacks; used by the CDK app, the template tests and the local stack alike. */
import type { App, StackProps } from 'aws-cdk-lib';
import { applyNagAcknowledgements } from './nag';
import type { DeploymentParameters } from './parameters';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export { readParameters } from './parameters';

export function buildStacks(app: App, parameters: DeploymentParameters, props: StackProps = {}) {
  // Jakarta unless the deployer says otherwise (-c asn-kinerja:region=...); account from the CLI's credentials.
  const region = (app.node.tryGetContext('asn-kinerja:region') as string | undefined) ?? 'ap-southeast-3';
  const env = props.env ?? { account: process.env.CDK_DEFAULT_ACCOUNT, region };
  const stateful = new StatefulStack(app, 'AsnKinerja-Stateful', {
    ...props,
    env,
    agencyId: parameters.agencyId,
    cognito: parameters.identity ? false : parameters.signIn,
    description: 'asn-kinerja: data (table, keys, users)',
  });
  const stateless = new StatelessStack(app, 'AsnKinerja-Stateless', {
    ...props,
    env,
    stateful,
    parameters,
    description: 'asn-kinerja: functions, workflow, API, schedule, email',
  });
  stateless.addStackDependency(stateful);
  applyNagAcknowledgements(stateful, stateless);
  return { stateful, stateless };
}
