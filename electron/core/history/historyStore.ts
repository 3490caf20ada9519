import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConsoleRequestSchema, type HistoryEntry } from '../../../shared/ipc/contract';
import type { KeyValueStore, LogPort, StoreFactory } from '../ports';

/** Unpinned calls kept per profile; pinned ones are kept until unpinned. */
export const HISTORY_PER_PROFILE = 200;
const HISTORY_FILE_VERSION = 1;
const SAVE_DELAY_MS = 300;

const EntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  request: ConsoleRequestSchema,
  source: z.enum(['guided', 'raw']),
  label: z.string(),
  status: z.number().optional(),
  durationMs: z.number().optional(),
  errorCode: z.string().optional(),
  pinned: z.boolean(),
});

interface HistoryFile extends Record<string, unknown> {
  version: number;
  /** Keyed by profile id: one profile's calls never appear under another's. */
  byProfile: Record<string, HistoryEntry[]>;
}

/**
 * The API console's call history (history.json in the data dir, atomic writes through
 * conf/electron-store). Keyed by profile id. Never holds a token: requests are stored as
 * the user built them, and an Authorization header is dropped before saving.
 */
export class HistoryStore {
  private store: KeyValueStore<HistoryFile>;
  private data: Record<string, HistoryEntry[]> = {};
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    storeFactory: StoreFactory,
    dataDir: string,
    private readonly log: LogPort,
    private readonly now: () => number = Date.now,
  ) {
    const empty: HistoryFile = { version: HISTORY_FILE_VERSION, byProfile: {} };
    try {
      this.store = storeFactory<HistoryFile>({ name: 'history', defaults: empty });
      void this.store.store;
    } catch (error) {
      const path = join(dataDir, 'history.json');
      const aside = existsSync(path) ? `${path.replace(/\.json$/, '')}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}.json` : null;
      if (aside) {
        renameSync(path, aside);
        chmodSync(aside, 0o600);
      }
      this.log.error('history file unreadable; moved aside', { aside, reason: String(error) });
      this.store = storeFactory<HistoryFile>({ name: 'history', defaults: empty });
    }
    const raw = this.store.store.byProfile ?? {};
    for (const [profileId, list] of Object.entries(raw)) {
      if (!Array.isArray(list)) continue;
      this.data[profileId] = list.flatMap((item) => {
        const parsed = EntrySchema.safeParse(item);
        return parsed.success ? [parsed.data as HistoryEntry] : [];
      });
    }
  }

  list(profileId: string, search = ''): HistoryEntry[] {
    const all = this.data[profileId] ?? [];
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = words.length
      ? all.filter((e) => {
          const text = `${e.label} ${e.request.method} ${e.request.path} ${JSON.stringify(e.request.query)} ${e.request.body ?? ''} ${e.status ?? ''} ${e.errorCode ?? ''}`.toLowerCase();
          return words.every((w) => text.includes(w));
        })
      : all;
    // Pinned first, then newest first.
    return [...hits].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.at - a.at);
  }

  add(profileId: string, entry: Omit<HistoryEntry, 'id' | 'at' | 'pinned'>): HistoryEntry {
    const headers = Object.fromEntries(Object.entries(entry.request.headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
    const saved: HistoryEntry = { ...entry, request: { ...entry.request, headers }, id: randomUUID(), at: this.now(), pinned: false };
    const list = [saved, ...(this.data[profileId] ?? [])];
    let unpinned = 0;
    this.data[profileId] = list.filter((e) => e.pinned || ++unpinned <= HISTORY_PER_PROFILE);
    this.save();
    return saved;
  }

  pin(profileId: string, id: string, pinned: boolean): void {
    const entry = (this.data[profileId] ?? []).find((e) => e.id === id);
    if (!entry) return;
    entry.pinned = pinned;
    this.save();
  }

  remove(profileId: string, id: string): void {
    this.data[profileId] = (this.data[profileId] ?? []).filter((e) => e.id !== id);
    this.save();
  }

  /** When a profile is deleted, its history goes with it. */
  forgetProfile(profileId: string): void {
    delete this.data[profileId];
    this.save();
  }

  /**
   * Writes are coalesced: a burst of calls (paging, re-runs) costs one atomic write, not
   * one per call, and a call never waits for the disk. `flush()` writes now (on close).
   */
  private save(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    this.timer.unref?.();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      this.store.store = { version: HISTORY_FILE_VERSION, byProfile: this.data };
    } catch (error) {
      this.log.error('history could not be saved', { reason: String(error) });
    }
  }
}
