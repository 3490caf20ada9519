import { useId, useState, type ClipboardEvent, type FormEvent } from 'react';
import type { AppInfo, IpcError, ProfileView } from '../../../../shared/ipc/contract';
import { DATA_CENTRE_LIST, DATA_CENTRES, type DataCentreId } from '../../../../shared/zoho/dataCentres';
import { joinScopes } from '../../../../shared/zoho/scopes';
import { useApi } from '../../apiContext';
import { ErrorMessage } from '../ErrorMessage';
import { TokenLimitConfirm } from './TokenLimitConfirm';
import { minutesAndSeconds, useCountdown } from './useCountdown';

/** A code from the API console looks like 1000.<hex>.<hex>; the exchange starts as soon as one is pasted. */
const LOOKS_LIKE_CODE = /^\s*1000\.[A-Za-z0-9]{8,}\.[A-Za-z0-9]{8,}\s*$/;
/** The console's expiry drop-down (3 minutes by default; its exact values are UNCONFIRMED, §4.3). */
const EXPIRY_MINUTES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

interface Props {
  profile: ProfileView;
  info: AppInfo | null;
  onConnected: (profile: ProfileView) => void;
  /** Stops an exchange that is taking long (the app's Cancel for this profile). */
  onCancel: () => void;
  announce: (message: string) => void;
}

/**
 * Self Client (§4.3): the user generates a code in the API console and pastes it; the app
 * exchanges it at once, at the data centre they pick. A countdown shows how long a freshly
 * generated code lives. Without a code: client_credentials with the org id.
 */
export function SelfClientForm({ profile, info, onConnected, onCancel, announce }: Props) {
  const api = useApi();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [dc, setDc] = useState<DataCentreId>(profile.dataCentre);
  const [code, setCode] = useState('');
  const [minutes, setMinutes] = useState(3);
  const [deadline, setDeadline] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [soid, setSoid] = useState('');
  const [ccError, setCcError] = useState<IpcError | null>(null);
  const counted = useCountdown(deadline);
  // The clock ticks once a second; never show more than the code's whole lifetime.
  const left = counted === null ? null : Math.min(counted, minutes * 60);
  const consoleUrl = profile.service === 'demo' ? info?.demoOrg.consoleUrl : DATA_CENTRES[dc].apiConsole;

  const startTimer = () => setDeadline((current) => current ?? Date.now() + minutes * 60_000);

  async function exchange(value: string, acknowledgeTokenLimit = false) {
    if (busy) return;
    const trimmed = value.trim();
    if (!trimmed) {
      setError({ code: 'INVALID_INPUT', message: 'Paste the code from the API console first.' });
      return;
    }
    setBusy(true);
    setError(null);
    announce('Exchanging the code with Zoho…');
    const result = await api.auth.pasteCode({ profileId: profile.id, code: trimmed, dataCentre: dc, ...(acknowledgeTokenLimit ? { acknowledgeTokenLimit } : {}) });
    setBusy(false);
    if (result.ok) {
      setCode('');
      setDeadline(null);
      announce('Connected with the Self Client code.');
      onConnected(result.value);
    } else if (result.error.code === 'CANCELLED') {
      announce('Stopped. Nothing was changed.');
    } else {
      setError(result.error);
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData('text');
    startTimer();
    if (LOOKS_LIKE_CODE.test(text)) {
      // The code lives about a minute: exchange it the moment it arrives.
      event.preventDefault();
      setCode(text.trim());
      void exchange(text);
    }
  }

  async function clientCredentials(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setCcError(null);
    const result = await api.auth.clientCredentials({ profileId: profile.id, dataCentre: dc, ...(soid.trim() ? { soid: soid.trim() } : {}) });
    setBusy(false);
    if (result.ok) {
      announce('Connected with client credentials.');
      onConnected(result.value);
    } else {
      setCcError(result.error);
    }
  }

  const expired = left === 0;

  return (
    <div className="self-client">
      <form
        className="paste-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void exchange(code);
        }}
      >
        <ol className="steps">
          <li>
            In the API console
            {consoleUrl ? (
              <>
                {' '}
                (
                <a href={consoleUrl} target="_blank" rel="noreferrer" onClick={startTimer}>
                  open it
                </a>
                )
              </>
            ) : null}
            , choose Self Client → Generate Code. Enter these scopes: <code className="wrap">{joinScopes(profile.scopes)}</code>, pick a
            time and, if asked, the organisation.
          </li>
          <li>Copy the code and paste it below. The app exchanges it with Zoho straight away.</li>
        </ol>
        <div className="field-row">
          <div className="field">
            <label htmlFor={id('dc')}>Data centre of that API console</label>
            <select id={id('dc')} value={dc} onChange={(e) => setDc(e.target.value as DataCentreId)}>
              {DATA_CENTRE_LIST.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('minutes')}>Time you chose for the code</label>
            <select
              id={id('minutes')}
              value={minutes}
              onChange={(e) => {
                const value = Number(e.target.value);
                setMinutes(value);
                setDeadline((current) => (current === null ? null : Date.now() + value * 60_000));
              }}
            >
              {EXPIRY_MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m} minute{m === 1 ? '' : 's'}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label htmlFor={id('code')}>Code from the API console</label>
        <div className="inline">
          <input
            id={id('code')}
            type="text"
            className="mono"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onFocus={startTimer}
            onPaste={onPaste}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby={[id('timer'), error ? id('code-error') : null].filter(Boolean).join(' ')}
            aria-invalid={error && error.code !== 'REFRESH_TOKEN_LIMIT' ? true : undefined}
          />
          <button type="submit" className="button primary" aria-disabled={busy ? true : undefined}>
            {busy ? 'Connecting…' : 'Connect with this code'}
          </button>
          {busy ? (
            <button type="button" className="button secondary" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
        <p className={`help countdown${expired ? ' expired' : ''}`} id={id('timer')} role="timer" aria-live="off">
          {left === null
            ? `A code works for only the time you chose (3 minutes unless you changed it): paste it as soon as it appears.`
            : expired
              ? 'The code has probably expired by now: generate a new one and paste it straight away.'
              : `About ${minutesAndSeconds(left)} left to paste the code.`}
        </p>
        <p className="sr-only" aria-live="polite">
          {expired ? 'The Self Client code has probably expired.' : ''}
        </p>
        {error ? (
          <div id={id('code-error')}>
            {error.code === 'REFRESH_TOKEN_LIMIT' ? (
              <TokenLimitConfirm error={error} onConfirm={() => void exchange(code, true)} onDismiss={() => setError(null)} />
            ) : (
              <ErrorMessage error={error} role="alert" title="Connecting did not work." />
            )}
          </div>
        ) : null}
      </form>

      <details className="more">
        <summary>No code? Connect with client credentials</summary>
        <form className="paste-form" onSubmit={clientCredentials} noValidate>
          <p className="help">
            A Self Client can also get tokens without a code. Zoho gives no refresh token this way, so the app asks again by itself
            each hour, using the client secret.
          </p>
          <label htmlFor={id('soid')}>Organisation id (only if the user belongs to several orgs)</label>
          <p className="help" id={id('soid-help')}>
            The number shown in Zoho CRM under Setup → Company Details, e.g. 60021458201.
          </p>
          <div className="inline">
            <input
              id={id('soid')}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={soid}
              onChange={(e) => setSoid(e.target.value)}
              aria-describedby={[id('soid-help'), ccError ? id('soid-error') : null].filter(Boolean).join(' ')}
              aria-invalid={ccError ? true : undefined}
            />
            <button type="submit" className="button secondary" aria-disabled={busy ? true : undefined}>
              Connect with client credentials
            </button>
          </div>
          {ccError ? (
            <div id={id('soid-error')}>
              <ErrorMessage error={ccError} role="alert" title="Connecting did not work." />
            </div>
          ) : null}
        </form>
      </details>
    </div>
  );
}
