import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  ProfileIdSchema,
  ProfileInputSchema,
  profileNameKey,
  type ExportedFile,
  type ImportDecision,
  type ImportOutcome,
  type ImportPreview,
  type ImportPreviewItem,
} from '../../../shared/ipc/contract';
import { DATA_CENTRE_IDS } from '../../../shared/zoho/dataCentres';
import { CoreError } from '../errors';
import type { LogPort } from '../ports';
import type { ProfileService } from '../profiles/profileService';
import type { ProfileStore } from '../profiles/profileStore';
import type { StoredProfile } from '../profiles/storedProfile';
import { profileSettings } from '../profiles/storedProfile';
import { deriveKey, isSaneKdf, newKdfParams, open, PASSPHRASE_ALG, seal, type KdfParams } from '../vault/passphraseCrypto';
import type { SecretName, Vault } from '../vault/vault';
import { localFailure } from '../vault/vaultErrors';

/**
 * Export and import of profiles.
 * - Plain export: JSON without any secret (no client secret, no token, no connection).
 * - Encrypted bundle: the same profiles plus their client secrets, sealed under a passphrase
 *   (scrypt → AES-256-GCM). Refresh tokens are never exported: they belong to one sign-in
 *   on one computer.
 * Import first previews (what is added, what already exists and what would change), then
 * applies the user's decision for each existing profile (keep both / replace / skip). Every
 * check happens before the first write: a wrong passphrase or a damaged file changes nothing.
 * The renderer only ever sees the bundle's ciphertext, never a secret.
 */
export const EXPORT_FORMAT = 'connected-app-console/profiles';
export const EXPORT_VERSION = 1;
const BUNDLE_AAD = `${EXPORT_FORMAT}@${EXPORT_VERSION}`;

const ExportedProfileSchema = ProfileInputSchema.omit({ clientSecret: true, clientSecretsByDc: true }).extend({
  id: ProfileIdSchema,
});
type ExportedProfile = z.output<typeof ExportedProfileSchema>;

const SecretsSchema = z.record(z.string(), z.record(z.string(), z.string().min(1).max(200)));

const PlainFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  exportedAt: z.number().optional(),
  profiles: z.array(z.unknown()),
});
const EncryptedFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  exportedAt: z.number().optional(),
  encrypted: z.object({ alg: z.literal(PASSPHRASE_ALG), kdf: z.unknown(), ct: z.string().min(1) }),
});
const BundleSchema = z.object({ profiles: z.array(z.unknown()), secrets: SecretsSchema.default({}) });

interface Parsed {
  encrypted: boolean;
  exportedAt?: number;
  profiles: ExportedProfile[];
  secrets: Record<string, Record<string, string>>;
}

const SECRET_NAMES = new Set<string>(['clientSecret', ...DATA_CENTRE_IDS.map((dc) => `clientSecret:${dc}`)]);

const FIELD_WORDS: [keyof ExportedProfile, string][] = [
  ['name', 'name'],
  ['orgLabel', 'client org'],
  ['colour', 'colour'],
  ['service', 'where the org is'],
  ['environment', 'environment'],
  ['dataCentre', 'data centre'],
  ['clientType', 'client type'],
  ['loopbackPort', 'port'],
  ['loopbackPath', 'path'],
  ['clientId', 'client ID'],
  ['multiDc', 'multi-DC setting'],
  ['scopes', 'scopes'],
  ['notes', 'notes'],
  ['readOnly', 'read-only setting'],
];

export interface PortabilityDeps {
  store: ProfileStore;
  vault: Vault;
  profiles: ProfileService;
  log: LogPort;
  now: () => number;
}

export class Portability {
  constructor(private readonly deps: PortabilityDeps) {}

  async exportProfiles(ids: string[], passphrase?: string): Promise<ExportedFile> {
    const chosen = [...new Set(ids)].map((id) => this.deps.profiles.require(id));
    const profiles = chosen.map(toExported);
    const exportedAt = this.deps.now();
    const date = new Date(exportedAt).toISOString().slice(0, 10);
    if (!passphrase) {
      const contents = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, secrets: false, profiles }, null, 2);
      return { fileName: `cac-profiles-${date}.json`, contents, count: profiles.length, encrypted: false };
    }
    if (this.deps.vault.isLocked) throw localFailure('VAULT_LOCKED');
    const secrets: Record<string, Record<string, string>> = {};
    for (const p of chosen) {
      const readable = Object.entries(this.deps.vault.readable(p.id)).filter(([name, v]) => SECRET_NAMES.has(name) && v);
      if (readable.length) secrets[p.id] = Object.fromEntries(readable) as Record<string, string>;
    }
    const kdf = newKdfParams();
    const key = await deriveKey(passphrase, kdf);
    const ct = seal(key, JSON.stringify({ profiles, secrets }), BUNDLE_AAD);
    const contents = JSON.stringify(
      { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, encrypted: { alg: PASSPHRASE_ALG, kdf, ct } },
      null,
      2,
    );
    this.deps.log.info('profiles exported', { count: profiles.length, encrypted: true });
    return { fileName: `cac-profiles-${date}.encrypted.json`, contents, count: profiles.length, encrypted: true };
  }

  async preview(contents: string, passphrase?: string): Promise<ImportPreview> {
    const parsed = await this.parse(contents, passphrase);
    return { encrypted: parsed.encrypted, ...(parsed.exportedAt ? { exportedAt: parsed.exportedAt } : {}), items: this.plan(parsed) };
  }

  async importProfiles(contents: string, passphrase: string | undefined, decisions: Record<string, ImportDecision>): Promise<ImportOutcome> {
    const parsed = await this.parse(contents, passphrase);
    const plan = this.plan(parsed);
    const outcome: ImportOutcome = { added: [], replaced: [], skipped: [] };
    const writes: { profile: StoredProfile; secrets: Record<string, string>; dropRefresh: boolean }[] = [];
    const plannedNames = new Set<string>();
    const taken = (name: string, exceptId?: string) =>
      this.deps.profiles.nameTaken(name, exceptId) || plannedNames.has(profileNameKey(name));
    const uniqueName = (name: string, exceptId?: string) => {
      if (!taken(name, exceptId)) return name;
      const base = name.replace(/ \(\d+\)$/, '');
      for (let n = 2; ; n += 1) {
        const candidate = `${base} (${n})`.slice(0, 80);
        if (!taken(candidate, exceptId)) return candidate;
      }
    };
    const now = this.deps.now();
    parsed.profiles.forEach((incoming, index) => {
      const item = plan[index]!;
      const secrets = parsed.secrets[incoming.id] ?? {};
      const decision: ImportDecision = item.action === 'add' ? 'keep-both' : decisions[item.key] ?? 'keep-both';
      if (decision === 'skip') {
        outcome.skipped.push(incoming.name);
        return;
      }
      if (decision === 'replace' && item.existing) {
        const existing = this.deps.store.get(item.existing.id)!;
        const identityChanged =
          existing.clientId !== incoming.clientId ||
          existing.dataCentre !== incoming.dataCentre ||
          existing.service !== incoming.service ||
          existing.environment !== incoming.environment;
        const name = uniqueName(incoming.name, existing.id);
        plannedNames.add(profileNameKey(name));
        const profile: StoredProfile = {
          ...fromExported(incoming, existing.id, existing.createdAt, now),
          name,
          isBuiltInDemo: existing.isBuiltInDemo,
          ...(existing.lastUsedAt !== undefined ? { lastUsedAt: existing.lastUsedAt } : {}),
          ...(!identityChanged && existing.connection ? { connection: existing.connection } : {}),
        };
        writes.push({ profile, secrets, dropRefresh: identityChanged });
        outcome.replaced.push(name);
        return;
      }
      // New here, or "keep both": a new id; the profile id from the file is only used when free.
      const id = this.deps.store.get(incoming.id) || writes.some((w) => w.profile.id === incoming.id) ? randomUUID() : incoming.id;
      const name = uniqueName(incoming.name);
      plannedNames.add(profileNameKey(name));
      writes.push({ profile: { ...fromExported(incoming, id, now, now), name }, secrets, dropRefresh: false });
      outcome.added.push(name);
    });

    this.deps.store.putMany(writes.map((w) => w.profile));
    for (const w of writes) {
      if (w.dropRefresh) this.deps.vault.delete(w.profile.id, 'refreshToken');
      for (const [name, value] of Object.entries(w.secrets)) {
        if (SECRET_NAMES.has(name)) this.deps.vault.set(w.profile.id, name as SecretName, value);
      }
    }
    this.deps.log.info('profiles imported', { added: outcome.added.length, replaced: outcome.replaced.length, skipped: outcome.skipped.length });
    return outcome;
  }

  private plan(parsed: Parsed): ImportPreviewItem[] {
    const existing = this.deps.store.list();
    return parsed.profiles.map((incoming, index) => {
      const match =
        existing.find((p) => p.id === incoming.id) ?? existing.find((p) => profileNameKey(p.name) === profileNameKey(incoming.name));
      const withSecret = Boolean(parsed.secrets[incoming.id]?.clientSecret);
      const base = {
        key: String(index),
        name: incoming.name,
        orgLabel: incoming.orgLabel,
        environment: incoming.environment,
        dataCentre: incoming.dataCentre,
        withSecret,
      };
      if (!match) return { ...base, action: 'add' as const, changes: [] };
      const mine = toExported(match) as Record<string, unknown>;
      const theirs = incoming as Record<string, unknown>;
      const changes = FIELD_WORDS.filter(([field]) => JSON.stringify(mine[field] ?? null) !== JSON.stringify(theirs[field] ?? null)).map(
        ([, words]) => words,
      );
      if (withSecret) changes.push('client secret');
      return { ...base, action: 'exists' as const, existing: { id: match.id, name: match.name }, changes };
    });
  }

  private async parse(contents: string, passphrase: string | undefined): Promise<Parsed> {
    let json: unknown;
    try {
      json = JSON.parse(contents);
    } catch {
      throw localFailure('IMPORT_DAMAGED', 'The file is not valid JSON.');
    }
    const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
    if (!head.success || head.data.format !== EXPORT_FORMAT) throw localFailure('IMPORT_DAMAGED', 'The file is not a profiles export.');
    if (head.data.version > EXPORT_VERSION) throw localFailure('IMPORT_NEWER_FORMAT');

    let rawProfiles: unknown[];
    let secrets: Record<string, Record<string, string>> = {};
    let encrypted = false;
    const exportedAt = (json as { exportedAt?: unknown }).exportedAt;
    if ((json as { encrypted?: unknown }).encrypted !== undefined) {
      encrypted = true;
      const file = EncryptedFileSchema.safeParse(json);
      if (!file.success || !isSaneKdf(file.data.encrypted.kdf)) throw localFailure('IMPORT_DAMAGED', 'The encrypted part is incomplete.');
      if (!passphrase) throw localFailure('IMPORT_NEEDS_PASSPHRASE');
      let text: string;
      try {
        const key = await deriveKey(passphrase, file.data.encrypted.kdf as KdfParams);
        text = open(key, file.data.encrypted.ct, BUNDLE_AAD);
      } catch {
        throw localFailure('IMPORT_WRONG_PASSPHRASE');
      }
      let bundle;
      try {
        bundle = BundleSchema.parse(JSON.parse(text));
      } catch {
        throw localFailure('IMPORT_DAMAGED', 'The encrypted content is not a profiles bundle.');
      }
      rawProfiles = bundle.profiles;
      secrets = bundle.secrets;
    } else {
      const file = PlainFileSchema.safeParse(json);
      if (!file.success) throw localFailure('IMPORT_DAMAGED', 'The list of profiles is missing.');
      rawProfiles = file.data.profiles;
    }
    if (rawProfiles.length === 0) throw localFailure('IMPORT_DAMAGED', 'The file contains no profiles.');

    const profiles: ExportedProfile[] = [];
    const problems: string[] = [];
    rawProfiles.forEach((raw, i) => {
      const parsed = ExportedProfileSchema.safeParse(raw);
      if (parsed.success) profiles.push(parsed.data);
      else {
        const name = typeof (raw as { name?: unknown })?.name === 'string' ? `“${(raw as { name: string }).name}”` : `number ${i + 1}`;
        problems.push(`Profile ${name}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
      }
    });
    if (problems.length) throw new CoreError({ ...localFailure('IMPORT_DAMAGED').appError, details: problems.slice(0, 10).join('\n') });
    return { encrypted, ...(typeof exportedAt === 'number' ? { exportedAt } : {}), profiles, secrets };
  }
}

function toExported(p: StoredProfile): ExportedProfile {
  return { id: p.id, ...profileSettings(p) };
}

function fromExported(e: ExportedProfile, id: string, createdAt: number, now: number): StoredProfile {
  return {
    id,
    name: e.name,
    orgLabel: e.orgLabel,
    colour: e.colour,
    service: e.service,
    environment: e.environment,
    dataCentre: e.dataCentre,
    clientType: e.clientType,
    ...(e.clientType === 'server' ? { loopbackPort: e.loopbackPort, loopbackPath: e.loopbackPath } : {}),
    clientId: e.clientId,
    multiDc: e.multiDc,
    scopes: e.scopes,
    notes: e.notes,
    readOnly: e.readOnly,
    isBuiltInDemo: false,
    createdAt,
    updatedAt: now,
  };
}
