/** users (with ?type=) and org (reference §5.3; shapes from [OAS] users.json and org.json). */
import { ZOHO_LIMITS } from '../../../../shared/zoho/limits';
import { DATA_CENTRES } from '../../../../shared/zoho/dataCentres';
import { EDITIONS } from '../../../../shared/zoho/editions';
import type { CrmUser } from '../data/orgData';
import type { CrmCall } from './call';
import { errors, noContent, type CrmResult } from './envelope';
import { hasScope } from './scopes';

const USER_TYPES: Record<string, (u: CrmUser, call: CrmCall) => boolean> = {
  AllUsers: () => true,
  ActiveUsers: (u) => u.status === 'active',
  DeactiveUsers: (u) => u.status === 'disabled',
  ConfirmedUsers: (u) => u.confirm,
  NotConfirmedUsers: (u) => !u.confirm,
  DeletedUsers: () => false,
  ActiveConfirmedUsers: (u) => u.status === 'active' && u.confirm,
  AdminUsers: (u) => u.profile.name === 'Administrator',
  ActiveConfirmedAdmins: (u) => u.profile.name === 'Administrator' && u.status === 'active' && u.confirm,
  CurrentUser: (u, call) => u.id === call.user.id,
};

function userJson(u: CrmUser, call: CrmCall) {
  const creator = call.data.users[0]!;
  return {
    id: u.id,
    zuid: u.zuid,
    first_name: u.first_name,
    last_name: u.last_name,
    full_name: u.name,
    email: u.email,
    status: u.status,
    confirm: u.confirm,
    role: u.role,
    profile: u.profile,
    alias: null,
    phone: null,
    locale: 'en_US',
    country_locale: 'en_US',
    time_zone: call.org.time_zone,
    date_format: 'MM/dd/yyyy',
    time_format: 'hh:mm a',
    created_by: { name: creator.name, id: creator.id },
    created_time: u.created_time,
    Modified_Time: u.created_time,
    Modified_By: { name: creator.name, id: creator.id },
    Reporting_To: null,
    type__s: 'Regular User',
    sandboxDeveloper: false,
  };
}

export function listUsers(call: CrmCall): CrmResult {
  if (!hasScope(call.token.scopes, { kind: 'users' })) return errors.scopeMismatch();
  const q = call.req.url.searchParams;
  const id = call.req.url.pathname.split('/')[4];
  if (id) {
    const u = call.data.users.find((x) => x.id === id);
    return u ? { status: 200, body: { users: [userJson(u, call)] } } : noContent();
  }
  const type = q.get('type') ?? 'AllUsers';
  const filter = USER_TYPES[type];
  if (!filter) return errors.invalidParam('type', 'invalid data', { supported_values: Object.keys(USER_TYPES) });
  const page = Number(q.get('page') ?? 1);
  const perPage = Number(q.get('per_page') ?? ZOHO_LIMITS.perPageMax);
  if (!Number.isInteger(page) || page < 1) return errors.invalidParam('page', 'invalid data');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > ZOHO_LIMITS.perPageMax) {
    return errors.invalidParam('per_page', 'invalid data', { maximum_value: ZOHO_LIMITS.perPageMax });
  }
  const all = call.data.users.filter((u) => filter(u, call));
  const slice = all.slice((page - 1) * perPage, page * perPage);
  if (!slice.length) return noContent();
  return {
    status: 200,
    body: {
      users: slice.map((u) => userJson(u, call)),
      info: { per_page: perPage, count: slice.length, page, more_records: page * perPage < all.length },
    },
  };
}

export function getOrg(call: CrmCall): CrmResult {
  if (!hasScope(call.token.scopes, { kind: 'org' })) return errors.scopeMismatch();
  const o = call.org;
  const edition = EDITIONS[o.edition];
  const primary = call.data.users[0]!;
  return {
    status: 200,
    body: {
      org: [
        {
          id: o.id,
          company_name: o.company_name,
          alias: null,
          type: o.environment,
          domain_name: `org${o.id}`,
          primary_email: primary.email,
          primary_zuid: primary.zuid,
          zgid: o.id,
          country: o.country,
          country_code: o.country,
          iso_code: o.currency.iso,
          currency: o.currency.name,
          currency_symbol: o.currency.symbol,
          currency_locale: o.currency.iso,
          time_zone: o.time_zone,
          mc_status: false,
          gapps_enabled: false,
          translation_enabled: false,
          privacy_settings: true,
          hipaa_compliance_enabled: false,
          lite_users_enabled: false,
          max_per_page: ZOHO_LIMITS.perPageMax,
          employee_count: null,
          phone: null,
          website: null,
          description: `Demo org in the ${DATA_CENTRES[o.dc].label} data centre`,
          license_details: {
            paid: o.edition !== 'free',
            paid_type: edition.label.toLowerCase(),
            paid_expiry: null,
            trial_type: null,
            trial_expiry: null,
            users_license_purchased: o.licensedUsers,
            portal_users_license_purchased: 0,
          },
        },
      ],
    },
  };
}
