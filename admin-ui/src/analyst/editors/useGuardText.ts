import type { ConditionRef, VersionDef } from '@qyzmet/engine';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea } from '../../i18n';
import { stepsEditor } from '../../i18n/editors/steps';
import { guardWords } from './machineModel';

registerArea('stepsEditor', stepsEditor);

/**
 * A transition's guard in the analyst's words: the condition's description where the definition gives one, the
 * built-in decisions in their own positive or negative wording ("no ground for refusal holds"), never a bare key.
 * Shared by the steps editor and the diagram's arrows.
 */
export function useGuardText(version: VersionDef, lang: 'kk' | 'ru' | 'en'): (guard: ConditionRef) => string {
  const { t } = useTranslation('stepsEditor', { lng: lang });
  return useCallback(
    (guard: ConditionRef) => {
      const w = guardWords(guard, version.conditions, lang);
      if (w.kind === 'builtin') return t(`guard${w.negate ? 'No' : ''}${w.name[0].toUpperCase()}${w.name.slice(1)}`);
      const named = w.kind === 'named' && w.description ? w.description : t('guardNamed', { name: w.name });
      return w.negate ? t('guardNot', { text: named }) : named;
    },
    [t, version.conditions, lang],
  );
}
