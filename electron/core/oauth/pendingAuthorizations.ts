import { ZOHO_LIMITS } from '../../../shared/zoho/limits';

export interface PendingAuthorization {
  state: string;
  profileId: string;
  verifier: string;
  redirectUri: string;
  via: 'scheme' | 'loopback';
  createdAt: number;
  expiresAt: number;
  /** Aborts the exchange if the user cancels. */
  abort: AbortController;
}

export type TakeResult =
  | { ok: true; pending: PendingAuthorization }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/**
 * Authorizations waiting for their redirect, keyed by `state`. A state is single-use and
 * time-limited: taking it removes it, and a second delivery of the same redirect is told
 * apart ("already used") from a forged one.
 */
export class PendingAuthorizations {
  private readonly byState = new Map<string, PendingAuthorization>();
  private readonly used = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  add(entry: Omit<PendingAuthorization, 'createdAt' | 'expiresAt'>): PendingAuthorization {
    // One Connect at a time per profile: a new one replaces the old.
    for (const existing of this.byState.values()) {
      if (existing.profileId === entry.profileId) this.cancel(existing.state);
    }
    const createdAt = this.now();
    const pending = { ...entry, createdAt, expiresAt: createdAt + ZOHO_LIMITS.authorizationWaitSeconds * 1000 };
    this.byState.set(entry.state, pending);
    return pending;
  }

  take(state: string): TakeResult {
    const pending = this.byState.get(state);
    if (!pending) return { ok: false, reason: this.used.has(state) ? 'used' : 'unknown' };
    this.byState.delete(state);
    this.used.set(state, this.now());
    if (pending.expiresAt < this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, pending };
  }

  forProfile(profileId: string): PendingAuthorization | undefined {
    return [...this.byState.values()].find((p) => p.profileId === profileId);
  }

  cancel(state: string): void {
    const pending = this.byState.get(state);
    if (!pending) return;
    pending.abort.abort();
    this.byState.delete(state);
    this.used.set(state, this.now());
  }

  cancelAll(): void {
    for (const state of [...this.byState.keys()]) this.cancel(state);
  }
}
