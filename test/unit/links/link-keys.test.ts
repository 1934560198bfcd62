import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  FileLinkKeyProvider,
  LinkKeyConfigurationError,
  type LinkKeyProvider,
  linkKeyProviderFromEnv,
  SecretsManagerLinkKeyProvider,
  verifyDecisionLinkWithProvider,
} from '../../../shared/adapters/links/link-keys';
import { type LinkKeySet, signDecisionLink } from '../../../shared/adapters/links/links';

const ARN = 'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:kinerja/link-keys-AbCdEf';
const b64 = (fill: number, n = 32) => Buffer.alloc(n, fill).toString('base64');
const notFound = () => new ResourceNotFoundException({ message: "Secrets Manager can't find the specified secret version.", $metadata: {} });

const sm = mockClient(SecretsManagerClient);
beforeEach(() => sm.reset());

function stages(current: { SecretString?: string; VersionId?: string }, previous?: { SecretString?: string; VersionId?: string }) {
  sm.on(GetSecretValueCommand, { SecretId: ARN, VersionStage: 'AWSCURRENT' }).resolves(current);
  if (previous) sm.on(GetSecretValueCommand, { SecretId: ARN, VersionStage: 'AWSPREVIOUS' }).resolves(previous);
  else sm.on(GetSecretValueCommand, { SecretId: ARN, VersionStage: 'AWSPREVIOUS' }).rejects(notFound());
}

describe('SecretsManagerLinkKeyProvider', () => {
  it('reads AWSCURRENT and AWSPREVIOUS (JSON {kid, secret})', async () => {
    stages(
      { SecretString: JSON.stringify({ kid: '2027-01', secret: b64(1) }), VersionId: 'v2' },
      { SecretString: JSON.stringify({ kid: '2026-07', secret: b64(2) }), VersionId: 'v1' },
    );
    const keys = await new SecretsManagerLinkKeyProvider(ARN, new SecretsManagerClient({})).keys();
    expect(keys.current.kid).toBe('2027-01');
    expect(Buffer.from(keys.current.secret).equals(Buffer.alloc(32, 1))).toBe(true);
    expect(keys.previous?.kid).toBe('2026-07');
    const inputs = sm.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual(
      expect.arrayContaining([
        { SecretId: ARN, VersionStage: 'AWSCURRENT' },
        { SecretId: ARN, VersionStage: 'AWSPREVIOUS' },
      ]),
    );
  });

  it('has no previous key when the secret was never rotated (ResourceNotFoundException)', async () => {
    stages({ SecretString: JSON.stringify({ kid: '2027-01', secret: b64(1) }), VersionId: 'v1' });
    const keys = await new SecretsManagerLinkKeyProvider(ARN, new SecretsManagerClient({})).keys();
    expect(keys.current.kid).toBe('2027-01');
    expect(keys.previous).toBeUndefined();
  });

  it('accepts a plain random string and uses the VersionId as kid', async () => {
    const plain = 'x9T2qLw8ZrVb3NcKp7YhGd5FsJm4Ae6U';
    stages({ SecretString: plain, VersionId: 'a1b2c3d4-5678-90ab-cdef-111111111111' });
    const keys = await new SecretsManagerLinkKeyProvider(ARN, new SecretsManagerClient({})).keys();
    expect(keys.current.kid).toBe('a1b2c3d4-5678-90ab-cdef-111111111111');
    expect(Buffer.from(keys.current.secret).toString('utf8')).toBe(plain);
  });

  it('ignores a previous version with the same kid', async () => {
    stages(
      { SecretString: JSON.stringify({ kid: 'same', secret: b64(1) }), VersionId: 'v2' },
      { SecretString: JSON.stringify({ kid: 'same', secret: b64(2) }), VersionId: 'v1' },
    );
    const keys = await new SecretsManagerLinkKeyProvider(ARN, new SecretsManagerClient({})).keys();
    expect(keys.previous).toBeUndefined();
  });

  it('caches for 5 minutes', async () => {
    stages({ SecretString: JSON.stringify({ kid: 'k1', secret: b64(1) }), VersionId: 'v1' });
    let now = 1_000_000;
    const provider = new SecretsManagerLinkKeyProvider(ARN, new SecretsManagerClient({}), { now: () => now });
    await Promise.all([provider.keys(), provider.keys()]); // concurrent callers share one fetch
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    now += 5 * 60_000 - 1;
    await provider.keys();
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    now += 1;
    await provider.keys();
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(4);
  });

  it('refresh() bypasses the cache at most every 30 s', async () => {
    stages({ SecretString: JSON.stringify({ kid: 'k1', secret: b64(1) }), VersionId: 'v1' });
    let now = 0;
    const provider = new SecretsManagerLinkKeyProvider(ARN, new SecretsManagerClient({}), { now: () => now });
    await provider.keys();
    await provider.refresh();
    await provider.refresh();
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(4);
    now += 30_000;
    await provider.refresh();
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(6);
  });

  it('rejects short or malformed keys without echoing key material', async () => {
    const provider = () => new SecretsManagerLinkKeyProvider(ARN, new SecretsManagerClient({}));
    stages({ SecretString: JSON.stringify({ kid: 'k1', secret: b64(7, 16) }), VersionId: 'v1' });
    const err = await provider()
      .keys()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinkKeyConfigurationError);
    expect(String(err)).toMatch(/at least 32 bytes/);
    expect(String(err)).not.toContain(b64(7, 16));

    sm.reset();
    stages({ SecretString: 'tooshort-secret-value', VersionId: 'v1' });
    await expect(provider().keys()).rejects.toThrow(/at least 32 bytes/);

    sm.reset();
    stages({ SecretString: '{"kid": "k1", "secret": ', VersionId: 'v1' });
    await expect(provider().keys()).rejects.toThrow(/does not parse/);
  });

  it('propagates other errors and does not cache them', async () => {
    sm.on(GetSecretValueCommand).rejectsOnce(new Error('throttled'));
    const provider = new SecretsManagerLinkKeyProvider(ARN, new SecretsManagerClient({}));
    await expect(provider.keys()).rejects.toThrow(/throttled/);
    sm.reset();
    stages({ SecretString: JSON.stringify({ kid: 'k1', secret: b64(1) }), VersionId: 'v1' });
    await expect(provider.keys()).resolves.toMatchObject({ current: { kid: 'k1' } });
  });
});

describe('FileLinkKeyProvider', () => {
  it('creates a random 32-byte key with mode 0600 when the file is missing, then reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'link-keys-'));
    const path = join(dir, 'nested', 'link-keys.json');
    const first = await new FileLinkKeyProvider(path).keys();
    expect(first.current.secret.byteLength).toBe(32);
    expect(first.current.kid).toMatch(/^local-[0-9a-f]{8}$/);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const again = await new FileLinkKeyProvider(path).keys();
    expect(again.current.kid).toBe(first.current.kid);
    expect(Buffer.from(again.current.secret).equals(Buffer.from(first.current.secret))).toBe(true);
  });

  it('several processes creating the key at once end up with one key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'link-keys-'));
    const path = join(dir, 'keys.json');
    const sets = await Promise.all(Array.from({ length: 8 }, () => new FileLinkKeyProvider(path).keys()));
    expect(new Set(sets.map((s) => s.current.kid)).size).toBe(1);
    expect(JSON.parse(await readFile(path, 'utf8')).kid).toBe(sets[0]?.current.kid);
  });

  it('reads a previous key from the file, and plain secrets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'link-keys-'));
    const json = join(dir, 'rotating.json');
    await writeFile(json, JSON.stringify({ kid: 'new', secret: b64(3), previous: { kid: 'old', secret: b64(4) } }));
    const keys = await new FileLinkKeyProvider(json).keys();
    expect(keys.current.kid).toBe('new');
    expect(keys.previous?.kid).toBe('old');

    const plain = join(dir, 'plain.key');
    await writeFile(plain, 'a-very-long-random-local-secret-value-0123456789\n');
    const p = await new FileLinkKeyProvider(plain).keys();
    expect(p.current.kid).toMatch(/^file-[0-9a-f]{8}$/);
  });
});

describe('linkKeyProviderFromEnv', () => {
  it('chooses Secrets Manager when LINK_KEYS_SECRET_ARN is set', () => {
    expect(linkKeyProviderFromEnv({ LINK_KEYS_SECRET_ARN: ARN, LINK_KEYS_FILE: '/tmp/x' })).toBeInstanceOf(SecretsManagerLinkKeyProvider);
  });
  it('chooses the file when only LINK_KEYS_FILE is set', () => {
    expect(linkKeyProviderFromEnv({ LINK_KEYS_FILE: '/tmp/x' })).toBeInstanceOf(FileLinkKeyProvider);
  });
  it('fails clearly when neither is set', () => {
    expect(() => linkKeyProviderFromEnv({})).toThrow(LinkKeyConfigurationError);
    expect(() => linkKeyProviderFromEnv({ LINK_KEYS_SECRET_ARN: ' ' })).toThrow(/LINK_KEYS_SECRET_ARN.*LINK_KEYS_FILE/);
  });
});

describe('verifyDecisionLinkWithProvider', () => {
  const oldKey = { kid: 'old', secret: Buffer.alloc(32, 5) };
  const newKey = { kid: 'new', secret: Buffer.alloc(32, 6) };
  const now = new Date('2027-01-01T00:00:00Z');
  const link = signDecisionLink({ decisionId: 'dec_0123456789', action: 'view', recipient: 'a@b.go.id', expiresAt: new Date('2027-02-01T00:00:00Z') }, newKey);

  it('refreshes once when another instance already signs with a rotated key', async () => {
    let served: LinkKeySet = { current: oldKey };
    let refreshes = 0;
    const provider: LinkKeyProvider = {
      keys: async () => served,
      refresh: async () => {
        refreshes++;
        served = { current: newKey, previous: oldKey };
        return served;
      },
    };
    const { verification, keys } = await verifyDecisionLinkWithProvider(link, link.d, provider, now);
    expect(verification.ok).toBe(true);
    expect(keys.current.kid).toBe('new');
    expect(refreshes).toBe(1);
  });

  it('still reports unknown-key when refreshing does not help', async () => {
    const provider: LinkKeyProvider = { keys: async () => ({ current: oldKey }) };
    const { verification } = await verifyDecisionLinkWithProvider(link, link.d, provider, now);
    expect(verification).toEqual({ ok: false, reason: 'unknown-key' });
  });
});
