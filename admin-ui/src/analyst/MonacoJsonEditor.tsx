import Editor, { loader, type OnMount } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { scenarioSchema, serviceSchema } from '@qyzmet/engine';
import { useEffect, useRef } from 'react';
import type { EditorProblem } from './model';

/**
 * Monaco, bundled (no CDN), JSON only (vite.config.mts leaves out its other languages): JsonEditor.tsx loads this
 * module when an editor is first shown, so the workbench's other tabs, the inbox and the applicant's page never
 * download the editor. JSON gets its own worker (Vite `?worker`); the engine's meta-schema is registered so that
 * completion and hover docs follow the definition format, and the engine's own compile problems are set as markers
 * (owner "qyzmet") at the lines of the draft they concern.
 */

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};
loader.config({ monaco });

const SERVICE_URI = (serviceSchema as { $id: string }).$id;
monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [
    { uri: SERVICE_URI, schema: serviceSchema },
    {
      uri: 'inmemory://qyzmet/schemas/draft-version.json',
      fileMatch: ['*.version.json'],
      schema: { $ref: `${SERVICE_URI}#/$defs/version` },
    },
    { uri: (scenarioSchema as { $id: string }).$id, fileMatch: ['*.scenario.json'], schema: scenarioSchema },
  ],
});

declare global {
  interface Window {
    /** Test hooks: the draft's editor and the scenario editor (browser tests set their values, read the markers). */
    __qyzmetEditor?: monaco.editor.IStandaloneCodeEditor;
    __qyzmetScenarioEditor?: monaco.editor.IStandaloneCodeEditor;
    __qyzmetMonaco?: typeof monaco;
  }
}

export interface JsonEditorProps {
  /** Model path: "…version.json" gets the version schema, "…scenario.json" the scenario schema. */
  path: string;
  value: string;
  onChange(text: string): void;
  problems?: EditorProblem[];
  readOnly?: boolean;
  height?: string;
  /** Exposes this editor as window[testHook]. */
  testHook?: '__qyzmetEditor' | '__qyzmetScenarioEditor';
  reveal?: { line: number; nonce: number } | null;
}

export default function MonacoJsonEditor({
  path,
  value,
  onChange,
  problems = [],
  readOnly,
  height = '60vh',
  testHook,
  reveal,
}: JsonEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onMount: OnMount = (editor) => {
    editorRef.current = editor as unknown as monaco.editor.IStandaloneCodeEditor;
    if (testHook) {
      window[testHook] = editorRef.current;
      window.__qyzmetMonaco = monaco;
    }
    setMarkers();
  };
  const setMarkers = () => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'qyzmet',
      problems
        .filter((p) => p.inDraft)
        .map((p) => {
          const line = Math.min(Math.max(p.line, 1), model.getLineCount());
          return {
            severity: p.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
            message: p.pointer ? `${p.message}\n(${p.pointer})` : p.message,
            code: p.code,
            startLineNumber: line,
            startColumn: p.column,
            endLineNumber: line,
            endColumn: model.getLineMaxColumn(line),
          };
        }),
    );
  };
  useEffect(setMarkers, [problems]);
  useEffect(() => {
    if (reveal && editorRef.current) {
      editorRef.current.revealLineInCenter(reveal.line);
      editorRef.current.setPosition({ lineNumber: reveal.line, column: 1 });
      editorRef.current.focus();
    }
  }, [reveal]);
  useEffect(
    () => () => {
      if (testHook && window[testHook] === editorRef.current) window[testHook] = undefined;
    },
    [testHook],
  );
  return (
    <div className="qz-editor" style={{ height }}>
      <Editor
        path={path}
        language="json"
        value={value}
        onChange={(v) => onChange(v ?? '')}
        onMount={onMount}
        options={{
          readOnly,
          minimap: { enabled: false },
          fontSize: 13,
          automaticLayout: true,
          scrollBeyondLastLine: false,
          tabSize: 2,
          wordWrap: 'on',
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}
