import { useEffect, useId, useRef, useState } from 'react';
import type { AppInfo, ProfileView } from '../../../shared/ipc/contract';
import { DEMO_LABEL } from '../../../shared/app';
import { DATA_CENTRES } from '../../../shared/zoho/dataCentres';
import { describeScope } from '../../../shared/zoho/scopes';
import { CLIENT_TYPE_TEXT, dataCentreLabel, isDemo } from '../labels';
import { DemoBadge, EnvironmentBadge, Swatch } from './Badges';
import { ConnectionPanel, type AuthState } from './ConnectionPanel';
import { RecordsBrowser } from './RecordsBrowser';

export type { AuthState } from './ConnectionPanel';

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
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const redirectRef = useRef<HTMLInputElement>(null);
  const [copyNote, setCopyNote] = useState('');

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
    // Only on mount: a newly shown screen takes the focus when the user asked for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const connected = profile.connection.status === 'connected';
  const demo = isDemo(profile);
  const consoleUrl = profile.service === 'demo' ? info?.demoOrg.consoleUrl : DATA_CENTRES[profile.dataCentre]?.apiConsole;

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

      <ConnectionPanel
        profile={profile}
        info={info}
        auth={auth}
        onConnect={onConnect}
        onCancel={onCancel}
        onProfileUpdated={onProfileUpdated}
        announce={announce}
      />

      {connected ? <RecordsBrowser key={profile.id} profileId={profile.id} profile={profile} /> : null}
    </section>
  );
}
