import type { HelloEvent } from '../page-protocol.js';
import { t } from './i18n/index.js';

type LiveMode = 'connecting' | 'live' | 'reconnecting' | 'stopped';

const liveModes: Record<LiveMode, [text: string, title: string]> = {
  connecting: [t.liveConnecting, t.liveConnectingTitle],
  live: [t.liveOn, t.liveOnTitle],
  reconnecting: [t.liveReconnecting, t.liveReconnectingTitle],
  stopped: [t.liveStopped, t.liveStoppedTitle],
};

/**
 * The mark in the bar that says whether the page follows the files. Live only while the event
 * stream is open and the server still follows every change: once a watched folder is gone,
 * edits no longer reach the page.
 */
export class LiveMark {
  private isConnected = false;
  private hasConnected = false;
  private isFollowing = true;

  constructor(private readonly element: HTMLElement) {}

  /** The server answered (the event stream's hello, or the state); it follows or not. */
  connected(isFollowing: boolean): void {
    this.isConnected = true;
    this.hasConnected = true;
    this.isFollowing = isFollowing;
    this.show();
  }

  /** What the server says of following, with the state. */
  following(isFollowing: boolean): void {
    this.isFollowing = isFollowing;
    this.show();
  }

  /** The stream broke or a request failed: the page waits for the server. */
  disconnected(): void {
    this.isConnected = false;
    this.show();
  }

  private show(): void {
    const mode: LiveMode = this.isConnected
      ? this.isFollowing
        ? 'live'
        : 'stopped'
      : this.hasConnected
        ? 'reconnecting'
        : 'connecting';
    this.element.dataset.on = String(mode === 'live');
    this.element.dataset.mode = mode;
    [this.element.textContent, this.element.title] = liveModes[mode];
  }
}

/**
 * Opens the server's event stream (reopened by the browser after a break, as the server's
 * `retry` says): `onHello` once it is open, `onChange` for each change, `onError` when it breaks.
 * A stream the browser gives up on (an answer other than 200: the studio still starting after a
 * restart answers 503) is opened again a second later: a tab left open across a restart of the
 * studio comes back by itself.
 */
export function followEvents(handlers: {
  onHello: (hello: HelloEvent) => void;
  onChange: () => void;
  onError: () => void;
}): void {
  const open = (): void => {
    const events = new EventSource('/events');
    events.addEventListener('hello', (event) => {
      handlers.onHello(JSON.parse((event as MessageEvent<string>).data) as HelloEvent);
    });
    events.addEventListener('change', () => handlers.onChange());
    events.addEventListener('error', () => {
      handlers.onError();
      if (events.readyState === EventSource.CLOSED) setTimeout(open, reopenMs);
    });
  };
  open();
}

/** How soon a stream the browser closed is opened again. */
const reopenMs = 1000;
