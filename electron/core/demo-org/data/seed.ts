/**
 * Deterministic record generator. Each (org, module) is generated on first use from the
 * org's seed, so starting the server costs nothing and 10,500 Leads take a few ms.
 */
import type { DemoOrgRecord } from './directory';
import type { ModuleSpec } from './schema';
import { PICKLISTS } from './schema';
import { createRng, type Rng } from './random';
import { CITIES, COMPANY_SUFFIXES, COMPANY_WORDS, DEPARTMENTS, FIRST_NAMES, LAST_NAMES, TITLES } from './words';

export type CrmRecord = Record<string, unknown> & { id: string };
export interface UserRef {
  id: string;
  name: string;
  email: string;
}
export interface LookupRef {
  id: string;
  name: string;
}

/** Record ids: 7-digit org prefix + zeros + module digit + 6-digit counter = 19 digits, like Zoho's. */
export function recordId(org: DemoOrgRecord, moduleSeq: number, counter: number): string {
  return `${org.idPrefix}00000${moduleSeq}${String(counter).padStart(6, '0')}`;
}

const SEED_START = Date.UTC(2023, 0, 2, 9, 0, 0);
const SEED_SPAN = Date.UTC(2025, 5, 30) - SEED_START;

/** Zoho date-times carry the org's offset, e.g. 2024-05-01T10:20:30-06:00. */
const offsetMs = new Map<string, number>();
export function formatDateTime(ms: number, utcOffset: string): string {
  let shift = offsetMs.get(utcOffset);
  if (shift === undefined) {
    const sign = utcOffset.startsWith('-') ? -1 : 1;
    const [h, m] = utcOffset.slice(1).split(':').map(Number);
    shift = sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
    offsetMs.set(utcOffset, shift);
  }
  return `${new Date(ms + shift).toISOString().slice(0, 19)}${utcOffset}`;
}

export const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export interface SeedContext {
  org: DemoOrgRecord;
  users: readonly UserRef[];
  /** Records of other modules, for lookups. */
  lookup(moduleApiName: string): readonly CrmRecord[];
}

function person(rng: Rng) {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { first, last };
}

function phone(rng: Rng): string {
  // 555-01xx numbers are reserved for fiction.
  return `+1 555-01${String(rng.int(100)).padStart(2, '0')}`;
}

function companyName(rng: Rng): string {
  return `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}`;
}

/** Adds Owner, Created/Modified By and Time to `record` (mutating: faster than spreading 10k objects). */
function audit(record: Record<string, unknown>, rng: Rng, ctx: SeedContext, index: number, count: number): Record<string, unknown> {
  const created = SEED_START + Math.floor((SEED_SPAN * index) / Math.max(1, count)) + rng.int(3_600_000);
  const modified = created + rng.int(90 * 86_400_000);
  const owner = rng.pick(ctx.users);
  const creator = ctx.users[0]!;
  record['Owner'] = owner;
  record['Created_By'] = { id: creator.id, name: creator.name, email: creator.email };
  record['Modified_By'] = owner;
  record['Created_Time'] = formatDateTime(created, ctx.org.utc_offset);
  record['Modified_Time'] = formatDateTime(Math.min(modified, SEED_START + SEED_SPAN), ctx.org.utc_offset);
  return record;
}

const slugs = new Map<string, string>();
/** A made-up website for a company name (cached: the same names repeat thousands of times). */
function siteOf(name: string): string {
  let slug = slugs.get(name);
  if (!slug) {
    slug = `https://www.${name.toLowerCase().replace(/\s+/g, '-')}.example.com`;
    slugs.set(name, slug);
  }
  return slug;
}

type Generator = (id: string, rng: Rng, ctx: SeedContext, index: number, count: number) => CrmRecord;

const GENERATORS: Record<string, Generator> = {
  Leads(id, rng, ctx, i, count) {
    const { first, last } = person(rng);
    const [city, country] = rng.pick(CITIES);
    const company = companyName(rng);
    const record: CrmRecord = {
      id,
      First_Name: first,
      Last_Name: last,
      Full_Name: `${first} ${last}`,
      Company: company,
      Designation: rng.pick(TITLES),
      // Index keeps the unique Email field unique across 10k seeded leads.
      Email: `${first}.${last}${i + 1}@example.${i % 3 === 0 ? 'org' : 'com'}`.toLowerCase(),
      Phone: phone(rng),
      Mobile: rng.chance(0.5) ? phone(rng) : null,
      Website: rng.chance(0.6) ? siteOf(company) : null,
      Lead_Source: rng.pick(PICKLISTS.Lead_Source),
      Lead_Status: rng.pick(PICKLISTS.Lead_Status),
      Industry: rng.pick(PICKLISTS.Industry),
      Annual_Revenue: rng.chance(0.7) ? (rng.int(500) + 1) * 10_000 : null,
      No_of_Employees: rng.int(2000) + 1,
      City: city,
      Country: country,
      Email_Opt_Out: rng.chance(0.1),
      Description: rng.chance(0.2) ? `Met at ${rng.pick(['a trade show', 'a webinar', 'a partner event'])}.` : null,
    };
    return audit(record, rng, ctx, i, count) as CrmRecord;
  },
  Accounts(id, rng, ctx, i, count) {
    const [city, country] = rng.pick(CITIES);
    // Unique Account_Name: the counter suffix keeps seeded names distinct.
    const name = `${companyName(rng)} ${i + 1}`;
    const record: CrmRecord = {
      id,
      Account_Name: name,
      Website: siteOf(name),
      Phone: phone(rng),
      Industry: rng.pick(PICKLISTS.Industry),
      Account_Type: rng.pick(PICKLISTS.Account_Type),
      Rating: rng.pick(PICKLISTS.Rating),
      Annual_Revenue: (rng.int(900) + 10) * 10_000,
      Employees: rng.int(5000) + 5,
      Billing_City: city,
      Billing_Country: country,
    };
    return audit(record, rng, ctx, i, count) as CrmRecord;
  },
  Contacts(id, rng, ctx, i, count) {
    const { first, last } = person(rng);
    const [city, country] = rng.pick(CITIES);
    const accounts = ctx.lookup('Accounts');
    const account = accounts.length ? rng.pick(accounts) : undefined;
    const record: CrmRecord = {
      id,
      First_Name: first,
      Last_Name: last,
      Full_Name: `${first} ${last}`,
      Email: `${first}.${last}.c${i + 1}@example.org`.toLowerCase(),
      Phone: phone(rng),
      Title: rng.pick(TITLES),
      Department: rng.pick(DEPARTMENTS),
      Account_Name: account ? { id: account.id, name: account['Account_Name'] } : null,
      Lead_Source: rng.pick(PICKLISTS.Lead_Source),
      Mailing_City: city,
      Mailing_Country: country,
      Date_of_Birth: rng.chance(0.3) ? formatDate(Date.UTC(1960 + rng.int(40), rng.int(12), 1 + rng.int(28))) : null,
    };
    return audit(record, rng, ctx, i, count) as CrmRecord;
  },
  Deals(id, rng, ctx, i, count) {
    const accounts = ctx.lookup('Accounts');
    const contacts = ctx.lookup('Contacts');
    const account = accounts.length ? rng.pick(accounts) : undefined;
    const contact = contacts.length ? rng.pick(contacts) : undefined;
    const stage = rng.pick(PICKLISTS.Stage);
    const stageIndex = PICKLISTS.Stage.indexOf(stage);
    const record: CrmRecord = {
      id,
      Deal_Name: `${account ? String(account['Account_Name']) : companyName(rng)} — ${rng.pick(['Renewal', 'Expansion', 'Pilot', 'New order', 'Upgrade'])}`,
      Account_Name: account ? { id: account.id, name: account['Account_Name'] } : null,
      Contact_Name: contact ? { id: contact.id, name: contact['Full_Name'] } : null,
      Amount: (rng.int(200) + 1) * 500,
      Stage: stage,
      Probability: stage === 'Closed Won' ? 100 : stage === 'Closed Lost' ? 0 : Math.min(90, 10 + stageIndex * 15),
      Closing_Date: formatDate(SEED_START + rng.int(SEED_SPAN + 180 * 86_400_000)),
      Type: rng.pick(PICKLISTS.Deal_Type),
      Lead_Source: rng.pick(PICKLISTS.Lead_Source),
    };
    return audit(record, rng, ctx, i, count) as CrmRecord;
  },
};

export function seedRecords(module: ModuleSpec, ctx: SeedContext): CrmRecord[] {
  const count = ctx.org.counts[module.api_name] ?? 0;
  const generate = GENERATORS[module.api_name];
  if (!generate || count === 0) return [];
  const rng = createRng(ctx.org.seed * 31 + module.seq);
  const out: CrmRecord[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    out[i] = generate(recordId(ctx.org, module.seq, i + 1), rng, ctx, i, count);
  }
  return out;
}
