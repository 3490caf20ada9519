import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AppInfo, IpcError, VaultStatus } from '../../../shared/ipc/contract';
import { useApi } from '../apiContext';
import { ErrorMessage } from './ErrorMessage';

/** What the vault looks like when the core cannot be asked (older core, tests): from app:info. */
function fromInfo(info: AppInfo): VaultStatus {
  return {
    mode: info.secretStorage.persistent ? 'keychain' : 'memory',
    backend: info.secretStorage.backend,
    ...(info.secretStorage.message ? { message: info.secretStorage.message } : {}),
    canUsePassphrase: false,
  };
}

/**
 * Where secrets are kept, in plain words, when it is not the OS keychain:
 * - memory only: say so, say what to do, and offer the passphrase vault (opt-in, typed twice);
 * - passphrase vault locked: ask for the passphrase (wrong → clear error, nothing lost), or
 *   set the locked secrets aside if it is forgotten.
 */
export function SecretStorageBanner({ info, onChanged }: { info: AppInfo | null; onChanged?: () => void }) {
  const api = useApi();
  const uid = useId();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [offer, setOffer] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    let live = true;
    void api.vault.status().then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, info]);

  const vault = status ?? (info ? fromInfo(info) : null);
  if (!vault) return null;
  if (vault.mode === 'keychain') return null;
  if (vault.mode === 'passphrase-unlocked') {
    return done ? (
      <p className="banner" role="status">
        {done}
      </p>
    ) : null;
  }

  async function enable(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (passphrase.length < 10) return setFieldError('Use at least 10 characters; a few unrelated words work well.');
    if (passphrase !== confirm) return setFieldError('The two passphrases are not the same. Type them again.');
    setFieldError(null);
    setBusy(true);
    const result = await api.vault.enablePassphrase(passphrase);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setPassphrase('');
    setConfirm('');
    setStatus(result.value);
    setDone('Your secrets are now saved encrypted under your passphrase. You will be asked for it each time the app starts.');
    onChanged?.();
  }

  async function unlock(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const result = await api.vault.unlock(passphrase);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setPassphrase('');
    setStatus(result.value);
    setDone('Unlocked. Your saved secrets and sign-ins are available.');
    onChanged?.();
  }

  async function reset() {
    const result = await api.vault.reset();
    if (!result.ok) return setError(result.error);
    setStatus(result.value);
    setDone('');
    onChanged?.();
  }

  if (vault.mode === 'passphrase-locked') {
    return (
      <section className="banner warning" aria-labelledby={`${uid}-title`}>
        <h2 id={`${uid}-title`} className="banner-title">
          Your saved secrets are locked
        </h2>
        <p>Enter the passphrase you chose to protect them. Until then, the app cannot connect or call Zoho.</p>
        <form className="vault-form" onSubmit={unlock}>
          <div className="field">
            <label htmlFor={`${uid}-unlock`}>Passphrase</label>
            <input
              id={`${uid}-unlock`}
              type="password"
              autoComplete="current-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${uid}-error` : undefined}
            />
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </form>
        {error ? (
          <div id={`${uid}-error`}>
            <ErrorMessage error={error} role="alert" />
          </div>
        ) : null}
        <details>
          <summary>Forgot the passphrase?</summary>
          <p>
            The secrets cannot be recovered without it. You can set them aside (the file is kept, not deleted) and enter each
            client secret again.
          </p>
          <button type="button" className="button danger-outline" onClick={reset}>
            Set the locked secrets aside
          </button>
        </details>
      </section>
    );
  }

  return (
    <section className="banner warning" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="banner-title">
        Secrets are kept only until the app closes
      </h2>
      {/* One explanation, not two: the core's own words when it has them (they say why), else the general one. */}
      <p>
        {vault.message ??
          'This computer has no secure key store the app can use, so client secrets and sign-ins are held in memory and forgotten when you quit. Your profiles themselves are saved; you will enter each client secret and connect again next time.'}
      </p>
      {info?.mode === 'browser' ? (
        // A web page can't reach a keychain at all: only the desktop app or a passphrase helps here
        // (the core's own message, when there is one, already says so).
        vault.message ? null : (
          <p>To keep secrets between sessions, use the desktop app, or protect them here with a passphrase of your own.</p>
        )
      ) : (
        <p>
          To fix this: install and unlock a keyring (GNOME Keyring or KWallet) and restart the app, or start it with{' '}
          <code>--password-store=gnome-libsecret</code> (or <code>kwallet5</code>).
        </p>
      )}
      {vault.canUsePassphrase ? (
        offer ? (
          <form className="vault-form" onSubmit={enable} aria-labelledby={`${uid}-offer`}>
            <p id={`${uid}-offer`} className="help">
              Choose a passphrase. The app encrypts your secrets with it (using strong, standard encryption: scrypt and AES-256-GCM) and asks for it at each start.
              If you forget it, the saved secrets cannot be recovered.
            </p>
            <div className="field">
              <label htmlFor={`${uid}-pass`}>New passphrase</label>
              <input
                id={`${uid}-pass`}
                type="password"
                autoComplete="new-password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? `${uid}-field-error` : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor={`${uid}-confirm`}>Type it again</label>
              <input
                id={`${uid}-confirm`}
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? `${uid}-field-error` : undefined}
              />
            </div>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Protecting…' : 'Protect secrets with this passphrase'}
            </button>
            <button type="button" className="button secondary" onClick={() => setOffer(false)}>
              Not now
            </button>
            {fieldError ? (
              <p className="field-error" id={`${uid}-field-error`} role="alert">
                {fieldError}
              </p>
            ) : null}
          </form>
        ) : (
          <button type="button" className="button secondary" onClick={() => setOffer(true)}>
            Protect secrets with a passphrase…
          </button>
        )
      ) : null}
      {error ? <ErrorMessage error={error} role="alert" /> : null}
    </section>
  );
}
