import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { ConsoleResponse, CrmField } from '../../../shared/ipc/contract';
import { plural } from '../labels';
import { usePresentation } from '../presentation/PresentationContext';
import { RecordsTable } from '../components/RecordsTable';
import { ErrorView, PerRecordTable, zohoCodeOf } from './ErrorView';

const JsonTree = lazy(() => import('./JsonTree'));

type Tab = 'table' | 'json' | 'raw' | 'headers';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 207: 'Multi-Status', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Server Error' };

/** Columns for records: the chosen fields first (with their labels), then any other keys. */
export function columnsFor(records: readonly Record<string, unknown>[], known: readonly CrmField[], chosen: readonly string[]): CrmField[] {
  const byName = new Map(known.map((f) => [f.apiName, f]));
  const keys: string[] = [];
  const seen = new Set<string>();
  const add = (k: string) => {
    if (!seen.has(k)) {
      seen.add(k);
      keys.push(k);
    }
  };
  const present = new Set<string>();
  for (const r of records.slice(0, 500)) for (const k of Object.keys(r)) present.add(k);
  for (const k of chosen) if (present.has(k)) add(k);
  for (const k of present) if (k !== 'id') add(k);
  if (present.has('id')) add('id');
  return keys.map((k) => byName.get(k) ?? { apiName: k, label: k === 'id' ? 'Record id' : k.replace(/_/g, ' '), dataType: k.endsWith('_Time') ? 'datetime' : 'text' });
}

interface Props {
  response: ConsoleResponse;
  /** Records to show instead of the response's own (everything fetched). */
  records?: Record<string, unknown>[];
  recordsLabel: string;
  fields: CrmField[];
  chosen: string[];
  onReconnect?: (scope: string) => void;
  /** Offered next to an error: sends the same request again. */
  onRetry?: () => void;
}

/** The answer at a glance: status line, then the records as a table, a JSON tree, raw, or headers. */
export function ResponseView({ response, records, recordsLabel, fields, chosen, onReconnect, onRetry }: Props) {
  const uid = useId();
  const presentation = usePresentation();
  const rows = records ?? response.records;
  const [tab, setTab] = useState<Tab>(rows && rows.length ? 'table' : 'json');
  const columns = useMemo(() => (rows ? columnsFor(rows, fields, chosen) : []), [rows, fields, chosen]);
  const raw = useMemo(() => {
    if (tab !== 'raw') return '';
    const text = records ? JSON.stringify(presentation.json(records), null, 2) : response.body === null ? '' : JSON.stringify(presentation.json(response.body), null, 2);
    return text.length > 2_000_000 ? `${text.slice(0, 2_000_000)}\n… (cut at 2 MB; export to see everything)` : text;
  }, [tab, records, response.body, presentation]);

  const tabs: { id: Tab; label: string; show: boolean }[] = [
    { id: 'table', label: 'Table', show: Boolean(rows && rows.length) },
    { id: 'json', label: 'JSON tree', show: response.body !== null || Boolean(records) },
    { id: 'raw', label: 'Raw', show: true },
    { id: 'headers', label: `Headers (${Object.keys(response.headers).length})`, show: true },
  ];
  const shown = tabs.filter((t) => t.show);
  const current = shown.some((t) => t.id === tab) ? tab : shown[0]!.id;
  const count = rows?.length;

  return (
    <section className="response" aria-labelledby={`${uid}-h`}>
      <h4 id={`${uid}-h`}>Answer</h4>
      <dl className="response-meta">
        <div>
          <dt>Status</dt>
          <dd className={response.status >= 400 ? 'bad' : 'good'}>
            {response.status} {STATUS_TEXT[response.status] ?? ''}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{Math.round(response.durationMs)} ms</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(response.sizeBytes)}</dd>
        </div>
        {response.requestId ? (
          <div>
            <dt>Request id</dt>
            <dd>
              <code>{response.requestId}</code>
            </dd>
          </div>
        ) : null}
        {response.creditsRemaining !== undefined ? (
          <div>
            <dt>API credits left</dt>
            <dd>{response.creditsRemaining.toLocaleString()}</dd>
          </div>
        ) : null}
        {count !== undefined ? (
          <div>
            <dt>Records</dt>
            <dd className="record-count">{plural(count, 'record')}</dd>
          </div>
        ) : null}
      </dl>

      {response.error ? <ErrorView error={response.error} status={response.status} zohoCode={zohoCodeOf(response.body)} {...(onReconnect ? { onReconnect } : {})} {...(onRetry ? { onRetry } : {})} /> : null}
      {response.perRecord ? <PerRecordTable results={response.perRecord} /> : null}
      {response.status === 204 ? <p className="zero-records">0 records — Zoho found nothing to return (HTTP 204, not an error).</p> : null}

      <div role="tablist" aria-label="Show the answer as" className="tabs">
        {shown.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${uid}-tab-${t.id}`}
            aria-selected={current === t.id}
            aria-controls={`${uid}-panel`}
            tabIndex={current === t.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const i = shown.findIndex((s) => s.id === current);
              const next = shown[(i + (e.key === 'ArrowRight' ? 1 : shown.length - 1)) % shown.length]!;
              setTab(next.id);
              document.getElementById(`${uid}-tab-${next.id}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${uid}-panel`} aria-labelledby={`${uid}-tab-${current}`} className="tab-panel">
        {current === 'table' && rows ? <RecordsTable caption={recordsLabel} fields={columns} records={rows} tools /> : null}
        {current === 'json' ? (
          <Suspense fallback={<p className="muted">Loading the JSON tree…</p>}>
            <div className="json-tree">
              <JsonTree value={presentation.json(records ?? response.body)} />
            </div>
          </Suspense>
        ) : null}
        {current === 'raw' ? <pre className="raw-body" tabIndex={0} aria-label="Raw answer">{raw || '(no body)'}</pre> : null}
        {current === 'headers' ? (
          <table className="records headers-table">
            <caption>Response headers</caption>
            <thead>
              <tr>
                <th scope="col">Header</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(response.headers).map(([k, v]) => (
                <tr key={k}>
                  <td>
                    <code>{k}</code>
                  </td>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
