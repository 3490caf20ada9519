import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../../shared/ipc/contract';

const ApiContext = createContext<Api | null>(null);

/** Gives components the typed API. Production passes the one from `api.ts`; tests pass their own. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> (or <App api={…}>) above it.');
  return api;
}
