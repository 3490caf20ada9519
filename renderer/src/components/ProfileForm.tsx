import { usePresentation } from '../presentation/PresentationContext';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import {
  CLIENT_TYPES,
  SERVICES,
  type AppInfo,
  type ClientType,
  type FieldErrors,
  type IpcError,
  type ProfileInput,
  type ProfileView,
  type Service,
} from '../../../shared/ipc/contract';
import { DATA_CENTRE_LIST, DATA_CENTRES, ENVIRONMENTS, isDataCentreId, type DataCentreId, type Environment } from '../../../shared/zoho/dataCentres';
import { DEFAULT_SCOPES, describeScope, SCOPE_CATALOGUE, SCOPE_PATTERN, type ScopeEntry } from '../../../shared/zoho/scopes';
import { DEFAULT_LOOPBACK_PATH, DEFAULT_LOOPBACK_PORT, loopbackRedirectUri, SCHEME_REDIRECT_URI } from '../../../shared/app';
import { useApi } from '../apiContext';
import { CLIENT_TYPE_TEXT, ENVIRONMENT_TEXT, SERVICE_TEXT } from '../labels';
import { ErrorMessage } from './ErrorMessage';
import { RegisterInstructions } from './RegisterInstructions';

interface FormValues {
  name: string;
  orgLabel: string;
  colour: string;
  service: Service;
  environment: Environment;
  dataCentre: string;
  clientType: ClientType;
  loopbackPort: string;
  loopbackPath: string;
  clientId: string;
  clientSecret: string;
  multiDc: boolean;
  /** Write-only per-DC secrets typed in this session (never filled from the profile). */
  dcSecrets: Partial<Record<DataCentreId, string>>;
  /** Saved per-DC secrets the user asked to remove (sent as an empty string). */
  removeDcSecrets: DataCentreId[];
  scopes: string[];
  notes: string;
  /** Never send writes (insert, update, upsert, delete) from this profile. */
  readOnly: boolean;
}

/** Form order: the first invalid field in this order gets the focus. */
const FIELD_ORDER = [
  'name',
  'orgLabel',
  'colour',
  'service',
  'environment',
  'dataCentre',
  'clientType',
  'loopbackPort',
  'loopbackPath',
  'clientId',
  'clientSecret',
  'scopes',
  'notes',
] as const;
type FieldName = (typeof FIELD_ORDER)[number];

function initialValues(profile: ProfileView | null, browserMode: boolean): FormValues {
  if (!profile) {
    return {
      name: '',
      orgLabel: '',
      colour: '#2f6fde',
      service: 'zoho',
      environment: 'production',
      dataCentre: '',
      // In a web browser our URL scheme can't come back, so start on the loopback client there.
      clientType: browserMode ? 'server' : 'mobile',
      loopbackPort: String(DEFAULT_LOOPBACK_PORT),
      loopbackPath: DEFAULT_LOOPBACK_PATH,
      clientId: '',
      clientSecret: '',
      multiDc: false,
      dcSecrets: {},
      removeDcSecrets: [],
      scopes: [...DEFAULT_SCOPES],
      notes: '',
      readOnly: false,
    };
  }
  return {
    name: profile.name,
    orgLabel: profile.orgLabel,
    colour: profile.colour,
    service: profile.service,
    environment: profile.environment,
    dataCentre: profile.dataCentre,
    clientType: profile.clientType,
    loopbackPort: String(profile.loopbackPort ?? DEFAULT_LOOPBACK_PORT),
    loopbackPath: profile.loopbackPath ?? DEFAULT_LOOPBACK_PATH,
    clientId: profile.clientId,
    // Write-only: never filled from the profile (the UI only knows `hasClientSecret`).
    clientSecret: '',
    multiDc: profile.multiDc,
    dcSecrets: {},
    removeDcSecrets: [],
    scopes: [...profile.scopes],
    notes: profile.notes,
    readOnly: profile.readOnly,
  };
}

/** New per-DC secrets typed, and "" for each saved one the user removed (the core deletes it). */
function dcSecretChanges(v: FormValues): Pick<ProfileInput, 'clientSecretsByDc'> {
  const changes: Partial<Record<DataCentreId, string>> = {};
  if (v.multiDc) {
    for (const [dc, secret] of Object.entries(v.dcSecrets) as [DataCentreId, string | undefined][]) {
      if (secret?.trim()) changes[dc] = secret;
    }
  }
  for (const dc of v.removeDcSecrets) changes[dc] = '';
  return Object.keys(changes).length > 0 ? { clientSecretsByDc: changes } : {};
}

/** The client type's title; in browser mode Mobile-based is not recommended (it cannot come back there). */
function clientTypeTitle(type: ClientType, browserMode: boolean): string {
  if (!browserMode) return CLIENT_TYPE_TEXT[type].title;
  if (type === 'mobile') return 'Mobile-based client (desktop app only)';
  return CLIENT_TYPE_TEXT[type].title;
}

function toInput(v: FormValues): ProfileInput {
  const server = v.clientType === 'server';
  const port = v.loopbackPort.trim();
  const path = v.loopbackPath.trim();
  return {
    name: v.name,
    orgLabel: v.orgLabel,
    colour: v.colour,
    service: v.service,
    environment: v.environment,
    // An empty choice is sent as is, so the core answers with its own message for it.
    dataCentre: v.dataCentre as ProfileInput['dataCentre'],
    clientType: v.clientType,
    loopbackPort: server && port ? Number(port) : undefined,
    loopbackPath: server && path ? path : undefined,
    clientId: v.clientId,
    clientSecret: v.clientSecret.trim() ? v.clientSecret : undefined,
    multiDc: v.multiDc,
    ...dcSecretChanges(v),
    scopes: v.scopes,
    notes: v.notes,
    readOnly: v.readOnly,
  };
}

/** `{ "changes.scopes.0": "…" }` → `{ scopes: "…" }`; the first message per field wins. */
function normaliseFieldErrors(fields: FieldErrors | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields ?? {})) {
    const name = key.replace(/^changes\./, '').split('.')[0] ?? key;
    if (!(name in out)) out[name] = message;
  }
  return out;
}

function groupScopes(): { family: ScopeEntry['family']; entries: ScopeEntry[] }[] {
  const groups: { family: ScopeEntry['family']; entries: ScopeEntry[] }[] = [];
  for (const entry of SCOPE_CATALOGUE) {
    let group = groups.find((g) => g.family === entry.family);
    if (!group) {
      group = { family: entry.family, entries: [] };
      groups.push(group);
    }
    group.entries.push(entry);
  }
  return groups;
}
const SCOPE_GROUPS = groupScopes();

interface Props {
  /** null = create a new profile. */
  profile: ProfileView | null;
  info: AppInfo | null;
  onSaved: (profile: ProfileView, created: boolean) => void;
  onCancel: () => void;
  onDeleted?: (id: string, name: string) => void;
  /** Move focus to the heading when shown. */
  focusHeading?: boolean;
}

export function ProfileForm({ profile, info, onSaved, onCancel, onDeleted, focusHeading = true }: Props) {
  const api = useApi();
  const uid = useId();
  const presentation = usePresentation();
  const id = (name: string) => `${uid}-${name}`;
  const [values, setValues] = useState<FormValues>(() => initialValues(profile, info?.mode === 'browser'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<IpcError | null>(null);
  const [saving, setSaving] = useState(false);
  const [extraScope, setExtraScope] = useState('');
  const [extraScopeError, setExtraScopeError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<IpcError | null>(null);
  const [copyName, setCopyName] = useState(() => (profile ? `${profile.name} (copy)` : ''));
  const [copyOrg, setCopyOrg] = useState('');
  const [copyEnv, setCopyEnv] = useState<Environment>(() => profile?.environment ?? 'production');
  const [copyError, setCopyError] = useState<IpcError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keepItRef = useRef<HTMLButtonElement>(null);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  /** Set when the confirmation closes without deleting, so "Delete profile…" gets the focus back. */
  const refocusDelete = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const editing = profile !== null;
  /** In a web browser the app's own URL scheme cannot come back (no OS handler). */
  const browserMode = info?.mode === 'browser';

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
    // Only on mount: a newly shown screen takes the focus when the user asked for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The inline delete confirmation takes the focus on its safe choice; closing it returns the focus.
  useEffect(() => {
    if (confirmDelete) keepItRef.current?.focus();
    else if (refocusDelete.current) {
      refocusDelete.current = false;
      deleteButtonRef.current?.focus();
    }
  }, [confirmDelete]);

  function keepProfile() {
    refocusDelete.current = true;
    setConfirmDelete(false);
  }

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
  };

  /** aria-describedby for a field: its help text (if any) and its error (if any). */
  const describedBy = (name: FieldName, hasHelp: boolean, extra?: string) =>
    [hasHelp ? id(`${name}-help`) : null, extra ?? null, errors[name] ? id(`${name}-error`) : null].filter(Boolean).join(' ') ||
    undefined;

  const invalid = (name: FieldName) => (errors[name] ? true : undefined);

  const fieldError = (name: FieldName) =>
    errors[name] ? (
      <p className="field-error" id={id(`${name}-error`)}>
        {errors[name]}
      </p>
    ) : null;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFormError(null);
    const input = toInput(values);
    const result = profile ? await api.profiles.update(profile.id, input) : await api.profiles.create(input);
    setSaving(false);
    if (result.ok) {
      setErrors({});
      onSaved(result.value, !profile);
      return;
    }
    const fields = normaliseFieldErrors(result.error.fields);
    flushSync(() => {
      setErrors(fields);
      setFormError(result.error);
    });
    // Each field's focus target carries data-field; the first invalid one in form order gets the focus.
    for (const name of FIELD_ORDER) {
      const target = fields[name] ? formRef.current?.querySelector<HTMLElement>(`[data-field="${name}"]`) : null;
      if (target) {
        target.focus();
        break;
      }
    }
  }

  function toggleScope(scope: string, checked: boolean) {
    setValues((v) => ({
      ...v,
      scopes: checked ? [...v.scopes, scope] : v.scopes.filter((s) => s !== scope),
    }));
  }

  function addExtraScope() {
    const scope = extraScope.trim();
    if (!SCOPE_PATTERN.test(scope)) {
      setExtraScopeError('A scope looks like ZohoCRM.modules.leads.READ: letters and dots, no spaces.');
      return;
    }
    setExtraScopeError(null);
    setExtraScope('');
    setValues((v) =>
      v.scopes.some((s) => s.toLowerCase() === scope.toLowerCase()) ? v : { ...v, scopes: [...v.scopes, scope] },
    );
  }

  async function handleDelete() {
    if (!profile) return;
    const result = await api.profiles.remove(profile.id);
    if (result.ok) onDeleted?.(profile.id, result.value.name);
    else setDeleteError(result.error);
  }

  async function handleDuplicate(event: FormEvent) {
    event.preventDefault();
    if (!profile) return;
    setCopyError(null);
    const result = await api.profiles.duplicate({ id: profile.id, name: copyName, orgLabel: copyOrg, environment: copyEnv });
    if (result.ok) onSaved(result.value, true);
    else setCopyError(result.error);
  }

  const extraScopes = values.scopes.filter((s) => !describeScope(s));
  const unknownFieldErrors = Object.entries(errors).filter(([name]) => !(FIELD_ORDER as readonly string[]).includes(name));
  const dc = isDataCentreId(values.dataCentre) ? DATA_CENTRES[values.dataCentre] : undefined;
  const redirectPreview =
    values.clientType === 'mobile'
      ? SCHEME_REDIRECT_URI
      : values.clientType === 'server' && /^\d+$/.test(values.loopbackPort.trim()) && values.loopbackPath.trim()
        ? loopbackRedirectUri(Number(values.loopbackPort.trim()), values.loopbackPath.trim())
        : null;
  const demoConsole = values.service === 'demo' ? info?.demoOrg.consoleUrl : undefined;

  const firstScope = SCOPE_GROUPS[0]?.entries[0]?.scope;
  const scopeCheckbox = (scope: string, description: string | null, risky: boolean) => {
    const key = scope.replace(/[^A-Za-z0-9_-]/g, '_');
    const inputId = id(`scope-${key}`);
    const descId = id(`scope-${key}-desc`);
    return (
      <li key={scope} className="scope-item">
        <input
          type="checkbox"
          id={inputId}
          checked={values.scopes.some((s) => s.toLowerCase() === scope.toLowerCase())}
          onChange={(e) => toggleScope(scope, e.target.checked)}
          aria-describedby={description || risky ? descId : undefined}
          aria-invalid={invalid('scopes')}
          data-field={scope === firstScope ? 'scopes' : undefined}
        />
        <label htmlFor={inputId} className="scope-name">
          {scope}
        </label>
        {description || risky ? (
          <span id={descId} className="scope-desc">
            {risky ? <span className="badge risky">Risky: can change or delete data</span> : null}
            {description}
          </span>
        ) : null}
      </li>
    );
  };

  return (
    <section className="panel" aria-labelledby={id('heading')}>
      <h2 id={id('heading')} ref={headingRef} tabIndex={-1}>
        {editing ? `Edit profile: ${profile.name}` : 'New profile'}
      </h2>
      <p className="muted">
        A profile is one Connected App (client) in one client org. Fields marked <span aria-hidden="true">*</span>
        <span className="sr-only">with a star</span> are required.
      </p>
      <form noValidate onSubmit={handleSubmit} className="profile-form" ref={formRef}>
        {formError ? (
          <div className="form-summary">
            <ErrorMessage error={formError} title="The profile was not saved." />
            {unknownFieldErrors.length ? (
              <ul>
                {unknownFieldErrors.map(([name, message]) => (
                  <li key={name}>
                    {name}: {message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        <div className="field">
          <label htmlFor={id('name')}>
            Profile name <span aria-hidden="true">*</span>
          </label>
          <p className="help" id={id('name-help')}>
            A name you will recognise, for example “Acme — production”.
          </p>
          <input
            id={id('name')}
            type="text"
            required
            autoComplete="off"
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            aria-describedby={describedBy('name', true)}
            aria-invalid={invalid('name')}
            data-field="name"
          />
          {fieldError('name')}
        </div>

        <div className="field">
          <label htmlFor={id('orgLabel')}>Client org label</label>
          <p className="help" id={id('orgLabel-help')}>
            The client organisation this profile works with, for example “Acme Ltd”.
          </p>
          <input
            id={id('orgLabel')}
            type="text"
            autoComplete="off"
            value={values.orgLabel}
            onChange={(e) => set('orgLabel', e.target.value)}
            aria-describedby={describedBy('orgLabel', true)}
            aria-invalid={invalid('orgLabel')}
            data-field="orgLabel"
          />
          {fieldError('orgLabel')}
        </div>

        <div className="field">
          <label htmlFor={id('colour')}>Colour</label>
          <p className="help" id={id('colour-help')}>
            Shown in the header so you can tell orgs apart at a glance.
          </p>
          <input
            id={id('colour')}
            type="color"
            className="colour-input"
            value={values.colour}
            onChange={(e) => set('colour', e.target.value)}
            aria-describedby={describedBy('colour', true)}
            aria-invalid={invalid('colour')}
            data-field="colour"
          />
          {fieldError('colour')}
        </div>

        <fieldset className="field choice-group" aria-describedby={errors.service ? id('service-error') : undefined}>
          <legend>Where is this org?</legend>
          {SERVICES.map((service, i) => (
            <div className="choice" key={service}>
              <input
                type="radio"
                name={id('service')}
                id={id(`service-${service}`)}
                value={service}
                checked={values.service === service}
                onChange={() => set('service', service)}
                aria-describedby={id(`service-${service}-desc`)}
                aria-invalid={invalid('service')}
                data-field={i === 0 ? 'service' : undefined}
              />
              <label htmlFor={id(`service-${service}`)}>{SERVICE_TEXT[service].title}</label>
              <span className="choice-desc" id={id(`service-${service}-desc`)}>
                {SERVICE_TEXT[service].explanation}
              </span>
            </div>
          ))}
          {demoConsole ? (
            <p className="help">
              Get a client id and secret from the{' '}
              <a href={demoConsole} target="_blank" rel="noreferrer">
                Demo org’s API console
              </a>
              .
            </p>
          ) : null}
          {fieldError('service')}
        </fieldset>

        <div className="field">
          <label htmlFor={id('environment')}>Environment</label>
          <p className="help" id={id('environment-help')}>
            Production is the live org with real customer data; the app marks it in red.
          </p>
          <select
            id={id('environment')}
            value={values.environment}
            onChange={(e) => set('environment', e.target.value as Environment)}
            aria-describedby={describedBy('environment', true)}
            aria-invalid={invalid('environment')}
            data-field="environment"
          >
            {ENVIRONMENTS.map((env) => (
              <option key={env} value={env}>
                {ENVIRONMENT_TEXT[env].option}
              </option>
            ))}
          </select>
          {fieldError('environment')}
        </div>

        <div className="field">
          <label htmlFor={id('dataCentre')}>
            Data centre <span aria-hidden="true">*</span>
          </label>
          <p className="help" id={id('dataCentre-help')}>
            Where the org’s Zoho account lives: look at the address you sign in at. Pick the one where the client was
            registered in the API console.
          </p>
          <select
            id={id('dataCentre')}
            required
            value={values.dataCentre}
            onChange={(e) => set('dataCentre', e.target.value)}
            aria-describedby={describedBy('dataCentre', true, dc?.unconfirmed ? id('dataCentre-note') : undefined)}
            aria-invalid={invalid('dataCentre')}
            data-field="dataCentre"
          >
            <option value="">Choose a data centre…</option>
            {DATA_CENTRE_LIST.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
          {dc?.unconfirmed ? (
            <p className="help note" id={id('dataCentre-note')}>
              Note: {dc.unconfirmed}
            </p>
          ) : null}
          {fieldError('dataCentre')}
        </div>

        <fieldset className="field choice-group" aria-describedby={errors.clientType ? id('clientType-error') : undefined}>
          <legend>How the app connects</legend>
          <p className="help">This must match the client type you chose in Zoho’s API console.</p>
          {browserMode ? (
            <p className="help note" id={id('clientType-browser')}>
              You are using the app in a web browser. There, a Mobile-based client cannot finish signing in: the browser
              cannot open the app’s own <code>connected-app-console://</code> link that Zoho sends you back to. Choose a
              Server-based client (Zoho answers on a localhost address) or a Self Client (you paste a code) instead.
              Mobile-based is the best choice in the desktop app.
            </p>
          ) : null}
          {CLIENT_TYPES.map((type, i) => (
            <div className="choice" key={type}>
              <input
                type="radio"
                name={id('clientType')}
                id={id(`clientType-${type}`)}
                value={type}
                checked={values.clientType === type}
                onChange={() => set('clientType', type)}
                aria-describedby={[id(`clientType-${type}-desc`), browserMode && type === 'mobile' ? id('clientType-browser') : null].filter(Boolean).join(' ')}
                aria-invalid={invalid('clientType')}
                data-field={i === 0 ? 'clientType' : undefined}
              />
              <label htmlFor={id(`clientType-${type}`)}>{clientTypeTitle(type, browserMode)}</label>
              <span className="choice-desc" id={id(`clientType-${type}-desc`)}>
                {browserMode && (type === 'server' || type === 'self') ? <strong>Works in a web browser. </strong> : null}
                {CLIENT_TYPE_TEXT[type].explanation}
              </span>
            </div>
          ))}
          {fieldError('clientType')}
        </fieldset>

        {values.clientType === 'server' ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor={id('loopbackPort')}>Port on this computer</label>
              <p className="help" id={id('loopbackPort-help')}>
                A number between 1024 and 65535 that nothing else uses.
              </p>
              <input
                id={id('loopbackPort')}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={values.loopbackPort}
                onChange={(e) => set('loopbackPort', e.target.value)}
                aria-describedby={describedBy('loopbackPort', true)}
                aria-invalid={invalid('loopbackPort')}
                data-field="loopbackPort"
              />
              {fieldError('loopbackPort')}
            </div>
            <div className="field">
              <label htmlFor={id('loopbackPath')}>Path</label>
              <p className="help" id={id('loopbackPath-help')}>
                Starts with /, for example {DEFAULT_LOOPBACK_PATH}.
              </p>
              <input
                id={id('loopbackPath')}
                type="text"
                autoComplete="off"
                value={values.loopbackPath}
                onChange={(e) => set('loopbackPath', e.target.value)}
                aria-describedby={describedBy('loopbackPath', true)}
                aria-invalid={invalid('loopbackPath')}
                data-field="loopbackPath"
              />
              {fieldError('loopbackPath')}
            </div>
          </div>
        ) : null}

        <div className="field">
          <label htmlFor={id('clientId')}>
            Client ID <span aria-hidden="true">*</span>
          </label>
          <p className="help" id={id('clientId-help')}>
            From Zoho’s API console → your client → Client Secret tab. It starts with “1000.”.
            {presentation.on ? ' Masked while presenting: turn presentation mode off to see or change it.' : ''}
          </p>
          <input
            id={id('clientId')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            className="mono"
            // While presenting, the client id is shown masked and cannot be edited (turn presentation mode off to edit it).
            value={presentation.on ? presentation.id(values.clientId) : values.clientId}
            readOnly={presentation.on}
            onChange={(e) => {
              if (!presentation.on) set('clientId', e.target.value);
            }}
            aria-describedby={describedBy('clientId', true)}
            aria-invalid={invalid('clientId')}
            data-field="clientId"
          />
          {fieldError('clientId')}
        </div>

        <div className="field">
          <label htmlFor={id('clientSecret')}>Client secret</label>
          <p className="help" id={id('clientSecret-help')}>
            {editing
              ? profile.hasClientSecret
                ? 'A secret is saved. Type a new one to replace it.'
                : 'No secret is saved for this profile. Paste it from the API console (Client Secret tab).'
              : 'From the same tab as the client ID. It is stored encrypted and never shown again.'}
          </p>
          <input
            id={id('clientSecret')}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={values.clientSecret}
            onChange={(e) => set('clientSecret', e.target.value)}
            aria-describedby={describedBy('clientSecret', true)}
            aria-invalid={invalid('clientSecret')}
            data-field="clientSecret"
          />
          {fieldError('clientSecret')}
        </div>

        <fieldset className="field" aria-describedby={id('multiDc-help')}>
          <legend>Data centres</legend>
          <div className="choice">
            <input type="checkbox" id={id('multiDc')} checked={values.multiDc} onChange={(e) => set('multiDc', e.target.checked)} />
            <label htmlFor={id('multiDc')}>This is a multi-DC client: people from other Zoho regions connect with it</label>
          </div>
          <p className="help" id={id('multiDc-help')}>
            Only if the client’s Settings tab in the API console has multi-DC turned on, for example for users in both the
            US and Europe.
          </p>
          {values.multiDc ? (
            <>
              <p className="help">
                If a data centre shows a different client secret in the API console, enter it here. Leave it empty where
                the secret is the same as above.
              </p>
              {DATA_CENTRE_LIST.filter((d) => d.id !== values.dataCentre).map((d) => {
                const saved = profile?.dcSecrets.includes(d.id) ?? false;
                const removing = values.removeDcSecrets.includes(d.id);
                return (
                  <div className="field" key={d.id}>
                    <label htmlFor={id(`dc-${d.id}`)}>Client secret for {d.label}</label>
                    {saved ? (
                      <p className="help" id={id(`dc-${d.id}-help`)}>
                        {removing
                          ? `The saved secret for ${d.label} will be removed when you save; the common client secret is used there instead.`
                          : 'A secret is saved. Type a new one to replace it, or remove it.'}
                      </p>
                    ) : null}
                    <div className="inline">
                      <input
                        id={id(`dc-${d.id}`)}
                        type="password"
                        autoComplete="new-password"
                        spellCheck={false}
                        disabled={removing}
                        value={removing ? '' : (values.dcSecrets[d.id] ?? '')}
                        onChange={(e) => set('dcSecrets', { ...values.dcSecrets, [d.id]: e.target.value })}
                        aria-describedby={saved ? id(`dc-${d.id}-help`) : undefined}
                      />
                      {saved ? (
                        <button
                          type="button"
                          className="button secondary"
                          onClick={() => {
                            setValues((v) => ({
                              ...v,
                              dcSecrets: { ...v.dcSecrets, [d.id]: '' },
                              removeDcSecrets: removing ? v.removeDcSecrets.filter((x) => x !== d.id) : [...v.removeDcSecrets, d.id],
                            }));
                          }}
                        >
                          {removing ? `Keep the secret for ${d.label}` : `Remove the secret for ${d.label}`}
                        </button>
                      ) : null}
                    </div>
                  </div>
                );
              })}
            </>
          ) : null}
        </fieldset>

        <RegisterInstructions
          clientType={values.clientType}
          redirectUri={redirectPreview}
          dataCentre={isDataCentreId(values.dataCentre) ? values.dataCentre : null}
          multiDc={values.multiDc}
          dcsWithOwnSecret={[
            ...new Set([
              ...(profile?.dcSecrets ?? []).filter((dc) => !values.removeDcSecrets.includes(dc)),
              ...(Object.entries(values.dcSecrets).filter(([, x]) => x?.trim()).map(([dc]) => dc) as DataCentreId[]),
            ]),
          ]}
        />

        <fieldset
          className="field scopes"
          aria-describedby={[id('scopes-help'), errors.scopes ? id('scopes-error') : null].filter(Boolean).join(' ')}
        >
          <legend>Scopes: what the app may do</legend>
          <p className="help" id={id('scopes-help')}>
            Zoho asks the person who connects to allow each of these. Pick only what you need; read-only scopes are the
            safest. {values.scopes.length === 1 ? '1 scope chosen.' : `${values.scopes.length} scopes chosen.`}
          </p>
          {fieldError('scopes')}
          {SCOPE_GROUPS.map((group) => (
            <fieldset key={group.family} className="scope-group">
              <legend>{group.family}</legend>
              <ul className="scope-list">{group.entries.map((e) => scopeCheckbox(e.scope, e.description, !!e.risky))}</ul>
            </fieldset>
          ))}
          {extraScopes.length ? (
            <fieldset className="scope-group">
              <legend>Other scopes on this profile</legend>
              <ul className="scope-list">{extraScopes.map((s) => scopeCheckbox(s, 'Not in the app’s list; kept as typed.', false))}</ul>
            </fieldset>
          ) : null}
          <div className="add-scope">
            <label htmlFor={id('extraScope')}>Add another scope by name</label>
            <div className="inline">
              <input
                id={id('extraScope')}
                type="text"
                className="mono"
                autoComplete="off"
                spellCheck={false}
                value={extraScope}
                onChange={(e) => setExtraScope(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addExtraScope();
                  }
                }}
                aria-describedby={extraScopeError ? id('extraScope-error') : undefined}
                aria-invalid={extraScopeError ? true : undefined}
              />
              <button type="button" className="button secondary" onClick={addExtraScope}>
                Add scope
              </button>
            </div>
            {extraScopeError ? (
              <p className="field-error" id={id('extraScope-error')}>
                {extraScopeError}
              </p>
            ) : null}
          </div>
        </fieldset>

        <div className="field">
          <label htmlFor={id('notes')}>Notes</label>
          <p className="help" id={id('notes-help')}>
            Anything worth remembering about this client. Do not paste secrets here: notes are not encrypted.
          </p>
          <textarea
            id={id('notes')}
            rows={3}
            value={values.notes}
            onChange={(e) => set('notes', e.target.value)}
            aria-describedby={describedBy('notes', true)}
            aria-invalid={invalid('notes')}
            data-field="notes"
          />
          {fieldError('notes')}
        </div>

        <div className="field checkbox-field">
          <input
            id={id('readOnly')}
            type="checkbox"
            checked={values.readOnly}
            onChange={(e) => set('readOnly', e.target.checked)}
            aria-describedby={id('readOnly-help')}
          />
          <label htmlFor={id('readOnly')}>Read-only profile</label>
          <p className="help" id={id('readOnly-help')}>
            The app will refuse to send anything that changes data (insert, update, upsert, delete) with this profile. Good for
            looking around a client’s production org safely.
          </p>
        </div>

        <div className="form-actions">
          <button type="submit" className="button primary">
            Save profile
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
          <span role="status" className="muted">
            {saving ? 'Saving…' : ''}
          </span>
        </div>
      </form>

      {editing ? (
        <form className="subpanel" onSubmit={handleDuplicate} aria-labelledby={id('dup')}>
          <h3 id={id('dup')}>Same client, other org</h3>
          <p className="help">
            Makes a new profile with this client’s ID, secret, type, data centre and scopes, for another org or environment.
            It connects on its own; nothing of this profile’s sign-in is copied.
          </p>
          <div className="field-row">
            <div className="field">
              <label htmlFor={id('copyName')}>Name of the new profile</label>
              <input id={id('copyName')} type="text" autoComplete="off" value={copyName} onChange={(e) => setCopyName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={id('copyOrg')}>Its client org</label>
              <input id={id('copyOrg')} type="text" autoComplete="off" value={copyOrg} onChange={(e) => setCopyOrg(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={id('copyEnv')}>Its environment</label>
              <select id={id('copyEnv')} value={copyEnv} onChange={(e) => setCopyEnv(e.target.value as Environment)}>
                {ENVIRONMENTS.map((env) => (
                  <option key={env} value={env}>
                    {ENVIRONMENT_TEXT[env].option}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {copyError ? <ErrorMessage error={copyError} role="alert" title="The copy was not made." /> : null}
          <button type="submit" className="button secondary">
            Duplicate for another org
          </button>
        </form>
      ) : null}

      {editing && !profile.isBuiltInDemo ? (
        <div className="danger-zone">
          <h3>Delete this profile</h3>
          {confirmDelete ? (
            <div
              role="group"
              aria-labelledby={id('delete-q')}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  keepProfile();
                }
              }}
            >
              <p id={id('delete-q')}>
                Delete “{profile.name}”? Its saved client secret and sign-in are removed from this computer. You can undo
                this for a few seconds afterwards.
              </p>
              <button type="button" className="button danger" onClick={handleDelete}>
                Yes, delete it
              </button>
              <button ref={keepItRef} type="button" className="button secondary" onClick={keepProfile}>
                Keep it
              </button>
            </div>
          ) : (
            <button ref={deleteButtonRef} type="button" className="button danger-outline" onClick={() => setConfirmDelete(true)}>
              Delete profile…
            </button>
          )}
          {deleteError ? <ErrorMessage error={deleteError} role="alert" /> : null}
        </div>
      ) : null}
    </section>
  );
}
