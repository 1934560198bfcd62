/**
 * The one Chromium setup for browser tests: Debian's /usr/bin/chromium (CHROMIUM_PATH to override),
 * driven by playwright-core, headless, with nothing that reaches the network on its own. A suite
 * without Chromium is skipped with one message saying how to install it. Screenshots and files a
 * test keeps go under test-results/ (`resultPath`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether Chromium is installed; when not, says once (naming the suite) that it is skipped and why. */
export function chromiumAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(`${suite}: SKIPPED — ${CHROMIUM} not found. Install Debian's Chromium (sudo apt-get install -y chromium) to run the browser tests.`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A path under test-results/ (its folder created), for screenshots and files a test keeps. */
export function resultPath(...parts: string[]): string {
  const file = path.resolve('test-results', ...parts);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
