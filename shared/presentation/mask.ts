/**
 * Presentation mode's one masking module: everything personal or secret the UI shows while
 * someone presents goes through these functions (the renderer reaches them through
 * `usePresentation()`). Pure, no DOM, no electron.
 *
 * What counts as personal: values of fields whose data type is email, phone or free text
 * (textarea), or whose API name says Name, Email, Phone, Mobile, Fax, Street, City, Zip,
 * Postal, Address, Owner or Description — and any string anywhere that looks like an email.
 * Masks keep only a hint of the shape (an initial, a domain's ending, the last digits) and
 * never the length, so nothing can be read back from them.
 */

export const MASK = '•';
const BULLETS = MASK.repeat(4);

/** API names (Zoho's, any case) whose values are personal. */
const PERSONAL_KEY = /(name|e_?mail|phone|mobile|fax|street|city|zip|postal|address|owner|description|skype|twitter|secondary)/i;
/** Keys that identify an org, a user or a client: masked like an id. */
const ID_KEY = /^(zgid|zuid|org_?id|soid|client_?id|primary_zuid)$/i;
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const EMAIL_ONLY = /^[^\s@]+@[^\s@]+$/;

/** "1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ3X7Q" → "1000.••••••••••3X7Q"; other ids keep their last 4 only. */
export function maskId(value: string): string {
  const v = value.trim();
  if (!v) return '';
  const dot = v.indexOf('.');
  const prefix = dot > 0 && dot <= 6 ? v.slice(0, dot + 1) : '';
  const rest = v.slice(prefix.length);
  if (rest.length <= 4) return `${prefix}${MASK.repeat(10)}`;
  return `${prefix}${MASK.repeat(10)}${rest.slice(-4)}`;
}

/** "Ada Lovelace" → "A••• L•••": an initial per word. */
export function maskName(value: string): string {
  const words = value.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  return words.map((w) => `${[...w][0] ?? ''}${BULLETS}`).join(' ');
}

/** "ada.lovelace@example.com" → "a•••@e•••.com". */
export function maskEmail(value: string): string {
  const v = value.trim();
  const at = v.lastIndexOf('@');
  if (at <= 0) return maskText(v);
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  const lastDot = domain.lastIndexOf('.');
  const tld = lastDot > 0 ? domain.slice(lastDot) : '';
  return `${[...local][0] ?? ''}${BULLETS}@${[...domain][0] ?? ''}${BULLETS}${tld}`;
}

/** "+44 20 7946 0958" → "••••••58": the last two digits only. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 4) return value.trim() ? MASK.repeat(6) : '';
  return `${MASK.repeat(6)}${digits.slice(-2)}`;
}

/** Free text: nothing of it. */
export function maskText(value: string): string {
  return value.trim() ? MASK.repeat(6) : value;
}

/** Emails inside any text (a search criterion, a history label) masked, the rest kept. */
export function maskEmailsIn(text: string): string {
  return text.replace(EMAIL_IN_TEXT, (m) => maskEmail(m));
}

export interface FieldLike {
  apiName: string;
  dataType?: string;
}

/** Is this field (by its API name or data type) personal? */
export function isPersonalField(apiName: string, dataType?: string): boolean {
  const type = (dataType ?? '').toLowerCase();
  if (type === 'email' || type === 'phone' || type === 'textarea' || type === 'ownerlookup') return true;
  return PERSONAL_KEY.test(apiName) || ID_KEY.test(apiName);
}

type Kind = 'email' | 'phone' | 'name' | 'id' | 'text';

function kindOf(key: string, dataType?: string): Kind {
  const type = (dataType ?? '').toLowerCase();
  if (type === 'email' || /e_?mail/i.test(key)) return 'email';
  if (type === 'phone' || /(phone|mobile|fax)/i.test(key)) return 'phone';
  if (ID_KEY.test(key)) return 'id';
  if (/(name|owner)/i.test(key)) return 'name';
  return 'text';
}

function maskString(value: string, kind: Kind): string {
  if (EMAIL_ONLY.test(value.trim())) return maskEmail(value);
  switch (kind) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'name':
      return maskName(value);
    case 'id':
      return maskId(value);
    default:
      return maskText(value);
  }
}

/**
 * A value of a field, masked if the field is personal. Objects (a lookup or the Owner:
 * `{ name, id, email }`) and arrays are masked inside. Numbers and booleans of a personal
 * field become bullets too; ids stay (a record id is not personal).
 */
export function maskFieldValue(apiName: string, value: unknown, dataType?: string): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') {
    if (isPersonalField(apiName, dataType)) return maskString(value, kindOf(apiName, dataType));
    return maskEmailsIn(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return isPersonalField(apiName, dataType) && !/^id$/i.test(apiName) ? MASK.repeat(6) : value;
  }
  return maskJson(value, isPersonalField(apiName, dataType) ? kindOf(apiName, dataType) : undefined);
}

/**
 * Any JSON (an answer's body, a record, fetched records): string values of personal keys
 * masked, emails anywhere masked; structure, keys and everything else kept. `inherited`:
 * the kind of the personal key this value sits under (its strings are all masked).
 */
export function maskJson(value: unknown, inherited?: Kind): unknown {
  if (Array.isArray(value)) return value.map((v) => maskJson(v, inherited));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (/^id$/i.test(k) && inherited !== 'id') {
        out[k] = v;
        continue;
      }
      const personal = isPersonalField(k);
      if (typeof v === 'string') out[k] = personal ? maskString(v, kindOf(k)) : inherited ? maskString(v, inherited) : maskEmailsIn(v);
      else if (typeof v === 'number' && personal && !ID_KEY.test(k)) out[k] = MASK.repeat(6);
      else if (typeof v === 'number' && ID_KEY.test(k)) out[k] = maskId(String(v));
      else out[k] = maskJson(v, personal ? kindOf(k) : inherited);
    }
    return out;
  }
  if (typeof value === 'string') return inherited ? maskString(value, inherited) : maskEmailsIn(value);
  return value;
}

/** A record with every personal field masked (the table's cells, export while presenting). */
export function maskRecord(record: Record<string, unknown>, fields: readonly FieldLike[] = []): Record<string, unknown> {
  const types = new Map(fields.map((f) => [f.apiName, f.dataType]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = maskFieldValue(k, v, types.get(k));
  return out;
}
