/**
 * The core's public face: what `electron/main`, browser mode and the tests hold.
 */
import type { AppEvent, Result } from '../../../shared/ipc/contract';

export interface Core {
  /** Validates the payload against the contract, runs the handler, never throws. */
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** A `connected-app-console://…` URL from the OS (open-url, second-instance argv, cold-start argv). */
  handleDeepLink(url: string): Promise<void>;
  /** Events for the renderer. Returns an unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** May the app open this URL in the system browser? (https Zoho hosts, and the Demo org's loopback origins.) */
  isAllowedExternalUrl(url: string): boolean;
  close(): Promise<void>;
}
