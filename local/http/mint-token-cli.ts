// Argument handling of `scripts/mint-token.ts`, kept here so it can be tested without a process.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LOCAL_KEYS_DIR, LOCAL_JWT_PRIVATE_FILE, LOCAL_ROLES, type LocalRole, parseTimeSpan } from './keys';

export const DEFAULT_AGENCY_ID = 'kec-asemrowo';

export const MINT_TOKEN_USAGE = `Usage: npx tsx scripts/mint-token.ts --nip <18 digits> --role <hr|employee> [--role …] [options]

Prints a JWT for the local HTTP API. By default it is signed with the keys of the local stack that
\`npm start -- --keep\` runs (${DEFAULT_LOCAL_KEYS_DIR}; start the stack first: each start makes new keys).
With --keys, the keys in that folder (created on first use). What it signed with, and the running stack's
API address, go to stderr.

  --nip <nip>          the employee's NIP, 18 digits (token sub, custom:nip)       required
  --role <role>        hr or employee; repeat for several (cognito:groups)         required
  --agency <id>        agency id (custom:agencyId)                                  default ${DEFAULT_AGENCY_ID}
  --name <name>        display name (name)
  --email <address>    e-mail address (email)
  --expires-in <span>  lifetime: 90s, 15m, 12h, 7d                                  default 12h
  --keys <dir>         folder of the signing keys                                   default ${DEFAULT_LOCAL_KEYS_DIR}
  -h, --help           show this help

Example (API is the address \`npm start -- --keep\` prints, "Stack tetap berjalan: API http://127.0.0.1:<port>";
its port is any free one unless LOCAL_HTTP_PORT sets it):
  TOKEN=$(npm run -s mint-token -- --nip 198001012005011001 --role hr)
  curl -H "Authorization: Bearer $TOKEN" "$API/v1/cycles/<cycleId>/evaluations"`;

/** What `npm start` records of its running stack, beside the keys (see local/start.ts). */
export const LOCAL_STACK_FILE = 'stack.json';

/** The running local stack whose work folder holds `keysDir`, if its process is alive. */
export function runningStack(keysDir: string): { apiUrl: string; pid: number } | undefined {
  try {
    const info = JSON.parse(readFileSync(join(dirname(keysDir), LOCAL_STACK_FILE), 'utf8')) as { apiUrl?: unknown; pid?: unknown };
    if (typeof info.apiUrl !== 'string' || typeof info.pid !== 'number') return undefined;
    process.kill(info.pid, 0); // throws when no such process
    return { apiUrl: info.apiUrl, pid: info.pid };
  } catch {
    return undefined;
  }
}

/**
 * Refuses the default keys folder when the stack has not made its keys: a token signed with fresh
 * keys there would be refused (401) by a stack started afterwards, which makes new ones.
 */
export function checkKeysDir(args: MintTokenArgs): void {
  if (args.keysGiven || existsSync(join(args.keysDir, LOCAL_JWT_PRIVATE_FILE))) return;
  throw new UsageError(
    `belum ada kunci stack lokal di ${args.keysDir}: jalankan dulu \`npm start -- --keep\`. / ` +
      `no local stack keys in ${args.keysDir}: start the stack first with \`npm start -- --keep\` (it makes them and prints the API address), ` +
      'then run mint-token again; or pass --keys <dir> to sign with keys of your own.',
  );
}

export interface MintTokenArgs {
  nip: string;
  roles: LocalRole[];
  agencyId: string;
  name?: string;
  email?: string;
  expiresIn: string;
  keysDir: string;
  /** --keys was given (else the running stack's folder). */
  keysGiven: boolean;
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
    keysGiven: values.keys !== undefined,
  };
}
