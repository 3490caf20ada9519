import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_LOOPBACK_PATH, SCHEME_REDIRECT_URI, loopbackRedirectUri } from '../../../shared/app';
import { DEFAULT_SCOPES } from '../../../shared/zoho/scopes';
import { startDemoOrg, type DemoOrg } from '../demo-org/index';
import type { HostPolicy } from '../net/hostPolicy';
import type { CipherPort, LogPort } from '../ports';
import type { ProfileService } from '../profiles/profileService';
import type { ProfileStore } from '../profiles/profileStore';
import type { Vault } from '../vault/vault';

/**
 * The built-in Demo profile shows everything the console can do against a practice org,
 * writes included, so it asks for more than a new profile's read-only default.
 */
const DEMO_SCOPES = [
  'ZohoCRM.modules.ALL',
  ...DEFAULT_SCOPES.filter((s) => !s.startsWith('ZohoCRM.modules.')),
  'ZohoCRM.settings.layouts.READ',
  'ZohoCRM.coql.READ',
  'ZohoSearch.securesearch.READ',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the in-process Demo org. Its state (the demo clients' secrets and tokens) persists in
 * the app's data folder only sealed by the keychain cipher; without a keychain it stays in
 * memory, like every other secret (the Demo profile then re-registers at the next start).
 */
export async function startAppDemoOrg(dataDir: string, cipher: CipherPort, hosts: HostPolicy, log: LogPort): Promise<DemoOrg | null> {
  try {
    const sealer = {
      seal: (text: string) => Buffer.from(cipher.encrypt(text)).toString('base64'),
      open: (sealed: string) => cipher.decrypt(Buffer.from(sealed, 'base64')),
    };
    const demo = await startDemoOrg(cipher.persistent ? { stateFile: join(dataDir, 'demo-org-state.sealed'), stateSealer: sealer } : {});
    hosts.setDemoOrigins(demo.origins);
    return demo;
  } catch (error) {
    log.error('the Demo org could not start', { reason: String(error) });
    return null;
  }
}

/**
 * The ready-made "Demo org" profile a new user opens on. Where the OS can hand our URL
 * scheme back (Electron) it is a Mobile-based client; in browser mode a Server-based one
 * with a loopback redirect, so Connect works there too.
 */
export async function ensureDemoProfile(deps: {
  demo: DemoOrg;
  store: ProfileStore;
  profiles: ProfileService;
  vault: Vault;
  hosts: HostPolicy;
  urlSchemeAvailable: boolean;
}): Promise<void> {
  const { demo, store, profiles, vault } = deps;
  let profile = store.list().find((p) => p.isBuiltInDemo);
  if (!profile && store.list().length > 0) return; // the user has profiles of their own and removed the demo

  const clientType = deps.urlSchemeAvailable ? 'mobile' : 'server';
  const register = async (loopbackPort: number) => {
    const redirect = clientType === 'mobile' ? SCHEME_REDIRECT_URI : loopbackRedirectUri(loopbackPort, DEFAULT_LOOPBACK_PATH);
    return demo.createClient({
      type: clientType,
      name: 'Connected App Console Demo',
      redirect_uris: [redirect],
      home_dc: 'us',
      enabled_dcs: Object.keys(demo.origins.accounts),
    });
  };

  if (!profile) {
    const port = await freePort();
    const client = await register(port);
    const view = profiles.create(
      {
        name: 'Demo org',
        orgLabel: 'Demo org (Northwind Outfitters)',
        colour: '#7a4dd8',
        service: 'demo',
        environment: 'production',
        dataCentre: 'us',
        clientType,
        ...(clientType === 'server' ? { loopbackPort: port, loopbackPath: DEFAULT_LOOPBACK_PATH } : {}),
        clientId: client.client_id,
        clientSecret: client.client_secret,
        scopes: DEMO_SCOPES,
        notes: 'Runs on this computer. Nothing here is a real Zoho org.',
      },
      { isBuiltInDemo: true },
    );
    store.setActive(view.id);
    return;
  }

  // Secrets kept in memory only (no keychain) are gone after a restart: register the demo client again.
  if (vault.state(profile.id, 'clientSecret') !== 'present' || profile.clientType !== clientType) {
    const port = profile.loopbackPort ?? (await freePort());
    const client = await register(port);
    profile = {
      ...profile,
      clientType,
      ...(clientType === 'server' ? { loopbackPort: port, loopbackPath: DEFAULT_LOOPBACK_PATH } : {}),
      clientId: client.client_id,
      connection: undefined,
    };
    store.put(profile);
    vault.delete(profile.id);
    vault.set(profile.id, 'clientSecret', client.client_secret);
  }

  // The Demo org may have come up on other ports: point demo connections at today's origins.
  for (const p of store.list()) {
    const c = p.service === 'demo' ? p.connection : undefined;
    if (!c) continue;
    const location = c.location ?? deps.hosts.demoLocationOf(c.accountsServer) ?? 'us';
    const accounts = demo.origins.accounts[location];
    const api = demo.origins.api[location]?.[p.environment];
    if (accounts && api && (accounts !== c.accountsServer || api !== c.apiDomain)) {
      store.put({ ...p, connection: { ...c, accountsServer: accounts, apiDomain: api } });
    }
  }
}
