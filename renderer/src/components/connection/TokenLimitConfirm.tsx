import { useEffect, useRef } from 'react';
import type { IpcError } from '../../../../shared/ipc/contract';

/**
 * Zoho keeps at most 20 refresh tokens per client and user; the 21st consent silently
 * deletes the oldest (§3.4). The core refuses such a consent until the user confirms here.
 */
export function TokenLimitConfirm({ error, onConfirm, onDismiss }: { error: IpcError; onConfirm: () => void; onDismiss: () => void }) {
  const headingRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="error-box warning-box" role="alert">
      <p className="error-title" ref={headingRef} tabIndex={-1}>
        Connecting again will sign out an older connection
      </p>
      <p className="error-message">{error.message}</p>
      {error.hint ? <p className="error-hint">{error.hint}</p> : null}
      <div className="actions">
        <button type="button" className="button danger-outline" onClick={onConfirm}>
          Connect anyway
        </button>
        <button type="button" className="button secondary" onClick={onDismiss}>
          Don’t connect
        </button>
      </div>
    </div>
  );
}
