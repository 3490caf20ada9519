import type { IpcError } from '../../../shared/ipc/contract';

/** An error in plain words: message, what to do, and the raw details behind "Show details". */
export function ErrorMessage({ error, title, role }: { error: IpcError; title?: string; role?: 'alert' }) {
  return (
    <div className="error-box" role={role}>
      {title ? <p className="error-title">{title}</p> : null}
      <p className="error-message">{error.message}</p>
      {error.hint ? <p className="error-hint">{error.hint}</p> : null}
      {error.details ? (
        <details className="error-details">
          <summary>Show details</summary>
          <pre>{error.details}</pre>
        </details>
      ) : null}
    </div>
  );
}
