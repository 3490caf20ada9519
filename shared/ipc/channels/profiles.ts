import { z } from 'zod';
import { DATA_CENTRE_IDS, ENVIRONMENTS } from '../../zoho/dataCentres';
import type { ConnectionView } from './auth';
import type { Call, ChannelInput } from '../contract';

/** Zoho client ids: `1000.` then 30 upper-case letters and digits. */
export const CLIENT_ID_PATTERN = /^1000\.[A-Z0-9]{30}$/;

export const CLIENT_TYPES = ['mobile', 'server', 'self', 'device'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
/** Where the org lives: real Zoho, or the Demo org the app runs on this computer. */
export const SERVICES = ['zoho', 'demo'] as const;
export type Service = (typeof SERVICES)[number];

export const ProfileIdSchema = z.string().min(1).max(64);

/**
 * Characters a person cannot see or that change how text is shown, refused in names, org
 * labels and notes so that two profiles cannot look alike and a label cannot display as
 * something it is not ("evil" shown as "live" by a right-to-left override).
 */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_CHARS_EXCEPT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** Embeddings, overrides, isolates and direction marks. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Zero-width and other invisible characters (incl. soft hyphen and the byte-order mark). */
const INVISIBLE_CHARS = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064\u3164\ufe00-\ufe0f\ufeff\uffa0]/u;

/** Which kind of unwanted character `text` holds, if any (the first kind found). */
export function unsafeCharacterKind(text: string, options: { allowLineBreaks?: boolean } = {}): 'control' | 'bidi' | 'invisible' | null {
  if ((options.allowLineBreaks ? CONTROL_CHARS_EXCEPT_LAYOUT : CONTROL_CHARS).test(text)) return 'control';
  if (BIDI_CONTROLS.test(text)) return 'bidi';
  if (INVISIBLE_CHARS.test(text)) return 'invisible';
  return null;
}

const UNSAFE_MESSAGES = {
  control: (what: string, lineBreaks: boolean) =>
    `The ${what} contains a control character (such as NUL or a bell${lineBreaks ? '' : ', a tab or a line break'}), which cannot be shown. Type it again without pasting, or remove the character.`,
  bidi: (what: string) =>
    `The ${what} contains a hidden text-direction character, which can make the text display in a different order than it really has. Type it again without pasting.`,
  invisible: (what: string) =>
    `The ${what} contains an invisible character (a zero-width space or similar, often picked up when copying). Type it again without pasting.`,
} as const;

/**
 * Free text the user types: Unicode NFC (so "é" typed and "é" pasted are the same text),
 * then no control, direction or invisible characters. Notes may keep line breaks and tabs.
 */
function safeText(what: string, options: { allowLineBreaks?: boolean } = {}) {
  return (schema: z.ZodString) =>
    schema.normalize('NFC').superRefine((value, ctx) => {
      const kind = unsafeCharacterKind(value, options);
      if (kind) ctx.addIssue({ code: 'custom', message: UNSAFE_MESSAGES[kind](what, Boolean(options.allowLineBreaks)) });
    });
}

/**
 * Letters that look like Latin ones in most fonts (Cyrillic and Greek homoglyphs, digits that
 * pass for letters): a small slice of Unicode's confusables (UTS #39), enough that "Dеmo org"
 * with a Cyrillic е, or "Dem0 org", can't sit in the list next to "Demo org".
 */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ӏ: 'l', ԛ: 'q', ԝ: 'w', һ: 'h', ɡ: 'g',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  '0': 'o', '1': 'l', '|': 'l',
};

/**
 * What two profile names are compared by: NFKC (compatibility forms such as full-width
 * letters or "ﬁ" fold to the plain ones), case-folded, runs of white space as one space,
 * and look-alike letters folded to the Latin ones they pass for.
 */
export function profileNameKey(name: string): string {
  const folded = name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
  return Array.from(folded, (ch) => LOOK_ALIKES[ch] ?? ch).join('');
}

const NameSchema = (empty: string) => safeText('name')(z.string().trim().min(1, empty).max(80, 'Keep the name under 80 characters.'));
const OrgLabelSchema = safeText('org label')(z.string().trim().max(80, 'Keep the org label under 80 characters.'));
const NotesSchema = safeText('notes', { allowLineBreaks: true })(z.string().max(2000, 'Keep the notes under 2000 characters.'));

export const ProfileInputSchema = z.object({
  name: NameSchema('Give the profile a name.'),
  orgLabel: OrgLabelSchema.default(''),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Pick a colour.')
    .default('#2f6fde'),
  service: z.enum(SERVICES).default('zoho'),
  environment: z.enum(ENVIRONMENTS).default('production'),
  dataCentre: z.enum(DATA_CENTRE_IDS, { message: 'Pick the data centre where the client was registered.' }),
  clientType: z.enum(CLIENT_TYPES).default('mobile'),
  loopbackPort: z
    .number({ message: 'The port must be a number.' })
    .int('The port must be a whole number.')
    .min(1024, 'Use a port between 1024 and 65535.')
    .max(65535, 'Use a port between 1024 and 65535.')
    .optional(),
  loopbackPath: z
    .string()
    .regex(/^\/[A-Za-z0-9/_.-]*$/, 'The path must start with / and use only letters, digits, / _ . -')
    .optional(),
  clientId: z
    .string()
    .trim()
    .regex(CLIENT_ID_PATTERN, 'A Zoho client id looks like 1000. followed by 30 capital letters and digits. Copy it from the API console.'),
  /** Write-only. Omitted on update = keep the stored one. */
  clientSecret: z.string().trim().min(1, 'Enter the client secret.').max(200).optional(),
  /** The client is used across data centres ("Use the same OAuth credentials for all data centers", §4.5). */
  multiDc: z.boolean().default(false),
  /**
   * Write-only per-DC secrets, for multi-DC clients whose secret differs per data centre (§4.5).
   * Omitted on update = keep the stored ones; an empty string removes that DC's secret.
   */
  clientSecretsByDc: z.partialRecord(z.enum(DATA_CENTRE_IDS), z.string().trim().max(200)).optional(),
  scopes: z.array(z.string().trim().min(1)).min(1, 'Pick at least one scope.').max(100),
  notes: NotesSchema.default(''),
  readOnly: z.boolean().default(false),
});
export type ProfileInput = z.input<typeof ProfileInputSchema>;

/**
 * The changes of an edit: every field optional and, unlike `.partial()` in zod 4, with no
 * defaults filled in — a field that is not sent is kept as it is, never reset to its default.
 */
function changesOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional();
  }
  return z.object(shape) as unknown as ReturnType<z.ZodObject<T>['partial']>;
}
export const ProfileChangesSchema = changesOf(ProfileInputSchema);

/** What the renderer knows of a profile. Secrets never appear: only `hasClientSecret`. */
export interface ProfileView {
  id: string;
  name: string;
  orgLabel: string;
  colour: string;
  service: Service;
  environment: (typeof ENVIRONMENTS)[number];
  dataCentre: (typeof DATA_CENTRE_IDS)[number];
  clientType: ClientType;
  loopbackPort?: number;
  loopbackPath?: string;
  clientId: string;
  hasClientSecret: boolean;
  multiDc: boolean;
  /** Data centres that have a secret of their own (the values are never sent to the renderer). */
  dcSecrets: (typeof DATA_CENTRE_IDS)[number][];
  scopes: string[];
  notes: string;
  readOnly: boolean;
  isBuiltInDemo: boolean;
  createdAt: number;
  updatedAt?: number;
  lastUsedAt?: number;
  /** The redirect URI to register in the API console, or null (Self Client, device). */
  redirectUri: string | null;
  connection: ConnectionView;
}

/** What to do with an imported profile that already exists here. */
export const IMPORT_DECISIONS = ['keep-both', 'replace', 'skip'] as const;
export type ImportDecision = (typeof IMPORT_DECISIONS)[number];

/** A passphrase the user typed (export bundles, the passphrase vault). */
export const PassphraseSchema = z
  .string()
  .min(10, 'Use at least 10 characters for the passphrase; a few unrelated words work well.')
  .max(1024, 'Keep the passphrase under 1024 characters.');

/** One entry of an import preview: what would happen to it. */
export interface ImportPreviewItem {
  /** Stable key of the entry inside the file (its position), used to send decisions back. */
  key: string;
  name: string;
  orgLabel: string;
  environment: (typeof ENVIRONMENTS)[number];
  dataCentre: (typeof DATA_CENTRE_IDS)[number];
  /** 'add': new here; 'exists': a profile with the same id or name is already here. */
  action: 'add' | 'exists';
  existing?: { id: string; name: string };
  /** For 'exists': the fields that differ (plain words). */
  changes: string[];
  /** The bundle carries a client secret for it. */
  withSecret: boolean;
}
export interface ImportPreview {
  encrypted: boolean;
  exportedAt?: number;
  items: ImportPreviewItem[];
}
export interface ImportOutcome {
  added: string[];
  replaced: string[];
  skipped: string[];
}
export interface ExportedFile {
  fileName: string;
  /** The file's text: plain JSON without secrets, or an encrypted bundle (ciphertext only). */
  contents: string;
  count: number;
  encrypted: boolean;
}

const ImportFileSchema = z.string().min(1, 'The file is empty.').max(20_000_000, 'The file is too large to be a profiles export.');

export const profileChannels = {
  'profiles:list': z.undefined().optional(),
  'profiles:create': ProfileInputSchema,
  'profiles:update': z.object({ id: ProfileIdSchema, changes: ProfileChangesSchema }),
  'profiles:delete': z.object({ id: ProfileIdSchema }),
  /** Brings back a profile deleted a few seconds ago (with its secrets and sign-in). */
  'profiles:undoDelete': z.object({ id: ProfileIdSchema }),
  /** Same client, other org: copies the client (id, secret, type, DC, scopes), not the connection. */
  'profiles:duplicate': z.object({
    id: ProfileIdSchema,
    name: NameSchema('Give the copy a name.'),
    orgLabel: OrgLabelSchema.optional(),
    environment: z.enum(ENVIRONMENTS).optional(),
  }),
  'profiles:setActive': z.object({ id: ProfileIdSchema }),
  /** Without a passphrase: no secrets. With one: an encrypted bundle that includes the client secrets. */
  'profiles:export': z.object({ ids: z.array(ProfileIdSchema).min(1, 'Choose at least one profile to export.'), passphrase: PassphraseSchema.optional() }),
  'profiles:previewImport': z.object({ contents: ImportFileSchema, passphrase: z.string().max(1024).optional() }),
  'profiles:import': z.object({
    contents: ImportFileSchema,
    passphrase: z.string().max(1024).optional(),
    /** Per preview key, for entries that already exist. Missing = keep both. */
    decisions: z.record(z.string(), z.enum(IMPORT_DECISIONS)).default({}),
  }),
} as const;

export interface ProfileOutputs {
  'profiles:list': ProfileView[];
  'profiles:create': ProfileView;
  'profiles:update': ProfileView;
  /** `undoUntil`: until when `profiles:undoDelete` can bring it back (ms since epoch). */
  'profiles:delete': { id: string; name: string; undoUntil: number };
  'profiles:undoDelete': ProfileView;
  'profiles:duplicate': ProfileView;
  'profiles:setActive': ProfileView;
  'profiles:export': ExportedFile;
  'profiles:previewImport': ImportPreview;
  'profiles:import': ImportOutcome;
}

export const profilesApi = (call: Call) => ({
  list: () => call('profiles:list'),
  create: (input: ChannelInput<'profiles:create'>) => call('profiles:create', input),
  update: (id: string, changes: ChannelInput<'profiles:update'>['changes']) => call('profiles:update', { id, changes }),
  remove: (id: string) => call('profiles:delete', { id }),
  undoDelete: (id: string) => call('profiles:undoDelete', { id }),
  duplicate: (input: ChannelInput<'profiles:duplicate'>) => call('profiles:duplicate', input),
  setActive: (id: string) => call('profiles:setActive', { id }),
  exportProfiles: (ids: string[], passphrase?: string) => call('profiles:export', passphrase ? { ids, passphrase } : { ids }),
  previewImport: (contents: string, passphrase?: string) => call('profiles:previewImport', passphrase ? { contents, passphrase } : { contents }),
  importProfiles: (input: ChannelInput<'profiles:import'>) => call('profiles:import', input),
});
