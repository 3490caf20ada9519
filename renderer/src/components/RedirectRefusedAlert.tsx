import type { IpcError } from '../../../shared/ipc/contract';

/** A sign-in redirect the app refused (forged, replayed, expired). Stays until dismissed. */
export function RedirectRefusedAlert({ error, onDismiss }: { error: IpcError | null; onDismiss: () => void }) {
  return (
    <div role="alert" className={error ? 'banner danger' : 'visually-empty'}>
      {error ? (
        <>
          <p className="banner-title">The app refused a sign-in redirect</p>
          <p>{error.message}</p>
          {error.hint ? <p>{error.hint}</p> : null}
          {error.details ? (
            <details className="error-details">
              <summary>Show details</summary>
              <pre>{error.details}</pre>
            </details>
          ) : null}
          <button type="button" className="button secondary" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      ) : null}
    </div>
  );
}
