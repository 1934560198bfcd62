/**
 * Runtime configuration, read once from the environment. The same handlers run in AWS and on the
 * local stack: only these values differ (endpoints come from the SDK's own AWS_ENDPOINT_URL_* variables).
 */
import * as z from 'zod';

const ConfigSchema = z.object({
  TABLE_NAME: z.string().min(1),
  STATE_MACHINE_ARN: z.string().min(1).optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  AGENCY_ID: z.string().min(1).default('kec-asemrowo'),
  HR_EMAIL: z.string().optional(),
  /** How long a signed decision link stays valid, in hours. */
  LINK_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 21),
  POWERTOOLS_SERVICE_NAME: z.string().default('asn-kinerja'),
  // --- files (platform) ---
  /** The private files bucket: evidence under `evidence/`, documents under `documents/` (only functions that keep files). */
  FILES_BUCKET: z.string().min(1).optional(),
  /** An S3-compatible endpoint (the local stack's s3rver); unset in AWS. When set, path-style addressing. */
  S3_ENDPOINT: z.string().url().optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

let cached: Config | undefined;
export function config(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && cached) return cached;
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Configuration incomplete or invalid: ${fields}. Set these environment variables.`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}
/**
 * The token claims that carry the caller's NIP, agency and roles: Cognito's by default, the agency's
 * OIDC provider's when the stack is deployed with one (infra/stacks.ts, asn-kinerja:oidc*).
 */
export function jwtClaimNames(env: NodeJS.ProcessEnv = process.env) {
  return {
    nip: env.JWT_CLAIM_NIP || 'custom:nip',
    agencyId: env.JWT_CLAIM_AGENCY || 'custom:agencyId',
    roles: env.JWT_CLAIM_ROLES || 'cognito:groups',
  };
}
