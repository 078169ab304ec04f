/**
 * What the preview server and its page say to each other: the JSON of /api/* and of the event
 * stream, in three parts under protocol/ (the preview, the studio's writes, its plan views).
 * Types only, importing nothing but each other, because both sides compile them: the server
 * under Node and the page's client (src/preview/client/) for the browser, with no Node types. The server
 * builds these values from its own types, so tsc says when the two part ways (a new format, a
 * new field of a problem).
 */

export type * from './protocol/preview.js';
export type * from './protocol/studio.js';
export type * from './protocol/plan.js';
