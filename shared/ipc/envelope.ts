import type { AppError } from '../zoho/errors';

/** Handlers never throw across IPC: every answer is this envelope. */
export interface FieldErrors {
  [field: string]: string;
}
export type IpcError = AppError & { fields?: FieldErrors };
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: IpcError): Result<never> => ({ ok: false, error });
