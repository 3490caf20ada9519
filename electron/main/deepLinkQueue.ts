/**
 * Deep links can arrive before the app can take them: macOS fires `open-url` before
 * `ready`, and a cold-start link is in argv before the core or the window exist. This
 * queue holds them (a few at most) until `open(handler)`, then delivers them in order, and
 * delivers later ones at once. Anything that is not one of our links is dropped here.
 * No `electron` import: unit-tested in plain Node.
 */
import { isDeepLink } from './policy';

export interface DeepLinkQueue {
  /** Returns false when the value was not a deep link or the queue was full. */
  push(url: unknown): boolean;
  /** Start delivering: flushes what is waiting, then passes new links straight through. */
  open(handler: (url: string) => void | Promise<void>): void;
  readonly pending: number;
}

export function createDeepLinkQueue(options: { max?: number; onError?: (error: unknown) => void } = {}): DeepLinkQueue {
  const max = options.max ?? 8;
  const waiting: string[] = [];
  let handler: ((url: string) => void | Promise<void>) | null = null;

  const deliver = (url: string) => {
    try {
      Promise.resolve(handler?.(url)).catch((error: unknown) => options.onError?.(error));
    } catch (error) {
      options.onError?.(error);
    }
  };

  return {
    push(url) {
      if (!isDeepLink(url)) return false;
      if (handler) {
        deliver(url);
        return true;
      }
      if (waiting.length >= max) return false;
      waiting.push(url);
      return true;
    },
    open(next) {
      handler = next;
      for (const url of waiting.splice(0)) deliver(url);
    },
    get pending() {
      return waiting.length;
    },
  };
}
