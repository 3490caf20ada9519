/**
 * The Demo org's clock. Real time unless a test advances it, so limits that span ten
 * minutes or an hour (§3.4) can be tested without waiting.
 */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(base: () => number = Date.now): TestClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock.advance needs a non-negative number of ms, got ${ms}`);
      offset += ms;
    },
  };
}
