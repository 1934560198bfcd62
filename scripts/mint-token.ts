// Prints a JWT the local HTTP API accepts. See `--help`.
//   npm run -s mint-token -- --nip 198001012005011001 --role hr [--role employee] [--agency kec-asemrowo] [--keys .local/run/keys]
// Only the token goes to stdout, so `TOKEN=$(npm run -s mint-token -- …)` works; what it did and errors go to
// stderr (bad arguments, or no running stack's keys: exit 2).
import { loadOrCreateLocalJwtKeys, mintLocalToken } from '../local/http/keys';
import { checkKeysDir, MINT_TOKEN_USAGE, parseMintTokenArgs, runningStack, UsageError } from '../local/http/mint-token-cli';

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseMintTokenArgs(argv);
    if (!args.help) checkKeysDir(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`mint-token: ${error.message}\nRun with --help for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(`${MINT_TOKEN_USAGE}\n`);
    return 0;
  }
  const keys = await loadOrCreateLocalJwtKeys(args.keysDir);
  const token = await mintLocalToken(keys, {
    sub: args.nip,
    roles: args.roles,
    agencyId: args.agencyId,
    expiresIn: args.expiresIn,
    ...(args.name !== undefined ? { name: args.name } : {}),
    ...(args.email !== undefined ? { email: args.email } : {}),
  });
  process.stdout.write(`${token}\n`);
  const stack = runningStack(args.keysDir);
  process.stderr.write(
    `mint-token: ${args.roles.join('+')} token for ${args.nip} (${args.agencyId}, ${args.expiresIn}), signed with ${keys.privateKeyPath}; ` +
      (stack
        ? `the local stack using these keys is running: API ${stack.apiUrl}\n`
        : 'no running local stack uses these keys (npm start -- --keep starts one)\n'),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mint-token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
