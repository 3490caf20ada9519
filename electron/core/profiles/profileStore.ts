import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyValueStore, LogPort, StoreFactory } from '../ports';
import { PROFILES_FILE_VERSION, StoredProfileSchema, type ProfilesFile, type StoredProfile } from './storedProfile';

const EMPTY: ProfilesFile = { version: PROFILES_FILE_VERSION, profiles: [], activeProfileId: null };

/**
 * Profiles on disk (profiles.json, atomic writes through conf/electron-store).
 * A file that can't be read is moved aside with a timestamp and reported — never emptied
 * in silence; profiles that still parse are kept.
 */
export class ProfileStore {
  private store: KeyValueStore<ProfilesFile>;
  private profiles: StoredProfile[] = [];
  private active: string | null = null;
  /** Plain-language notes for the user about what happened at load time. */
  readonly notices: string[] = [];

  constructor(
    storeFactory: StoreFactory,
    private readonly dataDir: string,
    private readonly log: LogPort,
  ) {
    this.store = this.open(storeFactory);
    this.load();
  }

  private open(storeFactory: StoreFactory): KeyValueStore<ProfilesFile> {
    try {
      const store = storeFactory<ProfilesFile>({ name: 'profiles', defaults: EMPTY });
      void store.store; // conf reads lazily on some paths: force a read now
      return store;
    } catch (error) {
      // Invalid JSON: conf throws (clearInvalidConfig is off). Move the file aside, start clean.
      const aside = this.moveAside(join(this.dataDir, 'profiles.json'));
      this.notices.push(
        `Your profiles file could not be read${aside ? `, so it was moved aside to ${aside}` : ''}. The app started with no profiles; nothing was deleted.`,
      );
      this.log.error('profiles file unreadable; moved aside', { aside, reason: String(error) });
      return storeFactory<ProfilesFile>({ name: 'profiles', defaults: EMPTY });
    }
  }

  private moveAside(path: string): string | null {
    if (!existsSync(path)) return null;
    const aside = `${path.replace(/\.json$/, '')}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    renameSync(path, aside);
    return aside;
  }

  private load(): void {
    const raw = this.store.store;
    const list = Array.isArray(raw.profiles) ? raw.profiles : [];
    const good: StoredProfile[] = [];
    let bad = 0;
    for (const item of list) {
      const parsed = StoredProfileSchema.safeParse(item);
      if (parsed.success) good.push(parsed.data);
      else bad += 1;
    }
    if (bad > 0 || !Array.isArray(raw.profiles)) {
      const aside = this.moveAside(this.store.path);
      this.notices.push(
        `${bad} profile(s) in your profiles file were damaged and could not be loaded. A copy of the whole file was kept at ${aside}; the ${good.length} good profile(s) were kept.`,
      );
      this.log.warn('damaged profiles skipped', { bad, kept: good.length, aside });
    }
    this.profiles = good;
    this.active = typeof raw.activeProfileId === 'string' ? raw.activeProfileId : null;
    if (bad > 0) this.save();
  }

  private save(): void {
    this.store.store = { version: PROFILES_FILE_VERSION, profiles: this.profiles, activeProfileId: this.active };
  }

  get path(): string {
    return this.store.path;
  }

  list(): StoredProfile[] {
    return [...this.profiles];
  }

  get(id: string): StoredProfile | undefined {
    return this.profiles.find((p) => p.id === id);
  }

  put(profile: StoredProfile): void {
    const index = this.profiles.findIndex((p) => p.id === profile.id);
    if (index === -1) this.profiles.push(profile);
    else this.profiles[index] = profile;
    this.save();
  }

  remove(id: string): void {
    this.profiles = this.profiles.filter((p) => p.id !== id);
    if (this.active === id) this.active = null;
    this.save();
  }

  get activeProfileId(): string | null {
    return this.active && this.get(this.active) ? this.active : null;
  }

  setActive(id: string | null): void {
    this.active = id;
    this.save();
  }
}
