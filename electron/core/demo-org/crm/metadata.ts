/** settings/modules, settings/fields, settings/layouts (reference §5.3; shapes from [OAS] modules/fields/layouts). */
import { recordId } from '../data/seed';
import { MODULES, findModule, type DataType, type FieldSpec, type ModuleSpec } from '../data/schema';
import type { DemoOrgRecord } from '../data/directory';
import type { CrmCall } from './call';
import { errors, type CrmResult } from './envelope';
import { hasScope } from './scopes';

const moduleId = (org: DemoOrgRecord, m: ModuleSpec) => recordId(org, 8, m.seq);
const fieldId = (org: DemoOrgRecord, m: ModuleSpec, i: number) => recordId(org, 9, m.seq * 1000 + i);

function moduleJson(org: DemoOrgRecord, m: ModuleSpec) {
  return {
    id: moduleId(org, m),
    api_name: m.api_name,
    module_name: m.api_name,
    plural_label: m.plural_label,
    singular_label: m.singular_label,
    api_supported: m.api_supported,
    generated_type: 'default',
    creatable: m.api_supported,
    editable: m.api_supported,
    deletable: m.api_supported,
    viewable: true,
    visible: true,
    visibility: 1,
    sequence_number: m.seq,
    modified_time: null,
    modified_by: null,
    profiles: [{ name: 'Administrator', id: recordId(org, 0, 951) }],
  };
}

export function listModules(call: CrmCall): CrmResult {
  if (!hasScope(call.token.scopes, { kind: 'settings', area: 'modules' })) return errors.scopeMismatch();
  const name = call.req.url.pathname.split('/')[5];
  if (name) {
    const m = findModule(decodeURIComponent(name));
    if (!m) return errors.invalidModule();
    return { status: 200, body: { modules: [moduleJson(call.org, m)] } };
  }
  return { status: 200, body: { modules: [...MODULES].sort((a, b) => a.seq - b.seq).map((m) => moduleJson(call.org, m)) } };
}

const JSON_TYPES: Record<DataType, string> = {
  text: 'string',
  email: 'string',
  phone: 'string',
  website: 'string',
  picklist: 'string',
  textarea: 'string',
  integer: 'integer',
  bigint: 'string',
  currency: 'double',
  boolean: 'boolean',
  date: 'string',
  datetime: 'string',
  lookup: 'jsonobject',
  ownerlookup: 'jsonobject',
};

function fieldJson(org: DemoOrgRecord, m: ModuleSpec, f: FieldSpec, i: number) {
  const lookupTarget = f.lookup ? findModule(f.lookup) : undefined;
  return {
    id: fieldId(org, m, i),
    api_name: f.api_name,
    field_label: f.label,
    display_label: f.label,
    data_type: f.data_type,
    json_type: JSON_TYPES[f.data_type],
    system_mandatory: Boolean(f.mandatory),
    read_only: Boolean(f.read_only),
    custom_field: false,
    visible: true,
    length: f.length ?? (f.data_type === 'integer' ? 9 : f.data_type === 'currency' ? 16 : 255),
    unique: f.unique ? { casesensitive: '0' } : {},
    pick_list_values: (f.picklist ?? []).map((v, n) => ({
      display_value: v,
      actual_value: v,
      sequence_number: n + 1,
      id: recordId(org, 9, 500_000 + m.seq * 1000 + i * 30 + n),
      type: 'used',
    })),
    lookup:
      lookupTarget && f.lookup
        ? { display_label: f.label, api_name: f.api_name, module: { api_name: lookupTarget.api_name, id: moduleId(org, lookupTarget) } }
        : {},
  };
}

function moduleParam(call: CrmCall): ModuleSpec | CrmResult {
  const name = call.req.url.searchParams.get('module');
  if (!name) return errors.requiredParam('module');
  const m = findModule(name);
  if (!m || !m.api_supported) return errors.invalidModule();
  return m;
}

export function listFields(call: CrmCall): CrmResult {
  if (!hasScope(call.token.scopes, { kind: 'settings', area: 'fields' })) return errors.scopeMismatch();
  const m = moduleParam(call);
  if ('status' in m) return m;
  const fields = [{ api_name: 'id', label: 'Record Id', data_type: 'bigint', read_only: true } as FieldSpec, ...m.fields];
  return { status: 200, body: { fields: fields.map((f, i) => fieldJson(call.org, m, f, i)) } };
}

export function listLayouts(call: CrmCall): CrmResult {
  if (!hasScope(call.token.scopes, { kind: 'settings', area: 'layouts' })) return errors.scopeMismatch();
  const m = moduleParam(call);
  if ('status' in m) return m;
  const main = m.fields.filter((f) => !['Created_By', 'Modified_By', 'Created_Time', 'Modified_Time', 'Full_Name'].includes(f.api_name));
  const system = m.fields.filter((f) => ['Created_By', 'Modified_By', 'Created_Time', 'Modified_Time'].includes(f.api_name));
  const section = (label: string, n: number, fields: FieldSpec[]) => ({
    display_label: label,
    api_name: label,
    sequence_number: n,
    column_count: 2,
    fields: fields.map((f) => ({
      id: fieldId(call.org, m, m.fields.indexOf(f) + 1),
      api_name: f.api_name,
      display_label: f.label,
      data_type: f.data_type,
      system_mandatory: Boolean(f.mandatory),
    })),
  });
  return {
    status: 200,
    body: {
      layouts: [
        {
          id: recordId(call.org, 8, 100 + m.seq),
          name: 'Standard',
          display_label: 'Standard',
          status: 'active',
          visible: true,
          source: 'crm',
          profiles: [{ name: 'Administrator', id: recordId(call.org, 0, 951), default: true }],
          sections: [section(`${m.singular_label} Information`, 1, main), section('System Information', 2, system)],
        },
      ],
    },
  };
}
