import { extname, relative, sep } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** The copies the admin UI's build writes beside each text file (admin-ui/scripts/precompress.mjs), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number];

/** Vite names every file under assets/ by its content's hash: a new build makes new names, so they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The admin UI's built files (express.static, so conditional GETs, ranges, dotfiles and paths that leave the folder
 * are handled as before): a file's brotli copy when the browser accepts br, else its gzip copy when it accepts gzip,
 * else the file, each with the file's own Content-Type and `Vary: Accept-Encoding`. A file without a copy (or with
 * none smaller than itself) is sent as it is. The hashed assets are cached for a year; index.html (and so /admin/,
 * the UI's one page) is revalidated on each load, which is what makes a new build reach the browsers.
 */
export function adminAssets(root: string): RequestHandler {
  const files = express.static(root, {
    index: 'index.html',
    fallthrough: true,
    setHeaders: (res: Response, path: string) => {
      const encoding = res.locals.adminEncoding as Encoding | undefined;
      const file = encoding ? path.slice(0, -encoding.suffix.length) : path;
      if (encoding) {
        res.setHeader('Content-Encoding', encoding.name);
        res.type(extname(file));
      }
      res.vary('Accept-Encoding');
      const [folder, ...rest] = relative(root, file).split(sep);
      res.setHeader('Cache-Control', folder === 'assets' && rest.length > 0 ? IMMUTABLE : 'no-cache');
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const url = req.url;
    const [pathname] = url.split('?', 1);
    // Other methods go on (serve-static lets them by); /admin without its slash is redirected to /admin/ by it.
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      (pathname === '/' && !req.originalUrl.split('?', 1)[0].endsWith('/'))
    )
      return files(req, res, next);
    const target = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    const accepted = ENCODINGS.filter((e) => req.acceptsEncodings(e.name) === e.name);
    // Each accepted copy in turn: one that is missing falls through (serve-static's 404) to the next, then the file.
    const attempt =
      (i: number) =>
      (err?: unknown): void => {
        if (err || i === accepted.length) {
          req.url = url;
          res.locals.adminEncoding = undefined;
          return err ? next(err) : files(req, res, next);
        }
        req.url = target + accepted[i].suffix + url.slice(pathname.length);
        res.locals.adminEncoding = accepted[i];
        files(req, res, attempt(i + 1));
      };
    attempt(0)();
  };
}
