import { explain, type AppError, type ErrorCode, type ErrorContext } from '../../shared/zoho/errors';
import type { IpcError } from '../../shared/ipc/contract';

/** An error the core raises on purpose: it carries the catalogue entry the user will see. */
export class CoreError extends Error {
  constructor(readonly appError: IpcError) {
    super(appError.message);
    this.name = 'CoreError';
  }

  static of(code: ErrorCode, context?: ErrorContext, details?: string): CoreError {
    return new CoreError(explain(code, context, details));
  }

  get code(): string {
    return this.appError.code;
  }
}

export function asCoreError(error: unknown, fallback: (e: unknown) => AppError): CoreError {
  return error instanceof CoreError ? error : new CoreError(fallback(error));
}
