/**
 * Application data the HTTP suites submit to cadastral-passport-duplicate, and the executor's refusal of it, written
 * once: an individual's apartment request signed with EDS and paid through the gateway, and the findings and
 * reasoning that the payment document is unreliable (the facts the ground's sentence names).
 */

// The apartment request is order999's (the amendment suites send the same one).
export { apartment } from '../definitions/order999';

export const unreliablePayment = {
  documentsUnreliable: true,
  unreliableDocument: 'payment-document',
  discrepancy: {
    kk: 'төлем құжатындағы № 004512 төлем шлюз мәліметтерінде жоқ',
    ru: 'платёж № 004512 из документа об оплате отсутствует в сведениях шлюза',
  },
};

export const unreliablePaymentReasoning = {
  kk: 'Төлем құжатындағы № 004512 төлем шлюз арқылы расталмады, сондықтан құжат дәйексіз деп танылды.',
  ru: 'Платёж № 004512 из документа об оплате не подтверждён сведениями шлюза; документ признан недостоверным.',
};
