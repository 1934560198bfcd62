/** Builds both stacks; used by the CDK app, the template tests and the local stack alike. */
import type { App, StackProps } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack';
import { StatelessStack, type DeploymentParameters } from './stateless-stack';
import { applyNagAcknowledgements } from './nag';

const PARAMETER_KEYS: Record<keyof DeploymentParameters, string> = {
  senderEmail: 'asn-kinerja:senderEmail',
  mailDomain: 'asn-kinerja:mailDomain',
  agencyId: 'asn-kinerja:agencyId',
  cycleStartDate: 'asn-kinerja:cycleStartDate',
  hrAlarmEmail: 'asn-kinerja:hrAlarmEmail',
};

/** Deployment parameters come from CDK context (cdk.json or `-c key=value`); a missing one stops synth with the fix. */
export function readParameters(app: App): DeploymentParameters {
  const out = {} as Record<keyof DeploymentParameters, string>;
  const missing: string[] = [];
  for (const [field, key] of Object.entries(PARAMETER_KEYS) as [keyof DeploymentParameters, string][]) {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value.trim() === '') missing.push(key);
    else out[field] = value.trim();
  }
  if (missing.length) {
    throw new Error(`Missing deployment parameter(s): ${missing.join(', ')}. Set them in cdk.json "context" or pass -c ${missing[0]}=VALUE.`);
  }
  if (!out.senderEmail.endsWith(`@${out.mailDomain}`)) {
    throw new Error(`asn-kinerja:senderEmail (${out.senderEmail}) must be an address at asn-kinerja:mailDomain (${out.mailDomain}), the SES identity.`);
  }
  return out;
}

export function buildStacks(app: App, parameters: DeploymentParameters, props: StackProps = {}) {
  // Jakarta unless the deployer says otherwise (-c asn-kinerja:region=...); account from the CLI's credentials.
  const region = (app.node.tryGetContext('asn-kinerja:region') as string | undefined) ?? 'ap-southeast-3';
  const env = props.env ?? { account: process.env.CDK_DEFAULT_ACCOUNT, region };
  const stateful = new StatefulStack(app, 'AsnKinerja-Stateful', { ...props, env, agencyId: parameters.agencyId, description: 'asn-kinerja: data (table, keys, users)' });
  const stateless = new StatelessStack(app, 'AsnKinerja-Stateless', { ...props, env, stateful, parameters, description: 'asn-kinerja: functions, workflow, API, schedule, email' });
  stateless.addStackDependency(stateful);
  applyNagAcknowledgements(stateful, stateless);
  return { stateful, stateless };
}
