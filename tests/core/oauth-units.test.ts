/**
 * The small pure rules behind the OAuth flows: token lifetimes (§3.2), the throttle's
 * recognition (§3.3), the host choices of multi-DC (§4.5) and the 21st-token ledger (§3.4).
 */
import { describe, expect, it } from 'vitest';
import { AuthLedger } from '../../electron/core/auth/authLedger';
import { HostPolicy } from '../../electron/core/net/hostPolicy';
import { mapTokenError } from '../../electron/core/oauth/oauthErrors';
import { expiresInSeconds } from '../../electron/core/oauth/zohoOAuth';
import { confStoreFactory } from '../../electron/core/storage/confStoreFactory';
import { tempDir } from '../helpers/testCore';

describe('token lifetime (§3.2)', () => {
  it('prefers expires_in_sec, else expires_in in seconds; above a day it is milliseconds', () => {
    expect(expiresInSeconds({ expires_in: 3600 })).toBe(3600);
    expect(expiresInSeconds({ expires_in: 3_600_000, expires_in_sec: 3600 })).toBe(3600);
    expect(expiresInSeconds({ expires_in: 3_600_000 })).toBe(3600);
    expect(expiresInSeconds({ expires_in: '3600' })).toBe(3600);
    expect(expiresInSeconds({})).toBe(3600);
    expect(expiresInSeconds({ expires_in: -5 })).toBe(3600);
  });
});

describe('mapTokenError', () => {
  it('reads HTTP-200 bodies and 400 bodies alike, and keeps Zoho’s raw answer for "Show details"', () => {
    const e = mapTokenError({ body: { error: 'invalid_client' } }, { dataCentre: 'Europe (zoho.eu)' });
    expect(e).toEqual({
      code: 'OAUTH_INVALID_CLIENT',
      message: "This client id isn't registered in the Europe (zoho.eu) data centre.",
      hint: expect.stringContaining("open the client's Settings and enable the Europe (zoho.eu) data centre, or pick the right data centre here"),
      details: '{"error":"invalid_client"}',
    });
    expect(mapTokenError({ cause: { error: 'Access Denied', error_description: 'too many', status: 'failure' } }).code).toBe('OAUTH_THROTTLED');
  });
});

describe('HostPolicy (§4.5)', () => {
  const hosts = new HostPolicy();
  it('multi-DC authorizes at accounts.zoho.com, China at accounts.zoho.com.cn, single-DC at its own', () => {
    expect(hosts.authorizeServerFor('zoho', 'eu', true)).toBe('https://accounts.zoho.com');
    expect(hosts.authorizeServerFor('zoho', 'cn', true)).toBe('https://accounts.zoho.com.cn');
    expect(hosts.authorizeServerFor('zoho', 'eu', false)).toBe('https://accounts.zoho.eu');
    expect(hosts.authorizeServerFor('zoho', 'ca', false)).toBe('https://accounts.zohocloud.ca');
  });
  it('maps accounts servers and device-flow locations to data centres, and nothing else', () => {
    expect(hosts.dataCentreOfAccountsServer('https://accounts.zoho.in', 'zoho')).toBe('in');
    expect(hosts.dataCentreOfAccountsServer('https://accounts.zoho.in.evil.example', 'zoho')).toBeUndefined();
    expect(hosts.accountsServerForLocation('eu', 'zoho')).toBe('https://accounts.zoho.eu');
    expect(hosts.accountsServerForLocation('mars', 'zoho')).toBeUndefined();
    expect(hosts.isAllowedAccountsServer('https://accounts.zoho.eu', 'demo')).toBe(false);
  });
});

describe('AuthLedger (§3.4)', () => {
  const log = { info() {}, warn() {}, error() {} };
  it('counts refresh tokens per client and user, caps at 20 like Zoho, and forgets revoked ones', () => {
    const ledger = new AuthLedger(confStoreFactory(tempDir()), log);
    ledger.setFacts('p1', { lastUserId: 'u1', lastUserName: 'Ava' });
    for (let i = 0; i < 19; i += 1) ledger.recordRefreshToken('c1', 'u1', `token-${i}`, 'p1', 1000 + i);
    expect(ledger.tokenLimitFor('c1', 'p1')).toBeUndefined();
    ledger.recordRefreshToken('c1', 'u1', 'token-19', 'p1', 2000);
    expect(ledger.tokenLimitFor('c1', 'p1')).toEqual({ userId: 'u1', userName: 'Ava', active: 20, oldestAt: 1000 });
    ledger.recordRefreshToken('c1', 'u1', 'token-20', 'p1', 3000);
    expect(ledger.activeRefreshTokens('c1', 'u1')).toHaveLength(20);
    expect(ledger.activeRefreshTokens('c1', 'u1')[0]!.at).toBe(1001); // Zoho deleted the oldest
    ledger.removeRefreshToken('token-20');
    expect(ledger.tokenLimitFor('c1', 'p1')).toBeUndefined();
    // Other clients and users are counted apart; the file holds no token.
    expect(ledger.tokenLimitFor('c2', 'p1')).toBeUndefined();
    expect(JSON.stringify(ledger.activeRefreshTokens('c1', 'u1'))).not.toContain('token-');
  });

  it('warns for a never-connected profile when a user of this client is already at the limit', () => {
    const ledger = new AuthLedger(confStoreFactory(tempDir()), log);
    for (let i = 0; i < 20; i += 1) ledger.recordRefreshToken('c1', 'u9', `t${i}`, 'other', i);
    expect(ledger.tokenLimitFor('c1', 'fresh-profile')?.userId).toBe('u9');
  });
});
