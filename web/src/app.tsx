/** The shell: language switch, navigation, sign-in, and one screen per URL. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { getOnce, whenSignInNeeded } from './api';
import { completeSignIn, currentToken, keepSessionAlive, signIn, signOut } from './auth';
import { CATALOGUES, initialLocale, type Locale } from './i18n';
import { matchRoute } from './routes';
import { currentCycle, Home } from './screens/home';
import type { Me } from './types';
import { AppContext, Link, Loading, Notice, Page, useApp } from './ui';

export const LANG_STORAGE_KEY = 'asn-kinerja:lang';

export function App() {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale(localStorage.getItem(LANG_STORAGE_KEY)));
  const [path, setPath] = useState(window.location.pathname);
  const [me, setMe] = useState<Me | undefined>();
  const [auth, setAuth] = useState<'checking' | 'in' | 'out' | 'expired'>('checking');
  const [bootError, setBootError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [flashed, setFlashed] = useState<{ text: string; path: string } | undefined>();
  const m = CATALOGUES[locale];

  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(LANG_STORAGE_KEY, l);
    setLocaleState(l);
  }, []);
  const navigate = useCallback((to: string) => {
    window.history.pushState(null, '', to);
    setPath(window.location.pathname);
    setFlashed(undefined);
  }, []);
  const flash = useCallback((text: string | undefined) => setFlashed(text ? { text, path: window.location.pathname } : undefined), []);
  useEffect(() => {
    const onPop = () => {
      setPath(window.location.pathname);
      setFlashed(undefined);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const route = matchRoute(path);
  useEffect(() => {
    whenSignInNeeded(() => setAuth((a) => (a === 'in' ? 'expired' : 'out')));
    if (route.name === 'callback') {
      completeSignIn().then(
        (to) => {
          window.history.replaceState(null, '', to);
          setPath(to);
          setAuth('checking');
        },
        () => setAuth('out'),
      );
      return;
    }
    if (auth !== 'checking') return;
    currentToken().then(
      (t) => {
        if (!t) return setAuth('out');
        getOnce<Me>(`/v1/me?lang=${locale}`).then(
          (data) => {
            setMe(data);
            setAuth('in');
            // Silent renewal (oidc-client-ts, loaded now, off the first screen's path).
            setTimeout(() => keepSessionAlive().catch(() => undefined), 0);
          },
          (err) => setBootError(err),
        );
      },
      () => setAuth('out'),
    );
  }, [auth, route.name, locale, attempt]);

  const ctx = { locale, m, setLocale, navigate, flash };
  return (
    <AppContext.Provider value={ctx}>
      <a class="skip" href="#main">
        {m.skipToContent}
      </a>
      <header class="top">
        <div class="bar">
          <Link href="/" class="brand">
            {m.appName}
          </Link>
          <button type="button" class="link lang" lang={m.switchToLang} onClick={() => setLocale(locale === 'id' ? 'en' : 'id')}>
            {m.switchTo}
          </button>
        </div>
        {auth === 'in' && me && <Nav me={me} path={path} />}
      </header>
      <main id="main">
        {auth === 'checking' && <Loading error={bootError} />}
        {auth === 'checking' && bootError !== undefined && (
          <button
            type="button"
            onClick={() => {
              setBootError(undefined);
              setAttempt((a) => a + 1);
            }}
          >
            {m.retry}
          </button>
        )}
        {(auth === 'out' || auth === 'expired') && <SignIn expired={auth === 'expired'} />}
        {auth === 'in' && me && flashed?.path === path && <Notice text={flashed.text} />}
        {auth === 'in' && me && <Screen me={me} path={path} />}
      </main>
    </AppContext.Provider>
  );
}

function Nav({ me, path }: { me: Me; path: string }) {
  const { m } = useApp();
  const c = currentCycle(me);
  const cyc = me.cycles.find((x) => x.cycleId === c);
  const links: [string, string][] = [['/', m.nav.home]];
  if (c && cyc?.evaluated) links.push([`/siklus/${c}/skp`, m.nav.skp], [`/siklus/${c}/progres`, m.nav.progress], [`/siklus/${c}/hasil`, m.nav.result]);
  if (c && cyc?.rater) links.push([`/siklus/${c}/tim`, m.nav.team]);
  links.push(['/keputusan', m.nav.decisions]);
  if (me.roles.includes('hr')) links.push(['/hr', m.nav.hr]);
  return (
    <nav aria-label={m.appName}>
      <ul>
        {links.map(([href, text]) => (
          <li key={href}>
            <Link href={href} aria-current={path === href ? 'page' : undefined}>
              {text}
            </Link>
          </li>
        ))}
        <li>
          <button type="button" class="link" onClick={() => signOut()}>
            {m.nav.signOut}
          </button>
        </li>
      </ul>
      <p class="who">
        {me.name}
        {me.jabatan ? ` · ${me.jabatan}` : ''}
        {me.unit ? ` · ${me.unit.name}` : ''}
      </p>
    </nav>
  );
}

function SignIn({ expired }: { expired: boolean }) {
  const { m } = useApp();
  const [failed, setFailed] = useState(false);
  return (
    <Page title={m.signIn.title}>
      {expired && (
        <div class="warning" role="alert">
          {m.signIn.expired}
        </div>
      )}
      {failed && (
        <div class="error-summary" role="alert">
          {m.signIn.failed}
        </div>
      )}
      <p class="lead">{m.signIn.lead}</p>
      <button type="button" onClick={() => signIn(window.location.pathname + window.location.search).catch(() => setFailed(true))}>
        {m.signIn.button}
      </button>
    </Page>
  );
}

// Beranda is in the first load; every other screen is its own chunk, fetched when first opened.
// Each screen takes some of { me, cycleId, nip }; the route table above gives exactly what it needs.
type AnyScreen = (props: Record<string, unknown>) => JSX.Element;
const loaders = {
  skp: () => import('./screens/skp').then((x) => x.SkpScreen as unknown as AnyScreen),
  progress: () => import('./screens/progress').then((x) => x.ProgressScreen as unknown as AnyScreen),
  result: () => import('./screens/result').then((x) => x.ResultScreen as unknown as AnyScreen),
  team: () => import('./screens/team').then((x) => x.TeamScreen as unknown as AnyScreen),
  member: () => import('./screens/team').then((x) => x.MemberScreen as unknown as AnyScreen),
  feedback: () => import('./screens/feedback').then((x) => x.FeedbackScreen as unknown as AnyScreen),
  decisions: () => import('./screens/decisions').then((x) => x.DecisionsScreen as unknown as AnyScreen),
  hrHome: () => import('./screens/hr/cycles').then((x) => x.HrCyclesScreen as unknown as AnyScreen),
  hrCycle: () => import('./screens/hr/cycle').then((x) => x.HrCycleScreen as unknown as AnyScreen),
  hrCalibration: () => import('./screens/hr/calibration').then((x) => x.HrCalibrationScreen as unknown as AnyScreen),
  hrEvaluations: () => import('./screens/hr/evaluations').then((x) => x.HrEvaluationsScreen as unknown as AnyScreen),
  hrEvaluation: () => import('./screens/hr/evaluations').then((x) => x.HrEvaluationScreen as unknown as AnyScreen),
  hrRaterBias: () => import('./screens/hr/rater-bias').then((x) => x.HrRaterBiasScreen as unknown as AnyScreen),
  hrRoster: () => import('./screens/hr/roster').then((x) => x.HrRosterScreen as unknown as AnyScreen),
  hrSkm: () => import('./screens/hr/skm').then((x) => x.HrSkmScreen as unknown as AnyScreen),
  hrCoaching: () => import('./screens/hr/coaching').then((x) => x.HrCoachingScreen as unknown as AnyScreen),
};

function Lazy({ name, props }: { name: keyof typeof loaders; props: Record<string, unknown> }) {
  const [screen, setScreen] = useState<{ name: string; C: AnyScreen } | undefined>();
  const [failed, setFailed] = useState<unknown>();
  useEffect(() => {
    let live = true;
    loaders[name]().then(
      (C) => live && setScreen({ name, C }),
      (err) => live && setFailed(err),
    );
    return () => {
      live = false;
    };
  }, [name]);
  if (!screen || screen.name !== name) return <Loading error={failed} />;
  const C = screen.C;
  return <C {...props} />;
}

function Screen({ me, path }: { me: Me; path: string }) {
  const { m } = useApp();
  const r = matchRoute(path);
  switch (r.name) {
    case 'home':
    case 'callback':
    case 'silent':
      return <Home me={me} />;
    case 'skp':
    case 'progress':
    case 'result':
      return <Lazy key={path} name={r.name} props={{ me, cycleId: r.cycleId }} />;
    case 'team':
      return <Lazy key={path} name="team" props={{ cycleId: r.cycleId }} />;
    case 'member':
    case 'feedback':
      return <Lazy key={path} name={r.name} props={{ me, cycleId: r.cycleId, nip: r.nip }} />;
    case 'decisions':
      return <Lazy key={path} name="decisions" props={{}} />;
    // The HR console: every screen gets the person (the frame checks the role) and the path (its navigation).
    case 'hrHome':
    case 'hrRoster':
    case 'hrSkm':
    case 'hrCoaching':
      return <Lazy key={path} name={r.name} props={{ me, path }} />;
    case 'hrCycle':
    case 'hrCalibration':
    case 'hrEvaluations':
    case 'hrRaterBias':
      return <Lazy key={path} name={r.name} props={{ me, path, cycleId: r.cycleId }} />;
    case 'hrEvaluation':
      return <Lazy key={path} name={r.name} props={{ me, path, cycleId: r.cycleId, nip: r.nip }} />;
    default:
      return (
        <Page title={m.errors.notFound}>
          <Link href="/">{m.nav.home}</Link>
        </Page>
      );
  }
}
