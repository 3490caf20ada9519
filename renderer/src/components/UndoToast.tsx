import { useEffect, useRef, useState } from 'react';

export interface DeletedProfile {
  id: string;
  name: string;
}

/** How long the Undo button stays (the core keeps the profile a little longer). */
export const UNDO_VISIBLE_MS = 10_000;

/**
 * "Profile deleted. Undo" for a few seconds. The countdown pauses while the pointer or the
 * keyboard focus is on it, so nobody loses the chance by reading slowly.
 */
export function UndoToast({ deleted, onUndo, onExpire }: { deleted: DeletedProfile | null; onUndo: (id: string) => void; onExpire: () => void }) {
  const [paused, setPaused] = useState(false);
  const left = useRef(UNDO_VISIBLE_MS);

  useEffect(() => {
    left.current = UNDO_VISIBLE_MS;
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
    <div role="status" aria-live="polite">
      {deleted ? (
        <div
          className="toast"
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocus={() => setPaused(true)}
          onBlur={() => setPaused(false)}
        >
          <span>Profile “{deleted.name}” deleted.</span>
          <button type="button" className="button" onClick={() => onUndo(deleted.id)}>
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}
