/** Texts of the new version's identity in the workbench (namespace "versionIdentity"). */
export const versionIdentity = {
  kk: {
    legend: 'Жаңа редакция',
    id: 'Редакцияның белгісі (латын әріптері, сандар, дефис)',
    idHint: 'мысалы 2026-order-999: жыл, акт түрі, нөмірі',
    idBad: 'Белгі: латынның кіші әріптері, сандар және дефис, мысалы 2026-order-999.',
    idTaken: '«{{id}}» белгісі қызметтің басқа редакциясында бар.',
    label: 'Редакцияның атауы',
  },
  ru: {
    legend: 'Новая редакция',
    id: 'Обозначение редакции (латиница, цифры, дефис)',
    idHint: 'например 2026-order-999: год, вид акта, номер',
    idBad: 'Обозначение: строчные латинские буквы, цифры и дефис, например 2026-order-999.',
    idTaken: 'Обозначение «{{id}}» уже есть у другой редакции услуги.',
    label: 'Название редакции',
  },
  en: {
    legend: 'The new version',
    id: 'Version id (Latin letters, digits, hyphens)',
    idHint: 'e.g. 2026-order-999: year, kind of act, number',
    idBad: 'An id is lower-case Latin letters, digits and hyphens, e.g. 2026-order-999.',
    idTaken: 'Another version of the service has the id “{{id}}”.',
    label: 'Name of the version',
  },
};
