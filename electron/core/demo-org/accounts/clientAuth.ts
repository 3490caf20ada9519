/**
 * Who is calling the token endpoint. Zoho takes client_id/client_secret as form fields
 * (client_secret_post, what openid-client sends) and discovery also lists client_secret_basic
 * (§1.3), so both are accepted. Errors as Zoho names them (§3.3):
 * invalid_client for an id this DC doesn't know (or a DC not enabled), invalid_client_secret otherwise.
 */
import type { DataCentreId } from '../../../../shared/zoho/dataCentres';
import type { DemoContext } from '../context';
import { sameSecret } from '../ids';
import type { DemoRequest } from '../http/io';
import type { ClientRecord } from '../state/types';
import { clientServesDc } from './authorize';

export type ClientAuth = { ok: true; client: ClientRecord } | { ok: false; error: 'invalid_client' | 'invalid_client_secret' };

export function credentialsFrom(req: DemoRequest, form: URLSearchParams): { id: string; secret: string | null } {
  const header = String(req.headers.authorization ?? '');
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    }
  }
  return { id: form.get('client_id') ?? '', secret: form.get('client_secret') };
}

export function authenticateClient(ctx: DemoContext, dc: DataCentreId, id: string, secret: string | null): ClientAuth {
  const client = ctx.store.clients.get(id);
  if (!client || !clientServesDc(client, dc)) return { ok: false, error: 'invalid_client' };
  // Per-DC secrets: the one for the DC being called (§4.5, [CRM-MDC]).
  const expected = client.secrets[dc];
  // The mobile token page still lists client_secret as required (§3.1), so it is required here too.
  if (!expected || !secret || !sameSecret(secret, expected)) return { ok: false, error: 'invalid_client_secret' };
  return { ok: true, client };
}
