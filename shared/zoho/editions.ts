/**
 * CRM editions: API credits per rolling 24 h and concurrent calls per org.
 * Source: reference §5.6 ([CRM-LIMITS], [K93], [CREDITS-POST], [AE rate-limits]).
 * Where the reference gives two maxima (CONFLICT), the lower one is used: a client that
 * copes with less copes with Zoho.
 */
export type Edition = 'free' | 'standard' | 'professional' | 'enterprise' | 'ultimate';

export interface EditionLimits {
  label: string;
  /** Credits = base + users × perUser, capped at max (§5.6). */
  baseCredits: number;
  creditsPerUser: number;
  maxCredits: number;
  /** Active API calls per org at once (§5.6). */
  concurrency: number;
}

export const EDITIONS: Record<Edition, EditionLimits> = {
  free: { label: 'Free', baseCredits: 5_000, creditsPerUser: 0, maxCredits: 5_000, concurrency: 5 },
  standard: { label: 'Standard', baseCredits: 50_000, creditsPerUser: 250, maxCredits: 100_000, concurrency: 10 },
  professional: { label: 'Professional', baseCredits: 50_000, creditsPerUser: 500, maxCredits: 1_000_000, concurrency: 15 },
  enterprise: { label: 'Enterprise', baseCredits: 50_000, creditsPerUser: 1_000, maxCredits: 2_000_000, concurrency: 20 },
  ultimate: { label: 'Ultimate', baseCredits: 50_000, creditsPerUser: 2_000, maxCredits: Number.POSITIVE_INFINITY, concurrency: 25 },
};

export function dailyCredits(edition: Edition, licensedUsers: number): number {
  const e = EDITIONS[edition];
  return Math.min(e.maxCredits, e.baseCredits + e.creditsPerUser * licensedUsers);
}

/** The rolling window for credits (§5.6: "consumed in the last 24 hours"). */
export const CREDIT_WINDOW_MS = 24 * 60 * 60 * 1000;
