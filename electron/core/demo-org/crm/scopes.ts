/**
 * Which scope each call needs (reference §6.3) and whether a token has it. Zoho spells scopes
 * in mixed case (§6.1), so matching folds case. WRITE means CREATE + UPDATE + DELETE (§6.1).
 */
export type Need =
  | { kind: 'module'; module: string; op: 'READ' | 'CREATE' | 'UPDATE' | 'DELETE' }
  | { kind: 'settings'; area: string }
  | { kind: 'users' }
  | { kind: 'org' }
  | { kind: 'coql' }
  | { kind: 'search' };

function acceptable(need: Need): string[] {
  switch (need.kind) {
    case 'module': {
      const m = need.module.toLowerCase();
      const ops = need.op === 'READ' ? ['read', 'all'] : [need.op.toLowerCase(), 'write', 'all'];
      return ['zohocrm.modules.all', ...ops.map((op) => `zohocrm.modules.${m}.${op}`)];
    }
    case 'settings':
      return ['zohocrm.settings.all', `zohocrm.settings.${need.area}.read`, `zohocrm.settings.${need.area}.all`];
    case 'users':
      return ['zohocrm.users.read', 'zohocrm.users.all'];
    case 'org':
      return ['zohocrm.org.read', 'zohocrm.org.all'];
    case 'coql':
      return ['zohocrm.coql.read'];
    case 'search':
      return ['zohosearch.securesearch.read', 'zohosearch.securesearch.all'];
  }
}

export function hasScope(granted: readonly string[], need: Need): boolean {
  const ok = acceptable(need);
  return granted.some((s) => ok.includes(s.toLowerCase()));
}

export function hasAll(granted: readonly string[], needs: readonly Need[]): boolean {
  return needs.every((n) => hasScope(granted, n));
}
