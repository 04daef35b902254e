import type { OfficerGround } from './common';

/** The finding that establishes a ground, as the API reads it off the ground's condition. */
export function findingOf(ground: Pick<OfficerGround, 'findings'>): { key: string; value: unknown } | undefined {
  return ground.findings?.[0];
}

/** Parses the editor's text: an object, or an error message key with its parameter. */
export function parseFindings(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: 'invalidJson' | 'jsonObject'; message?: string } {
  if (!text.trim()) return { ok: true, value: {} };
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, error: 'jsonObject' };
    return { ok: true, value: v as Record<string, unknown> };
  } catch (e) {
    return { ok: false, error: 'invalidJson', message: (e as Error).message };
  }
}
