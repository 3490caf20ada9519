import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

/**
 * "Disconnect (revoke access)" on a production profile asks first: revoking at Zoho stops
 * this sign-in everywhere it is used, in the org named here. Focus moves into the question;
 * Escape or "Keep connected" closes it and gives focus back to the caller.
 */
export function DisconnectConfirm({ orgName, onConfirm, onDismiss }: { orgName: string; onConfirm: () => void; onDismiss: () => void }) {
  const uid = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus, so Enter by habit does not revoke.
  useEffect(() => keepRef.current?.focus(), []);
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDismiss();
    }
  }
  return (
    <div className="error-box warning-box confirm-box" role="alertdialog" aria-labelledby={`${uid}-title`} aria-describedby={`${uid}-text`} onKeyDown={onKeyDown}>
      <p className="error-title" id={`${uid}-title`}>
        Revoke this app’s access to {orgName} (production)?
      </p>
      <p id={`${uid}-text`}>
        Zoho cancels this sign-in for good. Anything using it stops working until someone connects again. To only remove it from this
        computer, use “Forget locally” instead.
      </p>
      <div className="actions">
        <button type="button" className="button danger-outline" onClick={onConfirm}>
          Revoke access to {orgName}
        </button>
        <button type="button" className="button secondary" onClick={onDismiss} ref={keepRef}>
          Keep connected
        </button>
      </div>
    </div>
  );
}
