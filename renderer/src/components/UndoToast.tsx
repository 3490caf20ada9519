import { useEffect, useRef, useState, type Ref } from 'react';

export interface DeletedProfile {
  id: string;
  name: string;
}

/** How long the Undo button stays (the core keeps the profile a little longer). */
export const UNDO_VISIBLE_MS = 10_000;

/**
 * "Profile deleted. Undo" for a few seconds. The countdown pauses while the pointer or the
 * keyboard focus is on it, so nobody loses the chance by reading slowly. When it appears it takes
 * the focus itself (the deleted profile's screen is gone); that alone does not pause the countdown,
 * but moving onto it or pressing a key there does.
 */
export function UndoToast({
  deleted,
  onUndo,
  onExpire,
  toastRef,
}: {
  deleted: DeletedProfile | null;
  onUndo: (id: string) => void;
  onExpire: () => void;
  toastRef?: Ref<HTMLDivElement>;
}) {
  const [paused, setPaused] = useState(false);
  const left = useRef(UNDO_VISIBLE_MS);
  const undoRef = useRef<HTMLButtonElement>(null);
  /** True while the focus sits on Undo only because the toast put it there (that does not pause the countdown). */
  const autoFocused = useRef(false);

  useEffect(() => {
    left.current = UNDO_VISIBLE_MS;
    // The deleted profile's screen is gone: the focus goes to Undo instead of dropping to <body>.
    if (deleted && undoRef.current) {
      autoFocused.current = true;
      undoRef.current.focus();
    }
  }, [deleted]);

  useEffect(() => {
    if (!deleted || paused) return;
    const started = Date.now();
    const timer = setTimeout(onExpire, left.current);
    return () => {
      clearTimeout(timer);
      left.current = Math.max(1000, left.current - (Date.now() - started));
    };
  }, [deleted, paused, onExpire]);

  return (
    <div role="status" aria-live="polite" ref={toastRef}>
      {deleted ? (
        <div
          className="toast"
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocus={() => {
            if (!autoFocused.current) setPaused(true);
          }}
          onBlur={() => {
            autoFocused.current = false;
            setPaused(false);
          }}
          onKeyDown={() => {
            // Any key pressed here means the user is now on the toast on purpose.
            autoFocused.current = false;
            setPaused(true);
          }}
        >
          <span>Profile “{deleted.name}” deleted.</span>
          <button ref={undoRef} type="button" className="button" onClick={() => onUndo(deleted.id)}>
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}
