import { randomUUID } from 'node:crypto';
import type { AppEvent, ConsoleRequest, ConsoleResponse, CrmJobProgress, IpcError, JobRecords, PerRecordResult, ProfileView } from '../../../shared/ipc/contract';
import { EDITIONS } from '../../../shared/zoho/editions';
import { explain, ZOHO_CRM_ERRORS } from '../../../shared/zoho/errors';
import { ZOHO_LIMITS } from '../../../shared/zoho/limits';
import { isWriteCall, missingScopes, normaliseCrmPath, splitPathQuery, type ScopeNeed } from '../../../shared/zoho/scopes';
import { CoreError } from '../errors';
import type { HistoryStore } from '../history/historyStore';
import { explainCrmError, type CrmClient, type CrmRequest, type CrmResponse } from './crmClient';

/**
 * Calls one profile may have in flight from the console at once: the smallest edition's
 * concurrency limit (Free: 5, §5.6). The app can't know the org's edition, and staying at or
 * below it keeps the console from tripping 429 on its own.
 */
export const CONSOLE_CONCURRENCY = Math.min(...Object.values(EDITIONS).map((e) => e.concurrency));
/** 429 back-off (§5.6: no Retry-After is documented, so exponential with jitter). */
export const BACKOFF = { firstMs: 500, maxMs: 8_000, attempts: 6 } as const;
/** Fetched results the core keeps per profile (older ones are dropped). */
const JOBS_KEPT_PER_PROFILE = 3;

export interface ConsoleDeps {
  client: CrmClient;
  history: HistoryStore;
  profile: (profileId: string) => ProfileView;
  emit: (event: AppEvent) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** A write changes data: anything but GET, except the read-only POSTs (COQL). */
export const isWrite = (request: Pick<ConsoleRequest, 'method' | 'path'>): boolean => isWriteCall(request);

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** A small counting semaphore per profile. */
class Limiter {
  private active = new Map<string, number>();
  private waiting = new Map<string, (() => void)[]>();
  constructor(private readonly max: number) {}
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if ((this.active.get(key) ?? 0) >= this.max) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(key) ?? [];
        queue.push(resolve);
        this.waiting.set(key, queue);
      });
    }
    this.active.set(key, (this.active.get(key) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.active.set(key, (this.active.get(key) ?? 1) - 1);
      this.waiting.get(key)?.shift()?.();
    }
  }
}

interface Job {
  progress: CrmJobProgress;
  records: Record<string, unknown>[];
  controller: AbortController;
  started: number;
}

/**
 * The API console's core: checks a call before it leaves the app (read-only profiles,
 * production writes, scopes), sends it through CrmClient (so the token and host belong to
 * the named profile), describes the answer, keeps history, and runs "Fetch all" as a job.
 */
export class ApiConsole {
  private readonly limiter = new Limiter(CONSOLE_CONCURRENCY);
  private readonly jobs = new Map<string, Job>();
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly deps: ConsoleDeps) {
    this.sleep = deps.sleep ?? sleepFor;
    this.random = deps.random ?? Math.random;
  }

  /** Everything that must hold before a call may leave the app. Throws a CoreError. */
  guard(profile: ProfileView, request: ConsoleRequest, options: { confirmWrite?: { orgName: string }; ignoreMissingScopes?: boolean }): void {
    if (isWrite(request)) {
      if (profile.readOnly) throw CoreError.of('CRM_READ_ONLY_PROFILE');
      if (profile.environment === 'production') {
        const orgName = profile.connection.orgName ?? profile.orgLabel ?? profile.name;
        if (options.confirmWrite?.orgName.trim() !== orgName.trim()) {
          throw new CoreError({ ...explain('CRM_WRITE_NOT_CONFIRMED', { zohoMessage: orgName }), details: JSON.stringify({ orgName }) });
        }
      }
    }
    if (!options.ignoreMissingScopes) {
      const missing = this.missing(profile, request);
      if (missing.length) {
        const scope = missing.map((m) => m.suggest).join(' and ');
        throw new CoreError({ ...explain('CRM_SCOPE_NOT_GRANTED', { scope }), details: JSON.stringify({ missing: missing.map((m) => m.suggest) }) });
      }
    }
  }

  missing(profile: ProfileView, request: ConsoleRequest): ScopeNeed[] {
    const granted = profile.connection.grantedScopes ?? profile.scopes;
    return missingScopes(granted, { method: request.method, path: request.path, body: request.body });
  }

  toCrmRequest(request: ConsoleRequest, signal?: AbortSignal): CrmRequest {
    const { path, query: inPath } = splitPathQuery(request.path);
    if (!path || /(^|\/)\.\.?(\/|$)/.test(path)) {
      throw CoreError.of('CRM_BAD_REQUEST_TEXT', { zohoMessage: 'the path must name something under /crm/v8/, such as Leads' });
    }
    let bodyText: string | undefined;
    if (request.body !== undefined && request.body.trim() !== '') {
      if (request.method === 'GET') throw CoreError.of('CRM_BAD_REQUEST_TEXT', { zohoMessage: 'a GET call has no body' });
      try {
        JSON.parse(request.body);
      } catch (error) {
        throw CoreError.of('CRM_BAD_REQUEST_TEXT', { zohoMessage: `the body is not valid JSON (${(error as Error).message})` });
      }
      bodyText = request.body;
    }
    const query = { ...inPath, ...Object.fromEntries(Object.entries(request.query).filter(([k]) => k.trim() !== '')) };
    return { method: request.method, path, query, headers: request.headers, ...(bodyText !== undefined ? { bodyText } : {}), ...(signal ? { signal } : {}) };
  }

  async send(
    profileId: string,
    request: ConsoleRequest,
    options: { confirmWrite?: { orgName: string }; ignoreMissingScopes?: boolean; source?: 'guided' | 'raw'; label?: string } = {},
  ): Promise<ConsoleResponse> {
    const profile = this.deps.profile(profileId);
    this.guard(profile, request, options);
    const crmRequest = this.toCrmRequest(request);
    let response: CrmResponse;
    try {
      response = await this.limiter.run(profileId, () => this.deps.client.requestRaw(profileId, crmRequest));
    } catch (error) {
      if (error instanceof CoreError) {
        this.deps.history.add(profileId, { request, source: options.source ?? 'raw', label: options.label ?? describe(request), errorCode: error.code });
      }
      throw error;
    }
    const answer = describeResponse(response, this.missing(profile, request));
    const entry = this.deps.history.add(profileId, {
      request,
      source: options.source ?? 'raw',
      label: options.label ?? describe(request),
      status: answer.status,
      durationMs: Math.round(answer.durationMs),
      ...(answer.error ? { errorCode: answer.error.code } : {}),
    });
    return { ...answer, historyId: entry.id };
  }

  // --- Fetch all -------------------------------------------------------------------------

  startFetchAll(profileId: string, request: ConsoleRequest, cap: number, ignoreMissingScopes = false): CrmJobProgress {
    const profile = this.deps.profile(profileId);
    if (request.method !== 'GET') throw CoreError.of('CRM_BAD_REQUEST_TEXT', { zohoMessage: '"Fetch all" follows pages of GET calls only' });
    this.guard(profile, request, { ignoreMissingScopes });
    const base = this.toCrmRequest(request);
    const jobId = randomUUID();
    const job: Job = {
      progress: { jobId, profileId, state: 'running', fetched: 0, pages: 0, elapsedMs: 0 },
      records: [],
      controller: new AbortController(),
      started: performance.now(),
    };
    this.jobs.set(jobId, job);
    this.trimJobs(profileId, jobId);
    void this.runJob(job, base, cap);
    return { ...job.progress };
  }

  records(jobId: string, offset: number, limit: number): JobRecords {
    const job = this.jobs.get(jobId);
    if (!job) throw CoreError.of('CRM_JOB_NOT_FOUND');
    return { records: job.records.slice(offset, offset + limit), offset, total: job.records.length, state: job.progress.state };
  }

  cancel(jobId: string): CrmJobProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw CoreError.of('CRM_JOB_NOT_FOUND');
    if (job.progress.state === 'running' || job.progress.state === 'waiting') {
      job.controller.abort();
      this.update(job, { state: 'cancelled' });
    }
    return { ...job.progress };
  }

  /** Cancels every job and writes the history (app shutting down). */
  close(): void {
    for (const job of this.jobs.values()) job.controller.abort();
    this.deps.history.flush();
  }

  private trimJobs(profileId: string, keep: string): void {
    const mine = [...this.jobs.values()].filter((j) => j.progress.profileId === profileId && j.progress.jobId !== keep);
    while (mine.length >= JOBS_KEPT_PER_PROFILE) {
      const old = mine.shift()!;
      old.controller.abort();
      this.jobs.delete(old.progress.jobId);
    }
  }

  private update(job: Job, changes: Partial<CrmJobProgress>): void {
    const next: CrmJobProgress = { ...job.progress, ...changes, elapsedMs: Math.round(performance.now() - job.started) };
    if (!('retryInMs' in changes)) delete next.retryInMs;
    job.progress = next;
    this.deps.emit({ type: 'crm-job', job: { ...next } });
  }

  /** One page, backing off on 429 (credits or concurrency, §5.6). */
  private async page(job: Job, request: CrmRequest): Promise<CrmResponse | undefined> {
    const { profileId } = job.progress;
    for (let attempt = 0; ; attempt++) {
      if (job.controller.signal.aborted) return undefined;
      let response: CrmResponse;
      try {
        response = await this.limiter.run(profileId, () => this.deps.client.requestRaw(profileId, { ...request, signal: job.controller.signal }));
      } catch (error) {
        if (job.controller.signal.aborted) return undefined;
        throw error;
      }
      if (response.status !== 429 || attempt >= BACKOFF.attempts) return response;
      const delay = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** attempt) * (0.75 + this.random() * 0.5);
      this.update(job, { state: 'waiting', retryInMs: Math.round(delay) });
      await this.sleep(delay, job.controller.signal);
      if (job.controller.signal.aborted) return undefined;
      this.update(job, { state: 'running' });
    }
  }

  private async runJob(job: Job, base: CrmRequest, cap: number): Promise<void> {
    const { profileId } = job.progress;
    const query: Record<string, string | number | boolean | undefined> = { ...base.query };
    if (query.per_page === undefined) query.per_page = ZOHO_LIMITS.perPageMax;
    // A plain list: ask for the module's count first, so progress can say "of N".
    const parts = base.path.split('/');
    if (parts.length === 1 && !parts[0]!.includes('settings')) {
      try {
        const count = await this.limiter.run(profileId, () =>
          this.deps.client.requestRaw(profileId, { method: 'GET', path: `${parts[0]}/actions/count`, signal: job.controller.signal }),
        );
        const total = (count.body as { count?: unknown } | null)?.count;
        if (count.status === 200 && typeof total === 'number') this.update(job, { total: Math.min(total, cap), available: total });
      } catch {
        // The count is a nicety; the fetch goes on without it.
      }
    }
    try {
      for (;;) {
        if (job.controller.signal.aborted) return;
        const response = await this.page(job, { ...base, query: { ...query } });
        if (!response) return;
        if (response.status === 204) break;
        const error = explainCrmError(response);
        if (error) {
          this.update(job, { state: 'failed', error });
          return;
        }
        const body = (response.body ?? {}) as { data?: Record<string, unknown>[]; info?: { next_page_token?: string | null; more_records?: boolean; page?: number } };
        const data = Array.isArray(body.data) ? body.data : [];
        const room = cap - job.records.length;
        for (const record of data.slice(0, room)) job.records.push(record);
        const capped = job.records.length >= cap && (data.length > room || body.info?.more_records === true);
        this.update(job, { fetched: job.records.length, pages: job.progress.pages + 1 });
        if (capped) {
          this.update(job, { state: 'capped' });
          return;
        }
        if (job.records.length >= cap) break;
        const info = body.info ?? {};
        if (info.next_page_token) {
          // Past 2,000 records only page_token works (§5.4); it can't be combined with page.
          query.page_token = info.next_page_token;
          delete query.page;
        } else if (info.more_records) {
          query.page = (Number(query.page ?? info.page ?? 1) || 1) + 1;
        } else {
          break;
        }
      }
      this.update(job, { state: 'done', total: job.records.length });
    } catch (error) {
      if (job.controller.signal.aborted) return;
      const appError: IpcError = error instanceof CoreError ? error.appError : explain('INTERNAL');
      this.update(job, { state: 'failed', error: appError });
    }
  }
}

function describe(request: ConsoleRequest): string {
  return `${request.method} ${normaliseCrmPath(request.path)}`;
}

const headerOf = (headers: Record<string, string>, name: string) => {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? headers[key] : undefined;
};

/** Zoho's answer, read for people: records, per-record results, the explained error. */
export function describeResponse(response: CrmResponse, missing: ScopeNeed[] = []): ConsoleResponse {
  const body = response.body as { data?: unknown; info?: Record<string, unknown> } | null;
  const out: ConsoleResponse = {
    status: response.status,
    url: response.url,
    headers: response.headers,
    durationMs: Math.round(response.durationMs * 10) / 10,
    sizeBytes: response.sizeBytes,
    body: response.body,
  };
  const requestId = headerOf(response.headers, 'x-request-id') ?? headerOf(response.headers, 'x-zoho-request-id');
  if (requestId) out.requestId = requestId;
  const credits = headerOf(response.headers, 'x-api-credits-remaining');
  if (credits !== undefined && credits !== '' && Number.isFinite(Number(credits))) out.creditsRemaining = Number(credits);

  if (response.status === 204) {
    out.records = [];
    return out;
  }
  const error = explainCrmError(response);
  if (error) {
    // OAUTH_SCOPE_MISMATCH rarely names the scope: name it from the scope map (§6.3).
    if (error.code === 'CRM_SCOPE_MISMATCH' && !error.message.includes('needs the scope') && missing.length) {
      const scope = missing.map((m) => m.suggest).join(' and ');
      out.error = { ...explain('CRM_SCOPE_MISMATCH', { scope }), ...(error.details ? { details: error.details } : {}) };
    } else {
      out.error = error;
    }
  }
  const data = body?.data;
  if (Array.isArray(data)) {
    const looksLikeResults = data.length > 0 && data.every((d) => d && typeof d === 'object' && 'status' in d && 'code' in d && ('details' in d || 'message' in d));
    if (looksLikeResults) out.perRecord = data.map((d, index) => perRecord(d as Record<string, unknown>, index));
    else out.records = data as Record<string, unknown>[];
  }
  if (body?.info && typeof body.info === 'object') {
    const i = body.info;
    out.info = {
      ...(typeof i.count === 'number' ? { count: i.count } : {}),
      ...(typeof i.more_records === 'boolean' ? { moreRecords: i.more_records } : {}),
      ...(typeof i.next_page_token === 'string' || i.next_page_token === null ? { nextPageToken: i.next_page_token as string | null } : {}),
      ...(typeof i.page === 'number' ? { page: i.page } : {}),
      ...(typeof i.per_page === 'number' ? { perPage: i.per_page } : {}),
    };
  }
  return out;
}

function perRecord(item: Record<string, unknown>, index: number): PerRecordResult {
  const details = item.details as Record<string, unknown> | undefined;
  const result: PerRecordResult = {
    index,
    status: String(item.status ?? ''),
    code: String(item.code ?? ''),
    message: String(item.message ?? ''),
    ...(details !== undefined ? { details } : {}),
  };
  if (typeof details?.id === 'string') result.id = details.id;
  if (result.status !== 'success') {
    const code = ZOHO_CRM_ERRORS[result.code];
    const apiName = typeof details?.api_name === 'string' ? ` (field ${details.api_name})` : '';
    result.explanation = code
      ? explain(code, { zohoCode: result.code, zohoMessage: `${result.message}${apiName}` })
      : explain('CRM_ERROR', { zohoCode: result.code, zohoMessage: `${result.message}${apiName}` });
  }
  return result;
}
