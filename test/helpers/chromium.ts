/** Debian's Chromium, driven by playwright-core: never a browser download. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * What Chromium needs to start headless on these machines (../shared/FACTS.md, "Peers"): without
 * the networking flags it keeps dialling out, and is refused, many times at every start.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
