import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppInfo, ConnectStarted, ConnectVia, IpcError, ProfileView } from '../../../shared/ipc/contract';
import { DATA_CENTRE_LIST } from '../../../shared/zoho/dataCentres';
import { explain, ZOHO_AUTHORIZE_PAGE_ERRORS } from '../../../shared/zoho/errors';
import { useApi } from '../apiContext';
import { usePresentation } from '../presentation/PresentationContext';
import { connectedLine, dataCentreLabel, STATUS_TEXT, statusHint } from '../labels';
import { ErrorMessage } from './ErrorMessage';
import { DeviceCodePanel } from './connection/DeviceCodePanel';
import { DisconnectConfirm } from './connection/DisconnectConfirm';
import { SelfClientForm } from './connection/SelfClientForm';
import { TokenLimitConfirm } from './connection/TokenLimitConfirm';

/** What the app knows about a Connect in progress for one profile. */
export type AuthState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'waiting'; started: ConnectStarted }
  | { phase: 'failed'; error: IpcError };

interface Props {
  profile: ProfileView;
  info: AppInfo | null;
  auth: AuthState;
  onConnect: () => void;
  onCancel: () => void;
  onProfileUpdated: (profile: ProfileView) => void;
  announce: (message: string) => void;
}

const VIA_TEXT: Record<ConnectVia, string> = {
  scheme: 'Browser sign-in, back through the app’s own link',
  loopback: 'Browser sign-in, back through http://localhost',
  self: 'Self Client',
  device: 'Device code',
};

/**
 * The Connection panel of a profile: status, the way to connect that fits its client type
 * (browser, Self Client code, device code), errors in plain words, and disconnecting.
 */
export function ConnectionPanel({ profile, info, auth: authFromApp, onConnect, onCancel, onProfileUpdated, announce }: Props) {
  const api = useApi();
  const presentation = usePresentation();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const connectionHeadingRef = useRef<HTMLHeadingElement>(null);
  const [pasted, setPasted] = useState('');
  const [pasteBusy, setPasteBusy] = useState(false);
  const [pasteError, setPasteError] = useState<IpcError | null>(null);
  const [actionError, setActionError] = useState<IpcError | null>(null);
  const [disconnecting, setDisconnecting] = useState(false);
  const [confirmingRevoke, setConfirmingRevoke] = useState(false);
  const revokeButtonRef = useRef<HTMLButtonElement>(null);
  /**
   * After "Connect anyway" (the 21st-refresh-token warning) the panel starts the sign-in
   * itself; that state holds until the app's own state for this profile moves on.
   */
  const [override, setOverride] = useState<{ base: AuthState; state: AuthState } | null>(null);
  const auth = override && override.base === authFromApp ? override.state : authFromApp;

  const status = profile.connection.status;
  const connected = status === 'connected';
  const browserSignIn = profile.clientType === 'mobile' || profile.clientType === 'server';
  const waiting = browserSignIn && (auth.phase === 'waiting' || (auth.phase === 'idle' && status === 'connecting'));
  const starting = auth.phase === 'starting';
  // Kept in the core while the sign-in waits, so a reload does not lose it (it holds no secret).
  const consentUrl = auth.phase === 'waiting' ? auth.started.authorizeUrl : profile.connection.pendingAuthorizeUrl;
  // In browser mode nothing hands a connected-app-console:// address back to the app.
  const schemeInBrowser = info?.mode === 'browser' && profile.clientType === 'mobile';
  const orgName = profile.connection.orgName || profile.orgLabel || profile.name;

  // Buttons come and go as the connection changes; never leave keyboard focus on nothing.
  const previous = useRef({ waiting, connected });
  useEffect(() => {
    const before = previous.current;
    previous.current = { waiting, connected };
    if (before.waiting === waiting && before.connected === connected) return;
    if (waiting) {
      cancelRef.current?.focus();
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) connectionHeadingRef.current?.focus();
  }, [waiting, connected]);

  const showPaste = !connected && waiting;
  const failure = auth.phase === 'failed' ? auth.error : null;
  const hint = !waiting && !starting && !failure ? statusHint(profile) : null;
  const storedError = auth.phase === 'idle' && !connected && status !== 'connecting' ? profile.connection.lastError : undefined;
  const shownError = failure ?? storedError ?? null;

  let statusText: string;
  if (starting) statusText = 'Opening Zoho’s consent page in your browser…';
  else if (waiting) statusText = 'Waiting for you to allow access in your browser…';
  else if (connected) statusText = connectedLine(profile, presentation);
  else if (status === 'connecting' && profile.clientType === 'device') statusText = 'Waiting for the device code to be entered…';
  else if (status === 'connecting' && profile.clientType === 'self') statusText = 'Exchanging the code with Zoho…';
  else statusText = STATUS_TEXT[status];

  async function connectAnyway() {
    const base = authFromApp;
    setOverride({ base, state: { phase: 'starting' } });
    const result = await api.auth.connect(profile.id, { acknowledgeTokenLimit: true });
    setOverride({ base, state: result.ok ? { phase: 'waiting', started: result.value } : { phase: 'failed', error: result.error } });
  }

  async function submitPasted(event: FormEvent) {
    event.preventDefault();
    if (pasteBusy) return;
    if (!pasted.trim()) {
      setPasteError({ code: 'INVALID_INPUT', message: 'Paste the whole address from the browser’s address bar first.' });
      return;
    }
    setPasteBusy(true);
    setPasteError(null);
    const result = await api.auth.submitRedirect(pasted.trim());
    setPasteBusy(false);
    if (result.ok) {
      setPasted('');
      onProfileUpdated(result.value);
    } else {
      setPasteError(result.error);
    }
  }

  function askDisconnect() {
    if (profile.environment === 'production') setConfirmingRevoke(true);
    else void disconnect(true);
  }

  function dismissConfirm() {
    setConfirmingRevoke(false);
    revokeButtonRef.current?.focus();
  }

  async function disconnect(revoke: boolean) {
    setConfirmingRevoke(false);
    setDisconnecting(true);
    setActionError(null);
    const result = await api.auth.disconnect(profile.id, revoke);
    setDisconnecting(false);
    if (result.ok) {
      onProfileUpdated(result.value);
      announce(revoke ? 'Disconnected: access was revoked at Zoho.' : 'Forgotten on this computer.');
    } else {
      setActionError(result.error);
    }
  }

  const grantedScopes = profile.connection.grantedScopes ?? [];
  const location = profile.connection.location;
  const locationLabel = location ? DATA_CENTRE_LIST.find((d) => d.location === location)?.label ?? location : null;

  return (
    <section className="subpanel" aria-labelledby={id('connection')}>
      <h3 id={id('connection')} ref={connectionHeadingRef} tabIndex={-1}>
        Connection
      </h3>
      <p role="status" className={`connection-status status-${waiting ? 'connecting' : status}`}>
        {statusText}
      </p>

      {hint ? <p className="help">{hint}</p> : null}

      {waiting ? (
        <div className="waiting">
          {schemeInBrowser ? (
            <p className="help">
              Your browser opened Zoho’s consent page. Check that you pick the right org, then follow the steps below to bring Zoho’s answer
              back here.
            </p>
          ) : (
            <p className="help">
              Your browser opened Zoho’s consent page. Check that you are signed in to the right org, then allow access. The app
              continues by itself once you do.
            </p>
          )}
          <div className="actions">
            {consentUrl ? (
              <a href={consentUrl} target="_blank" rel="noreferrer" className="button secondary">
                Open the consent page again
              </a>
            ) : null}
            <button type="button" className="button secondary" onClick={onCancel} ref={cancelRef}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      {shownError?.code === 'REFRESH_TOKEN_LIMIT' && failure ? (
        <TokenLimitConfirm error={shownError} onConfirm={() => void connectAnyway()} onDismiss={onCancel} />
      ) : shownError ? (
        <>
          <ErrorMessage error={shownError} role={failure ? 'alert' : undefined} title={failure ? 'Connecting did not work.' : 'The last attempt did not work.'} />
          {shownError.code === 'CALLBACK_TIMEOUT' ? <AuthorizePageHelp profile={profile} /> : null}
        </>
      ) : null}

      {showPaste ? (
        <form className="paste-form" onSubmit={submitPasted} noValidate>
          <label htmlFor={id('paste')}>Paste the address Zoho sent you back to</label>
          {schemeInBrowser ? (
            <div className="help" id={id('paste-help')}>
              <p>
                The browser will not come back by itself, and its address bar keeps showing Zoho’s consent page: that address is not the
                one needed. Before you press Allow:
              </p>
              <ol className="steps">
                <li>Open the browser’s developer tools (F12, or Ctrl+Shift+I / Cmd+Option+I) on the consent page’s tab, and choose Network.</li>
                <li>Press Allow. Find Zoho’s answer (status 302) and copy its “Location” header: it starts with connected-app-console://oauth/callback?</li>
                <li>Paste it here within a minute (Zoho’s code expires quickly).</li>
              </ol>
            </div>
          ) : (
            <p className="help" id={id('paste-help')}>
              Only needed if, after you allowed access, the browser showed an error or did not come back to the app: copy the whole
              address from its address bar.
            </p>
          )}
          <div className="inline">
            <input
              id={id('paste')}
              type="text"
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              aria-describedby={[id('paste-help'), pasteError ? id('paste-error') : null].filter(Boolean).join(' ')}
              aria-invalid={pasteError ? true : undefined}
            />
            <button type="submit" className="button secondary">
              {pasteBusy ? 'Checking…' : 'Use this address'}
            </button>
          </div>
          {pasteError ? (
            <div id={id('paste-error')}>
              <ErrorMessage error={pasteError} role="alert" />
            </div>
          ) : null}
        </form>
      ) : null}

      {profile.clientType === 'self' && !connected && status !== 'secret-missing' ? (
        <SelfClientForm profile={profile} info={info} onConnected={onProfileUpdated} onCancel={onCancel} announce={announce} />
      ) : null}
      {profile.clientType === 'device' && status !== 'secret-missing' ? (
        <DeviceCodePanel profile={profile} onCancel={onCancel} announce={announce} />
      ) : null}

      {schemeInBrowser && !waiting ? (
        <div className="error-box warning-box" role="note" aria-labelledby={id('browser-mode-title')}>
          <p className="error-title" id={id('browser-mode-title')}>
            This profile can’t finish connecting in a browser tab
          </p>
          <p>
            It is a Mobile-based client: after you allow access, Zoho sends the answer to a connected-app-console:// address, which only
            the desktop app can receive. A browser tab can’t open it.
          </p>
          <p>Instead, either:</p>
          <ul>
            <li>open this profile in the desktop app and connect there, or</li>
            <li>
              use a Server-based client (its answer comes back through http://localhost) or a Self Client (you paste a code) — in Zoho’s API
              console, then in a profile here.
            </li>
          </ul>
          <details className="advanced">
            <summary>Advanced: connect here and paste the answer by hand</summary>
            <p className="help">
              Possible, but fiddly: you will copy Zoho’s answer out of the browser’s developer tools. The steps show after you start.
            </p>
            <button type="button" className="button secondary" onClick={starting ? undefined : onConnect} aria-disabled={starting ? true : undefined}>
              {connected ? 'Reconnect and paste the answer' : 'Connect and paste the answer'}
            </button>
          </details>
        </div>
      ) : null}

      <div className="actions">
        {!waiting && browserSignIn && !schemeInBrowser ? (
          <button type="button" className="button primary" onClick={starting ? undefined : onConnect} aria-disabled={starting ? true : undefined}>
            {connected ? 'Reconnect' : 'Connect'}
          </button>
        ) : null}
        {connected ? (
          <>
            <button
              type="button"
              className="button secondary"
              onClick={askDisconnect}
              disabled={disconnecting}
              ref={revokeButtonRef}
              aria-expanded={profile.environment === 'production' ? confirmingRevoke : undefined}
            >
              Disconnect (revoke access)
            </button>
            <button type="button" className="button secondary" onClick={() => disconnect(false)} disabled={disconnecting}>
              Forget locally
            </button>
            {disconnecting ? (
              // Revoking waits for Zoho (up to the network timeout): the user can stop waiting.
              <button type="button" className="button secondary" onClick={() => void api.auth.cancel(profile.id)}>
                Stop waiting for Zoho
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {connected && confirmingRevoke ? <DisconnectConfirm orgName={orgName} onConfirm={() => void disconnect(true)} onDismiss={dismissConfirm} /> : null}
      {connected && profile.connection.warning ? <ErrorMessage error={profile.connection.warning} title="Connected, but one thing needs your attention." /> : null}
      {connected ? (
        <p className="help">
          “Disconnect” asks Zoho to cancel this app’s access. “Forget locally” only removes the sign-in from this computer; Zoho still
          lists the connection.
        </p>
      ) : null}
      {actionError ? <ErrorMessage error={actionError} role="alert" /> : null}

      {connected ? (
        <dl className="facts compact">
          {profile.connection.userEmail ? (
            <>
              <dt>User</dt>
              <dd>{presentation.email(profile.connection.userEmail)}</dd>
            </>
          ) : null}
          {locationLabel ? (
            <>
              <dt>User’s data centre</dt>
              <dd>{locationLabel}</dd>
            </>
          ) : null}
          {profile.connection.via ? (
            <>
              <dt>Connected with</dt>
              <dd>{VIA_TEXT[profile.connection.via]}</dd>
            </>
          ) : null}
          {grantedScopes.length ? (
            <>
              <dt>Scopes Zoho granted</dt>
              <dd>
                {grantedScopes.map((s, i) => (
                  <span key={s}>
                    {i > 0 ? ', ' : ''}
                    <code>{s}</code>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          {profile.connection.accessTokenExpiresAt ? (
            <>
              <dt>Current access token valid until</dt>
              <dd>
                {new Date(profile.connection.accessTokenExpiresAt).toLocaleTimeString()} (the app renews it by itself
                {profile.connection.renewsWithoutUser ? ', with the client secret: Zoho gives no refresh token this way' : ''})
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}

/**
 * Zoho's authorize page shows its own error screens and never comes back (§2.2). When no
 * redirect arrived, the user can look at the browser tab and read what its title means.
 */
function AuthorizePageHelp({ profile }: { profile: ProfileView }) {
  const context = { dataCentre: dataCentreLabel(profile.dataCentre) };
  return (
    <div className="authorize-help">
      <p className="help">What does the browser tab say?</p>
      {ZOHO_AUTHORIZE_PAGE_ERRORS.map((page) => {
        const explained = explain(page.code, context);
        return (
          <details key={page.code} className="error-details">
            <summary>“{page.title}”</summary>
            <p>{explained.message}</p>
            {explained.hint ? <p>{explained.hint}</p> : null}
          </details>
        );
      })}
    </div>
  );
}
