import { describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../shared/ipc/contract';
import {
  createBrowserApi,
  createHttpInvoke,
  createSseParser,
  createSseSubscribe,
  NETWORK_FAILURE,
  takeToken,
  TOKEN_STORAGE_KEY,
} from '../../renderer/src/browserTransport';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

function sseResponse(chunks: string[], { close = true } = {}): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (close) controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('takeToken', () => {
  it('reads #token=, keeps it in sessionStorage and removes it from the address bar', () => {
    const storage = memoryStorage();
    const history = { state: null, replaceState: vi.fn() };
    const token = takeToken({ hash: '#token=abc123', pathname: '/', search: '' }, storage, history);
    expect(token).toBe('abc123');
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('falls back to the stored token after a reload, and gives null without one', () => {
    const history = { state: null, replaceState: vi.fn() };
    expect(takeToken({ hash: '', pathname: '/', search: '' }, memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept' }), history)).toBe('kept');
    expect(takeToken({ hash: '', pathname: '/', search: '' }, memoryStorage(), history)).toBeNull();
    expect(history.replaceState).not.toHaveBeenCalled();
  });
});

describe('HTTP invoke', () => {
  it('posts the channel and payload with the bearer token and returns the Result body', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 }));
    const invoke = createHttpInvoke('tok', fetchImpl);
    await expect(invoke('profiles:list', undefined)).resolves.toEqual({ ok: true, value: [] });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/invoke');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ channel: 'profiles:list' });
  });

  it('passes error Results through, whatever the HTTP status', async () => {
    const body = { ok: false, error: { code: 'INVALID_INPUT', message: 'x', fields: { name: 'Give the profile a name.' } } };
    const invoke = createHttpInvoke('tok', async () => new Response(JSON.stringify(body), { status: 400 }));
    await expect(invoke('profiles:create', {})).resolves.toEqual(body);
  });

  it('turns a network failure or a non-JSON answer into NETWORK', async () => {
    const down = createHttpInvoke('tok', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(down('app:info', undefined)).resolves.toEqual(NETWORK_FAILURE);
    const html = createHttpInvoke('tok', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    const result = await html('app:info', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'NETWORK', message: "The app's local service stopped answering.", hint: 'Restart the app (npm start).' },
    });
  });
});

describe('SSE', () => {
  it('parses events split across chunks, with CRLF, comments and multi-line data', () => {
    const seen: string[] = [];
    const feed = createSseParser((d) => seen.push(d));
    feed(': keep-alive\n\ndata: {"type":');
    feed('"profiles-changed"}\n');
    feed('\nevent: x\r\ndata: a\r\ndata: b\r\n\r\n');
    expect(seen).toEqual(['{"type":"profiles-changed"}', 'a\nb']);
  });

  it('delivers events to every listener over one connection, and reconnects after a drop', async () => {
    const refused: AppEvent = { type: 'redirect-refused', error: { code: 'REDIRECT_EXPIRED', message: 'expired' } };
    const fetchImpl = vi
      .fn<(input: string, init?: RequestInit) => Promise<Response>>()
      .mockResolvedValueOnce(sseResponse([`data: ${JSON.stringify(refused)}\n\n`, 'data: not json\n\n']))
      .mockResolvedValue(sseResponse([], { close: false }));
    const subscribe = createSseSubscribe('tok', fetchImpl, { retryMs: 5 });
    const a: AppEvent[] = [];
    const b: AppEvent[] = [];
    const offA = subscribe((e) => a.push(e));
    const offB = subscribe((e) => b.push(e));
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalledTimes(2));
    expect(fetchImpl.mock.calls[0]![0]).toBe('/api/events');
    expect((fetchImpl.mock.calls[0]![1]!.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    // The event, then a profiles-changed after reconnecting (events may have been missed meanwhile).
    await vi.waitFor(() => expect(a).toEqual([refused, { type: 'profiles-changed' }]));
    expect(b).toEqual(a);
    offA();
    offB();
    const signal = fetchImpl.mock.calls[1]![1]!.signal!;
    expect(signal.aborted).toBe(true);
  });

  it('builds the whole api over the two transports', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { id: 'p1' } })));
    const api = createBrowserApi('tok', fetchImpl);
    await expect(api.profiles.remove('p1')).resolves.toEqual({ ok: true, value: { id: 'p1' } });
    expect(JSON.parse((fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({
      channel: 'profiles:delete',
      payload: { id: 'p1' },
    });
  });
});
