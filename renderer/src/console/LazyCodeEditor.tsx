import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './CodeEditor';

const Editor = lazy(() => import('./CodeEditor'));

/** The code editor, fetched when first shown; a plain text area stands in while it loads. */
export function LazyCodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <textarea
          className="code-fallback"
          aria-label={props.label}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          rows={6}
        />
      }
    >
      <Editor {...props} />
    </Suspense>
  );
}
