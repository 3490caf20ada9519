import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Api, AppEvent, AppInfo, IpcError, ProfileView } from '../../shared/ipc/contract';
import { ApiProvider, useApi } from './apiContext';
import { PresentationProvider } from './presentation/PresentationContext';
import { AppHeader } from './components/AppHeader';
import { ErrorMessage } from './components/ErrorMessage';
import { ProfileDetail, type AuthState } from './components/ProfileDetail';
import { ProfileForm } from './components/ProfileForm';
import './profiles/profiles.css';
import { ImportExport } from './components/ImportExport';
import { ProfileList } from './components/ProfileList';
import { QuickSwitcher } from './components/QuickSwitcher';
import { UndoToast, type DeletedProfile } from './components/UndoToast';
import { RedirectRefusedAlert } from './components/RedirectRefusedAlert';
import { SecretStorageBanner } from './components/SecretStorageBanner';
import { StartupNotices } from './components/StartupNotices';

type View = 'profile' | 'create' | 'edit' | 'transfer';

const IDLE: AuthState = { phase: 'idle' };
/** How long a status message stays in the live region. */
const ANNOUNCEMENT_MS = 6000;

/** The whole app. `api` comes from `./api` in production; tests pass one built with `createApi`. */
export function App({ api }: { api: Api }) {
  return (
    <ApiProvider api={api}>
      <PresentationProvider>
        <Console />
      </PresentationProvider>
    </ApiProvider>
  );
}

function upsert(list: ProfileView[], profile: ProfileView): ProfileView[] {
  return list.some((p) => p.id === profile.id) ? list.map((p) => (p.id === profile.id ? profile : p)) : [...list, profile];
}

function Console() {
  const api = useApi();
  const [secretsGeneration, setSecretsGeneration] = useState(0);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [view, setView] = useState<View>('profile');
  const [navigated, setNavigated] = useState(false);
  const [auth, setAuth] = useState<Record<string, AuthState>>({});
  const [refused, setRefused] = useState<IpcError | null>(null);
  const [actionError, setActionError] = useState<IpcError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const [deleted, setDeleted] = useState<DeletedProfile | null>(null);
  /** Bumped when the user picks a profile, so the already-shown profile's heading takes the focus too. */
  const [headingRequest, setHeadingRequest] = useState(0);
  const mainRef = useRef<HTMLElement>(null);
  /** Per profile: the number of the latest Connect, so a late answer cannot undo a finished one. */
  const attempts = useRef(new Map<string, number>());

  const setAuthFor = useCallback((profileId: string, state: AuthState) => {
    setAuth((all) => ({ ...all, [profileId]: state }));
  }, []);

  const bumpAttempt = useCallback((profileId: string) => {
    const next = (attempts.current.get(profileId) ?? 0) + 1;
    attempts.current.set(profileId, next);
    return next;
  }, []);

  const announce = useCallback((message: string) => setAnnouncement(message), []);

  // A status message is said once, then cleared, so it never lingers next to later outcomes.
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(''), ANNOUNCEMENT_MS);
    return () => clearTimeout(timer);
  }, [announcement]);

  const reloadProfiles = useCallback(async () => {
    const result = await api.profiles.list();
    if (result.ok) {
      setProfiles(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error);
    }
  }, [api]);

  // First load: app info (secret storage, active profile) and the profile list.
  useEffect(() => {
    let live = true;
    void Promise.all([api.app.info(), api.profiles.list()]).then(([infoResult, listResult]) => {
      if (!live) return;
      if (infoResult.ok) {
        setInfo(infoResult.value);
        setSelectedId((current) => current ?? infoResult.value.activeProfileId);
      }
      if (listResult.ok) setProfiles(listResult.value);
      else setLoadError(listResult.error);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, [api]);

  // Events from the core.
  useEffect(() => {
    return api.onEvent((event: AppEvent) => {
      switch (event.type) {
        case 'profiles-changed':
          void reloadProfiles();
          break;
        case 'auth-finished':
          // A newer sign-in outcome replaces an older "refused a redirect" alert.
          setRefused(null);
          bumpAttempt(event.profileId);
          if (event.ok) {
            setProfiles((list) => upsert(list, event.profile));
            setAuthFor(event.profileId, IDLE);
          } else if (event.error.code === 'CANCELLED') {
            setAuthFor(event.profileId, IDLE);
          } else {
            setAuthFor(event.profileId, { phase: 'failed', error: event.error });
          }
          break;
        case 'redirect-refused':
          setRefused(event.error);
          break;
      }
    });
  }, [api, reloadProfiles, bumpAttempt, setAuthFor]);

  const selected = profiles.find((p) => p.id === selectedId) ?? null;

  // Ctrl+K (Cmd+K on a Mac) opens the quick switcher from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSwitcherOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const listRef = useRef<HTMLElement>(null);
  const toastRef = useRef<HTMLDivElement>(null);
  const expireUndo = useCallback(() => {
    const active = document.activeElement;
    const focusWasOnToast = !active || active === document.body || (toastRef.current?.contains(active) ?? false);
    flushSync(() => setDeleted(null));
    // The toast took the focus when it appeared; when it goes, the focus lands in the profile list, not on <body>.
    if (focusWasOnToast) {
      const list = listRef.current;
      const target = list?.querySelector<HTMLElement>('.profile-button') ?? list?.querySelector<HTMLElement>('.sidebar-head button');
      target?.focus();
    }
  }, []);

  async function undoDelete(id: string) {
    setDeleted(null);
    const result = await api.profiles.undoDelete(id);
    if (!result.ok) {
      setActionError(result.error);
      return;
    }
    setProfiles((list) => upsert(list, result.value));
    setSelectedId(result.value.id);
    setView('profile');
    setNavigated(true);
    announce(`Profile “${result.value.name}” restored.`);
  }

  async function selectProfile(id: string) {
    setAnnouncement('');
    setHeadingRequest((n) => n + 1);
    setSelectedId(id);
    setView('profile');
    setNavigated(true);
    setActionError(null);
    const result = await api.profiles.setActive(id);
    if (result.ok) setProfiles((list) => upsert(list, result.value));
    else setActionError(result.error);
  }

  function newProfile() {
    setAnnouncement('');
    setView('create');
    setNavigated(true);
    setActionError(null);
  }

  async function handleSaved(profile: ProfileView, created: boolean) {
    setProfiles((list) => upsert(list, profile));
    setSelectedId(profile.id);
    setView('profile');
    announce(created ? `Profile “${profile.name}” created.` : `Profile “${profile.name}” saved.`);
    if (created) {
      const result = await api.profiles.setActive(profile.id);
      if (result.ok) setProfiles((list) => upsert(list, result.value));
    }
  }

  function handleDeleted(id: string, name?: string) {
    setProfiles((list) => list.filter((p) => p.id !== id));
    setSelectedId(null);
    setView('profile');
    setDeleted({ id, name: name ?? 'profile' });
    announce('Profile deleted. Press Undo to bring it back.');
  }

  async function connect(profileId: string) {
    setRefused(null); // a new Connect starts over: the old refused-redirect alert no longer applies
    setAnnouncement('');
    const attempt = bumpAttempt(profileId);
    setAuthFor(profileId, { phase: 'starting' });
    const result = await api.auth.connect(profileId);
    if (attempts.current.get(profileId) !== attempt) return;
    setAuthFor(profileId, result.ok ? { phase: 'waiting', started: result.value } : { phase: 'failed', error: result.error });
  }

  async function cancel(profileId: string) {
    bumpAttempt(profileId);
    setAuthFor(profileId, IDLE);
    const result = await api.auth.cancel(profileId);
    if (result.ok) {
      setProfiles((list) => upsert(list, result.value));
      announce('Connecting was cancelled.');
    } else {
      setAuthFor(profileId, { phase: 'failed', error: result.error });
    }
  }

  function profileUpdated(profile: ProfileView) {
    setProfiles((list) => upsert(list, profile));
    if (profile.connection.status === 'connected') {
      bumpAttempt(profile.id);
      setAuthFor(profile.id, IDLE);
    }
  }

  function skipToMain() {
    mainRef.current?.focus();
  }

  let content;
  if (loading) {
    content = <p className="muted">Loading…</p>;
  } else if (view === 'create') {
    content = (
      <ProfileForm
        key="new"
        profile={null}
        info={info}
        onSaved={handleSaved}
        onCancel={() => setView('profile')}
      />
    );
  } else if (view === 'transfer') {
    content = (
      <ImportExport
        profiles={profiles}
        initiallySelected={selectedId ? [selectedId] : []}
        onImported={(message) => {
          announce(message);
          void reloadProfiles();
        }}
        onClose={() => setView('profile')}
      />
    );
  } else if (view === 'edit' && selected) {
    content = (
      <ProfileForm
        key={`edit-${selected.id}`}
        profile={selected}
        info={info}
        onSaved={handleSaved}
        onCancel={() => setView('profile')}
        onDeleted={handleDeleted}
      />
    );
  } else if (selected) {
    content = (
      <ProfileDetail
        key={selected.id}
        profile={selected}
        info={info}
        auth={auth[selected.id] ?? IDLE}
        onConnect={() => void connect(selected.id)}
        onCancel={() => void cancel(selected.id)}
        onProfileUpdated={profileUpdated}
        onEdit={() => {
          setView('edit');
          setNavigated(true);
        }}
        announce={announce}
        focusHeading={navigated}
        focusRequest={headingRequest}
        secretsGeneration={secretsGeneration}
      />
    );
  } else {
    content = (
      <section className="panel empty-state" aria-labelledby="empty-heading">
        <h2 id="empty-heading">Choose a profile</h2>
        <p>
          Pick a profile on the left, or press “New profile” to add the details of a Connected App (client) from Zoho’s
          API console. To try things out safely, pick the Demo profile.
        </p>
      </section>
    );
  }

  return (
    <div className="app">
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          skipToMain();
        }}
      >
        Skip to main content
      </a>
      <AppHeader active={selected} onSwitch={() => setSwitcherOpen(true)} />
      <div className="layout">
        <ProfileList navRef={listRef} profiles={profiles} selectedId={selectedId} onSelect={(id) => void selectProfile(id)} onNew={newProfile} loading={loading} onTransfer={() => {
            setView('transfer');
            setNavigated(true);
          }} />
        <main id="main" ref={mainRef} tabIndex={-1}>
          <StartupNotices info={info} />
          <SecretStorageBanner
            info={info}
            onChanged={() => {
              // Secrets just became readable (or were set aside): screens that failed for lack of them start afresh.
              setSecretsGeneration((n) => n + 1);
              void reloadProfiles();
            }}
          />
          <RedirectRefusedAlert error={refused} onDismiss={() => setRefused(null)} />
          {loadError ? <ErrorMessage error={loadError} role="alert" title="Could not load the profiles." /> : null}
          {actionError ? <ErrorMessage error={actionError} role="alert" /> : null}
          {content}
          <div role="status" className="sr-only">
            {announcement}
          </div>
          <UndoToast toastRef={toastRef} deleted={deleted} onUndo={(id) => void undoDelete(id)} onExpire={expireUndo} />
        </main>
      </div>
      <QuickSwitcher
        open={switcherOpen}
        profiles={profiles}
        activeId={selectedId}
        onClose={() => setSwitcherOpen(false)}
        onPick={(id) => {
          setSwitcherOpen(false);
          void selectProfile(id);
        }}
      />
    </div>
  );
}

export default App;
