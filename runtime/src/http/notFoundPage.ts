import type { NextFunction, Request, Response } from 'express';
import { pagePolicy } from './securityHeaders';

/**
 * What a person who typed or followed a wrong address sees: a page in Kazakh and Russian with a way to the admin UI,
 * not a JSON problem. Programs (which ask for JSON or anything) keep getting the problem; the API's own unknown
 * routes answer JSON whatever is asked (they end inside /api/v1 before this).
 */
const PAGE = `<!doctype html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Бет табылмады — Страница не найдена — Qyzmet</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
  main { max-width: 40rem; margin: 4rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
  section + section { margin-top: 2rem; padding-top: 1.5rem; border-top: 1px solid #767676; }
  a { color: #0b4ea2; }
  a:focus-visible { outline: 3px solid #0b4ea2; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<section>
<h1>Бет табылмады</h1>
<p>Мұндай мекенжайда бет жоқ: сілтеме ескірген немесе мекенжай қате терілген болуы мүмкін.</p>
<p><a href="/admin/">Qyzmet басты бетіне өту</a></p>
</section>
<section lang="ru">
<h2>Страница не найдена</h2>
<p>По этому адресу страницы нет: возможно, ссылка устарела или адрес набран с ошибкой.</p>
<p><a href="/admin/">Перейти на главную страницу Qyzmet</a></p>
</section>
</main>
</body>
</html>
`;

/** Its own policy: the page's inline style and nothing else. */
const policy = pagePolicy({
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
});

/** 404 as an HTML page when the client prefers HTML to JSON (a browser), else on to the JSON problem. */
export function htmlNotFound(req: Request, res: Response, next: NextFunction): void {
  if (req.accepts(['json', 'html']) !== 'html') return next();
  policy(req, res, (err?: unknown) => {
    if (err) return next(err);
    res.status(404).type('html').send(PAGE);
  });
}
