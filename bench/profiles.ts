/**
 * Profiles at scale: opening the store with 1,000 profiles (and their sealed secrets), the
 * migration of a 1,000-profile version 1 file, `profiles:list` over the real core, and
 * rendering the sidebar list (first draw, one search keystroke) and the quick switcher in a
 * DOM (jsdom) with 1,000 profiles.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/app/createCore';
import { SecretRedactor } from '../electron/core/logging/redactingLog';
import { ProfileStore } from '../electron/core/profiles/profileStore';
import { confStoreFactory } from '../electron/core/storage/confStoreFactory';
import { Vault } from '../electron/core/vault/vault';
import type { ProfileView } from '../shared/ipc/contract';
import { testKeychainCipher } from '../tests/helpers/testCipher';
import type { Bench } from './registry';

const N = 1000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ENVS = ['production', 'sandbox', 'developer'] as const;
const DCS = ['us', 'eu', 'in', 'au', 'jp'] as const;

function v1Profile(i: number) {
  return {
    id: `p-${i}`,
    name: `Client ${String(i).padStart(4, '0')} ${ENVS[i % 3]}`,
    orgLabel: `Org ${Math.floor(i / 3)}`,
    environment: ENVS[i % 3],
    dataCentre: DCS[i % 5],
    clientType: i % 2 ? 'mobile' : 'server',
    ...(i % 2 ? {} : { loopbackPort: 50000 + (i % 1000), loopbackPath: '/oauth/callback' }),
    clientId: `1000.${String(i).padStart(30, 'A')}`,
    scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.users.READ'],
    createdAt: 1_700_000_000_000 + i,
    lastUsedAt: 1_700_000_000_000 + ((i * 7919) % N),
  };
}

async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function median(runs: number, fn: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i += 1) values.push(await fn());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

export const profilesBench: Bench = {
  name: `profiles with ${N.toLocaleString()} profiles`,
  async run() {
    const figures: Record<string, number> = {};
    const dir = mkdtempSync(join(tmpdir(), 'cac-bench-'));
    const cipher = testKeychainCipher();
    try {
      // A version 1 file as the skeleton wrote it: the first open migrates it.
      const v1 = { version: 1, activeProfileId: null, profiles: Array.from({ length: N }, (_, i) => v1Profile(i)) };
      writeFileSync(join(dir, 'profiles.json'), JSON.stringify(v1));
      [, figures.store_migrate_v1_1000_profiles_ms] = await time(() => new ProfileStore(confStoreFactory(dir), dir, quiet));
      figures.store_open_1000_profiles_ms = await median(5, async () => (await time(() => new ProfileStore(confStoreFactory(dir), dir, quiet)))[1]);

      // Sealed secrets for each profile (client secret + refresh token).
      const vault = new Vault(cipher, confStoreFactory(dir), new SecretRedactor(), { dataDir: dir });
      const [, fill] = await time(() => {
        for (let i = 0; i < N; i += 1) vault.set(`p-${i}`, 'clientSecret', `secret-${i}-${'x'.repeat(30)}`);
      });
      figures.vault_add_one_secret_avg_of_1000_ms = fill / N;
      figures.vault_open_1000_secrets_ms = await median(5, async () => (await time(() => new Vault(cipher, confStoreFactory(dir), new SecretRedactor(), { dataDir: dir })))[1]);

      // The whole core on that data dir, and the list the renderer asks for.
      const [core, coreOpen] = await time(() =>
        createCore(
          { cipher, storeFactory: confStoreFactory(dir), system: { openExternal: async () => undefined }, log: quiet, dataDir: dir },
          { mode: 'browser', version: 'bench', urlSchemeAvailable: true },
        ),
      );
      figures.core_open_1000_profiles_ms = coreOpen;
      let views: ProfileView[] = [];
      figures.ipc_profiles_list_1000_ms = await median(5, async () => {
        const [result, ms] = await time(() => core.dispatch('profiles:list', undefined));
        if (result.ok) views = result.value as ProfileView[];
        return ms;
      });
      const [, update] = await time(() => core.dispatch('profiles:update', { id: 'p-500', changes: { notes: 'bench' } }));
      figures.ipc_profile_update_with_1000_ms = update;
      await core.close();

      Object.assign(figures, await renderFigures(views));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },
};

/** Renders the sidebar and the quick switcher in jsdom with React, synchronously (flushSync). */
async function renderFigures(views: ProfileView[]): Promise<Record<string, number>> {
  const jsdomModule = 'jsdom'; // a dev dependency without bundled types
  const { JSDOM } = (await import(jsdomModule)) as {
    JSDOM: new (html: string, options?: Record<string, unknown>) => { window: Window & typeof globalThis };
  };
  const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'KeyboardEvent', 'Event', 'MouseEvent', 'getComputedStyle']) {
    if (!(key in g) || key === 'window' || key === 'document') {
      Object.defineProperty(g, key, { value: (dom.window as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
    }
  }
  const React = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { flushSync } = await import('react-dom');
  const { ProfileList } = await import('../renderer/src/components/ProfileList');
  const { QuickSwitcher } = await import('../renderer/src/components/QuickSwitcher');
  const { fireEvent } = await import('@testing-library/dom');

  const figures: Record<string, number> = {};
  const container = dom.window.document.getElementById('root')!;
  const noop = () => undefined;
  figures.list_render_1000_profiles_ms = await median(5, async () => {
    const root = createRoot(container);
    const [, ms] = await time(() =>
      flushSync(() => root.render(React.createElement(ProfileList, { profiles: views, selectedId: 'p-1', onSelect: noop, onNew: noop, loading: false }))),
    );
    figures.list_cards_drawn = container.querySelectorAll('.profile-card').length;
    root.unmount();
    return ms;
  });

  const root = createRoot(container);
  flushSync(() => root.render(React.createElement(ProfileList, { profiles: views, selectedId: 'p-1', onSelect: noop, onNew: noop, loading: false })));
  const search = container.querySelector('input[type="search"]') as HTMLInputElement;
  let keystroke = 0;
  figures.list_search_keystroke_1000_ms = await median(5, async () => {
    keystroke += 1;
    const [, ms] = await time(() => flushSync(() => fireEvent.change(search, { target: { value: `client 0${keystroke}` } })));
    return ms;
  });
  figures.list_cards_after_search = container.querySelectorAll('.profile-card').length;
  root.unmount();

  const sroot = createRoot(container);
  figures.switcher_open_1000_profiles_ms = await median(5, async () => {
    const [, ms] = await time(() =>
      flushSync(() => sroot.render(React.createElement(QuickSwitcher, { open: true, profiles: views, activeId: null, onPick: noop, onClose: noop }))),
    );
    flushSync(() => sroot.render(React.createElement(QuickSwitcher, { open: false, profiles: views, activeId: null, onPick: noop, onClose: noop })));
    return ms;
  });
  flushSync(() => sroot.render(React.createElement(QuickSwitcher, { open: true, profiles: views, activeId: null, onPick: noop, onClose: noop })));
  const box = container.querySelector('[role="combobox"]') as HTMLInputElement;
  figures.switcher_keystroke_1000_profiles_ms = await median(5, async () => {
    const [, ms] = await time(() => flushSync(() => fireEvent.change(box, { target: { value: `org ${Math.floor(Math.random() * 300)}` } })));
    return ms;
  });
  sroot.unmount();
  return figures;
}
