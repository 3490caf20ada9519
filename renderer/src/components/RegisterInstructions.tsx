import { useId, useRef, useState, type ReactNode } from 'react';
import type { ClientType } from '../../../shared/ipc/contract';
import { DATA_CENTRES, type DataCentreId } from '../../../shared/zoho/dataCentres';
import { CLIENT_TYPE_TEXT } from '../labels';

interface Props {
  clientType: ClientType;
  redirectUri: string | null;
  dataCentre: DataCentreId | null;
  multiDc: boolean;
  /** Data centres that have (or will have) a secret of their own. */
  dcsWithOwnSecret: DataCentreId[];
  /** Said to screen readers too (e.g. "Redirect URI copied."). */
  announce?: (message: string) => void;
  /** A line under the title (e.g. "for this profile, that is the Demo org's console"). */
  intro?: ReactNode;
  /** More `<dt>`/`<dd>` pairs at the end of the list (e.g. the scopes). */
  extraFacts?: ReactNode;
  /** After the list (e.g. a link to the console). */
  children?: ReactNode;
}

/**
 * Exactly what to register in Zoho's API console for a profile: the client type to choose,
 * the redirect URI to paste (with a copy button), and which data centres to enable.
 */
export function RegisterInstructions({ clientType, redirectUri, dataCentre, multiDc, dcsWithOwnSecret, announce, intro, extraFacts, children }: Props) {
  const uid = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const home = dataCentre ? DATA_CENTRES[dataCentre] : undefined;
  const others = dcsWithOwnSecret.filter((dc) => dc !== dataCentre);

  async function copy() {
    if (!redirectUri) return;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(redirectUri);
      setNote('Redirect URI copied.');
      announce?.('Redirect URI copied.');
    } catch {
      inputRef.current?.select();
      setNote('Could not copy automatically. The address is selected: press Ctrl+C (Cmd+C on a Mac).');
    }
  }

  return (
    <section className="subpanel" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>What to register in Zoho’s API console</h3>
      {intro}
      <dl className="facts">
        <dt>Client type to choose</dt>
        <dd>
          {CLIENT_TYPE_TEXT[clientType].short}
          <span className="muted"> — {CLIENT_TYPE_TEXT[clientType].explanation}</span>
        </dd>
        <dt>{redirectUri ? <label htmlFor={`${uid}-uri`}>Redirect URI</label> : 'Redirect URI'}</dt>
        <dd>
          {redirectUri ? (
            <>
              <div className="inline">
                <input
                  id={`${uid}-uri`}
                  ref={inputRef}
                  className="mono"
                  type="text"
                  readOnly
                  value={redirectUri}
                  aria-describedby={`${uid}-uri-help`}
                />
                <button type="button" className="button secondary" onClick={() => void copy()}>
                  Copy redirect URI
                </button>
              </div>
              <p className="help" id={`${uid}-uri-help`}>
                Paste it exactly, as an Authorized Redirect URI of the client.
              </p>
              <p className="help" aria-live="polite">
                {note}
              </p>
            </>
          ) : (
            'None: this client type has no redirect URI, so there is nothing to enter.'
          )}
        </dd>
        <dt>Data centres to enable</dt>
        <dd>
          {!home
            ? 'Choose the data centre first.'
            : !multiDc
              ? `Only ${home.label}, where the client was created. Nothing else to enable.`
              : `${home.label}, plus every data centre where people who will connect have their account` +
                (others.length ? ` (here: ${others.map((dc) => DATA_CENTRES[dc].label).join(', ')})` : '') +
                '. In the client’s Settings tab, turn on multi-DC and tick them' +
                (others.length
                  ? '; leave “Use the same OAuth credentials for all data centers” off, since some have their own secret.'
                  : '; you can keep “Use the same OAuth credentials for all data centers” on.')}
        </dd>
        {extraFacts}
      </dl>
      {children}
    </section>
  );
}
