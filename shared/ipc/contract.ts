/**
 * The IPC contract: every channel between the renderer and the core, with a zod schema for
 * its input. One contract, three transports (Electron IPC, browser mode's local HTTP, tests);
 * `createApi(invoke, subscribe)` builds the same typed `window.api` over any of them.
 * Each area keeps its channels in `channels/<area>.ts`; this file joins them.
 * This file runs in the renderer too: no `electron`, no `node:*`.
 */
import type { z } from 'zod';
import './plainMessages';
import { appApi, appChannels, type AppOutputs } from './channels/app';
import { authApi, authChannels, type AuthOutputs } from './channels/auth';
import { crmApi, crmChannels, type CrmOutputs } from './channels/crm';
import { profileChannels, profilesApi, type ProfileOutputs } from './channels/profiles';
import { vaultApi, vaultChannels, type VaultOutputs } from './channels/vault';
import type { Result } from './envelope';
import type { AppEvent } from './events';

export * from './envelope';
export * from './events';
export * from './channels/app';
export * from './channels/profiles';
export * from './channels/auth';
export * from './channels/crm';
export * from './channels/vault';

export const channelInputs = {
  ...appChannels,
  ...profileChannels,
  ...authChannels,
  ...crmChannels,
  ...vaultChannels,
} as const;

export type Channel = keyof typeof channelInputs;
export const CHANNELS = Object.keys(channelInputs) as Channel[];

export type ChannelOutputs = AppOutputs & ProfileOutputs & AuthOutputs & CrmOutputs & VaultOutputs;
export type ChannelInput<C extends Channel> = z.input<(typeof channelInputs)[C]>;
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channelInputs, value);
}

// ---------------------------------------------------------------------------------------
// The typed API, built over any transport.
export type Invoke = (channel: Channel, payload: unknown) => Promise<Result<unknown>>;
export type Subscribe = (listener: (event: AppEvent) => void) => () => void;
export type Call = <C extends Channel>(channel: C, payload?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

export function createApi(invoke: Invoke, subscribe: Subscribe) {
  const call: Call = (channel, payload) => invoke(channel, payload) as never;
  return {
    call,
    onEvent: subscribe,
    app: appApi(call),
    profiles: profilesApi(call),
    auth: authApi(call),
    crm: crmApi(call),
    vault: vaultApi(call),
  };
}
export type Api = ReturnType<typeof createApi>;
