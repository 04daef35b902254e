import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { shell } from './shell';

/**
 * The UI in Kazakh, Russian and English. Each area keeps its texts in its own file (shell, officer, applicant,
 * analyst) as { kk, ru, en } resource objects under its namespace; the language switch changes all at once.
 */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type UiLang = (typeof LANGUAGES)[number];

const areas = { shell } as Record<string, Record<UiLang, Record<string, string>>>;

export function registerArea(name: string, texts: Record<UiLang, Record<string, string>>): void {
  areas[name] = texts;
  for (const lang of LANGUAGES) i18n.addResourceBundle(lang, name, texts[lang], true, true);
}

void i18n.use(initReactI18next).init({
  lng: localStorage.getItem('qyzmet.lang') ?? 'kk',
  fallbackLng: 'ru',
  ns: Object.keys(areas),
  defaultNS: 'shell',
  resources: Object.fromEntries(
    LANGUAGES.map((l) => [l, Object.fromEntries(Object.entries(areas).map(([ns, t]) => [ns, t[l]]))]),
  ),
  interpolation: { escapeValue: false },
});

export default i18n;
