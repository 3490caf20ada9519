import { useEffect, useRef, useState } from 'react';
import type { DeviceProgress, IpcError, ProfileView } from '../../../../shared/ipc/contract';
import { useApi } from '../../apiContext';
import { ErrorMessage } from '../ErrorMessage';
import { TokenLimitConfirm } from './TokenLimitConfirm';
import { minutesAndSeconds, useCountdown } from './useCountdown';

interface Props {
  profile: ProfileView;
  onCancel: () => void;
  announce: (message: string) => void;
}

/**
 * Non-browser (device) client (§4.4): the app shows a code and an address; anyone with a
 * browser enters the code there and allows access, while the app checks with Zoho at the
 * pace Zoho allows. Progress comes from the profile's connection (the core polls).
 */
export function DeviceCodePanel({ profile, onCancel, announce }: Props) {
  const api = useApi();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [started, setStarted] = useState<DeviceProgress | null>(null);
  const [copyNote, setCopyNote] = useState('');
  // The profile's connection carries the live progress; right after starting, the answer does.
  const live = profile.connection.device ?? (profile.connection.status === 'connecting' ? started : null);

  async function start(acknowledgeTokenLimit = false) {
    if (starting) return;
    setStarting(true);
    setError(null);
    const result = await api.auth.startDevice(profile.id, acknowledgeTokenLimit ? { acknowledgeTokenLimit } : {});
    setStarting(false);
    if (result.ok) {
      setStarted(result.value);
      announce(`Device code ${result.value.userCode.split('').join(' ')}. Enter it at ${result.value.verificationUrl}.`);
    } else {
      setError(result.error);
    }
  }

  async function copyCode(code: string) {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      setCopyNote('Code copied.');
    } catch {
      setCopyNote('Could not copy automatically: select the code and copy it.');
    }
  }

  if (live) return <DeviceWaiting progress={live} onCancel={onCancel} onCopy={copyCode} copyNote={copyNote} />;

  return (
    <div className="device">
      <p className="help">
        The app shows a short code. Enter it on Zoho’s page from any device with a browser (a phone is fine) and allow access; the
        app notices by itself.
      </p>
      {error?.code === 'REFRESH_TOKEN_LIMIT' ? (
        <TokenLimitConfirm error={error} onConfirm={() => void start(true)} onDismiss={() => setError(null)} />
      ) : error ? (
        <ErrorMessage error={error} role="alert" title="Connecting did not work." />
      ) : null}
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void start()} aria-disabled={starting ? true : undefined}>
          {starting ? 'Asking Zoho for a code…' : profile.connection.status === 'connected' ? 'Reconnect with a device code' : 'Get a device code'}
        </button>
      </div>
    </div>
  );
}

function DeviceWaiting({
  progress,
  onCancel,
  onCopy,
  copyNote,
}: {
  progress: DeviceProgress;
  onCancel: () => void;
  onCopy: (code: string) => void;
  copyNote: string;
}) {
  const left = useCountdown(progress.expiresAt);
  const next = useCountdown(progress.nextPollAt ?? null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="device waiting">
      <p>
        On any device with a browser, open{' '}
        <a href={progress.verificationUrl} target="_blank" rel="noreferrer">
          {progress.verificationUrl}
        </a>{' '}
        and enter this code:
      </p>
      <p className="user-code">
        <span className="sr-only">Device code: </span>
        <strong className="mono">{progress.userCode}</strong>{' '}
        <button type="button" className="button secondary" onClick={() => onCopy(progress.userCode)}>
          Copy code
        </button>
      </p>
      <p className="help" aria-live="polite">
        {copyNote}
      </p>
      <p className="help" role="timer" aria-live="off">
        {left === 0 ? 'The code has expired.' : `The code works for another ${minutesAndSeconds(left ?? 0)}.`}
      </p>
      <p className="help" role="status">
        {progress.note ?? 'Waiting for someone to enter the code and allow access.'}
        {progress.polls > 0 ? ` Checked with Zoho ${progress.polls} time${progress.polls === 1 ? '' : 's'}.` : ''}
      </p>
      <p className="help" role="timer" aria-live="off">
        {`Zoho allows a check every ${progress.intervalSeconds} seconds${next !== null && next > 0 ? `; next in ${next} s` : ''}.`}
      </p>
      <div className="actions">
        <button type="button" className="button secondary" onClick={onCancel} ref={cancelRef}>
          Cancel
        </button>
      </div>
    </div>
  );
}
