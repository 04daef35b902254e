/** Texts of the application form (the applicant's page and the analyst's preview of it). */
export const forms = {
  kk: {
    fixErrors: 'Өтініште қателер бар: белгіленген өрістерді түзетіңіз.',
    otherErrors: 'Басқа қателер:',
  },
  ru: {
    fixErrors: 'В заявке есть ошибки: исправьте отмеченные поля.',
    otherErrors: 'Другие ошибки:',
  },
  en: {
    fixErrors: 'The application has errors: correct the marked fields.',
    otherErrors: 'Other errors:',
  },
};
