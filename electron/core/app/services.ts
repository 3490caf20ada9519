import type { AppEvent, AppInfo } from '../../../shared/ipc/contract';
import type { Connector } from '../auth/connector';
import type { CrmClient } from '../crm/crmClient';
import type { CrmService } from '../crm/crmService';
import type { ApiConsole } from '../crm/apiConsole';
import type { HistoryStore } from '../history/historyStore';
import type { DemoOrg } from '../demo-org/index';
import type { SecretRedactor } from '../logging/redactingLog';
import type { HostPolicy } from '../net/hostPolicy';
import type { TokenManager } from '../oauth/tokenManager';
import type { CoreOptions, CorePorts, LogPort } from '../ports';
import type { ProfileService } from '../profiles/profileService';
import type { ProfileStore } from '../profiles/profileStore';
import type { Vault } from '../vault/vault';

/** Everything the handlers can use. Built once by createCore. */
export interface Services {
  ports: CorePorts;
  options: CoreOptions;
  now: () => number;
  log: LogPort;
  emit: (event: AppEvent) => void;
  redactor: SecretRedactor;
  hosts: HostPolicy;
  store: ProfileStore;
  vault: Vault;
  profiles: ProfileService;
  tokens: TokenManager;
  connector: Connector;
  crmClient: CrmClient;
  crm: CrmService;
  /** The API console: guarded sends, fetch-all jobs (issue 6). */
  apiConsole: ApiConsole;
  /** Per-profile call history. */
  history: HistoryStore;
  demoOrg: DemoOrg | null;
  appInfo: () => AppInfo;
}
