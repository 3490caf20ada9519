import { ZOHO_LIMITS } from '../../../shared/zoho/limits';

/**
 * How long the app waits for the network and for the user, in one place. The app uses the
 * defaults; tests shorten them (a hang must fail in about a second, not thirty) and replace
 * `sleep` so the device-flow poll loop runs on a test clock instead of real time.
 */
export interface NetSettings {
  /** Every token, revoke and device request gives up after this long. */
  timeoutMs: number;
  /** How long a browser sign-in may wait for Zoho's redirect before the app says so. */
  callbackWaitMs: number;
  /** Waits between device-flow polls; resolves early (rejects) when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /**
   * Ports this app itself serves on (browser mode's page), so a loopback redirect on one of
   * them is reported as the app's own, not "another program".
   */
  appPorts: Set<number>;
}

export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createNetSettings(overrides: Partial<NetSettings> = {}): NetSettings {
  return {
    timeoutMs: ZOHO_LIMITS.networkTimeoutMs,
    callbackWaitMs: ZOHO_LIMITS.authorizationWaitSeconds * 1000,
    sleep: realSleep,
    appPorts: new Set<number>(),
    ...overrides,
  };
}
