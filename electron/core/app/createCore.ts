import type { AppEvent, AppInfo } from '../../../shared/ipc/contract';
import { Connector } from '../auth/connector';
import { describeConnection } from '../auth/connectionStatus';
import { AuthLedger } from '../auth/authLedger';
import { createNetSettings, type NetSettings } from '../net/netSettings';
import { logTransportFailures } from '../net/transportLog';
import { CrmClient } from '../crm/crmClient';
import { CrmService } from '../crm/crmService';
import { ApiConsole } from '../crm/apiConsole';
import { HistoryStore } from '../history/historyStore';
import type { DemoOrg } from '../demo-org/index';
import { SecretRedactor } from '../logging/redactingLog';
import { HostPolicy } from '../net/hostPolicy';
import { TokenManager } from '../oauth/tokenManager';
import type { CoreOptions, CorePorts } from '../ports';
import { ProfileService } from '../profiles/profileService';
import { ProfileStore } from '../profiles/profileStore';
import { Vault } from '../vault/vault';
import { guardLockedVault } from '../vault/lockGuard';
import { vaultHandlers } from '../vault/vaultHandlers';
import type { Core } from './core';
import { ensureDemoProfile, startAppDemoOrg } from './demoBootstrap';
import { createDispatcher, type Handlers } from './dispatcher';
import { appHandlers } from './handlers/appHandlers';
import { authHandlers } from './handlers/authHandlers';
import { crmHandlers } from './handlers/crmHandlers';
import { profileHandlers } from './handlers/profileHandlers';
import type { Services } from './services';

export type { Core } from './core';

export interface CoreInternals {
  hosts: HostPolicy;
  demoOrg: DemoOrg | null;
  vault: Vault;
  store: ProfileStore;
  tokens: TokenManager;
  redactor: SecretRedactor;
  /** Timeouts and the device-flow wait; tests shorten them. */
  net: NetSettings;
  ledger: AuthLedger;
}

/**
 * Builds the whole core from its ports. Everything the app does is reachable through
 * `dispatch` (the IPC contract) and `handleDeepLink` (the OS).
 */
export async function createCore(ports: CorePorts, options: CoreOptions): Promise<Core & { internals: CoreInternals }> {
  const now = ports.now ?? Date.now;
  const redactor = new SecretRedactor();
  const log = redactor.wrap(ports.log);
  const hosts = new HostPolicy();
  const listeners = new Set<(event: AppEvent) => void>();
  const emit = (event: AppEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error('event listener failed', { reason: String(error) });
      }
    }
  };

  const store = new ProfileStore(ports.storeFactory, ports.dataDir, log);
  const vault = new Vault(ports.cipher, ports.storeFactory, redactor, { dataDir: ports.dataDir, log });
  // The connector and the profile view need each other's facts; late-bound through this holder.
  const connectorRef: { current?: Connector } = {};
  const net = createNetSettings();
  const ledger = new AuthLedger(ports.storeFactory, log);
  const tokens = new TokenManager({
    net,
    ledger,
    profiles: store,
    vault,
    hosts,
    redactor,
    log,
    now,
    onChange: () => emit({ type: 'profiles-changed' }),
  });
  const profiles = new ProfileService(
    store,
    vault,
    {
      describe: (profile) =>
        describeConnection(profile, {
          vault,
          now,
          isConnecting: (id) => connectorRef.current?.isConnecting(id) ?? false,
          accessTokenExpiresAt: (id) => tokens.expiresAt(id),
          lastError: (id) => connectorRef.current?.lastError(id),
          deviceProgress: (id) => connectorRef.current?.deviceProgress(id),
          renewsWithoutUser: (id) => connectorRef.current?.renewsWithoutUser(id) ?? false,
          connectedVia: (id) => connectorRef.current?.connectedVia(id),
          pendingAuthorizeUrl: (id) => connectorRef.current?.pendingAuthorizeUrl(id),
          warning: (id) => connectorRef.current?.warning(id),
        }),
    },
    now,
  );
  const crmClient = new CrmClient(tokens, now);
  const crm = new CrmService(crmClient);
  const history = new HistoryStore(ports.storeFactory, ports.dataDir, log, now);
  // A deleted profile's calls stay while its delete can be undone, and go when it is final.
  profiles.onDeleteFinal((id) => history.forgetProfile(id));
  const apiConsole = new ApiConsole({
    client: crmClient,
    history,
    profile: (id) => profiles.view(profiles.require(id)),
    emit: (event) => emit(event),
  });
  const c = new Connector({ profiles, store, vault, hosts, tokens, crm: crmClient, system: ports.system, log, now, emit, ledger, net });
  connectorRef.current = c;

  if (options.attachDemoOrigins) hosts.setDemoOrigins(options.attachDemoOrigins);
  const demoOrg = options.demoOrg?.start ? await startAppDemoOrg(ports.dataDir, ports.cipher, hosts, log) : null;
  if (demoOrg) {
    await ensureDemoProfile({ demo: demoOrg, store, profiles, vault, hosts, urlSchemeAvailable: options.urlSchemeAvailable });
  }

  const appInfo = (): AppInfo => ({
    mode: options.mode,
    version: options.version,
    secretStorage: {
      persistent: vault.persistent,
      backend: ports.cipher.backend,
      ...(ports.cipher.message ? { message: ports.cipher.message } : {}),
    },
    activeProfileId: store.activeProfileId,
    demoOrg: { running: demoOrg !== null, ...(demoOrg ? { consoleUrl: demoOrg.origins.console } : {}) },
    notices: [...store.notices, ...vault.notices],
  });

  const services: Services = {
    ports,
    options,
    now,
    log,
    emit,
    redactor,
    hosts,
    store,
    vault,
    profiles,
    tokens,
    connector: c,
    crmClient,
    crm,
    apiConsole,
    history,
    demoOrg,
    appInfo,
  };
  // Each area keeps its handlers in handlers/<area>Handlers.ts.
  const handlers: Handlers = {
    ...appHandlers(services),
    ...profileHandlers(services),
    ...authHandlers(services),
    ...crmHandlers(services),
    ...vaultHandlers(services),
  };

  // While a passphrase vault is locked, calls that need a secret are refused with "unlock first".
  // Network failures are logged with their transport code (never the URL); see net/transportLog.ts.
  const dispatch = logTransportFailures(guardLockedVault(createDispatcher(handlers, log), vault), log);

  return {
    dispatch,
    handleDeepLink: async (url) => {
      await c.handleRedirect(url);
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isAllowedExternalUrl: (url) => hosts.isAllowedExternalUrl(url),
    close: async () => {
      // Deletes still in their undo window become final first, so their history is dropped before the flush.
      profiles.dispose();
      apiConsole.close();
      await c.close();
      await demoOrg?.close();
      listeners.clear();
    },
    internals: { hosts, demoOrg, vault, store, tokens, redactor, net, ledger },
  };
}
