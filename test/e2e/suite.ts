/** Suite helpers that need the test runner (kept apart from ./browser, which bench/ imports outside vitest). */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright';
import { launch } from './browser';

/** Chromium for the tests of one file: launched before them, closed after; call the returned function inside a test. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet (call inside a test)');
    return browser;
  };
}
