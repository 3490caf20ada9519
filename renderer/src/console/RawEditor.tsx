import { useId } from 'react';
import { HTTP_METHODS, type ConsoleMethod, type ConsoleRequest } from '../../../shared/ipc/contract';
import { CRM_API_VERSION } from '../../../shared/zoho/limits';
import { splitPathQuery } from '../../../shared/zoho/scopes';
import { LazyCodeEditor } from './LazyCodeEditor';
import { describeJsonProblem } from './jsonProblem';

export interface RawState {
  method: ConsoleMethod;
  path: string;
  query: string;
  headers: string;
  body: string;
}

export function rawFromRequest(r: ConsoleRequest): RawState {
  return {
    method: r.method,
    path: r.path,
    query: JSON.stringify(r.query, null, 2),
    headers: JSON.stringify(r.headers, null, 2),
    body: r.body ?? '',
  };
}

function objectOf(text: string, what: string, jsonName: string): { value?: Record<string, string>; problem?: string } {
  if (!text.trim()) return { value: {} };
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { problem: `${what} must be a JSON object, like {"fields": "Last_Name"}.` };
    return { value: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)])) };
  } catch {
    return { problem: describeJsonProblem(text, jsonName, true) };
  }
}

/** The raw editor's text as a request, or what is wrong with it. */
export function requestFromRaw(raw: RawState): { request?: ConsoleRequest; problem?: string } {
  const query = objectOf(raw.query, 'The query', 'The JSON query parameters');
  if (query.problem) return { problem: query.problem };
  const headers = objectOf(raw.headers, 'The headers', 'The JSON headers');
  if (headers.problem) return { problem: headers.problem };
  if (!raw.path.trim()) return { problem: 'Enter a path, such as Leads or settings/modules.' };
  const body = raw.body.trim();
  if (body) {
    if (raw.method === 'GET') return { problem: 'A GET call has no body: empty the body or pick another method.' };
    try {
      JSON.parse(body);
    } catch {
      // Located in the text as typed, so the line and column match the editor.
      return { problem: describeJsonProblem(raw.body, 'The JSON body') };
    }
  }
  // A pasted address keeps its parameters: "Leads?fields=Email" → path Leads, query {fields}.
  const split = splitPathQuery(raw.path.trim());
  const path = raw.path.includes('?') ? split.path : raw.path.trim();
  return { request: { method: raw.method, path, query: { ...split.query, ...query.value! }, headers: headers.value!, ...(body ? { body: raw.body } : {}) } };
}

/** Method, path under /crm/v8/, query, headers and body — the last three in CodeMirror with JSON checks. */
export function RawEditor({ raw, onChange }: { raw: RawState; onChange: (next: RawState) => void }) {
  const uid = useId();
  const set = (changes: Partial<RawState>) => onChange({ ...raw, ...changes });
  return (
    <div className="raw">
      <div className="inline">
        <div className="field">
          <label htmlFor={`${uid}-method`}>Method</label>
          <select id={`${uid}-method`} value={raw.method} onChange={(e) => set({ method: e.target.value as ConsoleMethod })}>
            {HTTP_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${uid}-path`}>Path under /crm/{CRM_API_VERSION}/</label>
          <input id={`${uid}-path`} value={raw.path} onChange={(e) => set({ path: e.target.value })} spellCheck={false} />
        </div>
      </div>
      <div className="field">
        <span className="label">Query parameters (JSON object)</span>
        <LazyCodeEditor language="json" label="Query parameters (JSON object)" value={raw.query} onChange={(query) => set({ query })} minHeight="3rem" />
      </div>
      <div className="field">
        <span className="label">Headers (JSON object)</span>
        <p className="help" id={`${uid}-headers-help`}>
          The app adds <code>Authorization: Zoho-oauthtoken …</code> with this profile’s token; it cannot be replaced here.
        </p>
        <LazyCodeEditor language="json" label="Headers (JSON object)" describedBy={`${uid}-headers-help`} value={raw.headers} onChange={(headers) => set({ headers })} minHeight="2.5rem" />
      </div>
      <div className="field">
        <span className="label">Body (JSON)</span>
        <LazyCodeEditor language="json" label="Body (JSON)" value={raw.body} onChange={(body) => set({ body })} />
      </div>
    </div>
  );
}
