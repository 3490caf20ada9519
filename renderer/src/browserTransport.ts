/**
 * Browser mode: the renderer is served on http://127.0.0.1:<port>/#token=<token> and talks
 * to the core over the local HTTP endpoint. Same contract, same `createApi`.
 * Kept free of globals (everything is passed in) so it can be tested without a browser.
 */
import { createApi, type Api, type AppEvent, type Invoke, type Result, type Subscribe } from '../../shared/ipc/contract';

export const TOKEN_STORAGE_KEY = 'cac-token';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const NETWORK_FAILURE: Result<never> = {
  ok: false,
  error: {
    code: 'NETWORK',
    message: "The app's local service stopped answering.",
    hint: 'Restart the app (npm start).',
  },
};

export const TOKEN_REFUSED: Result<never> = {
  ok: false,
  error: {
    code: 'NETWORK',
    message: "The app's local service did not accept this page's access link.",
    hint: 'Open the link that npm start printed in the terminal again (it ends with #token=…).',
  },
};

/**
 * Reads the one-time token from `#token=…`, keeps it in sessionStorage and removes it from
 * the address bar (so it is not visible on a shared screen or copied with the URL).
 * Falls back to the stored token after a reload.
 */
export function takeToken(
  loc: Pick<Location, 'hash' | 'pathname' | 'search'>,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  history: Pick<History, 'replaceState' | 'state'> | undefined,
): string | null {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage may be disabled; the token still works for this page load.
    }
    history?.replaceState(history.state, '', `${loc.pathname}${loc.search}`);
    return fromHash;
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (!value || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && !!v.error && typeof v.error === 'object';
}

export function createHttpInvoke(token: string, fetchImpl: FetchLike, baseUrl = ''): Invoke {
  return async (channel, payload) => {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, payload }),
      });
    } catch {
      return NETWORK_FAILURE;
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (isResult(body)) return body;
    if (response.status === 401 || response.status === 403) return TOKEN_REFUSED;
    return NETWORK_FAILURE;
  };
}

/**
 * Parses a Server-Sent Events stream incrementally. Calls `onData` with each event's data
 * (multi-line `data:` fields joined with "\n"). Comments, `event:`, `id:` and `retry:` are ignored.
 */
export function createSseParser(onData: (data: string) => void): (chunk: string) => void {
  let buffer = '';
  let dataLines: string[] = [];
  const handleLine = (line: string) => {
    if (line === '') {
      if (dataLines.length) onData(dataLines.join('\n'));
      dataLines = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') dataLines.push(value);
  };
  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\n|\r/);
    buffer = lines.pop() ?? '';
    for (const line of lines) handleLine(line);
  };
}

function isAppEvent(value: unknown): value is AppEvent {
  return !!value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

export interface EventStreamOptions {
  baseUrl?: string;
  /** First reconnect delay; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

/**
 * One shared SSE connection for all listeners: opened with the first listener, closed
 * with the last, reconnected after a drop with a small, growing delay. After a reconnect
 * listeners get a `profiles-changed` so they reload whatever they may have missed.
 */
export function createSseSubscribe(token: string, fetchImpl: FetchLike, options: EventStreamOptions = {}): Subscribe {
  const { baseUrl = '', retryMs = 1000, maxRetryMs = 15_000 } = options;
  const listeners = new Set<(event: AppEvent) => void>();
  let generation = 0;
  let controller: AbortController | null = null;

  const deliver = (event: AppEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // One broken listener must not stop the others.
      }
    }
  };

  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  async function run(myGeneration: number) {
    let delay = retryMs;
    let connectedBefore = false;
    while (generation === myGeneration) {
      controller = new AbortController();
      try {
        const response = await fetchImpl(`${baseUrl}/api/events`, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (!response.ok || !response.body) throw new Error(`Event stream answered ${response.status}`);
        delay = retryMs;
        if (connectedBefore) deliver({ type: 'profiles-changed' });
        connectedBefore = true;
        const parse = createSseParser((data) => {
          try {
            const event: unknown = JSON.parse(data);
            if (isAppEvent(event)) deliver(event);
          } catch {
            // Not JSON: ignore this event, keep the stream.
          }
        });
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (generation !== myGeneration) {
            void reader.cancel().catch(() => undefined);
            return;
          }
          parse(decoder.decode(value, { stream: true }));
        }
      } catch {
        // Dropped or refused: fall through to the retry below.
      }
      if (generation !== myGeneration) return;
      await sleep(delay);
      delay = Math.min(delay * 2, maxRetryMs);
    }
  }

  return (listener) => {
    listeners.add(listener);
    if (listeners.size === 1) {
      generation += 1;
      void run(generation);
    }
    return () => {
      if (!listeners.delete(listener)) return;
      if (listeners.size === 0) {
        generation += 1;
        controller?.abort();
        controller = null;
      }
    };
  };
}

export function createBrowserApi(token: string, fetchImpl: FetchLike, options: EventStreamOptions = {}): Api {
  return createApi(createHttpInvoke(token, fetchImpl, options.baseUrl), createSseSubscribe(token, fetchImpl, options));
}
