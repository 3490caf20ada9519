import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ConsoleRequest, ConsoleResponse, CrmField, CrmJobProgress, CrmModule, HistoryEntry, IpcError, ProfileView } from '../../../shared/ipc/contract';
import { fullUrl } from '../../../shared/snippets/index';
import { ZOHO_LIMITS } from '../../../shared/zoho/limits';
import { coqlModule, isWriteCall, missingScopes, normaliseCrmPath } from '../../../shared/zoho/scopes';
import { useApi } from '../apiContext';
import { usePresentation } from '../presentation/PresentationContext';
import { pickDefaultColumns } from '../columns';
import { plural } from '../labels';
import { ErrorView } from './ErrorView';
import { download, exportColumns, toCsv, toJson } from './exportData';
import { GuidedBuilder } from './GuidedBuilder';
import { HistoryPanel } from './HistoryPanel';
import { buildGuidedRequest, guidedProblem, initialGuided, OPERATIONS, type GuidedState } from './operations';
import { RawEditor, rawFromRequest, requestFromRaw, type RawState } from './RawEditor';
import { ResponseView } from './ResponseView';
import { SnippetPanel } from './SnippetPanel';
import './console.css';

type SendOptions = { request?: ConsoleRequest; ignoreScopes?: boolean; confirmed?: boolean; source?: 'guided' | 'raw'; paging?: 'next' | 'prev' | 'reset' };

type Load<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: IpcError };

interface Sent {
  request: ConsoleRequest;
  response: ConsoleResponse;
}

const JOB_CHUNK = 5000;

/** "Leads" for Leads, Leads/123, Leads/search and a COQL query from Leads; '' for settings, org, users. */
function moduleOfRequest(request: ConsoleRequest): string {
  const path = normaliseCrmPath(request.path);
  if (path.toLowerCase() === 'coql') return coqlModule(request.body) ?? '';
  const first = path.split('/')[0] ?? '';
  return ['settings', 'users', 'org', ''].includes(first) || first.startsWith('__') ? '' : decodeURIComponent(first);
}

/**
 * The API console: build a call (guided or raw), see exactly what will be sent, send it
 * (Ctrl/Cmd+Enter), and read the answer. Writes to production need the org name confirmed;
 * read-only profiles never send writes; missing scopes are named before sending.
 */
export function ApiConsole({ profile, onConnect }: { profile: ProfileView; /** The app's own Connect (shows the waiting state). */ onConnect?: () => void }) {
  const api = useApi();
  const presentation = usePresentation();
  const uid = useId();
  const id = (n: string) => `${uid}-${n}`;
  const profileId = profile.id;
  const orgName = profile.connection.orgName ?? profile.orgLabel ?? profile.name;
  const apiDomain = profile.connection.apiDomain ?? 'https://www.zohoapis.com';
  const granted = useMemo(() => profile.connection.grantedScopes ?? profile.scopes, [profile.connection.grantedScopes, profile.scopes]);

  const [modules, setModules] = useState<Load<CrmModule[]>>({ status: 'loading' });
  const [fieldsByModule, setFieldsByModule] = useState<Record<string, Load<CrmField[]>>>({});
  const [mode, setMode] = useState<'guided' | 'raw'>('guided');
  const [guided, setGuided] = useState<GuidedState>(initialGuided);
  const [raw, setRaw] = useState<RawState>(() => rawFromRequest(buildGuidedRequest(initialGuided())));
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [refusal, setRefusal] = useState<IpcError | null>(null);
  const [confirming, setConfirming] = useState<{ request: ConsoleRequest; ignoreScopes: boolean } | null>(null);
  const [pageStack, setPageStack] = useState<ConsoleRequest[]>([]);
  const [job, setJob] = useState<CrmJobProgress | null>(null);
  const [cap, setCap] = useState(10_000);
  const [jobRecords, setJobRecords] = useState<Record<string, unknown>[] | null>(null);
  const [showFetched, setShowFetched] = useState(false);
  const [exporting, setExporting] = useState<{ done: number; total: number; kind: string } | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [historySearch, setHistorySearch] = useState('');
  const [note, setNote] = useState('');
  const latest = useRef(0);
  const jobRef = useRef<string | null>(null);
  const autoSent = useRef(false);
  // The module picked last (a slow fields answer for a module passed on the way does nothing).
  const currentModule = useRef('');
  const moduleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fieldsInFlight = useRef(new Map<string, Promise<CrmField[] | null>>());
  // The last send that failed (refused by the app's core, or answered with an error): "Try again" sends it again.
  const [retry, setRetry] = useState<SendOptions | null>(null);
  // Where focus goes once a send started from a button that may change (paging, Try again) finishes.
  const focusAfterSend = useRef<'next' | 'prev' | 'status' | null>(null);
  const prevRef = useRef<HTMLButtonElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const fields = guided.module ? fieldsByModule[guided.module] : undefined;
  const fieldList = fields?.status === 'ok' ? fields.value : null;

  // --- the request as it stands -------------------------------------------------------------
  const built = useMemo((): { request?: ConsoleRequest; problem?: string } => {
    if (mode === 'raw') return requestFromRaw(raw);
    const problem = guidedProblem(guided);
    return problem ? { problem, request: buildGuidedRequest(guided) } : { request: buildGuidedRequest(guided) };
  }, [mode, raw, guided]);
  const request = built.request ?? null;
  const missing = useMemo(() => (request ? missingScopes(granted, request) : []), [granted, request]);
  const write = request ? isWriteCall(request) : false;

  // --- loading ------------------------------------------------------------------------------
  const loadModules = useCallback(async () => {
    setModules({ status: 'loading' });
    const result = await api.crm.modules(profileId);
    setModules(result.ok ? { status: 'ok', value: result.value.filter((m) => m.apiSupported) } : { status: 'error', error: result.error });
  }, [api, profileId]);

  const loadHistory = useCallback(
    async (search: string) => {
      const result = await api.crm.history(profileId, search);
      if (result.ok) setHistory(result.value);
    },
    [api, profileId],
  );

  useEffect(() => {
    // Fetch the editor's code now, so it is ready before someone starts typing.
    void import('./CodeEditor');
    let live = true;
    void api.crm.modules(profileId).then((result) => {
      if (live) setModules(result.ok ? { status: 'ok', value: result.value.filter((m) => m.apiSupported) } : { status: 'error', error: result.error });
    });
    void api.crm.history(profileId, '').then((result) => {
      if (live && result.ok) setHistory(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, profileId]);

  async function collect(progress: CrmJobProgress) {
    if (!progress.fetched) {
      setJobRecords([]);
      return;
    }
    const all: Record<string, unknown>[] = [];
    for (let offset = 0; ; offset += JOB_CHUNK) {
      const result = await api.crm.jobRecords({ jobId: progress.jobId, offset, limit: JOB_CHUNK });
      if (!result.ok || jobRef.current !== progress.jobId) return;
      all.push(...result.value.records);
      if (offset + JOB_CHUNK >= result.value.total) break;
    }
    setJobRecords(all);
    setShowFetched(true);
  }

  // Progress of "Fetch all".
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'crm-job' || event.job.jobId !== jobRef.current) return;
        setJob(event.job);
        if (['done', 'capped', 'cancelled', 'failed'].includes(event.job.state)) void collect(event.job);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- collect only reads refs and the api.
    [api],
  );

  /** The module's fields (known already, being fetched, or fetched now), with a few useful ones ticked. */
  function ensureFields(module: string): Promise<CrmField[] | null> {
    const tickDefaults = (list: CrmField[]) => {
      const picked = pickDefaultColumns(list).map((f) => f.apiName);
      setGuided((g) => (g.module === module && !g.fields.length ? { ...g, fields: picked } : g));
      return list;
    };
    const known = fieldsByModule[module];
    if (known?.status === 'ok') return Promise.resolve(tickDefaults(known.value));
    const pending = fieldsInFlight.current.get(module);
    if (pending) return pending;
    setFieldsByModule((all) => ({ ...all, [module]: { status: 'loading' } }));
    const loading = api.crm.fields(profileId, module).then((result) => {
      fieldsInFlight.current.delete(module);
      setFieldsByModule((all) => ({ ...all, [module]: result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error } }));
      return result.ok ? tickDefaults(result.value) : null;
    });
    fieldsInFlight.current.set(module, loading);
    return loading;
  }

  /**
   * A module was chosen. With the mouse, the first module picked shows its records straight
   * away (a read: no risk). With the keyboard, arrow keys pass modules on the way: nothing is
   * sent, and fields load once the choice rests for a moment; Enter or Send loads the records.
   */
  function chooseModule(module: string, via: 'keyboard' | 'pointer') {
    const next = { ...guided, module, fields: [] as string[], page: 1, conditions: [{ field: '', operator: 'equals', value: '' }], coql: '' };
    setGuided(next);
    currentModule.current = module;
    clearTimeout(moduleTimer.current);
    if (!module) return;
    if (via === 'keyboard') {
      moduleTimer.current = setTimeout(() => {
        if (currentModule.current === module) void ensureFields(module);
      }, 400);
      return;
    }
    void ensureFields(module).then((list) => {
      if (!list || currentModule.current !== module) return;
      const ready = { ...next, fields: pickDefaultColumns(list).map((f) => f.apiName) };
      const first = buildGuidedRequest(ready);
      if (!autoSent.current && ready.operation === 'list' && ready.fields.length && !missingScopes(granted, first).length) {
        autoSent.current = true;
        void send({ request: first, source: 'guided' });
      }
    });
  }

  /** Enter on the Module picker: this module's records, now (its fields first if they are not here yet). */
  async function sendModuleNow() {
    const module = guided.module;
    clearTimeout(moduleTimer.current);
    if (!module) return;
    if (guided.operation !== 'list' || guided.fields.length) {
      void send();
      return;
    }
    const list = await ensureFields(module);
    if (!list || currentModule.current !== module) return;
    autoSent.current = true;
    void send({ request: buildGuidedRequest({ ...guided, fields: pickDefaultColumns(list).map((f) => f.apiName) }), source: 'guided' });
  }

  useEffect(() => () => clearTimeout(moduleTimer.current), []);

  function switchMode(next: 'guided' | 'raw') {
    if (next === mode) return;
    if (next === 'raw' && request) setRaw(rawFromRequest(request));
    setMode(next);
  }

  // --- sending --------------------------------------------------------------------------------
  function cancelConfirm() {
    flushSync(() => setConfirming(null));
    sendRef.current?.focus();
  }

  async function send(options: SendOptions = {}) {
    const req = options.request ?? request;
    if (!req || (!options.request && built.problem)) {
      setRefusal({ code: 'INCOMPLETE', message: built.problem ?? 'The request is not complete.' });
      return;
    }
    setRefusal(null);
    if (isWriteCall(req) && profile.readOnly) {
      setRefusal({ code: 'CRM_READ_ONLY_PROFILE', message: 'This profile is marked read-only, so the app did not send this change to Zoho.', hint: 'Nothing was sent. To make changes, edit the profile and turn off "Read-only".' });
      return;
    }
    const ignoreScopes = options.ignoreScopes ?? false;
    if (isWriteCall(req) && profile.environment === 'production' && !options.confirmed) {
      focusAfterSend.current = null;
      setConfirming({ request: req, ignoreScopes });
      return;
    }
    const ticket = ++latest.current;
    setSending(true);
    const op = OPERATIONS.find((o) => o.id === guided.operation);
    const source = options.source ?? mode;
    const result = await api.crm.send({
      profileId,
      request: req,
      ignoreMissingScopes: ignoreScopes,
      source,
      ...(source === 'guided' && op && guided.module ? { label: `${op.label} · ${guided.module}` } : {}),
      ...(options.confirmed ? { confirmWrite: { orgName } } : {}),
    });
    if (ticket !== latest.current) return;
    setSending(false);
    // "Try again" sends exactly this again (a production write is confirmed again).
    const again: SendOptions = { request: req, ignoreScopes, source, ...(options.paging ? { paging: options.paging } : {}) };
    setRetry(!result.ok || result.value.error ? again : null);
    if (result.ok) {
      if (options.paging === 'next' && sent) setPageStack((s) => [...s, sent.request]);
      else if (options.paging === 'prev') setPageStack((s) => s.slice(0, -1));
      else setPageStack([]);
      setSent({ request: req, response: result.value });
      setShowFetched(false);
      const count = result.value.records?.length;
      const pageNo = req.method === 'GET' ? req.query.page : undefined;
      const more = result.value.info?.moreRecords ? ', more available' : '';
      setNote(
        result.value.error
          ? `Zoho answered ${result.value.status}: ${result.value.error.message}`
          : count === 0
            ? '0 records.'
            : count !== undefined
              ? `${plural(count, 'record')}${pageNo ? ` on page ${pageNo}` : ''}${more}`
              : `Zoho answered ${result.value.status}.`,
      );
    } else {
      setRefusal(result.error);
      setNote(result.error.message);
    }
    void loadHistory(historySearch);
  }

  function tryAgain() {
    if (!retry || sending) return;
    focusAfterSend.current = 'status';
    void send(retry);
  }

  // After paging or "Try again", focus stays on the button used if it is still there and
  // usable, else moves to the status line that says what loaded — never back to the page's top.
  useEffect(() => {
    if (sending || !focusAfterSend.current) return;
    const which = focusAfterSend.current;
    focusAfterSend.current = null;
    const active = document.activeElement;
    const button = which === 'next' ? nextRef.current : which === 'prev' ? prevRef.current : null;
    const lost = !active || active === document.body || !active.isConnected;
    if (button && !button.disabled) {
      if (lost || active === button) button.focus();
      return;
    }
    if (lost || active === button) statusRef.current?.focus();
  }, [sending]);

  function page(direction: 'next' | 'prev') {
    if (sending) return;
    const target = direction === 'next' ? nextReq : pageStack[pageStack.length - 1];
    if (!target) return;
    focusAfterSend.current = direction;
    void send({ request: target, paging: direction, source: 'raw' });
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void send({ ignoreScopes: false });
    }
  }

  // --- pages ----------------------------------------------------------------------------------
  const info = sent?.response.info;
  const canPage = sent && sent.request.method === 'GET' && sent.response.records !== undefined;
  /** An answer with no records (HTTP 204): nothing to page on, fetch or export. */
  const emptyAnswer = Boolean(sent && (sent.response.status === 204 || sent.response.records?.length === 0));
  function nextPageRequest(): ConsoleRequest | null {
    if (!sent || !info?.moreRecords) return null;
    const q = { ...sent.request.query };
    const perPage = Number(q.per_page ?? info.perPage ?? ZOHO_LIMITS.perPageMax);
    const page = Number(q.page ?? info.page ?? 1);
    if (!q.page_token && (page + 1) * perPage <= ZOHO_LIMITS.discretePaginationLimit) {
      q.page = String(page + 1);
    } else if (info.nextPageToken) {
      // Past 2,000 records only page_token works (§5.4), and not together with page.
      delete q.page;
      q.page_token = info.nextPageToken;
    } else {
      return null;
    }
    return { ...sent.request, query: q };
  }
  const nextReq = canPage ? nextPageRequest() : null;

  // --- fetch all -------------------------------------------------------------------------------
  async function fetchAll() {
    const base = sent?.request.method === 'GET' ? sent.request : request;
    if (!base || base.method !== 'GET') return;
    const q = { ...base.query };
    delete q.page;
    delete q.page_token;
    q.per_page = String(ZOHO_LIMITS.perPageMax);
    setJobRecords(null);
    setShowFetched(false);
    const result = await api.crm.fetchAll({ profileId, request: { ...base, query: q }, cap, ignoreMissingScopes: true });
    if (!result.ok) {
      setRefusal(result.error);
      return;
    }
    jobRef.current = result.value.jobId;
    setJob(result.value);
  }

  async function cancelJob() {
    if (!job) return;
    const result = await api.crm.cancel(job.jobId);
    if (result.ok) setJob(result.value);
  }

  // --- export ----------------------------------------------------------------------------------
  async function exportAs(kind: 'csv' | 'json', which: 'current' | 'fetched') {
    const all = which === 'fetched' ? (jobRecords ?? []) : (sent?.response.records ?? []);
    // While presenting, an export holds what the screen shows: personal details masked.
    const records = presentation.on ? all.map((r) => presentation.record(r, fieldList ?? [])) : all;
    setExporting({ done: 0, total: records.length, kind: kind.toUpperCase() });
    const progress = (done: number, total: number) => setExporting({ done, total, kind: kind.toUpperCase() });
    const name = `${((sent ? moduleOfRequest(sent.request) : guided.module) || 'records').toLowerCase()}-${which === 'fetched' ? 'all' : 'page'}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
    if (kind === 'csv') {
      const chosen = mode === 'guided' && guided.fields.length ? ['id', ...guided.fields.filter((f) => f !== 'id')] : undefined;
      const columns = exportColumns(records, chosen && records.length && chosen.every((c) => c === 'id' || c in records[0]!) ? chosen : undefined);
      download(`${name}.csv`, await toCsv(records, columns, progress), 'text/csv;charset=utf-8');
    } else {
      download(`${name}.json`, await toJson(records, progress), 'application/json');
    }
    setExporting(null);
    setNote(`Exported ${plural(records.length, 'record')} to ${kind.toUpperCase()}${presentation.on ? ', personal details masked (presentation mode is on)' : ''}.`);
  }

  // --- reconnect adding a scope -------------------------------------------------------------
  async function reconnectAdding(scopeList: string) {
    const add = scopeList.split(',').filter(Boolean);
    const scopes = [...new Set([...profile.scopes, ...add])];
    const updated = await api.profiles.update(profileId, { scopes });
    if (!updated.ok) {
      setRefusal(updated.error);
      return;
    }
    if (onConnect) {
      onConnect();
      return;
    }
    const started = await api.auth.connect(profileId);
    setNote(started.ok ? `Allow access in the browser window that opened; the connection will then include ${add.join(' and ')}.` : started.error.message);
    if (!started.ok) setRefusal(started.error);
  }

  // --- history ----------------------------------------------------------------------------------
  function openEntry(entry: HistoryEntry) {
    setRaw(rawFromRequest(entry.request));
    setMode('raw');
  }

  // --- render -----------------------------------------------------------------------------------
  const fetchedLabel = jobRecords ? `${plural(jobRecords.length, 'record')} fetched` : '';
  const pageLabel = (() => {
    const n = sent?.response.records?.length;
    if (n === undefined) return '';
    if (n === 0) return '0 records';
    const page = sent?.request.query.page;
    return `${plural(n, 'record')}${page ? ` on page ${page}` : ''}${info?.moreRecords ? ', more available' : ''}`;
  })();
  // The module of the call that was sent (raw calls and COQL name it in their own way).
  const sentModule = sent ? moduleOfRequest(sent.request) : guided.module;
  const moduleLabel = (modules.status === 'ok' ? modules.value.find((m) => m.apiName === sentModule)?.label : undefined) ?? sentModule;
  const jobBusy = job && (job.state === 'running' || job.state === 'waiting');
  const jobTotal = job?.total;

  return (
    <section className="subpanel api-console" aria-labelledby={id('h')} onKeyDown={onKeyDown}>
      <h3 id={id('h')}>API console</h3>
      <p className="help">
        Build a call to Zoho CRM for <strong>{orgName}</strong> ({profile.environment}). Press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac) to send.
        {profile.readOnly ? ' This profile is read-only: the app never sends changes from it.' : ''}
      </p>

      {modules.status === 'error' ? (
        <>
          <ErrorView error={modules.error} />
          <button type="button" className="button secondary" onClick={() => void loadModules()}>
            Try again
          </button>
        </>
      ) : null}

      <div role="radiogroup" aria-label="How to build the call" className="mode-switch">
        <label className="check">
          <input type="radio" name={id('mode')} checked={mode === 'guided'} onChange={() => switchMode('guided')} /> Guided
        </label>
        <label className="check">
          <input type="radio" name={id('mode')} checked={mode === 'raw'} onChange={() => switchMode('raw')} /> Raw (method, path, JSON)
        </label>
      </div>

      {mode === 'guided' ? (
        modules.status === 'loading' ? (
          <p className="muted">Loading modules…</p>
        ) : (
          <GuidedBuilder
            modules={modules.status === 'ok' ? modules.value : []}
            fields={fieldList}
            fieldsLoading={fields?.status === 'loading'}
            state={guided}
            onChange={setGuided}
            onModule={chooseModule}
            onModuleEnter={() => void sendModuleNow()}
            readOnly={profile.readOnly}
          />
        )
      ) : (
        <RawEditor raw={raw} onChange={setRaw} />
      )}
      {fields?.status === 'error' ? <ErrorView error={fields.error} /> : null}

      <div className="request-preview" aria-labelledby={id('preview-h')}>
        <h4 id={id('preview-h')}>Request that will be sent</h4>
        {request ? (
          <pre className="code-block" data-testid="request-preview">
            <code>
              {presentation.text(`${request.method} ${fullUrl({ apiDomain, request })}\nAuthorization: Zoho-oauthtoken •••• (this profile’s token)${Object.entries(request.headers)
                .filter(([k]) => k.toLowerCase() !== 'authorization')
                .map(([k, v]) => `\n${k}: ${v}`)
                .join('')}${request.body ? `\n\n${request.body}` : ''}`)}
            </code>
          </pre>
        ) : null}
        {built.problem ? <p className="help problem">{built.problem}</p> : null}
      </div>

      {missing.length ? (
        <div className="warning-box scope-warning" role="status">
          <p>
            <strong>This connection was not granted {missing.map((m) => m.suggest).join(' and ')}</strong> — needed to {missing.map((m) => m.why).join(' and ')}. Zoho
            will refuse the call.
          </p>
          <div className="inline">
            <button type="button" className="button" onClick={() => void reconnectAdding(missing.map((m) => m.suggest).join(','))}>
              Reconnect adding {missing.map((m) => m.suggest).join(' and ')}
            </button>
            <button type="button" className="button secondary" onClick={() => void send({ ignoreScopes: true })} disabled={sending}>
              Send anyway
            </button>
          </div>
        </div>
      ) : null}

      <div className="actions send-row">
        <button type="button" ref={sendRef} className={write ? 'button danger' : 'button'} onClick={() => void send()} disabled={sending || (write && profile.readOnly)} aria-keyshortcuts="Control+Enter Meta+Enter">
          {sending ? 'Sending…' : write ? 'Send change' : 'Send'}
        </button>
        {write && profile.readOnly ? <span className="help">Read-only profile: changes are not sent.</span> : null}
        {write && !profile.readOnly && profile.environment === 'production' ? <span className="help">You will be asked to confirm: this changes data in {orgName}.</span> : null}
      </div>

      {confirming ? (
        <div
          className="confirm-box"
          role="alertdialog"
          aria-modal="false"
          aria-labelledby={id('confirm-h')}
          aria-describedby={id('confirm-d')}
          onKeyDown={(e) => {
            // Escape is Cancel: nothing is sent and the focus goes back to Send.
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              cancelConfirm();
            }
          }}
        >
          <h4 id={id('confirm-h')}>Change data in {orgName}?</h4>
          <p id={id('confirm-d')}>
            This {confirming.request.method === 'DELETE' ? 'deletes records' : 'changes records'} in <strong>{orgName}</strong>, a <strong>production</strong> organisation. It cannot be undone from
            here.
          </p>
          <div className="inline">
            <button
              type="button"
              className="button danger"
              onClick={() => {
                const c = confirming;
                setConfirming(null);
                void send({ request: c.request, ignoreScopes: c.ignoreScopes, confirmed: true });
              }}
            >
              Yes, send to {orgName}
            </button>
            <button type="button" className="button secondary" autoFocus onClick={cancelConfirm}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      {refusal ? <ErrorView error={refusal} onReconnect={(s) => void reconnectAdding(s)} {...(retry && !sending ? { onRetry: tryAgain } : {})} /> : null}

      <p role="status" className="records-status" ref={statusRef} tabIndex={-1}>
        {sending ? 'Sending…' : note}
      </p>

      {sent ? (
        <>
          {canPage && emptyAnswer ? (
            <p className="help empty-answer">No records in this answer, so there is no next page to load, nothing to fetch and nothing to export.</p>
          ) : null}
          {canPage && (!emptyAnswer || pageStack.length > 0) ? (
            <div className="actions paging">
              {/* While a page loads the buttons say so with aria-disabled: a disabled button would drop focus to the top of the page. */}
              <button type="button" ref={prevRef} className="button secondary" disabled={!pageStack.length} aria-disabled={sending || undefined} onClick={() => page('prev')}>
                Previous page
              </button>
              {emptyAnswer ? null : (
                <>
                  <button type="button" ref={nextRef} className="button secondary" disabled={!nextReq} aria-disabled={sending || undefined} onClick={() => page('next')}>
                    Next page
                  </button>
                  <span className="fetch-all">
                    <label htmlFor={id('cap')}>Stop after</label>{' '}
                    <input id={id('cap')} type="number" min={1} max={100000} step={500} value={cap} onChange={(e) => setCap(Math.max(1, Math.min(100_000, Number(e.target.value) || 1)))} /> records{' '}
                    <button type="button" className="button secondary" onClick={() => void fetchAll()} disabled={Boolean(jobBusy)}>
                      Fetch all
                    </button>
                  </span>
                </>
              )}
            </div>
          ) : null}

          {job ? (
            <div className="job" aria-live="polite">
              <label htmlFor={id('progress')}>
                {job.state === 'waiting'
                  ? `Zoho asked the app to slow down; trying again in ${Math.ceil((job.retryInMs ?? 0) / 1000)} s…`
                  : job.state === 'running'
                    ? 'Fetching records…'
                    : job.state === 'done'
                      ? 'Fetched everything.'
                      : job.state === 'capped'
                        ? `Stopped at the limit of ${cap.toLocaleString()} records.`
                        : job.state === 'cancelled'
                          ? 'Cancelled.'
                          : 'The fetch stopped with an error.'}
              </label>{' '}
              <progress id={id('progress')} max={jobTotal ?? Math.max(job.fetched, 1)} value={job.fetched} />{' '}
              <span className="job-count">
                {job.fetched.toLocaleString()}
                {jobTotal !== undefined ? ` of ${jobTotal.toLocaleString()}` : ''} records
                {job.available !== undefined && jobTotal !== undefined && job.available > jobTotal
                  ? ` (the module has ${job.available.toLocaleString()}; raise “Stop after” to fetch more)`
                  : ''}
              </span>{' '}
              {jobBusy ? (
                <button type="button" className="button secondary small" onClick={() => void cancelJob()}>
                  Cancel
                </button>
              ) : null}
              {job.error ? <ErrorView error={job.error} /> : null}
            </div>
          ) : null}

          <div className="actions exports">
            {jobRecords && jobRecords.length ? (
              <label className="check">
                <input type="checkbox" checked={showFetched} onChange={(e) => setShowFetched(e.target.checked)} /> Show everything fetched ({jobRecords.length.toLocaleString()})
              </label>
            ) : null}
            {emptyAnswer ? null : (
              <>
                <button type="button" className="button secondary small" disabled={!sent.response.records?.length || Boolean(exporting)} onClick={() => void exportAs('csv', 'current')}>
                  Export this page (CSV)
                </button>
                <button type="button" className="button secondary small" disabled={!sent.response.records?.length || Boolean(exporting)} onClick={() => void exportAs('json', 'current')}>
                  Export this page (JSON)
                </button>
              </>
            )}
            {jobRecords && jobRecords.length ? (
              <>
                <button type="button" className="button secondary small" disabled={Boolean(exporting)} onClick={() => void exportAs('csv', 'fetched')}>
                  Export everything fetched (CSV)
                </button>
                <button type="button" className="button secondary small" disabled={Boolean(exporting)} onClick={() => void exportAs('json', 'fetched')}>
                  Export everything fetched (JSON)
                </button>
              </>
            ) : null}
            {presentation.on && sent.response.records?.length ? <span className="help">Exports are masked while presenting.</span> : null}
            {exporting ? (
              <span>
                <label htmlFor={id('export-progress')}>Preparing {exporting.kind}…</label>{' '}
                <progress id={id('export-progress')} max={Math.max(1, exporting.total)} value={exporting.done} />
              </span>
            ) : null}
          </div>

          <ResponseView
            key={`${sent.response.historyId ?? ''}-${showFetched ? 'all' : 'page'}`}
            response={sent.response}
            {...(showFetched && jobRecords ? { records: jobRecords } : {})}
            recordsLabel={showFetched && jobRecords ? `${moduleLabel || 'Fetched'} records (${fetchedLabel})` : moduleLabel ? `${moduleLabel} records` : pageLabel}
            fields={fieldList ?? []}
            chosen={mode === 'guided' ? guided.fields : []}
            onReconnect={(s) => void reconnectAdding(s)}
            {...(retry && !sending && !refusal && sent.response.error ? { onRetry: tryAgain } : {})}
          />
        </>
      ) : null}

      <SnippetPanel request={request} apiDomain={apiDomain} />
      <HistoryPanel
        entries={history}
        search={historySearch}
        onSearch={(text) => {
          setHistorySearch(text);
          void loadHistory(text);
        }}
        onOpen={openEntry}
        onRerun={(entry) => {
          openEntry(entry);
          void send({ request: entry.request, source: 'raw' });
        }}
        onPin={(entry, pinned) => {
          void api.crm.pin(profileId, entry.id, pinned).then(() => loadHistory(historySearch));
        }}
        onRemove={(entry) => {
          void api.crm.removeHistory(profileId, entry.id).then(() => loadHistory(historySearch));
        }}
      />
    </section>
  );
}
