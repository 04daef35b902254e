/** Texts of the application form (the applicant's page and the analyst's preview of it). */
export const forms = {
  kk: {
    problemTitle: 'Өтініште қателер бар',
    fixErrors: 'Төмендегі өрістерді түзетіп, өтінішті қайта жіберіңіз.',
  },
  ru: {
    problemTitle: 'В заявке есть ошибки',
    fixErrors: 'Исправьте поля ниже и отправьте заявку снова.',
  },
  en: {
    problemTitle: 'There is a problem',
    fixErrors: 'Correct the fields below and submit the application again.',
  },
};
