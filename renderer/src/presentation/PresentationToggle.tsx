import { useEffect, useRef, useState } from 'react';
import { PRESENTATION_SHORTCUT_KEYS, usePresentation } from './PresentationContext';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const PRESENTATION_SHORTCUT = IS_MAC ? '⌘⇧P' : 'Ctrl+Shift+P';

/** The header's switch: its state always in view, and each change said aloud. */
export function PresentationToggle() {
  const presentation = usePresentation();
  const [said, setSaid] = useState('');
  const previous = useRef(presentation.on);
  useEffect(() => {
    if (previous.current === presentation.on) return;
    previous.current = presentation.on;
    setSaid(presentation.on ? 'Presentation mode on: personal details and ids are masked.' : 'Presentation mode off: details are shown in full.');
  }, [presentation.on]);
  return (
    <>
      <button
        type="button"
        className={`button secondary presentation-toggle${presentation.on ? ' is-on' : ''}`}
        aria-pressed={presentation.on}
        aria-keyshortcuts={PRESENTATION_SHORTCUT_KEYS}
        onClick={presentation.toggle}
      >
        <span aria-hidden="true">{presentation.on ? '● ' : '○ '}</span>
        Presentation mode <span className="kbd" aria-hidden="true">{PRESENTATION_SHORTCUT}</span>
      </button>
      {presentation.on ? <span className="presenting-flag">Presenting: personal details masked</span> : null}
      <span role="status" className="sr-only">
        {said}
      </span>
    </>
  );
}
