import { useId, useMemo, useRef, useState } from 'react';
import type { CrmField, CrmModule } from '../../../shared/ipc/contract';
import { ZOHO_LIMITS } from '../../../shared/zoho/limits';
import { LazyCodeEditor } from './LazyCodeEditor';
import { defaultCoql, OPERATIONS, SEARCH_OPERATORS, templateBody, type GuidedState, type OperationId } from './operations';

interface Props {
  modules: CrmModule[];
  fields: CrmField[] | null;
  fieldsLoading: boolean;
  state: GuidedState;
  onChange: (next: GuidedState) => void;
  /** `via`: how the choice was made — arrow keys pass modules on the way, a click picks one. */
  onModule: (module: string, via: 'keyboard' | 'pointer') => void;
  /** Enter on the Module picker: load this module's records now. */
  onModuleEnter?: () => void;
  readOnly: boolean;
}

/** Module → operation → fields → the operation's parameters, each explained in plain words. */
export function GuidedBuilder({ modules, fields, fieldsLoading, state, onChange, onModule, onModuleEnter, readOnly }: Props) {
  const uid = useId();
  // Whether the Module picker's last change came from the keyboard (arrow keys, type-ahead) or a pointer.
  const moduleVia = useRef<'keyboard' | 'pointer'>('pointer');
  const id = (n: string) => `${uid}-${n}`;
  const [filter, setFilter] = useState('');
  const set = (changes: Partial<GuidedState>) => onChange({ ...state, ...changes });
  const op = OPERATIONS.find((o) => o.id === state.operation)!;
  const visibleFields = useMemo(
    () => (fields ?? []).filter((f) => !filter || `${f.label} ${f.apiName}`.toLowerCase().includes(filter.toLowerCase())),
    [fields, filter],
  );
  const schema = useMemo(() => (state.module && fields ? { [state.module]: fields.map((f) => f.apiName) } : {}), [state.module, fields]);
  const atMax = state.fields.length >= ZOHO_LIMITS.fieldsMax;

  function chooseOperation(next: OperationId) {
    const o = OPERATIONS.find((x) => x.id === next)!;
    const changes: Partial<GuidedState> = { operation: next, page: 1 };
    if (next === 'coql' && !state.coql) changes.coql = defaultCoql(state.module, state.fields);
    if (o.write && next !== 'delete') changes.body = templateBody(next, fields ?? [], state);
    set(changes);
  }

  function toggleField(name: string, on: boolean) {
    const fieldsNow = on ? [...state.fields, name] : state.fields.filter((f) => f !== name);
    set({ fields: fieldsNow });
  }

  return (
    <div className="guided">
      <div className="field">
        <label htmlFor={id('module')}>Module</label>
        <p className="help" id={id('module-help')}>
          A CRM module is a kind of record, such as Leads or Contacts. Press Enter here, or Send, to load its records.
        </p>
        <select
          id={id('module')}
          value={state.module}
          onChange={(e) => onModule(e.target.value, moduleVia.current)}
          onPointerDown={() => {
            moduleVia.current = 'pointer';
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && state.module && onModuleEnter) {
              e.preventDefault();
              onModuleEnter();
              return;
            }
            if (e.key !== 'Tab') moduleVia.current = 'keyboard';
          }}
          aria-describedby={id('module-help')}
        >
          <option value="">Choose a module…</option>
          {modules.map((m) => (
            <option key={m.apiName} value={m.apiName}>
              {m.label}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={id('op')}>What to do</label>
        <p className="help" id={id('op-help')}>
          {op.help}
          {op.write && readOnly ? ' This profile is read-only, so the app will not send changes.' : ''}
        </p>
        <select id={id('op')} value={state.operation} onChange={(e) => chooseOperation(e.target.value as OperationId)} aria-describedby={id('op-help')}>
          <optgroup label="Read">
            {OPERATIONS.filter((o) => !o.write).map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Change data">
            {OPERATIONS.filter((o) => o.write).map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
        </select>
      </div>

      {op.usesFields && state.module ? (
        <fieldset className="field fields-picker">
          <legend>
            Fields ({state.fields.length} of at most {ZOHO_LIMITS.fieldsMax} chosen)
          </legend>
          <p className="help">Zoho returns only the fields you ask for. A few useful ones are already ticked.</p>
          {fieldsLoading ? <p className="muted">Loading fields…</p> : null}
          {fields && fields.length > 12 ? (
            <input type="search" aria-label="Filter fields" placeholder="Filter fields…" value={filter} onChange={(e) => setFilter(e.target.value)} />
          ) : null}
          <div className="fields-grid">
            {visibleFields.map((f) => {
              const checked = state.fields.includes(f.apiName);
              return (
                <label key={f.apiName} className="check" title={f.apiName}>
                  <input type="checkbox" checked={checked} disabled={!checked && atMax} onChange={(e) => toggleField(f.apiName, e.target.checked)} /> {f.label}
                </label>
              );
            })}
          </div>
          {atMax ? <p className="help">That is the most Zoho accepts in one call ({ZOHO_LIMITS.fieldsMax}).</p> : null}
        </fieldset>
      ) : null}

      {state.operation === 'list' || state.operation === 'search' ? (
        <div className="inline params">
          <div className="field">
            <label htmlFor={id('per-page')}>Records per page</label>
            <input
              id={id('per-page')}
              type="number"
              min={1}
              max={ZOHO_LIMITS.perPageMax}
              value={state.perPage}
              onChange={(e) => set({ perPage: Math.max(1, Math.min(ZOHO_LIMITS.perPageMax, Number(e.target.value) || 1)) })}
              aria-describedby={id('per-page-help')}
            />
            <p className="help" id={id('per-page-help')}>
              1 to {ZOHO_LIMITS.perPageMax}.
            </p>
          </div>
          <div className="field">
            <label htmlFor={id('page')}>Page</label>
            <input id={id('page')} type="number" min={1} value={state.page} onChange={(e) => set({ page: Math.max(1, Number(e.target.value) || 1) })} aria-describedby={id('page-help')} />
            <p className="help" id={id('page-help')}>
              Pages reach the first {ZOHO_LIMITS.discretePaginationLimit.toLocaleString()} records; “Next page” and “Fetch all” go further.
            </p>
          </div>
          {state.operation === 'list' ? (
            <div className="field">
              <label htmlFor={id('sort')}>Sort by</label>
              <select id={id('sort')} value={state.sortBy} onChange={(e) => set({ sortBy: e.target.value as GuidedState['sortBy'] })}>
                <option value="">Zoho’s default (newest id first)</option>
                <option value="Created_Time">Created time</option>
                <option value="Modified_Time">Modified time</option>
                <option value="id">Record id</option>
              </select>
              {state.sortBy ? (
                <select aria-label="Sort order" value={state.sortOrder} onChange={(e) => set({ sortOrder: e.target.value as 'asc' | 'desc' })}>
                  <option value="desc">Newest / largest first</option>
                  <option value="asc">Oldest / smallest first</option>
                </select>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}

      {state.operation === 'search' ? (
        <fieldset className="field criteria">
          <legend>Conditions</legend>
          <p className="help">Records that match {state.join === 'and' ? 'all' : 'any'} of these are returned (at most 10 conditions).</p>
          {state.conditions.map((c, i) => (
            <div key={i} className="inline condition">
              <select
                aria-label={`Condition ${i + 1} field`}
                value={c.field}
                onChange={(e) => set({ conditions: state.conditions.map((x, j) => (j === i ? { ...x, field: e.target.value } : x)) })}
              >
                <option value="">Field…</option>
                {(fields ?? []).map((f) => (
                  <option key={f.apiName} value={f.apiName}>
                    {f.label}
                  </option>
                ))}
              </select>
              <select
                aria-label={`Condition ${i + 1} test`}
                value={c.operator}
                onChange={(e) => set({ conditions: state.conditions.map((x, j) => (j === i ? { ...x, operator: e.target.value } : x)) })}
              >
                {SEARCH_OPERATORS.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
              <input
                aria-label={`Condition ${i + 1} value`}
                value={c.value}
                onChange={(e) => set({ conditions: state.conditions.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) })}
              />
              {state.conditions.length > 1 ? (
                <button type="button" className="button secondary small" onClick={() => set({ conditions: state.conditions.filter((_, j) => j !== i) })}>
                  Remove condition {i + 1}
                </button>
              ) : null}
            </div>
          ))}
          <div className="inline">
            <button
              type="button"
              className="button secondary small"
              disabled={state.conditions.length >= 10}
              onClick={() => set({ conditions: [...state.conditions, { field: '', operator: 'equals', value: '' }] })}
            >
              Add a condition
            </button>
            {state.conditions.length > 1 ? (
              <select aria-label="Combine conditions with" value={state.join} onChange={(e) => set({ join: e.target.value as 'and' | 'or' })}>
                <option value="and">All must match (and)</option>
                <option value="or">Any may match (or)</option>
              </select>
            ) : null}
          </div>
        </fieldset>
      ) : null}

      {state.operation === 'get' || state.operation === 'update' ? (
        <div className="field">
          <label htmlFor={id('record-id')}>Record id</label>
          <input id={id('record-id')} inputMode="numeric" value={state.recordId} onChange={(e) => set({ recordId: e.target.value })} aria-describedby={id('record-id-help')} />
          <p className="help" id={id('record-id-help')}>
            The long number in the record’s address in Zoho CRM, or the id column of a list.
          </p>
        </div>
      ) : null}

      {state.operation === 'delete' ? (
        <div className="field">
          <label htmlFor={id('ids')}>Ids of the records to delete</label>
          <input id={id('ids')} value={state.ids} onChange={(e) => set({ ids: e.target.value })} aria-describedby={id('ids-help')} />
          <p className="help" id={id('ids-help')}>
            Separate ids with commas (at most {ZOHO_LIMITS.recordsPerWrite}).
          </p>
        </div>
      ) : null}

      {state.operation === 'coql' ? (
        <div className="field">
          <span className="label" id={id('coql-label')}>
            COQL query
          </span>
          <p className="help" id={id('coql-help')}>
            Like SQL: <code>select Last_Name, Email from Leads where Lead_Status = 'Contacted' limit 200</code>. Field names complete as you type (Ctrl+Space).
          </p>
          <LazyCodeEditor language="coql" label="COQL query" describedBy={id('coql-help')} value={state.coql} onChange={(coql) => set({ coql })} schema={schema} minHeight="4rem" />
        </div>
      ) : null}

      {op.write && state.operation !== 'delete' ? (
        <>
          {state.operation === 'upsert' ? (
            <div className="field">
              <label htmlFor={id('dup')}>Match existing records on</label>
              <select
                id={id('dup')}
                value={state.duplicateCheck}
                onChange={(e) => {
                  const next = { ...state, duplicateCheck: e.target.value };
                  onChange({ ...next, body: templateBody('upsert', fields ?? [], next) });
                }}
              >
                <option value="">Zoho’s default (the module’s unique fields)</option>
                {(fields ?? []).map((f) => (
                  <option key={f.apiName} value={f.apiName}>
                    {f.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                checked={state.runWorkflows}
                onChange={(e) => {
                  const next = { ...state, runWorkflows: e.target.checked };
                  onChange({ ...next, body: templateBody(state.operation, fields ?? [], next) });
                }}
              />{' '}
              Run the org’s workflows, approvals and blueprints (as Zoho does by default)
            </label>
          </div>
          <div className="field">
            <span className="label">Record data (JSON)</span>
            <p className="help" id={id('body-help')}>
              Field API names and values. Zoho takes at most {ZOHO_LIMITS.recordsPerWrite} records in one call.
            </p>
            <LazyCodeEditor language="json" label="Record data (JSON)" describedBy={id('body-help')} value={state.body} onChange={(body) => set({ body })} />
          </div>
        </>
      ) : null}
    </div>
  );
}
