/**
 * API credits per org over a rolling 24 hours (reference §5.6, [K93]: "for every API call, we
 * will check the API credits consumed in the last 24 hours").
 */
import { findOrg } from '../data/directory';
import { CREDIT_WINDOW_MS, dailyCredits } from '../../../../shared/zoho/editions';

export class CreditLedger {
  private readonly spent = new Map<string, Array<{ at: number; credits: number }>>();

  constructor(private readonly now: () => number) {}

  allowance(orgId: string): number {
    const org = findOrg(orgId);
    if (!org) throw new Error(`unknown org ${orgId}`);
    return dailyCredits(org.edition, org.licensedUsers);
  }

  used(orgId: string): number {
    const cutoff = this.now() - CREDIT_WINDOW_MS;
    const entries = (this.spent.get(orgId) ?? []).filter((e) => e.at > cutoff);
    this.spent.set(orgId, entries);
    return entries.reduce((sum, e) => sum + e.credits, 0);
  }

  remaining(orgId: string): number {
    return Math.max(0, this.allowance(orgId) - this.used(orgId));
  }

  spend(orgId: string, credits: number): void {
    if (!Number.isFinite(credits) || credits < 0) throw new Error('credits must be a non-negative number');
    const list = this.spent.get(orgId) ?? [];
    list.push({ at: this.now(), credits });
    this.spent.set(orgId, list);
  }

  /** X-API-CREDITS-REMAINING appears once half the daily credits are used (§5.6). */
  header(orgId: string): Record<string, string> {
    const allowance = this.allowance(orgId);
    if (!Number.isFinite(allowance) || this.used(orgId) < allowance / 2) return {};
    return { 'X-API-CREDITS-REMAINING': String(this.remaining(orgId)) };
  }
}
