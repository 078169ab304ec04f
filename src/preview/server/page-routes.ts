import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../errors.js';
import { packageRoot } from '../../paths.js';
import { emojiDataUri } from '../../render/emoji.js';
import { notFound, send, type Route } from './http.js';

/**
 * The page's files, part of the tool and not of the data: its markup as written, and its script
 * and styles as bundled from src/preview/client/ by `npm run build:client` (which `npm install`,
 * `npm start` and `npm test` run). Nothing is fetched from anywhere else.
 */
const bundleDir = join(packageRoot, 'dist', 'client');
export const pageFiles = {
  html: join(packageRoot, 'src', 'preview', 'client', 'page.html'),
  script: join(bundleDir, 'app.js'),
  css: join(bundleDir, 'app.css'),
};

/** The page's own script and stylesheet, its images, and what it connects to: nothing else. */
const pagePolicy = [
  "default-src 'none'",
  "img-src 'self'",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Three stacked slides: a carousel. */
const favicon = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
  '<rect x="9" y="3" width="20" height="20" rx="4" fill="#f2c14e"/>',
  '<rect x="3" y="9" width="20" height="20" rx="4" fill="#6e2160"/>',
  '</svg>',
].join('');

/** The page's files, read once at start. */
export interface PageAssets {
  html: Buffer;
  css: Buffer;
  script: Buffer;
}

/** Reads the page's files; a bundle never built is said with what builds it. */
export async function readPageAssets(files = pageFiles): Promise<PageAssets> {
  const bundled = (file: string): Promise<Buffer> =>
    readFile(file).catch((error: unknown) => {
      throw new AppError(`the preview page is not built: ${file} is missing`, {
        hint: 'run npm run build in the excerpt folder (npm install does it too)',
        cause: error,
      });
    });
  const [html, script, css] = await Promise.all([
    readFile(files.html),
    bundled(files.script),
    bundled(files.css),
  ]);
  return { html, css, script };
}

/** Where page.html takes the session's token, for the page to send with every write. */
const tokenPlaceholder = '{{excerpt-token}}';

/**
 * The page and everything it loads but the data: its script, styles, icon and emoji. The page
 * carries the session's write token (write-guard.ts): no other origin can read it.
 */
export function pageRoutes(assets: PageAssets, token: string): Route[] {
  const html = Buffer.from(assets.html.toString('utf8').replace(tokenPlaceholder, token));
  return [
    [
      /^\/$/,
      ({ response }) =>
        send(response, 200, html, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': pagePolicy,
        }),
    ],
    [
      /^\/app\.js$/,
      ({ response }) =>
        send(response, 200, assets.script, { 'Content-Type': 'text/javascript; charset=utf-8' }),
    ],
    [
      /^\/app\.css$/,
      ({ response }) =>
        send(response, 200, assets.css, { 'Content-Type': 'text/css; charset=utf-8' }),
    ],
    [
      /^\/favicon\.svg$/,
      ({ response }) =>
        send(response, 200, favicon, {
          'Content-Type': 'image/svg+xml',
          'Cache-Control': 'max-age=86400',
        }),
    ],
    [
      /^\/emoji\/([0-9a-f]{2,6}(?:-[0-9a-f]{2,6}){0,9})\.svg$/,
      ({ response, match }) => {
        const picture = twemojiImage(match[1]!);
        if (picture === undefined) {
          notFound(response);
          return;
        }
        send(response, 200, picture, {
          'Content-Type': 'image/svg+xml',
          'Cache-Control': 'max-age=86400',
        });
      },
    ],
  ];
}

/**
 * The Twemoji picture of an emoji named by its code points (`1f384`, `1f3f3-fe0f-200d-1f308`),
 * as the slides draw it; undefined for anything that is not a Twemoji emoji.
 */
function twemojiImage(name: string): Buffer | undefined {
  const points = name.split('-').map((hex) => Number.parseInt(hex, 16));
  if (points.some((point) => point > 0x10ffff)) return undefined;
  const uri = emojiDataUri(String.fromCodePoint(...points));
  if (uri === undefined) return undefined;
  return Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');
}
