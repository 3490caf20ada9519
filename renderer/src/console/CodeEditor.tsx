/**
 * CodeMirror 6 for the console's JSON and COQL text. Loaded on demand (React.lazy), so the
 * app's first screen doesn't carry the editor. JSON is linted as you type; COQL completes
 * module and field names.
 */
import { useMemo } from 'react';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { sql, StandardSQL } from '@codemirror/lang-sql';
import { linter, lintGutter } from '@codemirror/lint';

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  language: 'json' | 'coql';
  /** Accessible name of the editing area. */
  label: string;
  describedBy?: string;
  /** For COQL completion: module → field API names. */
  schema?: Record<string, string[]>;
  minHeight?: string;
}

export default function CodeEditor({ value, onChange, language, label, describedBy, schema, minHeight = '6rem' }: CodeEditorProps) {
  const extensions = useMemo(() => {
    const a11y = EditorView.contentAttributes.of({ 'aria-label': label, ...(describedBy ? { 'aria-describedby': describedBy } : {}) });
    // Ctrl/Cmd+Enter sends the call (handled by the console); the editor must not add a line for it.
    const sendKey = Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => true }]));
    if (language === 'json') return [sendKey, json(), linter(jsonParseLinter()), lintGutter(), a11y, EditorView.lineWrapping];
    return [sendKey, sql({ dialect: StandardSQL, schema: schema ?? {}, upperCaseKeywords: false }), a11y, EditorView.lineWrapping];
  }, [language, label, describedBy, schema]);
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      minHeight={minHeight}
      maxHeight="22rem"
      basicSetup={{ lineNumbers: language === 'json', foldGutter: language === 'json', highlightActiveLine: false }}
      className="code-editor"
    />
  );
}
