import type { IpcError, PerRecordResult } from '../../../shared/ipc/contract';
import { usePresentation } from '../presentation/PresentationContext';

/** Zoho's code, our plain-language sentence, and what to do — plus "reconnect adding <scope>" when that is the fix. */
export function ErrorView({
  error,
  zohoCode,
  status,
  onReconnect,
  onRetry,
}: {
  error: IpcError;
  zohoCode?: string;
  status?: number;
  onReconnect?: (scope: string) => void;
  /** Sends the same request again ("Try again"). */
  onRetry?: () => void;
}) {
  const scopes = scopesToAdd(error);
  const presentation = usePresentation();
  return (
    <div className="error-box console-error" role="alert">
      <p className="error-title">
        {status ? `HTTP ${status}` : 'Not sent'}
        {zohoCode ? (
          <>
            {' · '}
            <code>{zohoCode}</code>
          </>
        ) : null}
      </p>
      <p className="error-message">{error.message}</p>
      {error.hint ? <p className="error-hint">{error.hint}</p> : null}
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
      {onReconnect && scopes.length ? (
        <button type="button" className="button" onClick={() => onReconnect(scopes.join(','))}>
          Reconnect adding {scopes.join(' and ')}
        </button>
      ) : null}
      {error.details ? (
        <details className="error-details">
          <summary>Show details</summary>
          <pre>{presentation.text(error.details)}</pre>
        </details>
      ) : null}
    </div>
  );
}

/** The scopes an error says to add ("Reconnect adding X and Y"). */
export function scopesToAdd(error: IpcError): string[] {
  if (error.code !== 'CRM_SCOPE_MISMATCH' && error.code !== 'CRM_SCOPE_NOT_GRANTED') return [];
  const scope = String.raw`[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+`;
  const match = new RegExp(`adding (${scope}(?: and ${scope})*)`).exec(error.hint ?? '');
  return match ? match[1]!.split(' and ') : [];
}

export function zohoCodeOf(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A write's answer, one row per record (201/200/207/400). */
export function PerRecordTable({ results }: { results: PerRecordResult[] }) {
  const failed = results.filter((r) => r.status !== 'success').length;
  return (
    <div className="table-wrap">
      <table className="records per-record">
        <caption>
          Result per record: {results.length - failed} succeeded, {failed} failed
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Result</th>
            <th scope="col">Zoho code</th>
            <th scope="col">Record id</th>
            <th scope="col">What it means</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.index} className={r.status === 'success' ? 'ok-row' : 'fail-row'}>
              <td>{r.index + 1}</td>
              <td>{r.status === 'success' ? 'Succeeded' : 'Failed'}</td>
              <td>
                <code>{r.code}</code>
              </td>
              <td>{r.id ?? ''}</td>
              <td>
                {r.explanation ? (
                  <>
                    {r.explanation.message}
                    {r.explanation.hint ? <span className="muted"> {r.explanation.hint}</span> : null}
                  </>
                ) : (
                  r.message
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
