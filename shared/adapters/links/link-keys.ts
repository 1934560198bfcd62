/**
 * Where link-signing keys come from, chosen by configuration only:
 *   LINK_KEYS_SECRET_ARN  → Secrets Manager (AWS): AWSCURRENT signs, AWSPREVIOUS still verifies.
 *   LINK_KEYS_FILE        → a local key file, created with a random 32-byte key (mode 0600) if missing.
 *
 * Secret value formats (Secrets Manager and file):
 *   {"kid":"2026-01","secret":"<base64 or base64url of ≥ 32 bytes>"}
 *   or a plain random string of ≥ 32 bytes (kid = the secret's VersionId; for a file, "file-" + a hash prefix).
 * The file may also hold {"kid":…,"secret":…,"previous":{"kid":…,"secret":…}} to exercise rotation locally.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type LinkKey, type LinkKeySet, type LinkVerification, MIN_SECRET_BYTES, verifyDecisionLink } from './links';

export interface LinkKeyProvider {
  keys(): Promise<LinkKeySet>;
  /**
   * Re-reads the keys, bypassing the cache (rate-limited by the provider). Used when a link names a
   * key id this instance has not seen yet — another instance may already sign with a rotated key.
   */
  refresh?(): Promise<LinkKeySet>;
}

export class LinkKeyConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

const KID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Parses one secret value (see module comment). Error messages never include key material. */
export function parseLinkKeySecret(value: string, fallbackKid: string, source: string): LinkKey {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new LinkKeyConfigurationError(`${source}: the link key secret looks like JSON but does not parse`);
    }
    return parseKeyObject(parsed, source);
  }
  const secret = Buffer.from(trimmed, 'utf8');
  if (secret.byteLength < MIN_SECRET_BYTES) {
    throw new LinkKeyConfigurationError(`${source}: the link key must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  if (!KID_PATTERN.test(fallbackKid)) {
    throw new LinkKeyConfigurationError(`${source}: cannot derive a key id (got ${JSON.stringify(fallbackKid)})`);
  }
  return { kid: fallbackKid, secret };
}

function parseKeyObject(parsed: unknown, source: string): LinkKey {
  if (typeof parsed !== 'object' || parsed === null) {
    throw new LinkKeyConfigurationError(`${source}: the link key secret must be a JSON object {kid, secret}`);
  }
  const { kid, secret } = parsed as { kid?: unknown; secret?: unknown };
  if (typeof kid !== 'string' || !KID_PATTERN.test(kid)) {
    throw new LinkKeyConfigurationError(`${source}: "kid" must match ${KID_PATTERN.source}`);
  }
  if (typeof secret !== 'string' || !BASE64_PATTERN.test(secret)) {
    throw new LinkKeyConfigurationError(`${source}: "secret" must be base64 (key ${kid})`);
  }
  const bytes = Buffer.from(secret, 'base64'); // Node's base64 decoder also accepts the base64url alphabet
  if (bytes.byteLength < MIN_SECRET_BYTES) {
    throw new LinkKeyConfigurationError(`${source}: key ${kid} must decode to at least ${MIN_SECRET_BYTES} bytes`);
  }
  return { kid, secret: bytes };
}

function keySet(current: LinkKey, previous: LinkKey | undefined): LinkKeySet {
  // A previous key with the same id as the current one could never be selected: ignore it.
  return previous && previous.kid !== current.kid ? { current, previous } : { current };
}

export interface CacheOptions {
  /** How long keys are cached (default 5 minutes). */
  cacheTtlMs?: number;
  /** Minimum time between forced refreshes (default 30 s): unknown key ids must not hammer the API. */
  minRefreshIntervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

abstract class CachingProvider implements LinkKeyProvider {
  private cached: { value: LinkKeySet; at: number } | undefined;
  private inflight: Promise<LinkKeySet> | undefined;
  private lastForced = Number.NEGATIVE_INFINITY;
  protected readonly ttlMs: number;
  private readonly minRefreshMs: number;
  private readonly now: () => number;

  protected constructor(options: CacheOptions, defaultTtlMs: number) {
    this.ttlMs = options.cacheTtlMs ?? defaultTtlMs;
    this.minRefreshMs = options.minRefreshIntervalMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  protected abstract load(): Promise<LinkKeySet>;

  keys(): Promise<LinkKeySet> {
    const cached = this.cached;
    if (cached && this.now() - cached.at < this.ttlMs) return Promise.resolve(cached.value);
    return this.fetch();
  }

  refresh(): Promise<LinkKeySet> {
    if (this.cached && this.now() - this.lastForced < this.minRefreshMs) return Promise.resolve(this.cached.value);
    this.lastForced = this.now();
    return this.fetch();
  }

  private fetch(): Promise<LinkKeySet> {
    if (!this.inflight) {
      this.inflight = this.load()
        .then((value) => {
          this.cached = { value, at: this.now() };
          return value;
        })
        .finally(() => {
          this.inflight = undefined;
        });
    }
    return this.inflight;
  }
}

/**
 * Reads the AWSCURRENT and AWSPREVIOUS versions of a secret (cached 5 minutes). A secret that was
 * never rotated has no AWSPREVIOUS version (ResourceNotFoundException): then there is no previous key.
 */
export class SecretsManagerLinkKeyProvider extends CachingProvider {
  private client: SecretsManagerClient | undefined;

  constructor(
    private readonly secretId: string,
    client?: SecretsManagerClient,
    options: CacheOptions = {},
  ) {
    super(options, 5 * 60_000);
    this.client = client;
  }

  protected async load(): Promise<LinkKeySet> {
    const [current, previous] = await Promise.all([this.version('AWSCURRENT'), this.version('AWSPREVIOUS')]);
    if (!current) throw new LinkKeyConfigurationError(`link key secret ${this.secretId} has no AWSCURRENT version`);
    return keySet(current, previous);
  }

  private async version(stage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<LinkKey | undefined> {
    try {
      // Loaded on the first read (then cached 5 minutes), not at init.
      const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
      this.client ??= new SecretsManagerClient({});
      const out = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretId, VersionStage: stage }));
      if (out.SecretString === undefined) {
        throw new LinkKeyConfigurationError(`link key secret ${this.secretId} (${stage}) must be a SecretString`);
      }
      return parseLinkKeySecret(out.SecretString, out.VersionId ?? '', `secret ${this.secretId} (${stage})`);
    } catch (err) {
      if (stage === 'AWSPREVIOUS' && (err as { name?: string } | null)?.name === 'ResourceNotFoundException') {
        return undefined;
      }
      throw err;
    }
  }
}

/** A local key file; created with a random 32-byte key (mode 0600) when missing. Read once, then cached. */
export class FileLinkKeyProvider extends CachingProvider {
  constructor(
    private readonly path: string,
    options: CacheOptions = {},
  ) {
    super({ minRefreshIntervalMs: 0, ...options }, Number.POSITIVE_INFINITY);
  }

  protected async load(): Promise<LinkKeySet> {
    const text = await this.readOrCreate();
    const source = `link key file ${this.path}`;
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        throw new LinkKeyConfigurationError(`${source}: not valid JSON`);
      }
      const current = parseKeyObject(parsed, source);
      const prev = (parsed as { previous?: unknown }).previous;
      return keySet(current, prev === undefined ? undefined : parseKeyObject(prev, `${source} (previous)`));
    }
    const fallbackKid = `file-${createHash('sha256').update(trimmed).digest('hex').slice(0, 8)}`;
    return keySet(parseLinkKeySecret(trimmed, fallbackKid, source), undefined);
  }

  private async readOrCreate(): Promise<string> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const content = `${JSON.stringify({ kid: `local-${randomBytes(4).toString('hex')}`, secret: randomBytes(32).toString('base64') })}\n`;
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    // Write a temp file, then hard-link it into place: readers never see a partial file, and if
    // another process won the race, its key is kept (EEXIST) and read below.
    const tmp = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, content, { mode: 0o600, flag: 'wx' });
    try {
      await link(tmp, this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    return readFile(this.path, 'utf8');
  }
}

/** LINK_KEYS_SECRET_ARN → Secrets Manager; else LINK_KEYS_FILE → file; else a configuration error. */
export function linkKeyProviderFromEnv(env: Record<string, string | undefined> = process.env): LinkKeyProvider {
  const arn = env.LINK_KEYS_SECRET_ARN?.trim();
  if (arn) return new SecretsManagerLinkKeyProvider(arn);
  const file = env.LINK_KEYS_FILE?.trim();
  if (file) return new FileLinkKeyProvider(file);
  throw new LinkKeyConfigurationError(
    'No link signing keys configured: set LINK_KEYS_SECRET_ARN (Secrets Manager secret, in AWS) or LINK_KEYS_FILE (path to a local key file).',
  );
}

/**
 * verifyDecisionLink with keys from a provider. On 'unknown-key' it refreshes the provider once
 * (rate-limited) and retries, so a freshly rotated key is accepted before the cache expires.
 * Returns the key set used, for `isLinkForRecipient`.
 */
export async function verifyDecisionLinkWithProvider(
  query: Record<string, string | undefined>,
  decisionIdFromPath: string | undefined,
  provider: LinkKeyProvider,
  now: Date,
): Promise<{ verification: LinkVerification; keys: LinkKeySet }> {
  let keys = await provider.keys();
  let verification = verifyDecisionLink(query, decisionIdFromPath, keys, now);
  if (!verification.ok && verification.reason === 'unknown-key' && provider.refresh) {
    const refreshed = await provider.refresh();
    if (refreshed !== keys) {
      keys = refreshed;
      verification = verifyDecisionLink(query, decisionIdFromPath, keys, now);
    }
  }
  return { verification, keys };
}
