import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { domainError, type ReadText } from '@qyzmet/engine';

/**
 * The one gate between a path a definition or a draft names (a template, an `$include`, a seed) and the disk: it must
 * lead inside the definitions — the service's own folder or definitions/shared/ — once symlinks are resolved, or it
 * is a definition error (`definition.pathOutside`) that names the path as written and never what lies there.
 */

/** The folders a service's files may name: its own and the shared fragments (every service's when none is given). */
export function definitionAreas(root: string, serviceId?: string): string[] {
  return [serviceId === undefined ? join(root, 'services') : join(root, 'services', serviceId), join(root, 'shared')];
}

/** The path with symlinks resolved as far as it exists (a missing file is still confined by its folder). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

const inside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/**
 * The real path of `path` when it lies inside one of `areas`; otherwise throws the located-by-caller definition error.
 * @example
 *   confinedPath('definitions/services/x/templates/a.hbs', definitionAreas('definitions', 'x')) // '/app/definitions/…'
 *   confinedPath('/etc/passwd', definitionAreas('definitions', 'x')) // throws definition.pathOutside
 */
export function confinedPath(path: string, areas: string[]): string {
  const real = realPath(resolve(path));
  if (areas.some((area) => inside(realPath(resolve(area)), real))) return real;
  const shown = relative(process.cwd(), resolve(path)) || path;
  throw domainError(
    'definition',
    'definition.pathOutside',
    `"${shown}" leads outside the definitions: a definition names files in its own service folder or in definitions/shared/ only (a draft carries a new wording as text: {"text": "…"})`,
    { params: { path: shown } },
  );
}

/** Whether `path` is inside `areas` (for listings that skip what is not, rather than fail). */
export function isConfined(path: string, areas: string[]): boolean {
  try {
    confinedPath(path, areas);
    return true;
  } catch {
    return false;
  }
}

/**
 * A reader of definition files confined to `areas`: undefined for a missing file, the error above for a path outside.
 * @example const read = confinedReader(definitionAreas(root, id)); read('/etc/passwd') // throws
 */
export function confinedReader(areas: string[]): ReadText {
  return (path) => {
    const real = confinedPath(path, areas);
    try {
      return readFileSync(real, 'utf8');
    } catch {
      return undefined;
    }
  };
}
