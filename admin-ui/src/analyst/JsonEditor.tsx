import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonEditorProps } from './MonacoJsonEditor';

export type { JsonEditorProps };

// Monaco is most of the workbench's weight: it loads when an editor is first shown (the JSON section, a scenario's
// text), not with the workbench's first tab.
const MonacoJsonEditor = lazy(() => import('./MonacoJsonEditor'));

/** The JSON editor (Monaco); the space it will take says it is loading meanwhile. */
export function JsonEditor(props: JsonEditorProps) {
  const { t } = useTranslation();
  const height = props.height ?? '60vh';
  return (
    <Suspense
      fallback={
        <div className="qz-editor" style={{ height }} role="status">
          {t('loading')}
        </div>
      }
    >
      <MonacoJsonEditor {...props} height={height} />
    </Suspense>
  );
}
