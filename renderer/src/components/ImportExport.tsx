import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ImportDecision, ImportPreview, IpcError, ProfileView } from '../../../shared/ipc/contract';
import { useApi } from '../apiContext';
import { ENVIRONMENT_TEXT, dataCentreLabel, plural } from '../labels';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  profiles: ProfileView[];
  /** Profiles to tick at first (e.g. the active one). */
  initiallySelected?: string[];
  onImported: (message: string) => void;
  onClose: () => void;
}

/** Hands a file to the user: the browser's download (Electron shows its save dialog). */
function download(fileName: string, contents: string) {
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file's text (FileReader where `Blob.text` is missing). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

const DECISION_TEXT: Record<ImportDecision, string> = {
  'keep-both': 'Keep both (the imported one gets a new name)',
  replace: 'Replace the one here',
  skip: 'Skip it',
};

/**
 * Export chosen profiles (without secrets, or encrypted with their client secrets under a
 * passphrase typed twice) and import a file: preview what is added or changed, decide for
 * each profile that already exists, then import. The renderer never sees a secret: an
 * encrypted bundle is ciphertext to it.
 */
export function ImportExport({ profiles, initiallySelected = [], onImported, onClose }: Props) {
  const api = useApi();
  const uid = useId();
  const id = (s: string) => `${uid}-${s}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const exportable = profiles.filter((p) => !p.isBuiltInDemo);
  const [selected, setSelected] = useState<Set<string>>(() => new Set(initiallySelected.filter((x) => exportable.some((p) => p.id === x))));
  const [withSecrets, setWithSecrets] = useState(false);
  const [pass1, setPass1] = useState('');
  const [pass2, setPass2] = useState('');
  const [exportError, setExportError] = useState<IpcError | null>(null);
  const [exportFieldError, setExportFieldError] = useState<string | null>(null);
  const [exportNote, setExportNote] = useState('');
  const [busy, setBusy] = useState(false);

  const [fileName, setFileName] = useState('');
  const [contents, setContents] = useState<string | null>(null);
  const [importPass, setImportPass] = useState('');
  const [needsPass, setNeedsPass] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [decisions, setDecisions] = useState<Record<string, ImportDecision>>({});
  const [importError, setImportError] = useState<IpcError | null>(null);
  const [importNote, setImportNote] = useState('');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const toggle = (pid: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(pid);
      else next.delete(pid);
      return next;
    });

  async function doExport(e: FormEvent) {
    e.preventDefault();
    setExportError(null);
    setExportNote('');
    if (selected.size === 0) return setExportFieldError('Tick at least one profile to export.');
    if (withSecrets) {
      if (pass1.length < 10) return setExportFieldError('Use a passphrase of at least 10 characters; a few unrelated words work well.');
      if (pass1 !== pass2) return setExportFieldError('The two passphrases are not the same. Type them again.');
    }
    setExportFieldError(null);
    setBusy(true);
    const result = await api.profiles.exportProfiles([...selected], withSecrets ? pass1 : undefined);
    setBusy(false);
    if (!result.ok) return setExportError(result.error);
    download(result.value.fileName, result.value.contents);
    setPass1('');
    setPass2('');
    setExportNote(
      `${plural(result.value.count, 'profile')} exported to ${result.value.fileName}` +
        (result.value.encrypted ? ', encrypted with their client secrets. Give the passphrase separately.' : ', without any secret.'),
    );
  }

  async function chooseFile(file: File | undefined) {
    setPreview(null);
    setImportError(null);
    setImportNote('');
    setNeedsPass(false);
    setImportPass('');
    if (!file) return;
    setFileName(file.name);
    const text = await readText(file);
    setContents(text);
    await runPreview(text, undefined);
  }

  async function runPreview(text: string, passphrase: string | undefined) {
    setImportError(null);
    setBusy(true);
    const result = await api.profiles.previewImport(text, passphrase);
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'IMPORT_NEEDS_PASSPHRASE') {
        setNeedsPass(true);
        return;
      }
      setImportError(result.error);
      return;
    }
    setPreview(result.value);
    setDecisions(Object.fromEntries(result.value.items.filter((i) => i.action === 'exists').map((i) => [i.key, 'keep-both' as ImportDecision])));
  }

  async function doImport() {
    if (!contents || !preview) return;
    setBusy(true);
    const result = await api.profiles.importProfiles({ contents, decisions, ...(needsPass ? { passphrase: importPass } : {}) });
    setBusy(false);
    if (!result.ok) return setImportError(result.error);
    const { added, replaced, skipped } = result.value;
    const message = `Import finished: ${plural(added.length, 'profile')} added, ${replaced.length} replaced, ${skipped.length} skipped.`;
    setImportNote(message);
    setPreview(null);
    setContents(null);
    setImportPass('');
    onImported(message);
  }

  return (
    <section className="panel" aria-labelledby={id('heading')}>
      <h2 id={id('heading')} ref={headingRef} tabIndex={-1}>
        Import or export profiles
      </h2>

      <form className="subpanel" onSubmit={doExport} aria-labelledby={id('export')}>
        <h3 id={id('export')}>Export</h3>
        <fieldset className="field">
          <legend>Profiles to export</legend>
          <button
            type="button"
            className="button secondary"
            onClick={() => setSelected(selected.size === exportable.length ? new Set() : new Set(exportable.map((p) => p.id)))}
          >
            {selected.size === exportable.length ? 'Untick all' : 'Tick all'}
          </button>
          <ul className="transfer-list">
            {exportable.map((p) => (
              <li key={p.id}>
                <input type="checkbox" id={id(`x-${p.id}`)} checked={selected.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />{' '}
                <label htmlFor={id(`x-${p.id}`)}>
                  {p.name}
                  <span className="muted">
                    {' '}
                    — {p.orgLabel || 'no org label'}, {ENVIRONMENT_TEXT[p.environment].badge}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <p className="help">{plural(selected.size, 'profile')} ticked. The built-in Demo profile is not exported.</p>
        </fieldset>
        <fieldset className="field choice-group">
          <legend>Secrets</legend>
          <div className="choice">
            <input type="radio" id={id('plain')} name={id('mode')} checked={!withSecrets} onChange={() => setWithSecrets(false)} />
            <label htmlFor={id('plain')}>Without secrets (recommended for sharing)</label>
            <span className="choice-desc">Anyone who receives the file enters the client secret and connects on their own.</span>
          </div>
          <div className="choice">
            <input type="radio" id={id('sealed')} name={id('mode')} checked={withSecrets} onChange={() => setWithSecrets(true)} />
            <label htmlFor={id('sealed')}>Encrypted, with the client secrets</label>
            <span className="choice-desc">For moving to your own other computer. Sign-ins are never exported: connect again there.</span>
          </div>
        </fieldset>
        {withSecrets ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor={id('p1')}>Passphrase for the file</label>
              <input id={id('p1')} type="password" autoComplete="new-password" value={pass1} onChange={(e) => setPass1(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={id('p2')}>Type the passphrase again</label>
              <input id={id('p2')} type="password" autoComplete="new-password" value={pass2} onChange={(e) => setPass2(e.target.value)} />
            </div>
          </div>
        ) : null}
        {exportFieldError ? (
          <p className="field-error" role="alert">
            {exportFieldError}
          </p>
        ) : null}
        {exportError ? <ErrorMessage error={exportError} role="alert" /> : null}
        <button type="submit" className="button primary" disabled={busy}>
          Export {plural(selected.size, 'profile')}
        </button>
        <p role="status" className="help">
          {exportNote}
        </p>
      </form>

      <div className="subpanel" role="group" aria-labelledby={id('import')}>
        <h3 id={id('import')}>Import</h3>
        <div className="field">
          <label htmlFor={id('file')}>Choose a profiles file to import</label>
          <input id={id('file')} type="file" accept=".json,application/json" onChange={(e) => void chooseFile(e.target.files?.[0])} />
          {fileName ? <p className="help">Chosen: {fileName}</p> : null}
        </div>
        {needsPass && !preview ? (
          <form
            className="vault-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (contents) void runPreview(contents, importPass);
            }}
          >
            <p className="help">This file is encrypted. Enter the passphrase it was exported with.</p>
            <div className="field">
              <label htmlFor={id('ip')}>Passphrase of the file</label>
              <input id={id('ip')} type="password" autoComplete="off" value={importPass} onChange={(e) => setImportPass(e.target.value)} />
            </div>
            <button type="submit" className="button primary" disabled={busy}>
              Open the file
            </button>
          </form>
        ) : null}
        {importError ? <ErrorMessage error={importError} role="alert" title="Nothing was imported." /> : null}
        {preview ? (
          <>
            <table className="transfer-table">
              <caption className="sr-only">What the import will do</caption>
              <thead>
                <tr>
                  <th scope="col">Profile</th>
                  <th scope="col">Org and environment</th>
                  <th scope="col">What happens</th>
                </tr>
              </thead>
              <tbody>
                {preview.items.map((item) => (
                  <tr key={item.key}>
                    <th scope="row">{item.name}</th>
                    <td>
                      {item.orgLabel || 'no org label'}, {ENVIRONMENT_TEXT[item.environment].badge}, {dataCentreLabel(item.dataCentre)}
                      {item.withSecret ? <span className="muted"> · with its client secret</span> : null}
                    </td>
                    <td>
                      {item.action === 'add' ? (
                        'Added as a new profile'
                      ) : (
                        <>
                          <label htmlFor={id(`d-${item.key}`)}>
                            Already here as “{item.existing?.name}”
                            {item.changes.length ? ` (different: ${item.changes.join(', ')})` : ' (no differences)'}.
                          </label>{' '}
                          <select
                            id={id(`d-${item.key}`)}
                            value={decisions[item.key] ?? 'keep-both'}
                            onChange={(e) => setDecisions((d) => ({ ...d, [item.key]: e.target.value as ImportDecision }))}
                          >
                            {(Object.keys(DECISION_TEXT) as ImportDecision[]).map((d) => (
                              <option key={d} value={d}>
                                {DECISION_TEXT[d]}
                              </option>
                            ))}
                          </select>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" className="button primary" onClick={() => void doImport()} disabled={busy}>
              Import {plural(preview.items.length, 'profile')}
            </button>{' '}
            <button type="button" className="button secondary" onClick={() => setPreview(null)}>
              Cancel import
            </button>
          </>
        ) : null}
        <p role="status" className="help">
          {importNote}
        </p>
      </div>
      <button type="button" className="button secondary" onClick={onClose}>
        Done
      </button>
    </section>
  );
}
