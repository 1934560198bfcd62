// Argument handling of `scripts/mint-token.ts`, kept here so it can be tested without a process.
import { parseArgs } from 'node:util';
import { DEFAULT_LOCAL_KEYS_DIR, LOCAL_ROLES, parseTimeSpan, type LocalRole } from './keys';

export const DEFAULT_AGENCY_ID = 'kec-asemrowo';

export const MINT_TOKEN_USAGE = `Usage: npx tsx scripts/mint-token.ts --nip <18 digits> --role <hr|employee> [--role …] [options]

Prints a JWT for the local HTTP API, signed with the local key (created in the keys folder on first use).

  --nip <nip>          the employee's NIP, 18 digits (token sub, custom:nip)       required
  --role <role>        hr or employee; repeat for several (cognito:groups)         required
  --agency <id>        agency id (custom:agencyId)                                  default ${DEFAULT_AGENCY_ID}
  --name <name>        display name (name)
  --email <address>    e-mail address (email)
  --expires-in <span>  lifetime: 90s, 15m, 12h, 7d                                  default 12h
  --keys <dir>         folder of the local signing keys                             default ${DEFAULT_LOCAL_KEYS_DIR}
  -h, --help           show this help

Example:
  TOKEN=$(npx tsx scripts/mint-token.ts --nip 198001012005011001 --role hr)
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3000/...`;

export interface MintTokenArgs {
  nip: string;
  roles: LocalRole[];
  agencyId: string;
  name?: string;
  email?: string;
  expiresIn: string;
  keysDir: string;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type ParsedMintTokenArgs = { help: true } | ({ help: false } & MintTokenArgs);

const OPTIONS = {
  nip: { type: 'string' },
  role: { type: 'string', multiple: true },
  agency: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  'expires-in': { type: 'string' },
  keys: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseMintTokenArgs(argv: readonly string[]): ParsedMintTokenArgs {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true };

  const nip = values.nip?.trim();
  if (!nip) throw new UsageError('--nip is required (the 18-digit NIP of the employee)');
  if (!/^\d{18}$/.test(nip)) {
    throw new UsageError(`--nip must be exactly 18 digits, got '${nip}' (${nip.length} characters)`);
  }
  const roles = values.role ?? [];
  if (roles.length === 0) throw new UsageError(`--role is required: ${LOCAL_ROLES.join(' or ')} (repeat --role for several)`);
  for (const role of roles) {
    if (!(LOCAL_ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`--role must be ${LOCAL_ROLES.join(' or ')}, got '${role}'`);
    }
  }
  const agencyId = (values.agency ?? DEFAULT_AGENCY_ID).trim();
  if (!/^[a-z0-9][a-z0-9-]*$/.test(agencyId)) {
    throw new UsageError(`--agency must be an id of lower-case letters, digits and dashes (e.g. ${DEFAULT_AGENCY_ID}), got '${agencyId}'`);
  }
  if (values.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(values.email)) {
    throw new UsageError(`--email is not an e-mail address: '${values.email}'`);
  }
  const expiresIn = values['expires-in'] ?? '12h';
  try {
    if (parseTimeSpan(expiresIn) <= 0) throw new Error('not positive');
  } catch {
    throw new UsageError(`--expires-in must be a positive span such as 90s, 15m, 12h or 7d, got '${expiresIn}'`);
  }
  return {
    help: false,
    nip,
    roles: [...new Set(roles)] as LocalRole[],
    agencyId,
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.email !== undefined ? { email: values.email } : {}),
    expiresIn,
    keysDir: values.keys ?? DEFAULT_LOCAL_KEYS_DIR,
  };
}
