import { EMAIL, internalText, KZ_ADDRESS, URL } from './documentCases';

/** The shared internal-text check finds each kind of engine text, and lets only the allowances a seed names through. */

test('a document in the law’s words passes', () => {
  expect(internalText('Сведения об объекте зарегистрированы в Системе 1 июня 2015 г. (№ 12).')).toEqual([]);
  expect(internalText('Невозможно получить данные: нет ответа государственной базы данных.')).toEqual([]);
});

test.each([
  ['a JSON path', 'Основание: /applicant/kind'],
  ['a JSON path', 'Основание: findings/documentsExpired'],
  ['a JSON path', 'Основание: findings.documentsExpired'],
  ['a raw yes/no value', 'Пакет полный: нет.'],
  ['a raw yes/no value', 'Төлем: иә'],
  ['a raw yes/no value', 'Пакет полный: нет Основание: пункт 9'],
  ['a raw yes/no value', 'Оплачено: True'],
  ['a raw yes/no value', 'Толық: Жоқ.'],
  ['a translator’s mark', 'Правила (рабочий перевод)'],
  ['a translator’s mark', 'нумерация акта сохранена'],
  ['a UUID', 'Заявление 3f2b8c1e-1d2a-4b3c-9d8e-7f6a5b4c3d2e'],
  ['a raw value', 'Срок: undefined'],
  ['a raw value', 'Сведения: [object Object]'],
  ['a version id', 'Версия 2024-order-144'],
  ['an empty number', 'Договор № , от 1 июня'],
  ['an empty number', 'Договор (№ )'],
  ['a doubled full stop or quotation mark', 'от 1 июня 2015 г..'],
  ['a doubled full stop or quotation mark', 'ТОО ««Арман»»'],
  ['a doubled full stop or quotation mark', 'требованиям ... соответствия'],
  ['a note on the definition', 'как указано в этом определении'],
  ['Latin words', 'Основание: incomplete package'],
])('finds %s in «%s»', (what, text) => {
  expect(internalText(text).some((f) => f.startsWith(what))).toBe(true);
});

test('the service’s own version ids are found', () => {
  expect(internalText('Версия v3-amended', { versionIds: ['v3-amended'] })[0]).toMatch(/^a version id/);
});

test('only the allowances given are set aside', () => {
  const text = 'Выписка направлена на office@nurinvest.example.kz, см. www.egov.kz и https://verify.example/a';
  expect(internalText(text).join()).toMatch(/Latin words: office, nurinvest, example, kz, www, egov/);
  // A URL's path is a path unless URLs are allowed.
  const found = internalText(text, { allow: [EMAIL, KZ_ADDRESS] });
  expect(found.map((f) => f.split(':')[0])).toEqual(['a JSON path', 'Latin words']);
  expect(found[1]).toBe('Latin words: https, verify, example');
  expect(internalText('см. www.egov.kz/findings/x', { allow: [KZ_ADDRESS] }).join()).toMatch(/^a JSON path/);
  expect(internalText(text, { allow: [EMAIL, KZ_ADDRESS, URL] })).toEqual([]);
  expect(internalText('ТОО «Nur Invest» подало', { ownWords: ['Nur Invest'] })).toEqual([]);
  expect(internalText('требованиям ... соответствия', { allowEllipsis: true })).toEqual([]);
  expect(internalText('от 1 июня 2015 г..', { allowEllipsis: true })).not.toEqual([]);
  expect(internalText('от 1 июня 2015 г...', { allowEllipsis: true })).not.toEqual([]);
});
