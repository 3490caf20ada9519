import { useId } from 'react';
import type { HistoryEntry } from '../../../shared/ipc/contract';
import { usePresentation } from '../presentation/PresentationContext';

interface Props {
  entries: HistoryEntry[];
  search: string;
  onSearch: (text: string) => void;
  onOpen: (entry: HistoryEntry) => void;
  onRerun: (entry: HistoryEntry) => void;
  onPin: (entry: HistoryEntry, pinned: boolean) => void;
  onRemove: (entry: HistoryEntry) => void;
}

/** This profile's calls: searchable, re-runnable, favourites pinned on top. */
export function HistoryPanel({ entries, search, onSearch, onOpen, onRerun, onPin, onRemove }: Props) {
  const uid = useId();
  const presentation = usePresentation();
  return (
    <section className="subpanel history" aria-labelledby={`${uid}-h`}>
      <h4 id={`${uid}-h`}>History of this profile</h4>
      <input type="search" aria-label="Search history" placeholder="Search history…" value={search} onChange={(e) => onSearch(e.target.value)} />
      {entries.length === 0 ? <p className="muted">{search ? 'No calls match.' : 'Calls you send appear here.'}</p> : null}
      <ul className="history-list">
        {entries.map((entry) => {
          // A label can hold what was searched for (an email): masked while presenting.
          const e = { ...entry, label: presentation.text(entry.label) };
          return (
          <li key={e.id} className={e.pinned ? 'pinned' : undefined}>
            <div className="history-line">
              {e.pinned ? <span aria-label="Pinned">★ </span> : null}
              <span className="history-label">{e.label}</span>{' '}
              <span className={e.status && e.status < 400 ? 'muted' : 'bad'}>{e.status ?? e.errorCode ?? ''}</span>{' '}
              <span className="muted small">{new Date(e.at).toLocaleTimeString()}</span>
            </div>
            <div className="history-actions">
              <button type="button" className="button secondary small" onClick={() => onRerun(entry)} aria-label={`Run again: ${e.label}`}>
                Run again
              </button>
              <button type="button" className="button secondary small" onClick={() => onOpen(entry)} aria-label={`Open in the editor: ${e.label}`}>
                Open
              </button>
              <button type="button" className="button secondary small" aria-pressed={e.pinned} onClick={() => onPin(entry, !e.pinned)} aria-label={`${e.pinned ? 'Unpin' : 'Pin'}: ${e.label}`}>
                {e.pinned ? 'Unpin' : 'Pin'}
              </button>
              <button type="button" className="button secondary small" onClick={() => onRemove(entry)} aria-label={`Remove from history: ${e.label}`}>
                Remove
              </button>
            </div>
          </li>
          );
        })}
      </ul>
    </section>
  );
}
