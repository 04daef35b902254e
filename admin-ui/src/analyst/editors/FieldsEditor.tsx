import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../../i18n';
import { fieldsTexts } from '../../i18n/editors/fields';
import type { EditorProblem } from '../model';
import './editors.css';
import { FieldPanel } from './FieldPanel';
import { fieldAt, formTree, isSchema, requirementOf, type FieldNode, type Schema } from './fieldsModel';
import { labelOf, within } from './fieldsUi';
import { setIn } from './pointer';
import type { EditorContext } from './types';

registerArea('fields', fieldsTexts);

/**
 * The form of the draft as fields: a tree in page order (groups hold their fields) and a panel for the field picked —
 * label and help in kk / ru / en, type, requirement, options, format, limits, who supplies it — plus adding, removing
 * and moving fields. Every edit is a new form given to `onChange`; the preview beside it is the applicant's own form.
 * A field the panel cannot express is shown read only with the way to the JSON section.
 */
export function FieldsEditor(ctx: EditorContext) {
  const { t } = useTranslation('fields');
  const written = ctx.version.form as unknown;
  // A form taken from a shared file is shown from the compiled version, read only: editing it here would copy it.
  const included = !isSchema(written) || '$include' in written;
  const form = (included ? ctx.compiled?.version.form : written) as Schema | undefined;
  const readOnly = ctx.readOnly || included;
  const tree = useMemo(() => formTree(form ?? { type: 'object', properties: {} }), [form]);
  const [selected, setSelected] = useState<string[]>([]);
  // After an add or a removal the panel shows another field, and the control that was used is gone: the focus goes
  // to the new panel's heading instead of the page's top.
  const [focusPanel, setFocusPanel] = useState(false);
  // A removed field's place falls back to its group.
  let path = selected;
  while (path.length && !fieldAt(tree, path)) path = path.slice(0, -1);
  const node = fieldAt(tree, path) ?? tree;
  const change = (next: Schema) => ctx.onChange(setIn(ctx.version, '/form', next));
  const jsonHref = `#/workbench/${encodeURIComponent(ctx.serviceId)}/editor/json`;
  return (
    <div className="qz-fields" data-testid="fields-editor">
      {included && (
        <p className="qz-fields-hint" role="note">
          {t('includedForm')} <a href={jsonHref}>{t('openJson')}</a>
        </p>
      )}
      <nav className="qz-fields-tree" aria-label={t('treeLabel')}>
        <ul className="qz-fields-root">
          <FieldTree
            node={tree}
            selected={node.pointer}
            onSelect={setSelected}
            lang={ctx.lang}
            problems={ctx.problems}
          />
        </ul>
      </nav>
      <section className="qz-fields-panel" aria-label={node.path.length ? labelOf(node, ctx.lang) : t('wholeForm')}>
        <FieldPanel
          key={node.pointer}
          ctx={ctx}
          form={form ?? { type: 'object' }}
          node={node}
          readOnly={readOnly}
          jsonHref={jsonHref}
          onForm={change}
          onSelect={(next) => {
            setSelected(next);
            setFocusPanel(true);
          }}
          focusHeading={focusPanel}
          onFocused={() => setFocusPanel(false)}
        />
      </section>
    </div>
  );
}

function FieldTree({
  node,
  selected,
  onSelect,
  lang,
  problems,
  parent,
}: {
  node: FieldNode;
  selected: string;
  onSelect: (path: string[]) => void;
  lang: UiLang;
  problems: readonly EditorProblem[];
  parent?: Schema;
}) {
  const { t } = useTranslation('fields');
  const req = parent ? requirementOf(parent, node.key) : null;
  const count = problems.filter((p) => within(p, node.pointer)).length;
  const source = node.schema['x-source'];
  const label = node.path.length ? labelOf(node, lang) || t('noLabel') : t('wholeForm');
  return (
    <li>
      <button
        type="button"
        className={`qz-fields-item${selected === node.pointer ? ' active' : ''}`}
        aria-current={selected === node.pointer || undefined}
        aria-invalid={count > 0 || undefined}
        data-field={node.path.join('.')}
        onClick={() => onSelect(node.path)}
      >
        <span className="qz-fields-name">{label}</span>
        {req?.mode === 'always' && (
          <span className="qz-fields-mark" title={t('markRequired')} aria-label={t('markRequired')}>
            *
          </span>
        )}
        {(req?.mode === 'when' || req?.mode === 'complex') && (
          <span className="qz-fields-mark" title={t('markConditional')} aria-label={t('markConditional')}>
            *?
          </span>
        )}
        {node.path.length > 0 && <code className="qz-muted">{node.key}</code>}
        {(source === 'gateway' || source === 'officer') && <span className="qz-fields-badge">{t('markNotAsked')}</span>}
        {node.unsupported.length > 0 && node.path.length > 0 && (
          <span className="qz-fields-badge" title={t('markReadOnly')} aria-label={t('markReadOnly')}>
            JSON
          </span>
        )}
        {count > 0 && <span className="qz-fields-badge qz-fields-badge-error">{t('problemsCount', { count })}</span>}
      </button>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <FieldTree
              key={c.key}
              node={c}
              selected={selected}
              onSelect={onSelect}
              lang={lang}
              problems={problems}
              parent={node.schema}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
