import { z } from 'zod';
import type { Call } from '../contract';

export interface AppInfo {
  mode: 'electron' | 'browser';
  version: string;
  /** Whether secrets survive a restart, and why not if they don't. */
  secretStorage: { persistent: boolean; backend: string; message?: string };
  activeProfileId: string | null;
  demoOrg: { running: boolean; consoleUrl?: string };
  /** Things the user must be told about at start (e.g. a damaged file was moved aside). */
  notices: string[];
}

export const appChannels = {
  'app:info': z.undefined().optional(),
} as const;

export interface AppOutputs {
  'app:info': AppInfo;
}

export const appApi = (call: Call) => ({
  info: () => call('app:info'),
});
