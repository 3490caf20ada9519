import { useEffect, useId, useRef, useState } from 'react';
import type { AppInfo, ProfileView } from '../../../shared/ipc/contract';
import { DEMO_LABEL } from '../../../shared/app';
import { DATA_CENTRES } from '../../../shared/zoho/dataCentres';
import { describeScope } from '../../../shared/zoho/scopes';
import { CLIENT_TYPE_TEXT, dataCentreLabel, isDemo } from '../labels';
import { RegisterInstructions } from './RegisterInstructions';
import { DemoBadge, EnvironmentBadge, Swatch } from './Badges';
import { ConnectionPanel, type AuthState } from './ConnectionPanel';
import { RecordsBrowser } from './RecordsBrowser';
import { usePresentation } from '../presentation/PresentationContext';

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
  /** Changes each time the user picks this profile again (e.g. Ctrl+K, Enter on the active one): the heading takes the focus. */
  focusRequest?: number;
  /** Changes when the vault is unlocked: the console starts afresh instead of keeping a "locked" error. */
  secretsGeneration?: number;
}

export function ProfileDetail({ profile, info, auth, onConnect, onCancel, onProfileUpdated, onEdit, announce, focusHeading, focusRequest = 0, secretsGeneration = 0 }: Props) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const presentation = usePresentation();

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
    // Only on mount: a newly shown screen takes the focus when the user asked for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Picking the profile that is already shown does not remount this screen, so the focus moves here on request.
  const seenFocusRequest = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === seenFocusRequest.current) return;
    seenFocusRequest.current = focusRequest;
    headingRef.current?.focus();
  }, [focusRequest]);

  const connected = profile.connection.status === 'connected';
  // While a connected profile reconnects (e.g. "Reconnect adding <scope>"), keep the console
  // mounted so the call being built isn't lost; adjust-state-during-render, as React advises.
  const [keepConsole, setKeepConsole] = useState(connected);
  if (connected && !keepConsole) setKeepConsole(true);
  if (!connected && profile.connection.status !== 'connecting' && keepConsole) setKeepConsole(false);
  const showConsole = connected || (keepConsole && profile.connection.status === 'connecting');
  const demo = isDemo(profile);
  const consoleUrl = profile.service === 'demo' ? info?.demoOrg.consoleUrl : DATA_CENTRES[profile.dataCentre]?.apiConsole;

  const setup = (
    <RegisterInstructions
      clientType={profile.clientType}
      redirectUri={profile.redirectUri}
      dataCentre={profile.dataCentre}
      multiDc={profile.multiDc}
      dcsWithOwnSecret={profile.dcSecrets}
      announce={announce}
      intro={demo ? <p className="help">For this profile, that is the Demo org’s own API console on this computer.</p> : null}
      extraFacts={
        <>
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
        </>
      }
    >
      {consoleUrl ? (
        <p>
          <a href={consoleUrl} target="_blank" rel="noreferrer">
            {profile.service === 'demo' ? 'Open the Demo org’s API console' : `Open Zoho’s API console (${dataCentreLabel(profile.dataCentre)})`}
          </a>
        </p>
      ) : null}
    </RegisterInstructions>
  );

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
        {profile.readOnly ? <span className="badge read-only">Read-only: changes are never sent</span> : null}
      </p>
      {profile.isBuiltInDemo ? (
        <p className="muted">
          {DEMO_LABEL}. This built-in profile talks to a practice org on this computer, so you can try everything safely.
        </p>
      ) : null}
      {profile.notes ? <p className="notes">{presentation.text(profile.notes)}</p> : null}

      {connected ? (
        // Once connected, the setup is reference material: folded away so the console comes first.
        <details className="setup-details">
          <summary>What was registered in Zoho’s API console (setup)</summary>
          {setup}
        </details>
      ) : (
        setup
      )}

      <ConnectionPanel
        profile={profile}
        info={info}
        auth={auth}
        onConnect={onConnect}
        onCancel={onCancel}
        onProfileUpdated={onProfileUpdated}
        announce={announce}
      />

      {showConsole ? <RecordsBrowser key={`${profile.id}:${secretsGeneration}`} profileId={profile.id} profile={profile} onConnect={onConnect} /> : null}
    </section>
  );
}
