import { scenarioDocuments, scenariosOf } from './scenarioDocuments';

test('a scenario renders the documents it issues, as text', async () => {
  const file = [...scenariosOf('housing-queue-registration').keys()][0];
  const { result, documents } = await scenarioDocuments('housing-queue-registration', file, 'ru');
  expect(result.documents.length).toBeGreaterThan(0);
  expect(documents[0].text).not.toMatch(/<|>/);
  expect(documents[0].text.length).toBeGreaterThan(20);
});
