/**
 * Scopes on the consent page, in plain words. Known scopes come from the shared catalogue;
 * the rest are described from their grammar (service.scope[.sub].OPERATION, §6.1).
 */
import { describeScope, SCOPE_PATTERN } from '../../../../shared/zoho/scopes';

const SERVICES = ['zohocrm', 'zohosearch', 'aaaserver', 'zohofiles'];
const OIDC_SCOPES = ['openid', 'email', 'profile', 'phone'];

const OPERATION_WORDS: Record<string, string> = {
  all: 'Read, create, change and delete',
  read: 'Read',
  create: 'Create',
  update: 'Change',
  delete: 'Delete',
  write: 'Create, change and delete',
  custom: 'Use',
};

/** Zoho takes scopes comma-separated (§2.1); a space inside one makes it invalid. */
export function parseRequestedScopes(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isKnownScope(scope: string): boolean {
  if (OIDC_SCOPES.includes(scope.toLowerCase())) return true;
  if (!SCOPE_PATTERN.test(scope)) return false;
  return SERVICES.includes(scope.split('.')[0]!.toLowerCase());
}

export function scopeInWords(scope: string): string {
  const known = describeScope(scope);
  if (known) return known.description;
  if (OIDC_SCOPES.includes(scope.toLowerCase())) return `Share your ${scope.toLowerCase() === 'openid' ? 'sign-in identity' : scope.toLowerCase()}.`;
  const parts = scope.split('.');
  const op = OPERATION_WORDS[parts.at(-1)!.toLowerCase()] ?? 'Use';
  const what = parts.slice(1, -1).join(' ').replace(/_/g, ' ').toLowerCase();
  return `${op} ${what} in ${parts[0]}.`;
}

