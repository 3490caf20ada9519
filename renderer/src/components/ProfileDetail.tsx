import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppInfo, ConnectStarted, IpcError, ProfileView } from '../../../shared/ipc/contract';
import { DEMO_LABEL } from '../../../shared/app';
import { DATA_CENTRES } from '../../../shared/zoho/dataCentres';
import { describeScope } from '../../../shared/zoho/scopes';
import { useApi } from '../apiContext';
import { CLIENT_TYPE_TEXT, connectedLine, dataCentreLabel, isDemo, STATUS_TEXT, statusHint } from '../labels';
import { DemoBadge, EnvironmentBadge, Swatch } from './Badges';
import { ErrorMessage } from './ErrorMessage';
import { RecordsBrowser } from './RecordsBrowser';

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
  onEdit: () => void;
  announce: (message: string) => void;
  /** Move focus to the heading when shown (after the user picked this profile). */
  focusHeading?: boolean;
}

export function ProfileDetail({ profile, info, auth, onConnect, onCancel, onProfileUpdated, onEdit, announce, focusHeading }: Props) {
  const api = useApi();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const redirectRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const connectionHeadingRef = useRef<HTMLHeadingElement>(null);
  const [copyNote, setCopyNote] = useState('');
  const [pasted, setPasted] = useState('');
  const [pasteBusy, setPasteBusy] = useState(false);
  const [pasteError, setPasteError] = useState<IpcError | null>(null);
  const [actionError, setActionError] = useState<IpcError | null>(null);
  const [disconnecting, setDisconnecting] = useState(false);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
    // Only on mount: a newly shown screen takes the focus when the user asked for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const status = profile.connection.status;
  const connected = status === 'connected';
  const waiting = auth.phase === 'waiting' || (auth.phase === 'idle' && status === 'connecting');
  const starting = auth.phase === 'starting';

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

  const demo = isDemo(profile);
  const consoleUrl = profile.service === 'demo' ? info?.demoOrg.consoleUrl : DATA_CENTRES[profile.dataCentre]?.apiConsole;
  const showPaste = !connected && waiting;
  /** Self Client and device clients do not connect through the browser; this version cannot connect them yet. */
  const browserSignIn = profile.clientType === 'mobile' || profile.clientType === 'server';
  const hint = !waiting && !starting && auth.phase !== 'failed' ? statusHint(profile) : null;
  const storedError = auth.phase === 'idle' && !connected ? profile.connection.lastError : undefined;

  let statusText: string;
  if (starting) statusText = 'Opening Zoho’s consent page in your browser…';
  else if (waiting) statusText = 'Waiting for you to allow access in your browser…';
  else if (connected) statusText = connectedLine(profile);
  else statusText = STATUS_TEXT[status];

  async function copyRedirectUri() {
    if (!profile.redirectUri) return;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(profile.redirectUri);
      setCopyNote('Redirect URI copied.');
      announce('Redirect URI copied.');
    } catch {
      redirectRef.current?.select();
      setCopyNote('Could not copy automatically. The address is selected: press Ctrl+C (Cmd+C on a Mac).');
    }
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

  async function disconnect(revoke: boolean) {
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

  return (
    <section className="panel detail" aria-labelledby={id('heading')}>
      <div className="detail-head">
        <h2 id={id('heading')} ref={headingRef} tabIndex={-1}>
          <Swatch colour={profile.colour} />
          {profile.name}
        </h2>
        {!profile.isBuiltInDemo ? (
          <button type="button" className="button secondary" onClick={onEdit}>
            Edit profile
          </button>
        ) : null}
      </div>
      <p className="detail-meta">
        {profile.orgLabel ? <span>{profile.orgLabel}</span> : null}
        <EnvironmentBadge environment={profile.environment} />
        <DemoBadge profile={profile} />
        <span>{dataCentreLabel(profile.dataCentre)}</span>
        <span>{CLIENT_TYPE_TEXT[profile.clientType].short}</span>
      </p>
      {profile.isBuiltInDemo ? (
        <p className="muted">
          {DEMO_LABEL}. This built-in profile talks to a practice org on this computer, so you can try everything safely.
        </p>
      ) : null}
      {profile.notes ? <p className="notes">{profile.notes}</p> : null}

      <section className="subpanel" aria-labelledby={id('register')}>
        <h3 id={id('register')}>What to register in Zoho’s API console</h3>
        {demo ? <p className="help">For this profile, that is the Demo org’s own API console on this computer.</p> : null}
        <dl className="facts">
          <dt>Client type to choose</dt>
          <dd>
            {CLIENT_TYPE_TEXT[profile.clientType].short}
            <span className="muted"> — {CLIENT_TYPE_TEXT[profile.clientType].explanation}</span>
          </dd>
          <dt>{profile.redirectUri ? <label htmlFor={id('redirectUri')}>Redirect URI</label> : 'Redirect URI'}</dt>
          <dd>
            {profile.redirectUri ? (
              <>
                <div className="inline">
                  <input
                    id={id('redirectUri')}
                    ref={redirectRef}
                    className="mono"
                    type="text"
                    readOnly
                    value={profile.redirectUri}
                    aria-describedby={id('redirect-help')}
                  />
                  <button type="button" className="button secondary" onClick={copyRedirectUri}>
                    Copy redirect URI
                  </button>
                </div>
                <p className="help" id={id('redirect-help')}>
                  Paste it exactly, as an Authorized Redirect URI of the client.
                </p>
                <p className="help" aria-live="polite">
                  {copyNote}
                </p>
              </>
            ) : (
              <span>None: this client type has no redirect URI, so there is nothing to enter.</span>
            )}
          </dd>
          <dt>Scopes the app will ask for</dt>
          <dd>
            <ul className="scope-summary">
              {profile.scopes.map((s) => (
                <li key={s}>
                  <code>{s}</code>
                  {describeScope(s) ? <span className="muted"> — {describeScope(s)?.description}</span> : null}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        {consoleUrl ? (
          <p>
            <a href={consoleUrl} target="_blank" rel="noreferrer">
              {profile.service === 'demo' ? 'Open the Demo org’s API console' : `Open Zoho’s API console (${dataCentreLabel(profile.dataCentre)})`}
            </a>
          </p>
        ) : null}
      </section>

      <section className="subpanel" aria-labelledby={id('connection')}>
        <h3 id={id('connection')} ref={connectionHeadingRef} tabIndex={-1}>
          Connection
        </h3>
        <p role="status" className={`connection-status status-${waiting ? 'connecting' : status}`}>
          {statusText}
        </p>

        {hint ? <p className="help">{hint}</p> : null}
        {!browserSignIn && !connected ? (
          <p className="help">
            This version of the app connects only Mobile-based and Server-based clients, through the browser. To connect
            this org now, register one of those in the API console and choose it under “How the app connects” in “Edit
            profile”.
          </p>
        ) : null}

        {waiting ? (
          <div className="waiting">
            <p className="help">
              Your browser opened Zoho’s consent page. Check that you are signed in to the right org, then allow access.
              The app continues by itself once you do.
            </p>
            <div className="actions">
              {auth.phase === 'waiting' ? (
                <a href={auth.started.authorizeUrl} target="_blank" rel="noreferrer" className="button secondary">
                  Open the consent page again
                </a>
              ) : null}
              <button type="button" className="button secondary" onClick={onCancel} ref={cancelRef}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}

        {auth.phase === 'failed' ? <ErrorMessage error={auth.error} role="alert" title="Not connected." /> : null}
        {storedError ? <ErrorMessage error={storedError} title="The last attempt did not work." /> : null}

        {showPaste ? (
          <form className="paste-form" onSubmit={submitPasted} noValidate>
            <label htmlFor={id('paste')}>Paste the address Zoho sent you back to</label>
            <p className="help" id={id('paste-help')}>
              Only needed if, after you allowed access, the browser showed an error or did not come back to the app: copy
              the whole address from its address bar.
            </p>
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

        <div className="actions">
          {!waiting && (browserSignIn || connected) ? (
            <button
              type="button"
              className="button primary"
              onClick={starting ? undefined : onConnect}
              aria-disabled={starting ? true : undefined}
            >
              {connected ? 'Reconnect' : 'Connect'}
            </button>
          ) : null}
          {connected ? (
            <>
              <button type="button" className="button secondary" onClick={() => disconnect(true)} disabled={disconnecting}>
                Disconnect (revoke access)
              </button>
              <button type="button" className="button secondary" onClick={() => disconnect(false)} disabled={disconnecting}>
                Forget locally
              </button>
            </>
          ) : null}
        </div>
        {connected ? (
          <p className="help">
            “Disconnect” asks Zoho to cancel this app’s access. “Forget locally” only removes the sign-in from this
            computer; Zoho still lists the connection.
          </p>
        ) : null}
        {actionError ? <ErrorMessage error={actionError} role="alert" /> : null}

        {connected ? (
          <dl className="facts compact">
            {profile.connection.userEmail ? (
              <>
                <dt>User</dt>
                <dd>{profile.connection.userEmail}</dd>
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
                <dd>{new Date(profile.connection.accessTokenExpiresAt).toLocaleTimeString()} (the app renews it by itself)</dd>
              </>
            ) : null}
          </dl>
        ) : null}
      </section>

      {connected ? <RecordsBrowser key={profile.id} profileId={profile.id} /> : null}
    </section>
  );
}
