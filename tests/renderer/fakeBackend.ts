/**
 * A small in-memory backend for renderer tests: an `invoke`/`subscribe` pair handed to the
 * real `createApi`, so components see exactly the API shape production gives them.
 */
import { act } from '@testing-library/react';
import {
  createApi,
  fail,
  ok,
  type AppEvent,
  type AppInfo,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type Invoke,
  type ProfileView,
  type Result,
  type Subscribe,
} from '../../shared/ipc/contract';

type Handler = (payload: unknown) => Result<unknown> | Promise<Result<unknown>>;

export function makeProfile(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'p1',
    name: 'Acme production',
    orgLabel: 'Acme Ltd',
    colour: '#2f6fde',
    service: 'zoho',
    environment: 'production',
    dataCentre: 'eu',
    clientType: 'mobile',
    clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
    hasClientSecret: true,
    multiDc: false,
    dcSecrets: [],
    scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.users.READ'],
    notes: '',
    readOnly: false,
    isBuiltInDemo: false,
    createdAt: 1_700_000_000_000,
    redirectUri: 'connected-app-console://oauth/callback',
    connection: { status: 'not-connected' },
    ...overrides,
  };
}

export function connected(profile: ProfileView): ProfileView {
  return {
    ...profile,
    connection: {
      status: 'connected',
      userName: 'Ada Lovelace',
      userEmail: 'ada@example.com',
      orgName: 'Acme Ltd',
      grantedScopes: profile.scopes,
    },
  };
}

export function makeInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    // The desktop app: a Mobile-based profile connects by itself there (browser mode warns first, see ConnectionPanel).
    mode: 'electron',
    version: '0.1.0',
    secretStorage: { persistent: true, backend: 'keychain' },
    activeProfileId: null,
    demoOrg: { running: false },
    notices: [],
    ...overrides,
  };
}

export interface FakeBackendOptions {
  profiles?: ProfileView[];
  info?: Partial<AppInfo>;
}

export function createFakeBackend(options: FakeBackendOptions = {}) {
  let profiles = [...(options.profiles ?? [])];
  const info = makeInfo(options.info);
  const calls: { channel: Channel; payload: unknown }[] = [];
  const listeners = new Set<(event: AppEvent) => void>();

  const handlers: Partial<Record<Channel, Handler>> = {
    'app:info': () => ok(info),
    'profiles:list': () => ok(profiles),
    'profiles:setActive': (payload) => {
      const { id } = payload as ChannelInput<'profiles:setActive'>;
      const found = profiles.find((p) => p.id === id);
      return found ? ok(found) : fail({ code: 'PROFILE_NOT_FOUND', message: 'That profile no longer exists.' });
    },
    'crm:modules': () => ok([]),
    'vault:status': () =>
      ok({
        mode: info.secretStorage.persistent ? 'keychain' : 'memory',
        backend: info.secretStorage.backend,
        ...(info.secretStorage.message ? { message: info.secretStorage.message } : {}),
        canUsePassphrase: !info.secretStorage.persistent,
      }),
    'crm:history': () => ok([]),
    // The API console sends lists through crm:send; tests written for crm:records keep working.
    'crm:send': async (payload) => {
      const { profileId, request } = payload as ChannelInput<'crm:send'>;
      const records = handlers['crm:records'];
      if (!records || request.method !== 'GET' || request.path.includes('/')) return fail({ code: 'INTERNAL', message: 'No fake handler for crm:send.' });
      const q = request.query ?? {};
      const result = (await records({
        profileId,
        module: request.path,
        fields: (q.fields ?? '').split(',').filter(Boolean),
        page: Number(q.page ?? 1),
        perPage: Number(q.per_page ?? 50),
      })) as Result<ChannelOutput<'crm:records'>>;
      if (!result.ok) return result;
      const page = result.value;
      const response: ChannelOutput<'crm:send'> = {
        status: page.records.length ? 200 : 204,
        url: `https://www.zohoapis.com/crm/v8/${request.path}`,
        headers: { 'content-type': 'application/json' },
        durationMs: page.durationMs,
        sizeBytes: JSON.stringify(page.records).length,
        body: page.records.length ? { data: page.records, info: { more_records: page.info.moreRecords } } : null,
        records: page.records,
        info: { count: page.info.count, moreRecords: page.info.moreRecords, page: page.info.page, perPage: page.info.perPage },
      };
      return ok(response);
    },
  };

  const invoke: Invoke = async (channel, payload) => {
    calls.push({ channel, payload });
    const handler = handlers[channel];
    if (!handler) return fail({ code: 'INTERNAL', message: `No fake handler for ${channel}.` });
    return handler(payload);
  };

  const subscribe: Subscribe = (listener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };

  return {
    api: createApi(invoke, subscribe),
    calls,
    /** Replace or add the answer for one channel. */
    on<C extends Channel>(
      channel: C,
      handler: (payload: ChannelInput<C>) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>,
    ) {
      handlers[channel] = handler as Handler;
    },
    setProfiles(next: ProfileView[]) {
      profiles = [...next];
    },
    callsTo<C extends Channel>(channel: C): ChannelInput<C>[] {
      return calls.filter((c) => c.channel === channel).map((c) => c.payload as ChannelInput<C>);
    },
    /** Sends an event from "main", as the preload / SSE stream would. */
    emit(event: AppEvent) {
      act(() => {
        for (const listener of [...listeners]) listener(event);
      });
    },
    listenerCount: () => listeners.size,
  };
}
