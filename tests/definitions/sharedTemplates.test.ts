import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFUSAL_NOTICE_TEMPLATES } from '@qyzmet/engine';

// The motivated refusal notice exists twice on purpose: as data (definitions/shared/templates, what services
// include) and as the engine's built-in (its tests and the PDF tests render it without files). They must not drift.
test.each(['kk', 'ru'] as const)('the shared refusal notice (%s) is the engine built-in', (lang) => {
  const file = readFileSync(join(__dirname, '../../definitions/shared/templates', `refusal-notice.${lang}.hbs`), 'utf8');
  expect(file).toBe(REFUSAL_NOTICE_TEMPLATES[lang]);
});
