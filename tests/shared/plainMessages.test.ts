import { describe, expect, it } from 'vitest';
import { channelInputs } from '../../shared/ipc/contract';

describe('plain validation messages', () => {
  it('says what to do instead of zod jargon when a value is too long', () => {
    const result = channelInputs['auth:submitRedirect'].safeParse({ url: 'x'.repeat(9000) });
    expect(result.success).toBe(false);
    const message = result.error!.issues[0]!.message;
    expect(message).toBe('Keep this under 8192 characters (it is longer now).');
    expect(message).not.toMatch(/expected|<=|string/);
  });

  it("keeps a schema's own message where it has one", () => {
    const result = channelInputs['profiles:create'].safeParse({ name: '', dataCentre: 'us', clientId: 'x', scopes: ['a'] });
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField.name).toBe('Give the profile a name.');
    expect(byField.clientId).toMatch(/1000\. followed by 30 capital letters/);
  });

  it('explains a missing value in words', () => {
    const result = channelInputs['auth:connect'].safeParse({});
    expect(result.error!.issues[0]!.message).toBe('This is required.');
  });
});
