import fc from 'fast-check';
import { htmlToBlocks, type Block, type TextRun } from './htmlToBlocks';
import cases from './htmlToBlocks.cases.json';

interface BlocksCase {
  description: string;
  html: string;
  /** The exact blocks. */
  blocks?: Block[];
  /** The plain text of each block, when only the text matters. */
  texts?: string[];
}

const runsText = (runs: TextRun[]): string => runs.map((r) => r.text).join('');
const blockText = (b: Block): string =>
  b.type === 'table' ? b.rows.map((r) => r.cells.map((c) => runsText(c.runs)).join('|')).join('/') : runsText(b.runs);

describe('htmlToBlocks.cases.json', () => {
  it.each((cases as BlocksCase[]).map((c) => [c.description, c] as const))('%s', (_description, c) => {
    const blocks = htmlToBlocks(c.html);
    if (c.blocks) expect(blocks).toEqual(c.blocks);
    if (c.texts) expect(blocks.map(blockText)).toEqual(c.texts);
    expect(c.blocks ?? c.texts).toBeDefined();
  });
});

describe('htmlToBlocks on hostile or broken input', () => {
  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '<',
            '>',
            '/',
            '&',
            ';',
            '#',
            '"',
            "'",
            '=',
            ' ',
            'p',
            'b',
            'li',
            'ol',
            'td',
            'tr',
            'table',
            'br',
            'x',
            'ә',
            '!--',
            'amp',
            'style',
          ),
        }),
        (html) => {
          expect(() => htmlToBlocks(html)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the text of a string without markup, whitespace collapsed', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[<&]/.test(s)),
        (s) => {
          const expected = s.replace(/[ \t\n\r\f]+/g, ' ').trim();
          expect(htmlToBlocks(s).map(blockText).join('')).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives 20 000 nested unclosed elements and keeps their text', () => {
    const html = '<div><ul><li><strong>'.repeat(5000) + 'түбі';
    const blocks = htmlToBlocks(html);
    expect(blocks.map(blockText).join('')).toBe('түбі');
  });

  it('reads a non-string as its text instead of throwing', () => {
    expect(htmlToBlocks(undefined as unknown as string)).toEqual([]);
  });
});
