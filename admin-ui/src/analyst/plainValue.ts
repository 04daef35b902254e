/**
 * A value of a definition in a few words for the review (no JSON): a text in the reader's language, an element by
 * its id and text, a list by its size. Long values are cut at `max` characters.
 */
export function plainValue(v: unknown, lang: 'kk' | 'ru' | 'en', max = 120): string {
  const cut = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  if (v === undefined || v === null) return '—';
  if (typeof v !== 'object') return cut(String(v));
  if (Array.isArray(v)) return `[${v.length}]`;
  const o = v as Record<string, unknown>;
  const text = (t: unknown): string | undefined => {
    if (!t || typeof t !== 'object') return typeof t === 'string' ? t : undefined;
    const i = t as Record<string, unknown>;
    const s = lang === 'en' ? (i.en ?? i.ru) : i[lang];
    return typeof s === 'string' ? s : undefined;
  };
  const own = text(o);
  if (own) return cut(own);
  const words = ['text', 'name', 'label', 'title', 'x-label'].map((k) => text(o[k])).find(Boolean);
  const id = typeof o.id === 'string' ? o.id : undefined;
  if (id || words) return cut([id, words].filter(Boolean).join(': '));
  // Anything else by its plain members ("duration: 2 workingDays"), never as JSON.
  const members = Object.entries(o)
    .filter(([, x]) => x !== null && typeof x !== 'object')
    .map(([k, x]) => `${k}: ${String(x)}`);
  return cut(members.join(', ') || Object.keys(o).join(', '));
}

/** A pointer inside an element in words: "/cases/0/duration" → "cases 1 duration" (items counted from 1). */
export function plainPath(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? String(Number(s) + 1) : s.replace(/~1/g, '/').replace(/~0/g, '~')))
    .join(' ');
}
