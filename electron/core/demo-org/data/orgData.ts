/**
 * One org's CRM data in memory: its CRM users and its records, module by module.
 * Records are generated on first use (seed.ts) and then changed by the write APIs.
 * Writes are not persisted: a restart brings the seed back, which is what a demo wants.
 */
import { DEMO_USERS, fullName, type DemoOrgRecord } from './directory';
import { findModule, type ModuleSpec } from './schema';
import { formatDateTime, recordId, seedRecords, type CrmRecord, type UserRef } from './seed';

export interface CrmUser extends UserRef {
  zuid: string;
  first_name: string;
  last_name: string;
  status: 'active' | 'disabled';
  confirm: boolean;
  role: { name: string; id: string };
  profile: { name: string; id: string };
  /** The demo person behind it, when it is one of DEMO_USERS. */
  key?: string;
  created_time: string;
}

export interface ModuleData {
  spec: ModuleSpec;
  /** Ascending by id (= creation order). */
  records: CrmRecord[];
  byId: Map<string, CrmRecord>;
  nextCounter: number;
}

/** Extra, made-up colleagues so Owner values vary; one is deactivated, one unconfirmed (users?type=…). */
const COLLEAGUES = [
  { first_name: 'Jordan', last_name: 'Lee', status: 'active', confirm: true },
  { first_name: 'Mina', last_name: 'Sorensen', status: 'active', confirm: true },
  { first_name: 'Tobias', last_name: 'Greer', status: 'disabled', confirm: true },
  { first_name: 'Lucia', last_name: 'Ferraro', status: 'active', confirm: false },
] as const;

export class OrgData {
  readonly users: CrmUser[];
  private readonly modules = new Map<string, ModuleData>();

  constructor(readonly org: DemoOrgRecord) {
    const id = (n: number) => recordId(org, 0, n);
    const role = (name: string, n: number) => ({ name, id: id(900 + n) });
    const profile = (name: string, n: number) => ({ name, id: id(950 + n) });
    const created = formatDateTime(Date.UTC(2022, 10, 1, 9), org.utc_offset);
    const people: CrmUser[] = DEMO_USERS.filter((u) => u.orgIds.includes(org.id)).map((u, i) => ({
      id: id(i + 1),
      zuid: u.zuid,
      key: u.key,
      name: fullName(u),
      first_name: u.first_name,
      last_name: u.last_name,
      email: u.email,
      status: 'active',
      confirm: true,
      role: role('CEO', 1),
      profile: profile('Administrator', 1),
      created_time: created,
    }));
    const domain = org.company_name.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 16);
    COLLEAGUES.forEach((c, i) => {
      people.push({
        id: id(100 + i),
        zuid: String(90_000_000 + Number(org.idPrefix.slice(-3)) * 10 + i),
        name: fullName(c),
        first_name: c.first_name,
        last_name: c.last_name,
        email: `${c.first_name}.${c.last_name}@${domain}.example.com`.toLowerCase(),
        status: c.status,
        confirm: c.confirm,
        role: role(i === 0 ? 'Manager' : 'Sales Rep', i === 0 ? 2 : 3),
        profile: profile('Standard', 2),
        created_time: created,
      });
    });
    this.users = people;
  }

  /** Users that own records: active ones only. */
  private owners(): UserRef[] {
    return this.users.filter((u) => u.status === 'active').map(({ id, name, email }) => ({ id, name, email }));
  }

  userForPerson(key: string): CrmUser | undefined {
    return this.users.find((u) => u.key === key);
  }

  module(apiName: string): ModuleData | undefined {
    const spec = findModule(apiName);
    if (!spec || !spec.api_supported) return undefined;
    let data = this.modules.get(spec.api_name);
    if (!data) {
      const records = seedRecords(spec, {
        org: this.org,
        users: this.owners(),
        lookup: (other) => this.module(other)?.records ?? [],
      });
      data = { spec, records, byId: new Map(records.map((r) => [r.id, r])), nextCounter: records.length + 1 };
      this.modules.set(spec.api_name, data);
    }
    return data;
  }

  newRecordId(data: ModuleData): string {
    const id = recordId(this.org, data.spec.seq, data.nextCounter);
    data.nextCounter += 1;
    return id;
  }
}
