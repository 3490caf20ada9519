import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyValueStore, LogPort, StoreFactory } from '../ports';
import { makePrivate, PRIVATE_FILE_MODE } from './privateFiles';
import { migrateProfilesFile, PROFILES_FILE_VERSION } from './migrations';
import { salvageProfiles } from './salvage';
import { StoredProfileSchema, type ProfilesFile, type StoredProfile } from './storedProfile';

const EMPTY: ProfilesFile = { version: PROFILES_FILE_VERSION, profiles: [], activeProfileId: null };
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
/** How a damaged profile is named to the user: `"Acme (prod)" (id 3f2a…)`, as much as can be read. */
export function describeDamaged(item: unknown): string {
  const record = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
  const clean = (v: unknown, max: number) =>
    typeof v === 'string' && v.trim() ? v.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu, '').trim().slice(0, max) : '';
  const name = clean(record.name, 60);
  const id = clean(record.id, 64);
  const shortId = id.length > 8 ? `${id.slice(0, 4)}…` : id;
  if (name && id) return `“${name}” (id ${shortId})`;
  if (name) return `“${name}”`;
  if (id) return `a profile with id ${shortId}`;
  return 'an entry that is not a profile';
}

/** "a, b, c and 2 more". */
function listSome(items: string[], max = 3): string {
  if (items.length <= max) return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Last resort when the data folder cannot be written: the app keeps working, in memory. */
function memoryStore(path: string): KeyValueStore<ProfilesFile> {
  let data: ProfilesFile = { ...EMPTY };
  return {
    path,
    get store() {
      return data;
    },
    set store(value: ProfilesFile) {
      data = value;
    },
  };
}

/**
 * Profiles on disk (profiles.json, atomic writes through conf/electron-store), versioned with
 * our own migration steps (`migrations.ts`).
 * A file that can't be read is moved aside with a timestamp and reported — never emptied in
 * silence; every profile that can still be recovered from it is kept.
 */
export class ProfileStore {
  private store: KeyValueStore<ProfilesFile>;
  private profiles: StoredProfile[] = [];
  private byId = new Map<string, StoredProfile>();
  private active: string | null = null;
  /** Profiles recovered from a file that was not valid JSON. */
  private salvaged: unknown[] | null = null;
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
      const store = storeFactory<ProfilesFile>({ name: 'profiles', defaults: EMPTY, mode: PRIVATE_FILE_MODE });
      void store.store; // conf reads lazily on some paths: force a read now
      makePrivate(store.path, this.log);
      return store;
    } catch (error) {
      // Invalid JSON (truncated, hand-edited): conf throws (clearInvalidConfig is off).
      // Recover every whole profile from the text, move the file aside, start from what was recovered.
      const path = join(this.dataDir, 'profiles.json');
      let text = '';
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        text = '';
      }
      this.salvaged = salvageProfiles(text);
      const aside = this.moveAside(path, 'unreadable');
      this.log.error('profiles file unreadable; moved aside', { aside, reason: String(error).slice(0, 200) });
      let store: KeyValueStore<ProfilesFile>;
      try {
        store = storeFactory<ProfilesFile>({ name: 'profiles', defaults: EMPTY, mode: PRIVATE_FILE_MODE });
        makePrivate(store.path, this.log);
      } catch (again) {
        // Not even a fresh file can be made (folder not writable): work in memory and say so.
        this.log.error('profiles file cannot be opened', { reason: String(again).slice(0, 200) });
        this.notices.push(`The profiles file in ${this.dataDir} cannot be written. Changes you make now will be lost when the app closes.`);
        store = memoryStore(path);
      }
      this.pendingNotice = (recovered) =>
        `Your profiles file could not be read${aside ? `, so it was moved aside to ${aside}` : ''}. ` +
        (recovered > 0
          ? `${recovered} profile(s) were recovered from it and kept; check that none is missing.`
          : 'No profile could be recovered from it, so the app started with no profiles; nothing was deleted.');
      return store;
    }
  }

  private pendingNotice: ((recovered: number) => string) | null = null;

  private moveAside(path: string, why: string): string | null {
    if (!existsSync(path)) return null;
    const aside = `${path.replace(/\.json$/, '')}.${why}-${stamp()}.json`;
    try {
      renameSync(path, aside);
      makePrivate(aside, this.log);
      return aside;
    } catch (error) {
      this.log.error('could not move the profiles file aside', { reason: String(error) });
      return null;
    }
  }

  private copyAside(path: string, why: string): string | null {
    if (!existsSync(path)) return null;
    const aside = `${path.replace(/\.json$/, '')}.${why}-${stamp()}.json`;
    try {
      copyFileSync(path, aside);
      makePrivate(aside, this.log);
      return aside;
    } catch (error) {
      this.log.error('could not copy the profiles file aside', { reason: String(error) });
      return null;
    }
  }

  private load(): void {
    let raw: Record<string, unknown>;
    let shapeOk = true;
    if (this.salvaged) {
      raw = { version: PROFILES_FILE_VERSION, profiles: this.salvaged, activeProfileId: null };
    } else {
      const read: unknown = this.store.store;
      shapeOk = typeof read === 'object' && read !== null && !Array.isArray(read) && Array.isArray((read as ProfilesFile).profiles);
      raw = shapeOk ? (read as Record<string, unknown>) : { version: PROFILES_FILE_VERSION, profiles: [] };
    }

    let migration;
    try {
      migration = migrateProfilesFile(raw);
    } catch (error) {
      this.log.error('profiles migration failed', { reason: String(error) });
      migration = { file: raw, from: PROFILES_FILE_VERSION, newer: false };
    }
    if (migration.newer) {
      const path = this.store.path;
      const copy = this.copyAside(path, `from-newer-version-${migration.from}`);
      // Never write an older layout over the newer file: until the user decides (by updating
      // the app, or by moving that file away), this session keeps its changes in memory only.
      this.store = memoryStore(path);
      this.notices.push(
        `Your profiles file (${path}) was written by a newer version of the app. This version loaded the profiles it understands and will not change that file: ` +
          'profiles you add or edit now are kept only until the app closes. To keep working with all your profiles, update the app. ' +
          `To go back to this version for good, move that file out of the folder and restart${copy ? `; a copy of it was also kept at ${copy}` : ''}.`,
      );
    } else if (migration.from < PROFILES_FILE_VERSION && shapeOk && !this.salvaged) {
      // Keep the file as it was before our migration, in case anyone needs to go back.
      const copy = this.copyAside(this.store.path, `v${migration.from}-backup`);
      this.log.info('profiles file migrated', { from: migration.from, to: PROFILES_FILE_VERSION, backup: copy });
    }

    const list = Array.isArray(migration.file.profiles) ? migration.file.profiles : [];
    const good: StoredProfile[] = [];
    const seen = new Set<string>();
    let bad = 0;
    const dropped: string[] = [];
    for (const item of list) {
      const parsed = StoredProfileSchema.safeParse(item);
      if (parsed.success && !seen.has(parsed.data.id)) {
        good.push(parsed.data);
        seen.add(parsed.data.id);
      } else {
        bad += 1;
        dropped.push(describeDamaged(item) + (parsed.success ? ' (the same id as another profile)' : ''));
      }
    }

    if (this.pendingNotice) {
      this.notices.push(this.pendingNotice(good.length));
      this.pendingNotice = null;
    } else if (migration.newer) {
      // The newer file stays where it is, untouched; only say what this version could not read.
      if (bad > 0) this.notices.push(`${bad} profile(s) in it use features this version does not know and were not loaded: ${listSome(dropped)}.`);
    } else if (bad > 0 || !shapeOk) {
      const aside = this.moveAside(this.store.path, 'damaged');
      this.notices.push(
        shapeOk
          ? `${bad} profile(s) in your profiles file were damaged and could not be loaded: ${listSome(dropped)}. A copy of the whole file was kept at ${aside}; the ${good.length} good profile(s) were kept.`
          : `Your profiles file did not have the expected layout and could not be used. It was moved aside to ${aside}; the app started with no profiles; nothing was deleted.`,
      );
      this.log.warn('damaged profiles skipped', { bad, kept: good.length, aside });
    }
    this.profiles = good;
    this.byId = new Map(good.map((p) => [p.id, p]));
    const active = migration.file.activeProfileId;
    this.active = typeof active === 'string' && this.byId.has(active) ? active : null;
    const fileVersion = (this.salvaged ? 0 : (raw.version as number | undefined)) ?? 0;
    if (bad > 0 || !shapeOk || this.salvaged || migration.newer || fileVersion !== PROFILES_FILE_VERSION) this.save();
    this.salvaged = null;
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
    return this.byId.get(id);
  }

  put(profile: StoredProfile): void {
    this.putMany([profile]);
  }

  /** Several profiles in one write (import). */
  putMany(profiles: StoredProfile[]): void {
    for (const profile of profiles) {
      const index = this.byId.has(profile.id) ? this.profiles.findIndex((p) => p.id === profile.id) : -1;
      if (index === -1) this.profiles.push(profile);
      else this.profiles[index] = profile;
      this.byId.set(profile.id, profile);
    }
    this.save();
  }

  remove(id: string): void {
    this.profiles = this.profiles.filter((p) => p.id !== id);
    this.byId.delete(id);
    if (this.active === id) this.active = null;
    this.save();
  }

  get activeProfileId(): string | null {
    return this.active && this.byId.has(this.active) ? this.active : null;
  }

  setActive(id: string | null): void {
    this.active = id;
    this.save();
  }
}
