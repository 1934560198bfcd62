/** Entry: the silent-renew frame finishes its sign-in and stops; everything else is the app. */
import { render } from 'preact';
import { prefetch } from './api';
import { App, LANG_STORAGE_KEY } from './app';
import { completeSilent, currentToken, SILENT_PATH } from './auth';
import { initialLocale } from './i18n';
import { homePath } from './screens/home';
import './style.css';

if (window.location.pathname === SILENT_PATH) {
  completeSilent().catch(() => undefined);
} else {
  // A returning person: who-am-I and Beranda's data leave together, before the first render.
  currentToken().then((token) => {
    if (!token) return;
    const locale = initialLocale(localStorage.getItem(LANG_STORAGE_KEY));
    prefetch(`/v1/me?lang=${locale}`);
    if (window.location.pathname === '/') prefetch(homePath(locale));
  });
  render(<App />, document.getElementById('app')!);
}
