import { useId, useState } from 'react';
import type { ConsoleRequest } from '../../../shared/ipc/contract';
import { usePresentation } from '../presentation/PresentationContext';
import { CONNECTION_NAME_PATTERN, DEFAULT_CONNECTION, SNIPPET_LANGUAGES, snippet, type SnippetLanguage } from '../../../shared/snippets/index';

/** Code for the current call. The token is always the placeholder {{access_token}}. */
export function SnippetPanel({ request, apiDomain }: { request: ConsoleRequest | null; apiDomain: string }) {
  const uid = useId();
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [connection, setConnection] = useState(DEFAULT_CONNECTION);
  const [note, setNote] = useState('');
  const presentation = usePresentation();
  // What is shown is what is copied: while presenting, emails in the call are masked in both.
  const code = request ? presentation.text(snippet(language, { apiDomain, request, connection })) : '';

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setNote('Code copied.');
    } catch {
      setNote('Could not copy: the system clipboard is not available.');
    }
  }

  return (
    <details className="subpanel snippets">
      <summary>Code for this call</summary>
      <p className="help">
        The access token appears as <code>{'{{access_token}}'}</code>: replace it with a token of your own. The app never puts a real token in code.
      </p>
      <div className="inline">
        <div className="field">
          <label htmlFor={`${uid}-lang`}>Language</label>
          <select id={`${uid}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as SnippetLanguage)}>
            {SNIPPET_LANGUAGES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        {language === 'deluge' ? (
          <div className="field">
            <label htmlFor={`${uid}-conn`}>Connection link name</label>
            <input id={`${uid}-conn`} value={connection} onChange={(e) => setConnection(e.target.value)} aria-describedby={`${uid}-conn-help`} aria-invalid={!CONNECTION_NAME_PATTERN.test(connection)} />
            <p className="help" id={`${uid}-conn-help`}>
              From Zoho CRM → Setup → Developer Hub → Connections (lower-case letters, digits, _).
            </p>
          </div>
        ) : null}
      </div>
      {request ? (
        <>
          <pre className="code-block" tabIndex={0} aria-label={`${language} code`}>
            <code>{code}</code>
          </pre>
          <button type="button" className="button secondary" onClick={() => void copy()}>
            Copy code
          </button>{' '}
          <span role="status" className="muted">
            {note}
          </span>
        </>
      ) : (
        <p className="muted">Finish the request to see its code.</p>
      )}
    </details>
  );
}
