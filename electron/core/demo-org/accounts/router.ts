/** Routes of one data centre's accounts origin. */
import type { ServerResponse } from 'node:http';
import type { DataCentreId } from '../../../../shared/zoho/dataCentres';
import type { DemoContext } from '../context';
import { sendHtml, sendJson, type DemoRequest } from '../http/io';
import { handleAuthorize, handleDecision } from './authorize';
import { handleDeviceCode, handleDeviceDecision, handleDevicePage } from './device';
import { handleDiscovery, handleServerInfo } from './discovery';
import { errorPage } from './pages';
import { handleRevoke } from './revoke';
import { handleToken } from './tokenEndpoint';

export function routeAccounts(ctx: DemoContext, dc: DataCentreId, req: DemoRequest, res: ServerResponse): void {
  const path = req.url.pathname;
  const get = req.method === 'GET' || req.method === 'HEAD';
  const post = req.method === 'POST';
  if (path === '/oauth/v2/auth' && get) return handleAuthorize(ctx, req, res);
  if (path === '/oauth/v2/auth/decision' && post) return handleDecision(ctx, req, res);
  if (path === '/oauth/v2/token') return handleToken(ctx, dc, req, res);
  if (path === '/oauth/v2/token/revoke' && post) return handleRevoke(ctx, dc, req, res);
  if (path === '/oauth/serverinfo' && get) return handleServerInfo(ctx, res);
  if (path === '/.well-known/openid-configuration' && get) return handleDiscovery(ctx, dc, res);
  if (path === '/oauth/v3/device/code' && post) return handleDeviceCode(ctx, dc, req, res);
  if (path === '/oauth/v3/device/token' && post) return handleToken(ctx, dc, req, res);
  if (path === '/oauth/v3/device' && get) return handleDevicePage(ctx, req, res);
  if (path === '/oauth/v3/device/decision' && post) return handleDeviceDecision(ctx, req, res);
  if (path.startsWith('/crm/')) {
    // CRM calls must go to the API domain, not the accounts server (§1.1: INVALID_HOST, 400).
    return sendJson(res, 400, { code: 'INVALID_HOST', details: {}, message: 'Invalid Host', status: 'error' });
  }
  sendHtml(res, 404, errorPage('Page not found', `Nothing is served at ${path} on this accounts server.`));
}
