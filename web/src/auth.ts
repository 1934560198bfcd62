/**
 * Sign-in with OpenID Connect, authorization code + PKCE (oidc-client-ts), configured from /config.json
 * ({authority, clientId, scope}): Cognito's managed login in AWS, the agency's own provider, or the
 * local stack's sign-in page — the same code for all. Tokens live in sessionStorage (gone with the tab);
 * renewal is silent when the provider allows it, otherwise a sign-in that returns to the same page.
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

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
let config: AppConfig | undefined;

export async function loadConfig(): Promise<AppConfig> {
  if (config) return config;
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json ${res.status}`);
  config = (await res.json()) as AppConfig;
  return config;
}

export function userManager(c: AppConfig): UserManager {
  if (manager) return manager;
  const origin = window.location.origin;
  manager = new UserManager({
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

/** The current token for the API, or undefined when nobody is signed in (or the token expired). */
export async function currentToken(): Promise<string | undefined> {
  const c = await loadConfig();
  const user = await userManager(c).getUser();
  if (!user || user.expired) return undefined;
  return c.bearer === 'id_token' ? user.id_token : user.access_token;
}

export async function signedInName(): Promise<string | undefined> {
  const c = await loadConfig();
  const user = await userManager(c).getUser();
  return user && !user.expired ? (user.profile.name as string | undefined) : undefined;
}

/** Sign-in that comes back to `returnTo` (the page the person was on; their form's draft is kept). */
export async function signIn(returnTo: string): Promise<void> {
  const c = await loadConfig();
  await userManager(c).signinRedirect({ state: { returnTo } });
}

/** Tries a silent renewal first (no page change); false when the provider needs the person. */
export async function renewSilently(): Promise<boolean> {
  try {
    const c = await loadConfig();
    const user = await userManager(c).signinSilent();
    return Boolean(user && !user.expired);
  } catch {
    return false;
  }
}

/** Finishes a sign-in redirect; the path to go back to. */
export async function completeSignIn(): Promise<string> {
  const c = await loadConfig();
  const user = await userManager(c).signinRedirectCallback();
  const state = user.state as { returnTo?: string } | undefined;
  const to = state?.returnTo ?? '/';
  return to.startsWith('/') && !to.startsWith('//') ? to : '/';
}

export async function completeSilent(): Promise<void> {
  const c = await loadConfig();
  await userManager(c).signinSilentCallback();
}

export async function signOut(): Promise<void> {
  const c = await loadConfig();
  const m = userManager(c);
  await m.removeUser();
  try {
    await m.signoutRedirect();
  } catch {
    window.location.assign('/');
  }
}
