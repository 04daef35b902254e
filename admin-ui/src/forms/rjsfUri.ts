/**
 * Stands in for fast-uri (some 6 kB of the form's download) in @rjsf/utils, which resolves `$ref`s against `$id`s
 * with it only in a schema declaring draft 2020-12 or an `$id`; toRjsfSchema drops both, so the form never gets
 * there. Should it, the platform's URL resolves as fast-uri does; a relative base (rjsf's '#') keeps the reference.
 */
function resolve(base: string, ref: string): string {
  try {
    return new URL(ref, base).href;
  } catch {
    return ref.startsWith('#') ? `${base.split('#')[0]}${ref}` : ref;
  }
}

function equal(a: string, b: string): boolean {
  return resolve(a, a) === resolve(b, b);
}

export default { resolve, equal };
