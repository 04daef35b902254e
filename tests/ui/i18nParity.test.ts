import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every text of the interface exists in Kazakh, Russian and English (issue 14: the workbench in the analyst's
 * language): a key added in one language and forgotten in another would show the key itself to the user. Every text
 * file under admin-ui/src/i18n is read (an editor's own file included), so a new area cannot be forgotten here.
 */
type Texts = Record<'kk' | 'ru' | 'en', Record<string, unknown>>;
const dir = join(__dirname, '../../admin-ui/src/i18n');
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.ts') && f !== 'index.ts',
);
const areas: Array<[string, Texts]> = files.flatMap((f) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the files are found at run time
  Object.entries(require(join(dir, f)) as Record<string, unknown>)
    .filter((e): e is [string, Texts] => typeof e[1] === 'object' && !!e[1] && 'kk' in e[1])
    .map(([name, texts]) => [`${relative(dir, join(dir, f))} ${name}`, texts] as [string, Texts]),
);

test('the text files are found', () => {
  expect(areas.map(([n]) => n)).toEqual(expect.arrayContaining(['analyst.ts analyst', 'shell.ts shell']));
});

describe.each(areas)('the %s texts', (_area, texts) => {
  test.each(['ru', 'en'] as const)('have the same keys in kk and %s, none empty', (lang) => {
    expect(Object.keys(texts[lang]).sort()).toEqual(Object.keys(texts.kk).sort());
    for (const l of ['kk', lang] as const)
      expect(Object.entries(texts[l]).filter(([, v]) => typeof v === 'string' && !v.trim())).toEqual([]);
  });
});
