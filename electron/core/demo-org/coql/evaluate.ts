/**
 * Runs a parsed COQL query over an org's records. Text compares case-insensitively; numbers
 * numerically; date-times as instants; lookups by id (or, with lookup.field, by the target
 * record's field). LIKE takes % as the wildcard.
 */
import type { OrgData } from '../data/orgData';
import { findField, type FieldSpec, type ModuleSpec } from '../data/schema';
import type { CrmRecord } from '../data/seed';
import type { Condition, FieldRef, Literal, Query } from './ast';

export class CoqlQueryError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

const TEXTUAL = ['text', 'textarea', 'email', 'phone', 'website', 'picklist'];
const OWNER_FIELDS: Record<string, string> = { id: 'id', email: 'email', full_name: 'name', name: 'name' };

interface Resolved {
  spec: FieldSpec;
  read(r: CrmRecord): unknown;
  /** Type used for comparisons. */
  type: string;
}

export function resolve(org: OrgData, module: ModuleSpec, ref: FieldRef, clause: string): Resolved {
  if (ref.field.toLowerCase() === 'id' && !ref.sub) {
    return { spec: { api_name: 'id', label: 'Id', data_type: 'bigint' }, read: (r) => r.id, type: 'bigint' };
  }
  const spec = findField(module, ref.field);
  if (!spec) throw new CoqlQueryError('invalid column given', { column_name: ref.text, clause });
  if (!ref.sub) {
    const idOf = (r: CrmRecord) => (r[spec.api_name] as { id?: string } | null)?.id ?? null;
    const lookup = spec.data_type === 'lookup' || spec.data_type === 'ownerlookup';
    return { spec, read: lookup ? idOf : (r) => r[spec.api_name] ?? null, type: lookup ? 'bigint' : spec.data_type };
  }
  if (spec.data_type === 'ownerlookup') {
    const key = OWNER_FIELDS[ref.sub.toLowerCase()];
    if (!key) throw new CoqlQueryError('invalid column given', { column_name: ref.text, clause });
    return { spec, read: (r) => (r[spec.api_name] as Record<string, unknown> | null)?.[key] ?? null, type: key === 'id' ? 'bigint' : 'text' };
  }
  if (spec.data_type !== 'lookup' || !spec.lookup) throw new CoqlQueryError('invalid column given', { column_name: ref.text, clause });
  const target = org.module(spec.lookup)!;
  const inner = resolve(org, target.spec, { field: ref.sub, text: ref.sub }, clause);
  return {
    spec: inner.spec,
    type: inner.type,
    read: (r) => {
      const id = (r[spec.api_name] as { id?: string } | null)?.id;
      const rec = id ? target.byId.get(id) : undefined;
      return rec ? inner.read(rec) : null;
    },
  };
}

function comparable(type: string, value: unknown): number | string | boolean | null {
  if (value === null || value === undefined) return null;
  if (type === 'integer' || type === 'currency') return Number(value);
  if (type === 'datetime') return Date.parse(String(value));
  if (type === 'boolean') return value === true || String(value).toLowerCase() === 'true';
  return String(value).toLowerCase();
}

function likeToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'is');
}

type Test = (r: CrmRecord) => boolean;

export function compileCondition(org: OrgData, module: ModuleSpec, c: Condition): Test {
  if (c.kind === 'and' || c.kind === 'or') {
    const l = compileCondition(org, module, c.left);
    const r = compileCondition(org, module, c.right);
    return c.kind === 'and' ? (x) => l(x) && r(x) : (x) => l(x) || r(x);
  }
  const f = resolve(org, module, c.ref, 'where');
  const v = (lit: Literal) => comparable(f.type, lit);
  switch (c.kind) {
    case 'null':
      return (r) => (f.read(r) === null || f.read(r) === '') !== c.negate;
    case 'like': {
      if (!TEXTUAL.includes(f.type)) throw new CoqlQueryError('invalid operator found', { column_name: c.ref.text, operator: 'like', clause: 'where' });
      const re = likeToRegExp(c.pattern);
      return (r) => {
        const value = f.read(r);
        return value !== null && re.test(String(value)) !== c.negate;
      };
    }
    case 'in': {
      const wanted = c.values.map(v);
      return (r) => {
        const value = comparable(f.type, f.read(r));
        return value !== null && wanted.includes(value) !== c.negate;
      };
    }
    case 'between': {
      const low = v(c.low)!;
      const high = v(c.high)!;
      return (r) => {
        const value = comparable(f.type, f.read(r));
        return value !== null && value >= low && value <= high;
      };
    }
    case 'cmp': {
      if (['<', '<=', '>', '>='].includes(c.op) && (TEXTUAL.includes(f.type) || f.type === 'boolean')) {
        throw new CoqlQueryError('invalid operator found', { column_name: c.ref.text, operator: c.op, clause: 'where' });
      }
      const want = v(c.value);
      return (r) => {
        const value = comparable(f.type, f.read(r));
        if (want === null) return c.op === '=' ? value === null : c.op === '!=' ? value !== null : false;
        if (value === null) return false;
        switch (c.op) {
          case '=':
            return value === want;
          case '!=':
            return value !== want;
          case '<':
            return value < want;
          case '<=':
            return value <= want;
          case '>':
            return value > want;
          default:
            return value >= want;
        }
      };
    }
  }
}

export function runQuery(org: OrgData, module: ModuleSpec, records: readonly CrmRecord[], q: Query, limit: number) {
  const outputs = q.fields.map((ref) => ({ ref, f: resolve(org, module, ref, 'select') }));
  const test = q.where ? compileCondition(org, module, q.where) : () => true;
  const orders = q.orderBy.map((o) => ({ f: resolve(org, module, o.ref, 'order by'), dir: o.order === 'desc' ? -1 : 1 }));
  let rows = records.filter(test);
  if (orders.length) {
    rows = [...rows].sort((a, b) => {
      for (const { f, dir } of orders) {
        const x = comparable(f.type, f.read(a));
        const y = comparable(f.type, f.read(b));
        if (x === y) continue;
        // Nulls sort first ascending, as in SQL engines that put NULL lowest.
        if (x === null) return -dir;
        if (y === null) return dir;
        return (x < y ? -1 : 1) * dir;
      }
      return a.id < b.id ? -1 : 1;
    });
  }
  const page = rows.slice(q.offset, q.offset + limit);
  const data = page.map((r) => {
    const row: Record<string, unknown> = {};
    for (const { ref, f } of outputs) {
      const value = f.read(r);
      // Plain lookups come back as {"id": …} in COQL answers.
      row[ref.text] = !ref.sub && (f.spec.data_type === 'lookup' || f.spec.data_type === 'ownerlookup') ? (value === null ? null : { id: value }) : value;
    }
    row['id'] = r.id;
    return row;
  });
  return { data, more: q.offset + limit < rows.length };
}
