import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { startFixture, type PreviewFixture } from './fixture.js';

/** A studio on a copy of the data, and Debian's Chromium with a page to drive it. */
export interface StudioBrowser {
  fixture: PreviewFixture;
  context: BrowserContext;
  page: Page;
  /** Closes the browser and the studio, and removes the browser's profile. */
  close(): Promise<void>;
}

/**
 * Starts the studio fixture `name` and a headless Chromium beside it (the browser tests' one
 * setup); the page's uncaught errors go to `pageErrors`. Nothing is opened yet.
 */
export async function openStudio(
  name: string,
  options: {
    pageErrors: string[];
    viewport?: { width: number; height: number };
    acceptDownloads?: boolean;
  },
): Promise<StudioBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'excerpt-chromium-'));
  const [fixture, context] = await Promise.all([
    startFixture(name),
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      ...(options.acceptDownloads === true ? { acceptDownloads: true } : {}),
    }),
  ]);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => options.pageErrors.push(error.message));
  return {
    fixture,
    context,
    page,
    async close() {
      await context.close();
      await fixture.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
