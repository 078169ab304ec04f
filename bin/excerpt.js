#!/usr/bin/env node
// The templates are React elements drawn by satori, not a React app: React's development build
// only adds checks nobody sees here, at a cost on every slide.
process.env.NODE_ENV ??= 'production';
const { main } = await import('../dist/src/cli/index.js');

await main();
