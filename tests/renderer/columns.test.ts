import { describe, expect, it } from 'vitest';
import type { CrmField } from '../../shared/ipc/contract';
import { formatValue, pickDefaultColumns } from '../../renderer/src/columns';

const f = (apiName: string, dataType = 'text'): CrmField => ({ apiName, label: apiName.replace(/_/g, ' '), dataType });

describe('pickDefaultColumns', () => {
  it('prefers the well-known fields, in order, and skips first/last name when there is a full name', () => {
    const fields = [f('Zip'), f('Owner', 'ownerlookup'), f('Last_Name'), f('Full_Name'), f('Email', 'email'), f('Created_Time', 'datetime')];
    expect(pickDefaultColumns(fields).map((x) => x.apiName)).toEqual(['Full_Name', 'Email', 'Owner', 'Created_Time']);
  });

  it('fills up with other suitable fields for custom modules, up to the maximum', () => {
    const fields = [f('Name'), f('Notes_Long', 'textarea'), f('Owner', 'ownerlookup'), ...Array.from({ length: 12 }, (_, i) => f(`C${i}`))];
    const picked = pickDefaultColumns(fields).map((x) => x.apiName);
    expect(picked).toHaveLength(8);
    expect(picked[0]).toBe('Owner');
    expect(picked).toContain('Name');
    expect(picked).not.toContain('Notes_Long');
  });
});

describe('formatValue', () => {
  it('shows lookups by name, lists joined, booleans in words and nothing for empty', () => {
    expect(formatValue({ name: 'Grace Hopper', id: '9' })).toBe('Grace Hopper');
    expect(formatValue(['a', { name: 'b' }])).toBe('a, b');
    expect(formatValue(true)).toBe('Yes');
    expect(formatValue(null)).toBe('');
    expect(formatValue(42)).toBe('42');
    expect(formatValue({ id: '77' })).toBe('77');
  });
});
