import { randomUUID } from 'node:crypto';
import { ProfileInputSchema, profileNameKey, type ConnectionView, type ProfileInput, type ProfileView } from '../../../shared/ipc/contract';
import { DATA_CENTRE_IDS } from '../../../shared/zoho/dataCentres';
import { DEFAULT_LOOPBACK_PATH, DEFAULT_LOOPBACK_PORT, SCHEME_REDIRECT_URI, loopbackRedirectUri } from '../../../shared/app';
import { explain } from '../../../shared/zoho/errors';
import { fieldErrorsOf } from '../app/dispatcher';
import { CoreError } from '../errors';
import type { StashedSecrets, Vault } from '../vault/vault';
import { localFailure } from '../vault/vaultErrors';
import type { ProfileStore } from './profileStore';
import type { StoredProfile } from './storedProfile';
import { profileSettings } from './storedProfile';

/** Client types whose token requests need the client secret. */
const SECRET_REQUIRED = new Set(['server', 'self', 'device']);

/** How long a deleted profile can be brought back. */
export const UNDO_DELETE_MS = 30_000;

interface Trashed {
  profile: StoredProfile;
  secrets: StashedSecrets;
  wasActive: boolean;
  until: number;
  timer: ReturnType<typeof setTimeout>;
}

/** The connection side of a profile's view is computed by the auth layer. */
export interface ConnectionFacts {
  describe(profile: StoredProfile): ConnectionView;
}

export function redirectUriOf(profile: Pick<StoredProfile, 'clientType' | 'loopbackPort' | 'loopbackPath'>): string | null {
  switch (profile.clientType) {
    case 'mobile':
      return SCHEME_REDIRECT_URI;
    case 'server':
      return loopbackRedirectUri(profile.loopbackPort ?? DEFAULT_LOOPBACK_PORT, profile.loopbackPath ?? DEFAULT_LOOPBACK_PATH);
    default:
      return null;
  }
}

function invalid(fields: Record<string, string>): CoreError {
  const first = Object.values(fields)[0];
  return new CoreError({ ...explain('INVALID_INPUT', first ? { zohoMessage: first } : {}), fields });
}

/** Create, edit and present profiles. The view never carries a secret, only `hasClientSecret`. */
export class ProfileService {
  /** Deleted a moment ago: kept in memory only (secrets included) until the undo window closes. */
  private readonly trash = new Map<string, Trashed>();
  /** Told when a delete becomes final (the undo window closed, or the app closed within it). */
  private readonly finalDeleteListeners = new Set<(id: string) => void>();

  constructor(
    private readonly store: ProfileStore,
    private readonly vault: Vault,
    private readonly facts: ConnectionFacts,
    private readonly now: () => number,
  ) {}

  list(): ProfileView[] {
    return this.store.list().map((p) => this.view(p));
  }

  require(id: string): StoredProfile {
    const profile = this.store.get(id);
    if (!profile) throw CoreError.of('PROFILE_NOT_FOUND');
    return profile;
  }

  create(raw: ProfileInput, extra: Partial<StoredProfile> = {}): ProfileView {
    const input = this.validate(raw, undefined);
    const profile: StoredProfile = {
      id: randomUUID(),
      name: input.name,
      orgLabel: input.orgLabel,
      colour: input.colour,
      service: input.service,
      environment: input.environment,
      dataCentre: input.dataCentre,
      clientType: input.clientType,
      ...(input.clientType === 'server'
        ? { loopbackPort: input.loopbackPort ?? DEFAULT_LOOPBACK_PORT, loopbackPath: input.loopbackPath ?? DEFAULT_LOOPBACK_PATH }
        : {}),
      clientId: input.clientId,
      multiDc: input.multiDc,
      scopes: input.scopes,
      notes: input.notes,
      readOnly: input.readOnly,
      isBuiltInDemo: false,
      createdAt: this.now(),
      updatedAt: this.now(),
      ...extra,
    };
    this.store.put(profile);
    if (input.clientSecret) this.vault.set(profile.id, 'clientSecret', input.clientSecret);
    this.saveDcSecrets(profile.id, input.clientSecretsByDc);
    return this.view(profile);
  }

  /** Throws what `update` would refuse, changing nothing (the auth layer checks before it revokes a connection). */
  checkUpdate(id: string, changes: Partial<ProfileInput>): void {
    this.validate({ ...this.asInput(this.require(id)), ...changes } as ProfileInput, id);
  }

  update(id: string, changes: Partial<ProfileInput>): ProfileView {
    const existing = this.require(id);
    const merged = { ...this.asInput(existing), ...changes } as ProfileInput;
    const input = this.validate(merged, id);
    // A different client, org host or data centre makes the old connection meaningless.
    const identityChanged =
      input.clientId !== existing.clientId || input.dataCentre !== existing.dataCentre || input.service !== existing.service || input.environment !== existing.environment;
    const updated: StoredProfile = {
      ...existing,
      name: input.name,
      orgLabel: input.orgLabel,
      colour: input.colour,
      service: input.service,
      environment: input.environment,
      dataCentre: input.dataCentre,
      clientType: input.clientType,
      loopbackPort: input.clientType === 'server' ? input.loopbackPort ?? existing.loopbackPort ?? DEFAULT_LOOPBACK_PORT : undefined,
      loopbackPath: input.clientType === 'server' ? input.loopbackPath ?? existing.loopbackPath ?? DEFAULT_LOOPBACK_PATH : undefined,
      clientId: input.clientId,
      multiDc: input.multiDc,
      scopes: input.scopes,
      notes: input.notes,
      readOnly: input.readOnly,
      updatedAt: this.now(),
      ...(identityChanged ? { connection: undefined } : {}),
    };
    this.store.put(updated);
    if (changes.clientSecret) this.vault.set(id, 'clientSecret', changes.clientSecret);
    this.saveDcSecrets(id, changes.clientSecretsByDc);
    if (identityChanged) this.vault.delete(id, 'refreshToken');
    return this.view(updated);
  }

  /** Per-DC secrets are write-only too; an empty string removes that data centre's secret. */
  private saveDcSecrets(id: string, secrets: ProfileInput['clientSecretsByDc']): void {
    for (const [dc, secret] of Object.entries(secrets ?? {}) as [(typeof DATA_CENTRE_IDS)[number], string][]) {
      if (secret) this.vault.set(id, `clientSecret:${dc}`, secret);
      else this.vault.delete(id, `clientSecret:${dc}`);
    }
  }

  /**
   * Deletes a profile and its secrets from disk at once, but keeps both in memory for
   * UNDO_DELETE_MS so `restore` can bring it back exactly as it was.
   */
  remove(id: string): { id: string; name: string; undoUntil: number } {
    const profile = this.require(id);
    const wasActive = this.store.activeProfileId === id;
    const secrets = this.vault.stash(id);
    this.store.remove(id);
    const until = this.now() + UNDO_DELETE_MS;
    this.forgetTrash(id);
    const timer = setTimeout(() => this.finalise(id), UNDO_DELETE_MS + 1000);
    timer.unref?.();
    this.trash.set(id, { profile, secrets, wasActive, until, timer });
    return { id, name: profile.name, undoUntil: until };
  }

  /** Undo a delete within the window: the profile, its secrets and its sign-in come back. */
  restore(id: string): ProfileView {
    const item = this.trash.get(id);
    if (!item || this.now() > item.until) {
      this.finalise(id);
      throw localFailure('UNDO_EXPIRED');
    }
    this.forgetTrash(id);
    // A profile created meanwhile may have taken the name: keep both, renamed.
    const profile = { ...item.profile, name: this.uniqueName(item.profile.name, item.profile.id) };
    this.store.put(profile);
    this.vault.unstash(id, item.secrets);
    if (item.wasActive) this.store.setActive(id);
    return this.view(profile);
  }

  /**
   * Whatever else belongs to a profile (its call history) goes when its delete is final: not
   * at once, or undo could not bring it back. Returns an unsubscribe function.
   */
  onDeleteFinal(listener: (id: string) => void): () => void {
    this.finalDeleteListeners.add(listener);
    return () => this.finalDeleteListeners.delete(listener);
  }

  /** The undo window is over (or the app is closing): the delete is final. */
  private finalise(id: string): void {
    if (!this.trash.has(id)) return;
    this.forgetTrash(id);
    for (const listener of this.finalDeleteListeners) listener(id);
  }

  private forgetTrash(id: string): void {
    const item = this.trash.get(id);
    if (item) clearTimeout(item.timer);
    this.trash.delete(id);
  }

  /** At close: undo is memory-only, so every delete still in its window becomes final now. */
  dispose(): void {
    for (const id of [...this.trash.keys()]) this.finalise(id);
  }

  /**
   * "Same client, other org": a new profile with the same client (id, secrets, type, data
   * centre, scopes), its own name and org — and no connection: it signs in on its own.
   */
  duplicate(id: string, options: { name: string; orgLabel?: string; environment?: StoredProfile['environment'] }): ProfileView {
    const source = this.require(id);
    // The copy takes the client secret along: it must be readable, not locked away.
    if (this.vault.isLocked) throw localFailure('VAULT_LOCKED');
    if (this.nameTaken(options.name, undefined)) {
      throw invalid({ name: 'Another profile already has this name. Names must be unique.' });
    }
    const copy: StoredProfile = {
      ...source,
      id: randomUUID(),
      name: options.name.trim().normalize('NFC'),
      orgLabel: options.orgLabel ?? source.orgLabel,
      environment: options.environment ?? source.environment,
      isBuiltInDemo: false,
      createdAt: this.now(),
      updatedAt: this.now(),
      connection: undefined,
      throttledUntil: undefined,
      lastUsedAt: undefined,
    };
    delete copy.connection;
    delete copy.throttledUntil;
    delete copy.lastUsedAt;
    this.store.put(copy);
    for (const [name, value] of Object.entries(this.vault.readable(id))) {
      if (name !== 'refreshToken' && value !== undefined) this.vault.set(copy.id, name as Parameters<Vault['set']>[1], value);
    }
    return this.view(copy);
  }

  nameTaken(name: string, exceptId: string | undefined): boolean {
    // Look-alikes count as taken: compared after NFKC, case folding and collapsing white space.
    const wanted = profileNameKey(name);
    return this.store.list().some((p) => p.id !== exceptId && profileNameKey(p.name) === wanted);
  }

  /** `name`, or `name (2)`, `name (3)`… — the first that no other profile uses. */
  uniqueName(name: string, exceptId?: string): string {
    if (!this.nameTaken(name, exceptId)) return name;
    const base = name.replace(/ \(\d+\)$/, '');
    for (let n = 2; ; n += 1) {
      const candidate = `${base} (${n})`.slice(0, 80);
      if (!this.nameTaken(candidate, exceptId)) return candidate;
    }
  }

  touch(id: string): ProfileView {
    const profile = { ...this.require(id), lastUsedAt: this.now() };
    this.store.put(profile);
    this.store.setActive(id);
    return this.view(profile);
  }

  private asInput(p: StoredProfile): ProfileInput {
    return profileSettings(p);
  }

  private validate(raw: ProfileInput, id: string | undefined) {
    const parsed = ProfileInputSchema.safeParse(raw);
    if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
    const input = parsed.data;
    const fields: Record<string, string> = {};
    if (this.nameTaken(input.name, id)) fields.name = 'Another profile already has this name. Names must be unique.';
    const hasSecret = Boolean(input.clientSecret) || (id !== undefined && this.vault.state(id, 'clientSecret') === 'present');
    if (SECRET_REQUIRED.has(input.clientType) && !hasSecret) {
      fields.clientSecret = 'This client type needs the client secret (API console → your client → Client Secret).';
    }
    if (Object.keys(fields).length > 0) throw invalid(fields);
    return input;
  }

  view(p: StoredProfile): ProfileView {
    const view: ProfileView = {
      id: p.id,
      name: p.name,
      orgLabel: p.orgLabel,
      colour: p.colour,
      service: p.service,
      environment: p.environment,
      dataCentre: p.dataCentre,
      clientType: p.clientType,
      clientId: p.clientId,
      hasClientSecret: this.vault.state(p.id, 'clientSecret') === 'present',
      multiDc: p.multiDc,
      dcSecrets: DATA_CENTRE_IDS.filter((dc) => this.vault.state(p.id, `clientSecret:${dc}`) === 'present'),
      scopes: p.scopes,
      notes: p.notes,
      readOnly: p.readOnly,
      isBuiltInDemo: p.isBuiltInDemo,
      createdAt: p.createdAt,
      redirectUri: redirectUriOf(p),
      connection: this.facts.describe(p),
    };
    if (p.loopbackPort !== undefined) view.loopbackPort = p.loopbackPort;
    if (p.loopbackPath !== undefined) view.loopbackPath = p.loopbackPath;
    if (p.lastUsedAt !== undefined) view.lastUsedAt = p.lastUsedAt;
    if (p.updatedAt !== undefined) view.updatedAt = p.updatedAt;
    return view;
  }
}
