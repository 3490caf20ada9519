/**
 * LogPort for the app: one JSON line per entry, to the console and to
 * `<userData>/logs/main.log` (0600; the previous run's file is kept as main.old.log when it
 * grows past 5 MB). The core redacts secrets before they get here; this adapter adds nothing
 * of its own except the time and the level, and turns Error objects into name + message.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LogPort } from '../../core/ports';

const MAX_BYTES = 5 * 1024 * 1024;
type Level = 'info' | 'warn' | 'error';

export interface FileLog extends LogPort {
  readonly file: string | null;
  close(): void;
}

function toJsonSafe(meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message } : value;
  }
  return out;
}

function line(level: Level, message: string, meta?: Record<string, unknown>): string {
  const entry = { time: new Date().toISOString(), level, message, ...(meta ? { meta: toJsonSafe(meta) } : {}) };
  try {
    return JSON.stringify(entry);
  } catch {
    return JSON.stringify({ time: entry.time, level, message, meta: '[unserialisable]' });
  }
}

export function createFileLog(userDataDir: string, options: { console?: boolean } = {}): FileLog {
  const echo = options.console ?? true;
  let stream: fs.WriteStream | null = null;
  let file: string | null = null;
  try {
    const dir = path.join(userDataDir, 'logs');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    file = path.join(dir, 'main.log');
    try {
      if (fs.statSync(file).size > MAX_BYTES) fs.renameSync(file, path.join(dir, 'main.old.log'));
    } catch {
      // No previous log.
    }
    stream = fs.createWriteStream(file, { flags: 'a', mode: 0o600 });
    stream.on('error', () => {
      stream = null; // Disk full or permissions: keep logging to the console only.
    });
  } catch {
    stream = null;
    file = null;
  }

  const write = (level: Level) => (message: string, meta?: Record<string, unknown>) => {
    const text = line(level, message, meta);
    if (echo) (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(text);
    stream?.write(`${text}\n`);
  };

  return {
    get file() {
      return file;
    },
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    close() {
      stream?.end();
      stream = null;
    },
  };
}
