// Prints a JWT the local HTTP API accepts. See `--help`.
//   npx tsx scripts/mint-token.ts --nip 198001012005011001 --role hr [--role employee] [--agency kec-asemrowo] [--keys .local/keys]
// Only the token goes to stdout, so `TOKEN=$(npx tsx scripts/mint-token.ts …)` works; errors go to stderr (exit 2).
import { loadOrCreateLocalJwtKeys, mintLocalToken } from '../local/http/keys';
import { MINT_TOKEN_USAGE, UsageError, parseMintTokenArgs } from '../local/http/mint-token-cli';

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseMintTokenArgs(argv);
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
