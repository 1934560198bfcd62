/**
 * Sign-in with OpenID Connect, authorization code + PKCE (oidc-client-ts), configured from /config.json
 * ({authority, clientId, scope}): Cognito's managed login in AWS, the agency's own provider, or the
 * local stack's sign-in page — the same code for all. Tokens live in sessionStorage (gone with the tab);
 * renewal is silent when the provider allows it, otherwise a sign-in that returns to the same page.
 */
import type { UserManager } from 'oidc-client-ts';

export interface AppConfig {
  authority: string;
  clientId: string;
  scope?: string;
  /** Which token the API receives as Bearer: the access token (default) or the ID token. */
  bearer?: 'access_token' | 'id_token';
}

export const CALLBACK_PATH = '/masuk/callback';
export const SILENT_PATH = '/masuk/senyap';

let manager: UserManager | undefined;
let config: Promise<AppConfig> | undefined;
const BEARER_KEY = 'asn-kinerja:bearer';

export function loadConfig(): Promise<AppConfig> {
  config ??= fetch('/config.json').then(async (res) => {
    if (!res.ok) throw new Error(`config.json ${res.status}`);
    const c = (await res.json()) as AppConfig;
    sessionStorage.setItem(BEARER_KEY, c.bearer ?? 'access_token');
    return c;
  });
  config.catch(() => {
    config = undefined;
  });
  return config;
}

/**
 * oidc-client-ts is loaded only when needed (sign-in, its callback, renewal, sign-out): a returning
 * person's first screen needs just the stored session, so the library stays out of the first load.
 */
export async function userManager(c: AppConfig): Promise<UserManager> {
  if (manager) return manager;
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  const origin = window.location.origin;
  manager ??= new UserManager({
    authority: c.authority,
    client_id: c.clientId,
    scope: c.scope ?? 'openid',
    response_type: 'code',
    redirect_uri: origin + CALLBACK_PATH,
    silent_redirect_uri: origin + SILENT_PATH,
    post_logout_redirect_uri: `${origin}/`,
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  return manager;
}

interface StoredUser {
  access_token?: string;
  id_token?: string;
  expires_at?: number;
}

/** The session oidc-client-ts keeps in sessionStorage (`oidc.user:<authority>:<clientId>`), read directly. */
export function storedSession(store: Pick<Storage, 'length' | 'key' | 'getItem'>, nowMs = Date.now()): StoredUser | undefined {
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith('oidc.user:')) continue;
    try {
      const u = JSON.parse(store.getItem(key) ?? '') as StoredUser;
      if (u.expires_at && u.expires_at * 1000 <= nowMs) return undefined;
      return u;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The current token for the API, or undefined when nobody is signed in (or the token expired). */
export async function currentToken(): Promise<string | undefined> {
  const u = storedSession(sessionStorage);
  if (!u) return undefined;
  return sessionStorage.getItem(BEARER_KEY) === 'id_token' ? u.id_token : u.access_token;
}

/** Starts silent renewal for a session found in storage (after the first screen is up). */
export async function keepSessionAlive(): Promise<void> {
  const c = await loadConfig();
  await (await userManager(c)).getUser();
}

/** Sign-in that comes back to `returnTo` (the page the person was on; their form's draft is kept). */
export async function signIn(returnTo: string): Promise<void> {
  const c = await loadConfig();
  await (await userManager(c)).signinRedirect({ state: { returnTo } });
}

/** Tries a silent renewal first (no page change); false when the provider needs the person. */
export async function renewSilently(): Promise<boolean> {
  try {
    const c = await loadConfig();
    const user = await (await userManager(c)).signinSilent();
    return Boolean(user && !user.expired);
  } catch {
    return false;
  }
}

/** Finishes a sign-in redirect; the path to go back to. */
export async function completeSignIn(): Promise<string> {
  const c = await loadConfig();
  const user = await (await userManager(c)).signinRedirectCallback();
  const state = user.state as { returnTo?: string } | undefined;
  const to = state?.returnTo ?? '/';
  return to.startsWith('/') && !to.startsWith('//') ? to : '/';
}

export async function completeSilent(): Promise<void> {
  const c = await loadConfig();
  await (await userManager(c)).signinSilentCallback();
}

export async function signOut(): Promise<void> {
  const c = await loadConfig();
  const m = await userManager(c);
  await m.removeUser();
  try {
    await m.signoutRedirect();
  } catch {
    window.location.assign('/');
  }
}
