import type { AppEvent, DeviceProgress, IpcError } from '../../../shared/ipc/contract';
import { DATA_CENTRES } from '../../../shared/zoho/dataCentres';
import { explain } from '../../../shared/zoho/errors';
import { CoreError } from '../errors';
import type { HostPolicy } from '../net/hostPolicy';
import type { NetSettings } from '../net/netSettings';
import { clientSecretFor } from '../oauth/clientSecrets';
import { dataCentreLabel } from '../oauth/dataCentreLabel';
import { findZohoErrorBody, mapTokenError } from '../oauth/oauthErrors';
import { buildConfiguration, initiateDevice, pollDevice, type DeviceAuthorization } from '../oauth/zohoOAuth';
import { THROTTLE_MS } from '../oauth/tokenManager';
import type { LogPort } from '../ports';
import type { ProfileStore } from '../profiles/profileStore';
import type { StoredProfile } from '../profiles/storedProfile';
import type { Vault } from '../vault/vault';
import type { Completion } from './connector';

export interface DeviceFlowDeps {
  store: ProfileStore;
  vault: Vault;
  hosts: HostPolicy;
  log: LogPort;
  now: () => number;
  net: NetSettings;
  emit: (event: AppEvent) => void;
  preflight(profile: StoredProfile, acknowledgeTokenLimit: boolean | undefined): void;
  complete(profileId: string, completion: Completion): Promise<void>;
  fail(profileId: string, error: IpcError): void;
}

interface Running {
  progress: DeviceProgress;
  abort: AbortController;
}

/** RFC 8628 §3.5: after slow_down, wait five seconds longer between polls. */
const SLOW_DOWN_STEP_MS = 5000;
/** A network hiccup while polling is retried at the normal pace, but not forever. */
const MAX_TRANSPORT_FAILURES = 3;

/**
 * Zoho's device flow for Non-browser clients (§4.4): a user code and a verification URL to
 * show, then polling at the allowed rate. `slow_down` makes the app poll less often;
 * `other_dc` (the person who allowed access lives in another data centre, [A-MDC-DEV]) moves
 * the polling to that DC's accounts server — only if it is an allowed host.
 */
export class DeviceFlow {
  private readonly running = new Map<string, Running>();

  constructor(private readonly deps: DeviceFlowDeps) {}

  progress(profileId: string): DeviceProgress | undefined {
    return this.running.get(profileId)?.progress;
  }

  async start(profile: StoredProfile, acknowledgeTokenLimit: boolean | undefined): Promise<DeviceProgress> {
    this.deps.preflight(profile, acknowledgeTokenLimit);
    this.cancel(profile.id);
    const server = this.deps.hosts.authorizeServerFor(profile.service, profile.dataCentre, profile.multiDc);
    if (!this.deps.hosts.isAllowedAccountsServer(server, profile.service)) throw CoreError.of('ACCOUNTS_SERVER_NOT_ALLOWED', { host: server });
    const abort = new AbortController();
    let auth: DeviceAuthorization;
    try {
      auth = await initiateDevice(this.config(profile, server, abort.signal, false), { scopes: profile.scopes });
    } catch (error) {
      const dc = this.deps.hosts.dataCentreOfAccountsServer(server, profile.service);
      throw new CoreError(mapTokenError(error, { dataCentre: dataCentreLabel(profile, dc), host: new URL(server).host }));
    }
    // The address is shown to the user as a link: only an https Zoho accounts page (or the Demo org's).
    if (!this.deps.hosts.isAllowedExternalUrl(auth.verificationUrl)) {
      throw CoreError.of('BAD_RESPONSE', { host: new URL(server).host }, `verification_url: ${auth.verificationUrl}`);
    }
    const now = this.deps.now();
    const progress: DeviceProgress = {
      userCode: auth.userCode,
      verificationUrl: auth.verificationUrl,
      expiresAt: now + auth.expiresIn * 1000,
      intervalSeconds: auth.interval,
      polls: 0,
      nextPollAt: now + auth.interval * 1000,
      note: 'Waiting for someone to enter the code and allow access.',
    };
    this.running.set(profile.id, { progress, abort });
    this.deps.emit({ type: 'profiles-changed' });
    this.deps.log.info('device flow started', { profileId: profile.id });
    void this.poll(profile, auth, server, abort.signal);
    return progress;
  }

  cancel(profileId: string): void {
    const entry = this.running.get(profileId);
    if (!entry) return;
    entry.abort.abort();
    this.running.delete(profileId);
  }

  cancelAll(): void {
    for (const id of [...this.running.keys()]) this.cancel(id);
  }

  private config(profile: StoredProfile, server: string, signal: AbortSignal, polling: boolean) {
    return buildConfiguration({
      clientId: profile.clientId,
      clientSecret: clientSecretFor(this.deps, profile, server),
      authorizeServer: server,
      accountsServer: server,
      insecure: profile.service === 'demo',
      signal,
      timeoutMs: this.deps.net.timeoutMs,
      ...(polling ? { tokenPath: '/oauth/v3/device/token' } : {}),
    });
  }

  private update(profileId: string, signal: AbortSignal, change: Partial<DeviceProgress>): boolean {
    const entry = this.running.get(profileId);
    if (!entry || entry.abort.signal !== signal) return false;
    entry.progress = { ...entry.progress, ...change };
    this.deps.emit({ type: 'profiles-changed' });
    return true;
  }

  private finish(profileId: string, signal: AbortSignal, error: IpcError | null): void {
    const entry = this.running.get(profileId);
    if (!entry || entry.abort.signal !== signal) return;
    this.running.delete(profileId);
    if (error) this.deps.fail(profileId, error);
  }

  private async poll(profile: StoredProfile, auth: DeviceAuthorization, firstServer: string, signal: AbortSignal): Promise<void> {
    let server = firstServer;
    let intervalMs = auth.interval * 1000;
    let transportFailures = 0;
    let polls = 0;
    try {
      for (;;) {
        if (!this.update(profile.id, signal, { nextPollAt: this.deps.now() + intervalMs, intervalSeconds: intervalMs / 1000 })) return;
        await this.deps.net.sleep(intervalMs, signal);
        const expiresAt = this.running.get(profile.id)?.progress.expiresAt ?? 0;
        if (this.deps.now() >= expiresAt) return this.finish(profile.id, signal, explain('DEVICE_CODE_EXPIRED'));
        polls += 1;
        try {
          const tokens = await pollDevice(this.config(profile, server, signal, true), auth.deviceCode, this.deps.now());
          if (signal.aborted) return;
          this.finish(profile.id, signal, null);
          const dc = this.deps.hosts.dataCentreOfAccountsServer(server, profile.service);
          try {
            await this.deps.complete(profile.id, { tokens, accountsServer: server, ...(dc ? { location: DATA_CENTRES[dc].location } : {}), via: 'device', grant: 'device_token' });
          } catch (error) {
            this.deps.fail(profile.id, error instanceof CoreError ? error.appError : explain('INTERNAL'));
          }
          return;
        } catch (error) {
          if (signal.aborted) return;
          const body = findZohoErrorBody(error);
          const base = { polls, lastPolledAt: this.deps.now() };
          switch (body?.error) {
            case 'authorization_pending':
              transportFailures = 0;
              this.update(profile.id, signal, { ...base, note: 'Still waiting for someone to enter the code and allow access.' });
              continue;
            case 'slow_down':
              intervalMs += SLOW_DOWN_STEP_MS;
              this.update(profile.id, signal, { ...base, note: `Zoho asked the app to check less often: now every ${intervalMs / 1000} seconds.` });
              continue;
            case 'other_dc': {
              const location = typeof body.user_location === 'string' ? body.user_location : '';
              const next = this.deps.hosts.accountsServerForLocation(location, profile.service);
              if (!next || !this.deps.hosts.isAllowedAccountsServer(next, profile.service)) {
                return this.finish(profile.id, signal, explain('ACCOUNTS_SERVER_NOT_ALLOWED', { host: location || 'an unknown data centre' }, JSON.stringify(body)));
              }
              server = next;
              const dc = this.deps.hosts.dataCentreOfAccountsServer(next, profile.service);
              this.update(profile.id, signal, {
                ...base,
                note: `Access was allowed by someone in ${dc ? dataCentreLabel(profile, dc) : location}: the app now asks that data centre.`,
              });
              continue;
            }
            case 'access_denied':
              return this.finish(profile.id, signal, explain('CONSENT_DENIED', {}, JSON.stringify(body)));
          }
          const dc = this.deps.hosts.dataCentreOfAccountsServer(server, profile.service);
          const mapped = mapTokenError(error, { dataCentre: dataCentreLabel(profile, dc), host: new URL(server).host });
          if (['NETWORK', 'TIMEOUT', 'SERVER_ERROR', 'BAD_RESPONSE'].includes(mapped.code) && ++transportFailures < MAX_TRANSPORT_FAILURES) {
            this.update(profile.id, signal, { ...base, note: `${mapped.message} The app will try again.` });
            continue;
          }
          if (mapped.code === 'OAUTH_THROTTLED') {
            // No retry loop: Zoho blocks for the rest of its window (§3.4).
            const current = this.deps.store.get(profile.id);
            if (current) this.deps.store.put({ ...current, throttledUntil: this.deps.now() + THROTTLE_MS });
          }
          return this.finish(profile.id, signal, mapped);
        }
      }
    } catch (error) {
      // The wait between polls was cancelled, or something unexpected happened.
      if (signal.aborted) return;
      this.deps.log.error('device polling stopped', { reason: String(error) });
      this.finish(profile.id, signal, explain('INTERNAL'));
    }
  }
}
