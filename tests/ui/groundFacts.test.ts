import type { ApplicationState, VersionDef } from '@qyzmet/engine';
import {
  conditionWhen,
  factPlaceholders,
  findingWhen,
  groundIdProblem,
  includedGroundId,
  readGroundFacts,
  renderFactPreview,
} from '../../admin-ui/src/analyst/editors/groundFacts';

describe('groundFacts: a ground’s `when` as the grounds form edits it', () => {
  test.each([
    [
      'an officer’s finding',
      { fact: 'findings', path: '/objectUnderArrest', operator: 'isTrue', value: true },
      { kind: 'finding', finding: 'objectUnderArrest' },
    ],
    [
      'a named condition',
      { condition: 'isHousingObject' },
      { kind: 'condition', condition: 'isHousingObject', negate: false },
    ],
    [
      'a negated one',
      { condition: 'isHousingObject', negate: true },
      { kind: 'condition', condition: 'isHousingObject', negate: true },
    ],
    ['none yet', undefined, { kind: 'none' }],
    // Anything the two fields cannot say is left to the JSON section, never rewritten by the form.
    [
      'a finding read as false',
      { fact: 'findings', path: '/x', operator: 'isFalse', value: true },
      { kind: 'complex' },
    ],
    ['a nested finding path', { fact: 'findings', path: '/a/b', operator: 'isTrue', value: true }, { kind: 'complex' }],
    [
      'a data test',
      { fact: 'data', path: '/payment/viaGateway', operator: 'equal', value: false },
      { kind: 'complex' },
    ],
    ['a group', { any: [{ condition: 'a' }, { condition: 'b' }] }, { kind: 'complex' }],
    ['a reference with more keys', { condition: 'a', extra: 1 }, { kind: 'complex' }],
    ['not an object', 'isHousingObject', { kind: 'complex' }],
  ])('%s', (_name, when, expected) => {
    expect(readGroundFacts(when)).toEqual(expected);
  });

  test('written back in the format’s one spelling, and read again the same', () => {
    expect(findingWhen('objectUnderArrest')).toEqual({
      fact: 'findings',
      path: '/objectUnderArrest',
      operator: 'isTrue',
      value: true,
    });
    expect(conditionWhen('isHousingObject')).toEqual({ condition: 'isHousingObject' });
    expect(conditionWhen('isHousingObject', true)).toEqual({ condition: 'isHousingObject', negate: true });
    expect(readGroundFacts(findingWhen('objectUnderArrest'))).toEqual({
      kind: 'finding',
      finding: 'objectUnderArrest',
    });
    // An empty name leaves `when` out: the engine then names the missing rule instead of a rule that never fires.
    expect(findingWhen('')).toBeUndefined();
    expect(conditionWhen('')).toBeUndefined();
  });

  test.each([
    ['object-under-arrest', [], undefined],
    ['', [], 'empty'],
    ['Object-Under-Arrest', [], 'format'],
    ['object--arrest', [], 'format'],
    ['объект', [], 'format'],
    ['object-under-arrest', ['object-under-arrest'], 'taken'],
  ] as const)('the ground id %j among %j: %s', (id, others, expected) => {
    expect(groundIdProblem(id, others)).toBe(expected);
  });

  test('a shared ground is named by the pointer of its include', () => {
    expect(
      includedGroundId('../../../shared/grounds/law-state-services-art-19-1.json#/grounds/unreliable-documents'),
    ).toBe('unreliable-documents');
    expect(includedGroundId('grounds.json')).toBeUndefined();
    expect(includedGroundId(undefined)).toBeUndefined();
  });
});

describe('groundFacts: the placeholders of a fact sentence and its preview', () => {
  const labels = (kk: string, ru: string, en: string) => ({ kk, ru, en });
  const version = {
    form: {
      type: 'object',
      properties: {
        object: {
          type: 'object',
          'x-label': labels('Объект', 'Объект', 'Object'),
          properties: {
            cadastralNumber: { type: 'string', 'x-label': labels('Кадастрлық нөмір', 'Кадастровый номер', 'Number') },
            kind: {
              enum: ['apartment', 'other'],
              'x-label': labels('Түрі', 'Вид', 'Kind'),
              'x-enumLabels': {
                apartment: labels('Пәтер', 'Квартира', 'Apartment'),
                other: labels('Басқа', 'Иное', 'Other'),
              },
            },
          },
        },
        consent: { type: 'boolean', 'x-label': labels('Келісім', 'Согласие', 'Consent') },
      },
    },
    machine: {
      initial: 'a',
      states: {},
      events: {
        FETCHED: {
          label: labels('Алынды', 'Получено', 'Fetched'),
          roles: ['gateway'],
          records: 'external',
          data: {
            type: 'object',
            properties: {
              courtDecision: {
                type: 'object',
                'x-label': labels('Сот шешімі', 'Решение суда', 'Court decision'),
                properties: { date: { type: 'string', format: 'date', 'x-label': labels('Күні', 'Дата', 'Date') } },
              },
            },
          },
        },
        EXAMINED: {
          label: labels('Қаралды', 'Рассмотрено', 'Examined'),
          roles: ['executor'],
          records: 'findings',
          data: {
            type: 'object',
            properties: {
              reasoning: { type: 'object', properties: { kk: { type: 'string' }, ru: { type: 'string' } } },
              expired: {
                type: 'array',
                'x-label': labels('Мерзімі өткен', 'Просроченные', 'Expired'),
                items: {
                  type: 'object',
                  properties: {
                    document: {
                      enum: ['id-card', 'receipt'],
                      'x-enumLabels': {
                        'id-card': labels('Жеке куәлік', 'Удостоверение личности', 'ID card'),
                        receipt: labels('Түбіртек', 'Квитанция', 'Receipt'),
                      },
                    },
                    validUntil: { type: 'string', format: 'date' },
                  },
                },
              },
              discrepancy: {
                type: 'object',
                'x-label': labels('Сәйкессіздік', 'Несоответствие', 'Discrepancy'),
                properties: { kk: { type: 'string' }, ru: { type: 'string' } },
              },
              requirementsNotMet: { type: 'boolean' },
            },
          },
        },
      },
    },
  } as unknown as VersionDef;
  const app = {
    id: 'a1',
    number: 'GKN-CPD-2026-000042',
    serviceId: 's',
    version: 'v',
    channel: 'portal',
    arrivedAt: '2026-03-03T10:00:00+05:00',
    registeredAt: '2026-03-03T10:00:00+05:00',
    state: 'examined',
    status: 'in-progress',
    data: { object: { cadastralNumber: '20-321-001-123', kind: 'apartment' }, consent: true },
    findings: {
      expired: [
        { document: 'id-card', validUntil: '2026-02-01' },
        { document: 'receipt', validUntil: '2026-01-15' },
      ],
      discrepancy: { kk: 'ауданы сәйкес емес', ru: 'площадь не совпадает' },
    },
    external: {},
    decisions: {},
    deadlines: [],
    timers: [],
    documents: [],
    refusal: null,
    grounds: [],
    history: [],
    updatedAt: '2026-03-04T11:00:00+05:00',
  } as unknown as ApplicationState;

  test('fields by their labels, what the events record or fetch, the application; no yes/no value, no reasoning', () => {
    const list = factPlaceholders(version, 'en', 'ru');
    expect(list.map((p) => [p.group, p.path, p.label])).toEqual([
      ['form', 'data.object.cadastralNumber', 'Object › Number'],
      ['form', 'data.object.kind', 'Object › Kind'],
      ['external', 'external.courtDecision.date', 'Court decision › Date'],
      ['findings', 'findings.expired', 'Expired'],
      ['findings', 'findings.discrepancy', 'Discrepancy'],
      ['application', 'application.number', 'phNumber'],
      ['application', 'application.registeredAt', 'phRegisteredAt'],
    ]);
    expect(list.find((p) => p.path === 'findings.expired')?.event).toBe('Examined');
  });

  test.each([
    [
      'ru',
      'Квартира 20-321-001-123: Удостоверение личности (1 февраля 2026 г.), Квитанция (15 января 2026 г.); площадь не совпадает',
    ],
    ['kk', 'Пәтер 20-321-001-123: Жеке куәлік'],
  ] as const)('each placeholder inserted prints words in %s, never a key', (lang, expected) => {
    const insert = (path: string) => factPlaceholders(version, 'en', lang).find((p) => p.path === path)!.insert;
    const sentence = `${insert('data.object.kind')} ${insert('data.object.cadastralNumber')}: ${insert('findings.expired')}; ${insert('findings.discrepancy')}`;
    const preview = renderFactPreview(sentence, lang, 'g', app);
    expect('text' in preview && preview.text).toContain(expected);
    expect(JSON.stringify(preview)).not.toMatch(/id-card|apartment|receipt"/);
  });

  test('a sentence that does not compile says why instead of a preview', () => {
    const preview = renderFactPreview('Срок истёк {{date findings.validUntil', 'ru', 'g', app);
    expect('error' in preview && preview.error).toBeTruthy();
    expect(renderFactPreview('{{nosuchhelper data.x}}', 'ru', 'g', app)).toHaveProperty('error');
  });
});
