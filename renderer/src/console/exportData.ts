/** Exporting records to CSV (papaparse) and JSON, in chunks so a progress bar can move. */
import { formatValue } from '../columns';

const CHUNK = 2000;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Columns for an export: the given ones, else every key seen in the records (in first-seen order). */
export function exportColumns(records: readonly Record<string, unknown>[], preferred?: readonly string[]): string[] {
  if (preferred?.length) return [...preferred];
  const seen = new Set<string>();
  for (const r of records.slice(0, 1000)) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** A cell for a file: lookups by name, lists joined, dates left as Zoho sent them (ISO). */
export function exportValue(value: unknown): string {
  return formatValue(value);
}

export async function toCsv(records: readonly Record<string, unknown>[], columns: readonly string[], onProgress?: (done: number, total: number) => void): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const parts: string[] = [];
  for (let start = 0; start < records.length || start === 0; start += CHUNK) {
    const rows = records.slice(start, start + CHUNK).map((r) => columns.map((c) => exportValue(r[c])));
    parts.push(Papa.unparse({ fields: [...columns], data: rows }, { header: start === 0, newline: '\r\n' }));
    onProgress?.(Math.min(records.length, start + CHUNK), records.length);
    if (records.length > CHUNK) await nextTask();
    if (!records.length) break;
  }
  return parts.filter((p) => p !== '').join('\r\n') + '\r\n';
}

export async function toJson(records: readonly Record<string, unknown>[], onProgress?: (done: number, total: number) => void): Promise<string> {
  const parts: string[] = [];
  for (let start = 0; start < records.length; start += CHUNK) {
    parts.push(records.slice(start, start + CHUNK).map((r) => JSON.stringify(r)).join(',\n  '));
    onProgress?.(Math.min(records.length, start + CHUNK), records.length);
    if (records.length > CHUNK) await nextTask();
  }
  return `[\n  ${parts.join(',\n  ')}\n]\n`;
}

/** Hands a file to the browser's (or Electron's) download: Blob + a[download]. */
export function download(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
