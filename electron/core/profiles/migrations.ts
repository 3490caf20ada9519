/**
 * Our own migration steps for profiles.json. Each step is pure (data in, data out) and moves
 * the file up exactly one version; `migrateProfilesFile` runs them in order. A file without a
 * version number is from before versions were written down and is read as version 1.
 *
 * Versions:
 * - 1: the walking skeleton (profiles with optional orgLabel/colour/service/notes/readOnly;
 *      no multiDc; no updatedAt).
 * - 2: every profile spells out all its fields (multiDc, orgLabel, colour, service, notes,
 *      readOnly, isBuiltInDemo) and has `updatedAt`; loopback fields only on Server-based
 *      clients; the active profile id is null when it names no profile.
 */
export const PROFILES_FILE_VERSION = 2;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function v1ToV2(file: Json): Json {
  const profiles = Array.isArray(file.profiles) ? file.profiles : [];
  const migrated = profiles.map((p) => {
    if (!isObject(p)) return p; // left for the schema check to report
    const out: Json = {
      ...p,
      orgLabel: typeof p.orgLabel === 'string' ? p.orgLabel : '',
      colour: typeof p.colour === 'string' ? p.colour : '#2f6fde',
      service: p.service ?? 'zoho',
      multiDc: typeof p.multiDc === 'boolean' ? p.multiDc : false,
      notes: typeof p.notes === 'string' ? p.notes : '',
      readOnly: typeof p.readOnly === 'boolean' ? p.readOnly : false,
      isBuiltInDemo: typeof p.isBuiltInDemo === 'boolean' ? p.isBuiltInDemo : false,
      updatedAt: typeof p.updatedAt === 'number' ? p.updatedAt : p.createdAt,
    };
    if (p.clientType !== 'server') {
      delete out.loopbackPort;
      delete out.loopbackPath;
    }
    return out;
  });
  const ids = new Set(migrated.filter(isObject).map((p) => p.id));
  const active = typeof file.activeProfileId === 'string' && ids.has(file.activeProfileId) ? file.activeProfileId : null;
  return { ...file, version: 2, profiles: migrated, activeProfileId: active };
}

/** steps[n] moves a file from version n to n + 1. */
const STEPS: Record<number, (file: Json) => Json> = {
  1: v1ToV2,
};

export interface MigrationResult {
  file: Json;
  /** The version the file was at. */
  from: number;
  /** True when the file is from a newer version of the app than this one. */
  newer: boolean;
}

export function migrateProfilesFile(raw: Json): MigrationResult {
  const from = typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 1 ? raw.version : 1;
  if (from > PROFILES_FILE_VERSION) return { file: raw, from, newer: true };
  let file = raw;
  for (let v = from; v < PROFILES_FILE_VERSION; v += 1) {
    const step = STEPS[v];
    if (!step) throw new Error(`no migration step from version ${v}`);
    file = step(file);
  }
  return { file, from, newer: false };
}
