import type { Result } from '../../../shared/ipc/contract';
import type { LogPort } from '../ports';

type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

const TRANSPORT_CODE = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+|TimeoutError|AbortError)\b/;

/**
 * Every call that failed on the network (NETWORK, TIMEOUT) leaves one line in the log: the
 * channel, our code and the transport's own code (`UND_ERR_CONNECT_TIMEOUT`, `ECONNREFUSED`…)
 * — never the URL, whose query can hold search terms or record ids.
 */
export function logTransportFailures(dispatch: Dispatch, log: LogPort): Dispatch {
  return async (channel, payload) => {
    const result = await dispatch(channel, payload);
    if (!result.ok && (result.error.code === 'NETWORK' || result.error.code === 'TIMEOUT')) {
      const transport = result.error.details?.match(TRANSPORT_CODE)?.[1];
      log.warn('network failure', { channel, code: result.error.code, ...(transport ? { transport } : {}) });
    }
    return result;
  };
}
