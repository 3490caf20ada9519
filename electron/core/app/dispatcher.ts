import { channelInputs, fail, isChannel, ok, type Channel, type ChannelOutput, type FieldErrors, type Result } from '../../../shared/ipc/contract';
import { explain } from '../../../shared/zoho/errors';
import type { z } from 'zod';
import { CoreError } from '../errors';
import type { LogPort } from '../ports';

export type Handlers = {
  [C in Channel]: (input: z.output<(typeof channelInputs)[C]>) => Promise<ChannelOutput<C>>;
};

/** zod issues → one plain message per field, for the form. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * The door every call comes through, whatever the transport: unknown channels and bad
 * payloads are refused here, handlers never throw across it.
 */
export function createDispatcher(handlers: Handlers, log: LogPort) {
  return async function dispatch(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return fail(explain('INVALID_INPUT', { zohoMessage: `Unknown request "${String(channel).slice(0, 60)}".` }));
    }
    const parsed = channelInputs[channel].safeParse(payload);
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      const first = Object.values(fields)[0];
      return fail({ ...explain('INVALID_INPUT', first ? { zohoMessage: first } : {}), fields });
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof CoreError) return fail(error.appError);
      log.error('handler failed', { channel, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      return fail(explain('INTERNAL'));
    }
  };
}
