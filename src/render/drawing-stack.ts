import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';
import type SatoriFunction from 'satori';
import type SharpFunction from 'sharp';

/**
 * The drawing stack, satori, resvg and sharp, loaded through `require`: their CommonJS builds
 * load in about a third of the time of their ES modules, because Node's ESM loader lexes every
 * CommonJS file it meets (satori's dependencies, sharp's parts) to find its named exports.
 * Measured on a 2-core machine: ~0.4 s of CPU instead of ~1.0 s, paid again by every drawing
 * thread. Both builds are the same code: a build draws byte-identical slides with either.
 */
const require = createRequire(import.meta.url);

/** satori: an element to an SVG. */
export const satori = (require('satori') as { default: typeof SatoriFunction }).default;

/** resvg: an SVG to pixels, on this thread (`Resvg`) or on libuv's pool (`renderAsync`). */
export const { Resvg, renderAsync } = require('@resvg/resvg-js') as typeof ResvgModule;

/** sharp: pixels to JPEG or PNG, and thumbnails. */
export const sharp = require('sharp') as typeof SharpFunction;
