/**
 * The demo people and organisations. Fixed, so tests and screenshots are repeatable.
 * Users have a home data centre (§1.1, §4.5); orgs live in one DC and one environment
 * (production, sandbox or developer — §1.1 notes), and tokens are bound to one org.
 * All names are made up; mail domains are example.com / example.org.
 */
import type { DataCentreId, Environment } from '../../../../shared/zoho/dataCentres';
import type { Edition } from '../../../../shared/zoho/editions';

export interface DemoOrgRecord {
  /** Zoho org id (zsoid) — used in `soid=ZohoCRM.<id>` (§3.1). */
  id: string;
  company_name: string;
  dc: DataCentreId;
  environment: Environment;
  edition: Edition;
  licensedUsers: number;
  time_zone: string;
  /** Fixed UTC offset used for the org's date-times (no DST: a demo keeps it simple). */
  utc_offset: string;
  currency: { name: string; symbol: string; iso: string };
  country: string;
  /** First 7 digits of every record id in this org, like Zoho's per-org id prefixes. */
  idPrefix: string;
  /** Seed for the generated records; sandboxes copy production data with another seed. */
  seed: number;
  /** How many records each module starts with. */
  counts: Record<string, number>;
}

export interface DemoUserRecord {
  /** Short key used by the consent page and console (e.g. "ava"). */
  key: string;
  zuid: string;
  first_name: string;
  last_name: string;
  email: string;
  home_dc: DataCentreId;
  /** Orgs this person can grant access to, in the order the consent page lists them. */
  orgIds: string[];
}

const small = { Leads: 240, Contacts: 180, Accounts: 90, Deals: 150 };

export const DEMO_ORGS: readonly DemoOrgRecord[] = [
  {
    id: '60021458201',
    company_name: 'Northwind Outfitters',
    dc: 'us',
    environment: 'production',
    edition: 'enterprise',
    licensedUsers: 12,
    time_zone: 'America/Chicago',
    utc_offset: '-06:00',
    currency: { name: 'US Dollar - USD', symbol: '$', iso: 'USD' },
    country: 'US',
    idPrefix: '5725767',
    seed: 20240611,
    // Leads is the big module: pagination past 2000 records is real (§5.4).
    counts: { Leads: 10_500, Contacts: 420, Accounts: 180, Deals: 360 },
  },
  {
    id: '60021458299',
    company_name: 'Northwind Outfitters (Sandbox)',
    dc: 'us',
    environment: 'sandbox',
    edition: 'enterprise',
    licensedUsers: 12,
    time_zone: 'America/Chicago',
    utc_offset: '-06:00',
    currency: { name: 'US Dollar - USD', symbol: '$', iso: 'USD' },
    country: 'US',
    idPrefix: '5725799',
    seed: 20240612,
    counts: small,
  },
  {
    id: '60021458377',
    company_name: 'Northwind Labs (Developer)',
    dc: 'us',
    environment: 'developer',
    edition: 'enterprise',
    licensedUsers: 3,
    time_zone: 'America/Chicago',
    utc_offset: '-06:00',
    currency: { name: 'US Dollar - USD', symbol: '$', iso: 'USD' },
    country: 'US',
    idPrefix: '5725877',
    seed: 20240613,
    counts: { Leads: 60, Contacts: 40, Accounts: 20, Deals: 30 },
  },
  {
    id: '60033911045',
    company_name: 'Bluebird Bikes',
    dc: 'us',
    environment: 'production',
    edition: 'free',
    licensedUsers: 3,
    time_zone: 'America/Los_Angeles',
    utc_offset: '-08:00',
    currency: { name: 'US Dollar - USD', symbol: '$', iso: 'USD' },
    country: 'US',
    idPrefix: '6103391',
    seed: 1987,
    counts: small,
  },
  {
    id: '20087245512',
    company_name: 'Alpenrose Handel GmbH',
    dc: 'eu',
    environment: 'production',
    edition: 'professional',
    licensedUsers: 8,
    time_zone: 'Europe/Berlin',
    utc_offset: '+01:00',
    currency: { name: 'Euro - EUR', symbol: '€', iso: 'EUR' },
    country: 'DE',
    idPrefix: '2008724',
    seed: 4711,
    counts: { Leads: 900, Contacts: 300, Accounts: 120, Deals: 200 },
  },
  {
    id: '20087245590',
    company_name: 'Alpenrose Handel GmbH (Sandbox)',
    dc: 'eu',
    environment: 'sandbox',
    edition: 'professional',
    licensedUsers: 8,
    time_zone: 'Europe/Berlin',
    utc_offset: '+01:00',
    currency: { name: 'Euro - EUR', symbol: '€', iso: 'EUR' },
    country: 'DE',
    idPrefix: '2008759',
    seed: 4712,
    counts: small,
  },
  {
    id: '70064120933',
    company_name: 'Lotus Traders Pvt Ltd',
    dc: 'in',
    environment: 'production',
    edition: 'standard',
    licensedUsers: 5,
    time_zone: 'Asia/Kolkata',
    utc_offset: '+05:30',
    currency: { name: 'Indian Rupee - INR', symbol: '₹', iso: 'INR' },
    country: 'IN',
    idPrefix: '7006412',
    seed: 108,
    counts: small,
  },
];

export const DEMO_USERS: readonly DemoUserRecord[] = [
  {
    key: 'ava',
    zuid: '80012345',
    first_name: 'Ava',
    last_name: 'Thompson',
    email: 'ava.thompson@example.com',
    home_dc: 'us',
    orgIds: ['60021458201', '60021458299', '60021458377'],
  },
  {
    key: 'ben',
    zuid: '80012377',
    first_name: 'Ben',
    last_name: 'Okafor',
    email: 'ben.okafor@example.com',
    home_dc: 'us',
    orgIds: ['60033911045'],
  },
  {
    key: 'elena',
    zuid: '20045521',
    first_name: 'Elena',
    last_name: 'Fischer',
    email: 'elena.fischer@example.org',
    home_dc: 'eu',
    orgIds: ['20087245512', '20087245590'],
  },
  {
    key: 'priya',
    zuid: '70098812',
    first_name: 'Priya',
    last_name: 'Raman',
    email: 'priya.raman@example.org',
    home_dc: 'in',
    orgIds: ['70064120933'],
  },
];

export const fullName = (u: { first_name: string; last_name: string }): string => `${u.first_name} ${u.last_name}`;

export function findUser(keyOrEmailOrZuid: string): DemoUserRecord | undefined {
  const k = keyOrEmailOrZuid.trim().toLowerCase();
  return DEMO_USERS.find((u) => u.key === k || u.email === k || u.zuid === k);
}

export function findOrg(id: string): DemoOrgRecord | undefined {
  return DEMO_ORGS.find((o) => o.id === id);
}

export function orgsOf(user: DemoUserRecord): DemoOrgRecord[] {
  return user.orgIds.map((id) => findOrg(id)).filter((o): o is DemoOrgRecord => Boolean(o));
}
