import { existsSync } from 'node:fs';

/**
 * Headless Debian Chromium for the browser tests (explorer, dashboard) through playwright-core.
 * Skipped with a warning where there is none, except in CI, where a missing Chromium is a failure.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `it` where the browser test runs (Chromium present, or CI), else `it.skip` with a warning naming the test file. */
export function itInBrowserFor(testFile: string): jest.It {
  if (!HAVE_CHROMIUM && !IN_CI) {
    console.warn(`${testFile}: browser test skipped, no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH). CI never skips it.`);
  }
  return HAVE_CHROMIUM || IN_CI ? it : it.skip;
}

/** Inside a browser test: fail with what to install when CI runs it without Chromium. */
export function requireChromium(): void {
  if (!HAVE_CHROMIUM) {
    throw new Error(
      `CI is set but there is no Chromium at ${CHROMIUM_PATH}: install Debian's "chromium" package ` +
        '(apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
}
