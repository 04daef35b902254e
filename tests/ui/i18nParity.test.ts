import { analyst } from '../../admin-ui/src/i18n/analyst';
import { applicant } from '../../admin-ui/src/i18n/applicant';
import { forms } from '../../admin-ui/src/i18n/forms';
import { officer } from '../../admin-ui/src/i18n/officer';
import { shell } from '../../admin-ui/src/i18n/shell';

/**
 * Every text of the interface exists in Kazakh, Russian and English (issue 14: the workbench in the analyst's
 * language): a key added in one language and forgotten in another would show the key itself to the user.
 */
const areas: Record<string, Record<'kk' | 'ru' | 'en', Record<string, unknown>>> = {
  analyst,
  applicant,
  forms,
  officer,
  shell,
};

describe.each(Object.entries(areas))('the %s texts', (_area, texts) => {
  test.each(['ru', 'en'] as const)('have the same keys in kk and %s, none empty', (lang) => {
    expect(Object.keys(texts[lang]).sort()).toEqual(Object.keys(texts.kk).sort());
    for (const l of ['kk', lang] as const)
      expect(Object.entries(texts[l]).filter(([, v]) => typeof v === 'string' && !v.trim())).toEqual([]);
  });
});
