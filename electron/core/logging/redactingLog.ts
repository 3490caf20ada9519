import type { LogPort } from '../ports';

/**
 * Wraps a LogPort so that no secret the app knows (client secrets, refresh and access
 * tokens) can reach a log line, whatever a caller passes in.
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  /** Remember a value that must never be logged. Very short values are ignored (they'd mask ordinary words). */
  add(secret: string | undefined | null): void {
    if (secret && secret.length >= 8) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    }
    return out;
  }

  wrap(log: LogPort): LogPort {
    const clean = (meta?: Record<string, unknown>) =>
      meta === undefined ? undefined : (JSON.parse(this.redact(JSON.stringify(meta))) as Record<string, unknown>);
    return {
      info: (m, meta) => log.info(this.redact(m), clean(meta)),
      warn: (m, meta) => log.warn(this.redact(m), clean(meta)),
      error: (m, meta) => log.error(this.redact(m), clean(meta)),
    };
  }
}

/** A LogPort writing JSON lines to a stream (browser mode and tests). */
export function streamLog(write: (line: string) => void): LogPort {
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...(meta ? { meta } : {}) })}\n`);
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
