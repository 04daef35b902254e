/** POSIX path arithmetic for definition files (the engine runs in the browser too, so no node:path). */

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Joins a relative path onto a directory and normalises "." and ".."; a leading ".." beyond the root is kept. */
export function joinPath(dir: string, rel: string): string {
  const out: string[] = [];
  for (const seg of (rel.startsWith('/') ? rel : `${dir}/${rel}`).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (rel.startsWith('/') || dir.startsWith('/') ? '/' : '') + out.join('/');
}
