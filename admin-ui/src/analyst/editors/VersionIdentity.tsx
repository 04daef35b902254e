import { useTranslation } from 'react-i18next';
import { registerArea } from '../../i18n';
import { versionIdentity } from '../../i18n/editors/version';
import { LangTexts, type Texts } from './LangTexts';
import { problemsAt } from './pointer';
import type { EditorContext } from './types';

registerArea('versionIdentity', versionIdentity);

const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * What the new version is called: its id (how versions are told apart in the timeline and the audit) and its name in
 * kk / ru / en ("Редакция с изменениями приказа № 999"), checked as typed.
 */
export function VersionIdentity({ version, compiled, readOnly, problems, onChange }: EditorContext) {
  const { t } = useTranslation('versionIdentity');
  // The other versions of the service (the draft is one of the compiled ones).
  const taken = (compiled?.service.versions ?? []).some((v) => v !== compiled?.compiled && v.id === version.id);
  const bad = !ID.test(version.id ?? '');
  const error = bad ? t('idBad') : taken ? t('idTaken', { id: version.id }) : null;
  return (
    <fieldset className="qz-version-identity" data-testid="version-identity">
      <legend>{t('legend')}</legend>
      <label>
        {t('id')}
        <input
          name="versionId"
          value={version.id ?? ''}
          readOnly={readOnly}
          aria-invalid={!!error || undefined}
          aria-describedby="version-id-error"
          placeholder={t('idHint')}
          onChange={(e) => onChange({ ...version, id: e.target.value.trim() })}
        />
      </label>
      {error && (
        <p id="version-id-error" className="error qz-small" role="alert">
          {error}
        </p>
      )}
      <LangTexts
        label={t('label')}
        name="versionLabel"
        value={version.label as Texts | undefined}
        readOnly={readOnly}
        problems={problemsAt(problems, '/label')}
        onChange={(label) => onChange({ ...version, label: label as typeof version.label })}
      />
    </fieldset>
  );
}
