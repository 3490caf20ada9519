import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { maskEmail, maskEmailsIn, maskFieldValue, maskId, maskJson, maskName, maskRecord, type FieldLike } from '../../../shared/presentation/mask';

const STORAGE_KEY = 'cac:presentation-mode';

/** Ctrl+Shift+P (Cmd+Shift+P on a Mac) turns presentation mode on and off from anywhere. */
export const PRESENTATION_SHORTCUT_KEYS = 'Control+Shift+P Meta+Shift+P';

export interface Presentation {
  /** Presentation mode: personal details and secrets are masked everywhere. */
  on: boolean;
  setOn(on: boolean): void;
  toggle(): void;
  /** Each returns its input unchanged when presentation mode is off. */
  id(value: string): string;
  name(value: string): string;
  email(value: string): string;
  /** Free text that may hold emails (a search, a history label, code). */
  text(value: string): string;
  field(apiName: string, value: unknown, dataType?: string): unknown;
  json(value: unknown): unknown;
  record(record: Record<string, unknown>, fields?: readonly FieldLike[]): Record<string, unknown>;
}

const same = <T,>(v: T) => v;

function build(on: boolean, setOn: (on: boolean) => void): Presentation {
  return {
    on,
    setOn,
    toggle: () => setOn(!on),
    id: on ? maskId : same,
    name: on ? maskName : same,
    email: on ? maskEmail : same,
    text: on ? maskEmailsIn : same,
    field: on ? maskFieldValue : (_k, v) => v,
    json: on ? (v) => maskJson(v) : same,
    record: on ? maskRecord : same,
  };
}

const OFF = build(false, () => undefined);
const PresentationContext = createContext<Presentation>(OFF);

function remembered(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Holds presentation mode for the session (sessionStorage), and listens for its shortcut. */
export function PresentationProvider({ children, initial }: { children: ReactNode; initial?: boolean }) {
  const [on, setOnState] = useState<boolean>(() => initial ?? remembered());
  const setOn = useCallback((next: boolean) => {
    setOnState(next);
    try {
      globalThis.sessionStorage?.setItem(STORAGE_KEY, next ? 'on' : 'off');
    } catch {
      // No session storage (a locked-down page): the mode still works, just not across reloads.
    }
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        setOnState((current) => {
          const next = !current;
          try {
            globalThis.sessionStorage?.setItem(STORAGE_KEY, next ? 'on' : 'off');
          } catch {
            // see setOn
          }
          return next;
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const value = useMemo(() => build(on, setOn), [on, setOn]);
  return <PresentationContext.Provider value={value}>{children}</PresentationContext.Provider>;
}

/** Presentation mode and its masks: everything personal the UI shows passes through these. */
export function usePresentation(): Presentation {
  return useContext(PresentationContext);
}
