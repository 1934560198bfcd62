import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadOrCreateLocalJwtKeys } from '../../../local/http/keys';
import { checkKeysDir, LOCAL_STACK_FILE, type MintTokenArgs, parseMintTokenArgs, runningStack, UsageError } from '../../../local/http/mint-token-cli';
import { NIP, tempDir } from './helpers';

const run = promisify(execFile);

describe('mint-token arguments', () => {
  it('reads nip, repeated roles, agency and keys folder, with defaults', () => {
    expect(parseMintTokenArgs(['--nip', NIP, '--role', 'hr', '--role', 'employee', '--role', 'hr'])).toEqual({
      help: false,
      nip: NIP,
      roles: ['hr', 'employee'],
      agencyId: 'kec-asemrowo',
      expiresIn: '12h',
      keysDir: '.local/run/keys',
      keysGiven: false,
    });
    expect(
      parseMintTokenArgs([
        '--nip',
        NIP,
        '--role=employee',
        '--agency',
        'dinas-kominfo',
        '--keys',
        '/tmp/k',
        '--expires-in',
        '15m',
        '--email',
        'a@b.id',
        '--name',
        'Budi',
      ]),
    ).toMatchObject({ agencyId: 'dinas-kominfo', keysDir: '/tmp/k', keysGiven: true, expiresIn: '15m', email: 'a@b.id', name: 'Budi' });
    expect(parseMintTokenArgs(['--help'])).toEqual({ help: true });
  });

  it.each([
    [[], /--nip is required/],
    [['--nip', '12345', '--role', 'hr'], /--nip must be exactly 18 digits, got '12345'/],
    [['--nip', '19800101200501100X', '--role', 'hr'], /exactly 18 digits/],
    [['--nip', `${NIP}1`, '--role', 'hr'], /exactly 18 digits/],
    [['--nip', NIP], /--role is required/],
    [['--nip', NIP, '--role', 'admin'], /--role must be hr or employee, got 'admin'/],
    [['--nip', NIP, '--role', 'hr', '--agency', 'Kec Asemrowo'], /--agency must be/],
    [['--nip', NIP, '--role', 'hr', '--expires-in', 'forever'], /--expires-in/],
    [['--nip', NIP, '--role', 'hr', '--expires-in', '-1h'], /--expires-in/],
    [['--nip', NIP, '--role', 'hr', '--email', 'nope'], /--email/],
    [['--nip', NIP, '--role', 'hr', '--bogus'], /bogus/],
    [['--nip', NIP, '--role', 'hr', 'extra'], /extra/],
  ])('rejects %j clearly', (argv, message) => {
    expect(() => parseMintTokenArgs(argv)).toThrow(UsageError);
    expect(() => parseMintTokenArgs(argv)).toThrow(message);
  });
});

describe('mint-token and the running stack', () => {
  it('refuses the default keys folder until the stack made its keys, naming the fix; --keys is taken as given', async () => {
    const dir = await tempDir();
    try {
      const keysDir = join(dir.path, 'run', 'keys');
      const args = { ...(parseMintTokenArgs(['--nip', NIP, '--role', 'hr']) as MintTokenArgs), keysDir };
      expect(() => checkKeysDir(args)).toThrow(/npm start -- --keep/);
      expect(() => checkKeysDir({ ...args, keysGiven: true })).not.toThrow();
      await loadOrCreateLocalJwtKeys(keysDir);
      expect(() => checkKeysDir(args)).not.toThrow();
    } finally {
      await dir.remove();
    }
  });

  it('finds the running stack beside its keys, and only while its process lives', async () => {
    const dir = await tempDir();
    try {
      const keysDir = join(dir.path, 'keys');
      expect(runningStack(keysDir)).toBeUndefined();
      await writeFile(join(dir.path, LOCAL_STACK_FILE), JSON.stringify({ apiUrl: 'http://127.0.0.1:41234', pid: process.pid }));
      expect(runningStack(keysDir)).toEqual({ apiUrl: 'http://127.0.0.1:41234', pid: process.pid });
      await writeFile(join(dir.path, LOCAL_STACK_FILE), JSON.stringify({ apiUrl: 'http://127.0.0.1:41234', pid: 2 ** 22 + 1 }));
      expect(runningStack(keysDir)).toBeUndefined();
    } finally {
      await dir.remove();
    }
  });
});

describe('scripts/mint-token.ts', () => {
  it('prints only a token the local key verifies, and exits 2 with a message on bad arguments', async () => {
    const dir = await tempDir();
    try {
      const keysDir = join(dir.path, 'keys');
      const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
      const { stdout, stderr } = await run(tsx, [
        'scripts/mint-token.ts',
        '--nip',
        NIP,
        '--role',
        'hr',
        '--role',
        'employee',
        '--agency',
        'kec-asemrowo',
        '--keys',
        keysDir,
      ]);
      expect(stderr).toMatch(/signed with .*jwt-private\.json; no running local stack uses these keys/);
      const token = stdout.trim();
      expect(token.split('.')).toHaveLength(3);
      const keys = await loadOrCreateLocalJwtKeys(keysDir);
      const { payload } = await jwtVerify(token, await importJWK(keys.publicJwk, 'RS256'), {
        issuer: 'http://127.0.0.1/local-cognito',
        audience: 'asn-kinerja',
      });
      expect(payload).toMatchObject({ sub: NIP, 'cognito:groups': ['hr', 'employee'], 'custom:agencyId': 'kec-asemrowo' });
      expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBe(12 * 3600);

      const failure = await run(tsx, ['scripts/mint-token.ts', '--nip', '123', '--role', 'hr', '--keys', keysDir]).catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failure).toMatchObject({ code: 2, stdout: '' });
      expect((failure as { stderr: string }).stderr).toMatch(/--nip must be exactly 18 digits/);
    } finally {
      await dir.remove();
    }
  }, 30_000);
});
