import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ProfileView } from '../../../shared/ipc/contract';
import { ENVIRONMENT_TEXT, dataCentreLabel, isDemo } from '../labels';
import { rankForSwitcher } from '../profiles/profileFilters';
import { Swatch } from './Badges';

interface Props {
  open: boolean;
  profiles: ProfileView[];
  activeId: string | null;
  onPick: (id: string) => void;
  onClose: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const SWITCHER_SHORTCUT = isMac ? '⌘K' : 'Ctrl+K';

/**
 * The quick switcher (Ctrl/Cmd+K): a modal dialog with a combobox. Type a few letters of the
 * org or profile, arrows to move, Enter to switch, Escape to close; focus goes back to where
 * it was.
 */
export function QuickSwitcher(props: Props) {
  // Mounted only while open: each opening starts with an empty search.
  return props.open ? <SwitcherDialog {...props} /> : null;
}

function SwitcherDialog({ profiles, activeId, onPick, onClose }: Props) {
  const uid = useId();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const results = useMemo(() => rankForSwitcher(profiles, query).slice(0, 50), [profiles, query]);

  useEffect(() => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    inputRef.current?.focus();
    return () => {
      // Back where the user was (if that element is still there).
      const target = returnTo.current;
      if (target && document.contains(target)) target.focus();
    };
  }, []);

  useEffect(() => {
    document.getElementById(`${uid}-opt-${index}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [index, uid]);

  const current = results[Math.min(index, results.length - 1)];

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setIndex((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setIndex((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Home' && e.ctrlKey) {
      setIndex(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) onPick(current.id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      e.preventDefault(); // focus stays in the dialog: it has one control
    }
  }

  const optionId = (i: number) => `${uid}-opt-${i}`;
  return (
    <div className="switcher-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby={`${uid}-title`} className="switcher">
        <h2 id={`${uid}-title`} className="switcher-title">
          Switch profile
        </h2>
        <input
          ref={inputRef}
          role="combobox"
          aria-expanded="true"
          aria-controls={`${uid}-list`}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(results.indexOf(current)) : undefined}
          aria-describedby={`${uid}-help`}
          aria-label="Profile or org"
          className="switcher-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="Type an org or profile name…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={`${uid}-help`} className="help">
          Arrow keys to choose, Enter to switch, Escape to close. {results.length === 1 ? '1 profile' : `${results.length} profiles`}.
        </p>
        <ul id={`${uid}-list`} role="listbox" aria-label="Profiles" className="switcher-list">
          {results.map((p, i) => (
            <li
              key={p.id}
              id={optionId(i)}
              role="option"
              aria-selected={p === current}
              className={`switcher-option${p === current ? ' highlighted' : ''}${p.environment === 'production' ? ' production' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(p.id)}
            >
              <Swatch colour={p.colour} />
              <span className="switcher-name">{p.name}</span>
              <span className="switcher-meta">
                {p.orgLabel || p.connection.orgName || 'No org label'} · {ENVIRONMENT_TEXT[p.environment].badge} · {dataCentreLabel(p.dataCentre)}
                {isDemo(p) ? ' · Demo' : ''}
                {p.id === activeId ? ' · active now' : ''}
              </span>
            </li>
          ))}
        </ul>
        {results.length === 0 ? <p className="muted">No profile matches “{query}”.</p> : null}
      </div>
    </div>
  );
}
