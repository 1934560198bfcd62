// Shared fixtures for the local HTTP API tests: temporary keys, a recording fake `invoke`, a server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { type LocalJwtKeys, loadOrCreateLocalJwtKeys, localJwtAuthorizerConfig } from '../../../local/http/keys';
import { type LocalHttpApi, type LocalHttpApiEvent, type LocalHttpApiOptions, type LocalRoute, startLocalHttpApi } from '../../../local/http/server';

export const NIP = '198001012005011001';

export async function tempDir(prefix = 'local-http-'): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function tempKeys(): Promise<{ keys: LocalJwtKeys; remove: () => Promise<void> }> {
  const dir = await tempDir('local-http-keys-');
  return { keys: await loadOrCreateLocalJwtKeys(join(dir.path, 'keys')), remove: dir.remove };
}

export interface Invocation {
  functionId: string;
  event: LocalHttpApiEvent;
  context: Context;
  remainingAtStart: number;
}

export type FakeBehaviour = (event: LocalHttpApiEvent, context: Context) => unknown;

/** A fake `invoke` that records every call and answers with `behaviours[functionId]` (default: echo the event). */
export function recordingInvoke(behaviours: Record<string, FakeBehaviour> = {}) {
  const calls: Invocation[] = [];
  const invoke: LocalHttpApiOptions['invoke'] = async (functionId, event, context) => {
    calls.push({ functionId, event, context, remainingAtStart: context.getRemainingTimeInMillis() });
    const behaviour = behaviours[functionId];
    return behaviour ? behaviour(event, context) : { functionId };
  };
  return { invoke, calls };
}

export interface TestApi extends LocalHttpApi {
  calls: Invocation[];
  logs: string[];
  keys: LocalJwtKeys;
}

export async function startTestApi(
  routes: LocalRoute[],
  behaviours: Record<string, FakeBehaviour> = {},
  keys: LocalJwtKeys,
  extra: Partial<LocalHttpApiOptions> = {},
): Promise<TestApi> {
  const { invoke, calls } = recordingInvoke(behaviours);
  const logs: string[] = [];
  const api = await startLocalHttpApi({
    routes,
    invoke,
    port: 0,
    jwt: localJwtAuthorizerConfig(keys),
    log: (line) => logs.push(line),
    ...extra,
  });
  return Object.assign(api, { calls, logs, keys });
}

export function onlyCall(api: { calls: Invocation[] }): Invocation {
  if (api.calls.length !== 1) throw new Error(`expected exactly one invocation, got ${api.calls.length}`);
  return api.calls[0]!;
}
