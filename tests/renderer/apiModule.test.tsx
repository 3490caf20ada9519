// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createApi, ok } from '../../shared/ipc/contract';
import { NoTokenPage } from '../../renderer/src/components/NoTokenPage';

beforeEach(() => {
  vi.resetModules();
  delete window.api;
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete window.api;
});

describe('renderer/src/api.ts', () => {
  it('uses window.api when the preload (or the test bridge) provides it', async () => {
    const provided = createApi(async () => ok([]), () => () => undefined);
    window.api = provided;
    const mod = await import('../../renderer/src/api');
    expect(mod.transport).toBe('electron');
    expect(mod.api).toBe(provided);
  });

  it('in browser mode takes the token from the address, hides it, and calls the local endpoint with it', async () => {
    window.history.replaceState(null, '', '/#token=t0k3n');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] })));
    vi.stubGlobal('fetch', fetchMock);
    const mod = await import('../../renderer/src/api');
    expect(mod.transport).toBe('browser');
    expect(window.location.hash).toBe('');
    expect(window.sessionStorage.getItem('cac-token')).toBe('t0k3n');
    await mod.api.profiles.list();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/invoke');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer t0k3n');
  });

  it('without a token says how to open the app', async () => {
    const mod = await import('../../renderer/src/api');
    expect(mod.transport).toBe('missing-token');
    render(<NoTokenPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Open the app from its link' })).toBeTruthy();
    expect(screen.getAllByText('npm start').length).toBeGreaterThan(0);
  });
});
