/** Builds both stacks; used by the CDK app, the template tests and the local stack alike. */
import type { App, StackProps } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack';
import { StatelessStack, type DeploymentParameters, type ExternalIdentity } from './stateless-stack';
import { applyNagAcknowledgements } from './nag';

const PARAMETER_KEYS: Record<Exclude<keyof DeploymentParameters, 'identity'>, string> = {
  senderEmail: 'asn-kinerja:senderEmail',
  mailDomain: 'asn-kinerja:mailDomain',
  agencyId: 'asn-kinerja:agencyId',
  cycleStartDate: 'asn-kinerja:cycleStartDate',
  hrAlarmEmail: 'asn-kinerja:hrAlarmEmail',
};

/** Optional: the agency's own OIDC provider instead of Cognito (issuer and audience together). */
const IDENTITY_KEYS = {
  issuer: 'asn-kinerja:oidcIssuer',
  audience: 'asn-kinerja:oidcAudience',
  nip: 'asn-kinerja:oidcClaimNip',
  agencyId: 'asn-kinerja:oidcClaimAgency',
  roles: 'asn-kinerja:oidcClaimRoles',
} as const;

/** Deployment parameters come from CDK context (cdk.json or `-c key=value`); a missing one stops synth with the fix. */
export function readParameters(app: App): DeploymentParameters {
  const out = {} as Record<Exclude<keyof DeploymentParameters, 'identity'>, string>;
  const missing: string[] = [];
  for (const [field, key] of Object.entries(PARAMETER_KEYS) as [Exclude<keyof DeploymentParameters, 'identity'>, string][]) {
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
  const identity = readIdentity(app);
  return identity ? { ...out, identity } : out;
}

function readIdentity(app: App): ExternalIdentity | undefined {
  const get = (key: string) => {
    const v = app.node.tryGetContext(key);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const issuer = get(IDENTITY_KEYS.issuer);
  const audience = get(IDENTITY_KEYS.audience);
  if (!issuer && !audience) return undefined;
  if (!issuer || !audience) throw new Error(`${IDENTITY_KEYS.issuer} and ${IDENTITY_KEYS.audience} go together: set both to sign in with the agency's OIDC provider, or neither for Cognito.`);
  if (!/^https:\/\/[^\s/]+/.test(issuer)) throw new Error(`${IDENTITY_KEYS.issuer} must be the provider's https issuer URL (as in its /.well-known/openid-configuration), got "${issuer}"`);
  return {
    issuer,
    audience,
    claims: { nip: get(IDENTITY_KEYS.nip) ?? 'nip', agencyId: get(IDENTITY_KEYS.agencyId) ?? 'agencyId', roles: get(IDENTITY_KEYS.roles) ?? 'roles' },
  };
}

export function buildStacks(app: App, parameters: DeploymentParameters, props: StackProps = {}) {
  // Jakarta unless the deployer says otherwise (-c asn-kinerja:region=...); account from the CLI's credentials.
  const region = (app.node.tryGetContext('asn-kinerja:region') as string | undefined) ?? 'ap-southeast-3';
  const env = props.env ?? { account: process.env.CDK_DEFAULT_ACCOUNT, region };
  const stateful = new StatefulStack(app, 'AsnKinerja-Stateful', { ...props, env, agencyId: parameters.agencyId, cognito: !parameters.identity, description: 'asn-kinerja: data (table, keys, users)' });
  const stateless = new StatelessStack(app, 'AsnKinerja-Stateless', { ...props, env, stateful, parameters, description: 'asn-kinerja: functions, workflow, API, schedule, email' });
  stateless.addStackDependency(stateful);
  applyNagAcknowledgements(stateful, stateless);
  return { stateful, stateless };
}
