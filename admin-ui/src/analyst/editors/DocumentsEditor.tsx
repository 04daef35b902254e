import { serviceSchema, type DocumentDef } from '@qyzmet/engine';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea } from '../../i18n';
import { documentsEditor } from '../../i18n/editors/documents';
import { DocumentsPreview } from '../Previews';
import { LangTexts, type Texts } from './LangTexts';
import { CardToggle } from './CardToggle';
import { LegalRefField } from './LegalRefPicker';
import { pointerOf, problemsAt, setIn } from './pointer';
import { invalidProps, ProblemList } from './ProblemList';
import {
  applicationPlaceholders,
  formPlaceholders,
  inlineWordingAllowed,
  insertAt,
  templateFileOf,
  withTemplateText,
  wordingSource,
  type Placeholder,
} from './templateModel';
import type { EditorContext } from './types';
import './editors.css';

registerArea('documentsEditor', documentsEditor);

/** Whether this engine's format lets a draft carry a document's wording itself (else the wording is only tried). */
const INLINE_WORDING = inlineWordingAllowed(serviceSchema);

type DocLang = 'kk' | 'ru';
const KINDS: ReadonlyArray<DocumentDef['kind']> = ['result', 'refusal', 'return', 'notice', 'receipt'];
const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const textIn = (t: { kk?: string; ru?: string; en?: string } | undefined, lang: EditorContext['lang']) =>
  t ? (lang === 'en' ? (t.en ?? t.ru) : t[lang]) || '' : '';

/**
 * The documents of the draft as a form: each one's name, kind and legal basis, and its wording per state language
 * with a picker of the data and facts a document may print and the document as the engine issues it with a
 * scenario's data. Where the format lets a version carry the wording itself (`{ text }`), an edit is saved as the
 * draft's own wording; where it only names template files, a wording is tried here, rendered and not saved, and the
 * note says so.
 */
export function DocumentsEditor(ctx: EditorContext) {
  const { t } = useTranslation('documentsEditor');
  const { version, compiled, readOnly, problems, lang, onChange } = ctx;
  const writable = Array.isArray(version.documents);
  // Documents brought in by `$include` are shown as compiled, read only.
  const docs = (writable ? version.documents : compiled?.version.documents) ?? [];
  const locked = readOnly || !writable;
  // One document open at a time (the first at start): each open one renders with a scenario.
  const [open, setOpen] = useState<string | null | undefined>(undefined);
  const shown = open === undefined ? docs[0]?.id : open;
  if (!docs.length) return <p className="qz-muted">{t('noDocuments')}</p>;
  return (
    <div className="qz-documents" data-testid="documents-editor">
      {!writable && <p className="qz-muted">{t('includedReadOnly')}</p>}
      {docs.map((doc, j) => {
        if (!isObject(doc)) return null;
        const at = pointerOf('documents', j);
        const set = (pointer: string, value: unknown) => onChange(setIn(version, pointer, value));
        return (
          <section key={doc.id ?? j} className="card qz-doc-card" data-document={doc.id}>
            <CardToggle
              headClassName="qz-step-head"
              className="qz-step-toggle"
              open={shown === doc.id}
              onToggle={() => setOpen(shown === doc.id ? null : doc.id)}
              testId={`document-toggle-${doc.id}`}
            >
              <span aria-hidden="true">{shown === doc.id ? '▾' : '▸'}</span> {textIn(doc.label, lang) || doc.id}{' '}
              <code className="qz-muted">{doc.id}</code>
            </CardToggle>
            {shown === doc.id && (
              <>
                <LangTexts
                  label={t('label')}
                  name={`document.${doc.id}.label`}
                  value={doc.label as Texts | undefined}
                  readOnly={locked}
                  problems={problemsAt(problems, `${at}/label`)}
                  onChange={(v) => set(`${at}/label`, v)}
                />
                <KindSelect
                  value={doc.kind}
                  readOnly={locked}
                  problems={problemsAt(problems, `${at}/kind`)}
                  onChange={(v) => set(`${at}/kind`, v)}
                />
                <LegalRefField
                  label={t('legalRef')}
                  ctx={ctx}
                  pointer={`${at}/legalRef`}
                  value={doc.legalRef}
                  readOnly={locked}
                />
                {doc.annexMissing && (
                  <p className="qz-muted qz-small">
                    {t('annexMissing')}: {doc.annexMissing}
                  </p>
                )}
                <TemplateEditor
                  ctx={ctx}
                  doc={doc}
                  at={`${at}/templates`}
                  saves={!locked && INLINE_WORDING}
                  onSource={(l, v) => set(`${at}/templates/${l}`, v)}
                />
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}

function KindSelect({
  value,
  readOnly,
  problems,
  onChange,
}: {
  value: string;
  readOnly: boolean;
  problems: EditorContext['problems'];
  onChange: (kind: string) => void;
}) {
  const { t } = useTranslation('documentsEditor');
  const id = useId();
  return (
    <label>
      {t('kind')}
      <select
        value={value}
        disabled={readOnly}
        {...invalidProps(id, problems)}
        onChange={(e) => onChange(e.target.value)}
      >
        {!KINDS.includes(value as DocumentDef['kind']) && <option value={value}>{value}</option>}
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </select>
      <ProblemList id={id} problems={problems} />
    </label>
  );
}

/**
 * One document's wording in the language chosen: the text its file holds, a trial of another wording (checked and
 * rendered by the engine, not saved), placeholders inserted at the cursor.
 */
function TemplateEditor({
  ctx,
  doc,
  at,
  saves,
  onSource,
}: {
  ctx: EditorContext;
  doc: DocumentDef;
  /** The pointer of the document's `templates`. */
  at: string;
  /** The wording is saved into the draft (the format allows it and the draft is editable), not only tried. */
  saves: boolean;
  onSource: (lang: DocLang, source: unknown) => void;
}) {
  const { t } = useTranslation('documentsEditor');
  const id = useId();
  const [docLang, setDocLang] = useState<DocLang>(ctx.lang === 'ru' ? 'ru' : 'kk');
  const [trial, setTrial] = useState<Partial<Record<DocLang, string>>>({});
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  /**
   * The file each language last named in this draft, with its text: the draft's own wording can go back to it, and
   * the text shows at once (the compile that resolves the path comes later).
   */
  const lastFile = useRef<Partial<Record<DocLang, { path: string; text?: string }>>>({});
  const compiledVersion = ctx.compiled?.compiled;
  const source = wordingSource((doc.templates as Record<string, unknown> | undefined)?.[docLang]);
  const file = source && 'file' in source ? templateFileOf(compiledVersion, doc.id, docLang) : undefined;
  const fromFile = file ? ctx.env.readText(file) : undefined;
  if (source && 'file' in source) {
    const seen = lastFile.current[docLang];
    lastFile.current[docLang] = {
      path: source.file,
      text: fromFile ?? (seen?.path === source.file ? seen.text : undefined),
    };
  }
  const remembered = lastFile.current[docLang];
  const original =
    source && 'text' in source
      ? source.text
      : (fromFile ?? (source && remembered?.path === source.file ? remembered.text : undefined));
  const text = saves ? (original ?? '') : (trial[docLang] ?? original ?? '');
  /** The wording shown is not the file's: the draft's own (saved) or a trial (not saved). */
  const own = saves ? !!source && 'text' in source : trial[docLang] !== undefined && trial[docLang] !== original;
  const write = (next: string) =>
    saves ? onSource(docLang, { text: next }) : setTrial((m) => ({ ...m, [docLang]: next }));
  const back = remembered?.path;
  const reset = () => (saves ? back && onSource(docLang, back) : setTrial((m) => ({ ...m, [docLang]: undefined })));
  // The engine checks the wording at once (the draft's own compile comes later and names no field for it).
  const rendered = useMemo(
    () => (compiledVersion && own ? withTemplateText(compiledVersion, doc.id, docLang, text) : null),
    [compiledVersion, own, doc.id, docLang, text],
  );
  // After an insertion the cursor goes after the placeholder, in the textarea, for the next keystroke.
  useEffect(() => {
    if (caret.current === null || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  const insert = (p: Placeholder) => {
    const el = area.current;
    const r = insertAt(text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, p.insert);
    caret.current = r.caret;
    write(r.text);
  };
  const fileProblems = problemsAt(ctx.problems, `${at}/${docLang}`);
  const error = rendered?.error;
  const described = [`${id}-note`, error || fileProblems.length ? `${id}-err` : ''].filter(Boolean).join(' ');
  const runs = ctx.runs.filter((r) => r.outcome?.result?.documents.some((d) => d.id === doc.id));
  const service = ctx.compiled?.service;
  // Until the draft has compiled once, the file a template comes from is not known yet.
  if (!compiledVersion) return <p className="qz-muted qz-small">{t('notCompiled')}</p>;
  return (
    <div className="qz-doc-template">
      <h4>{t('template')}</h4>
      <div className="qz-row">
        <label>
          {t('templateIn')}
          <select value={docLang} onChange={(e) => setDocLang(e.target.value as DocLang)}>
            <option value="kk">{t('editors:langKk')}</option>
            <option value="ru">{t('editors:langRu')}</option>
          </select>
        </label>
        {file && fromFile !== undefined && (
          <span className="qz-muted qz-small qz-grow">{t('templateFile', { file })}</span>
        )}
      </div>
      <p id={`${id}-note`} className="qz-note qz-small">
        {saves ? t('inlineSaved') : t('inlineNotSupported')}
      </p>
      {original === undefined && <p className="error qz-small">{t('templateMissing')}</p>}
      <PlaceholderPicker ctx={ctx} onInsert={insert} />
      <label>
        <span>
          {t('templateText', { lang: docLang.toUpperCase() })}
          {own && <span className="qz-badge qz-doc-trial">{saves ? t('ownWording') : t('trial')}</span>}
        </span>
        <textarea
          ref={area}
          className="qz-doc-text"
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(e) => write(e.target.value)}
          aria-describedby={described}
          aria-invalid={!!error || fileProblems.length > 0 || undefined}
          data-testid={`template-${doc.id}`}
        />
      </label>
      <div id={`${id}-err`}>
        {error && (
          <p className="error qz-small" role="alert">
            {t('templateError', { line: error.line ?? 1, column: error.column ?? 1, message: error.message })}
          </p>
        )}
        <ProblemList id={`${id}-fp`} problems={fileProblems} />
      </div>
      {own && (!saves || back) && (
        <button type="button" className="secondary" onClick={reset}>
          {t('reset')}
        </button>
      )}
      {service && (
        <div className="qz-doc-rendering" data-testid={`rendering-${doc.id}`}>
          <h4>{t('rendering')}</h4>
          {!runs.length && <p className="qz-muted qz-small">{t('noRunIssues')}</p>}
          {/* The preview's own path: the engine's simulation of the scenario, documents rendered by the engine. */}
          <DocumentsPreview
            key={docLang}
            service={service}
            compiled={rendered?.version ?? compiledVersion}
            runs={runs.length ? runs : ctx.runs}
            initialLang={docLang}
            initialDocument={doc.id}
          />
        </div>
      )}
    </div>
  );
}

/** The data and facts a document may print, by their names; the chosen one goes in at the cursor. */
function PlaceholderPicker({ ctx, onInsert }: { ctx: EditorContext; onInsert: (p: Placeholder) => void }) {
  const { t } = useTranslation('documentsEditor');
  const form = ctx.compiled?.version.form ?? ctx.version.form;
  const options = useMemo(
    () => [
      ...formPlaceholders(form, ctx.lang),
      ...applicationPlaceholders(ctx.compiled?.version ?? ctx.version, ctx.lang),
    ],
    [form, ctx.lang, ctx.compiled?.version, ctx.version],
  );
  const [chosen, setChosen] = useState(options[0]?.path ?? '');
  const pick = options.find((p) => p.path === chosen) ?? options[0];
  const name = (p: Placeholder) => p.label ?? t(p.labelKey ?? '', p.params);
  const group = (g: Placeholder['group']) =>
    options
      .filter((p) => p.group === g)
      .map((p) => (
        <option key={p.path} value={p.path}>
          {name(p)} — {p.insert.length > 40 ? `${p.insert.slice(0, 39)}…` : p.insert}
        </option>
      ));
  return (
    <div className="qz-row qz-doc-picker">
      <label className="qz-grow">
        {t('placeholder')}
        <select value={pick?.path ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="placeholder-select">
          <optgroup label={t('groupForm')}>{group('form')}</optgroup>
          <optgroup label={t('groupApplication')}>{group('application')}</optgroup>
        </select>
      </label>
      <button type="button" className="secondary" disabled={!pick} onClick={() => pick && onInsert(pick)}>
        {t('insert')}
      </button>
    </div>
  );
}
