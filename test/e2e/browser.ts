// Debian's Chromium driven by playwright-core, as the project's browser tests use it.
import { chromium, type Browser } from 'playwright-core';
import { missingPrerequisite } from '../support/prerequisites.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Without Debian's Chromium (CI installs it) the browser tests skip, saying so; the build's are still run. */
export const NO_CHROMIUM = missingPrerequisite(CHROMIUM, 'browser tests (apt-get install chromium)');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
