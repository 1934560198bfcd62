/** Entry: the silent-renew frame finishes its sign-in and stops; everything else is the app. */
import { render } from 'preact';
import { App } from './app';
import { completeSilent, SILENT_PATH } from './auth';
import './style.css';

if (window.location.pathname === SILENT_PATH) {
  completeSilent().catch(() => undefined);
} else {
  render(<App />, document.getElementById('app')!);
}
