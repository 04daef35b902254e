/**
 * Named character references our documents can contain. Handlebars escapes data with `&amp; &lt; &gt; &quot; &#x27;
 * &#x60; &#x3D;`; templates written by analysts may add typographic ones. The full HTML table has 2,231 names: an
 * unknown name is left as written, as a browser does, rather than guessed.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ndash: '–',
  mdash: '—',
  minus: '−',
  hellip: '…',
  numero: '№',
  sect: '§',
  para: '¶',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  middot: '·',
  bull: '•',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwnj: '\u200c',
  zwj: '\u200d',
  euro: '€',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  le: '≤',
  ge: '≥',
  ne: '≠',
};

/** Code points a browser would not accept from a numeric reference (NUL, surrogates, beyond Unicode). */
function toCodePoint(n: number): string {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}

/**
 * Decodes HTML character references: the named ones above, decimal `&#39;` and hexadecimal `&#x3D;` references.
 * An unknown name or a malformed reference is kept as written.
 *
 * @example
 * decodeHtmlEntities('&quot;Азаматтарға арналған үкімет&quot; &amp; &#x3D; &#8470;') // '"Азаматтарға арналған
 *   үкімет" & = №'
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g,
    (whole, dec?: string, hex?: string, name?: string) => {
      if (dec !== undefined) return toCodePoint(Number.parseInt(dec, 10));
      if (hex !== undefined) return toCodePoint(Number.parseInt(hex, 16));
      return Object.prototype.hasOwnProperty.call(NAMED, name!) ? NAMED[name!] : whole;
    },
  );
}
