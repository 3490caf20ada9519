/** GET /console/api/users: the demo people, their home DC and their orgs (with API domains). */
import { apiOrigin, type DemoContext } from '../context';
import { DEMO_USERS, fullName, orgsOf } from '../data/directory';
import { EDITIONS } from '../../../../shared/zoho/editions';

export function directoryView(ctx: DemoContext) {
  return {
    users: DEMO_USERS.map((u) => ({
      user: u.key,
      zuid: u.zuid,
      full_name: fullName(u),
      email: u.email,
      home_dc: u.home_dc,
      accounts_server: ctx.origins.accounts[u.home_dc],
      orgs: orgsOf(u).map((o) => ({
        id: o.id,
        company_name: o.company_name,
        environment: o.environment,
        edition: EDITIONS[o.edition].label,
        dc: o.dc,
        soid: `ZohoCRM.${o.id}`,
        api_domain: apiOrigin(ctx, o.dc, o.environment),
      })),
    })),
  };
}
