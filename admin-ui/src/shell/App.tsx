import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type UiLang } from '../i18n';
import {
  ApiError,
  logout,
  onSessionEnd,
  onSessionStart,
  restoreSession,
  setApiLanguage,
  type SessionUser,
} from './api';
import { Login } from './Login';
import { go, useRoute } from './router';
import { PAGE_DETAIL_EVENT } from './pageTitle';

// Each area is its own chunk: the applicant's phone never downloads Monaco, only the analyst's workbench does.
const OfficerInbox = lazy(() => import('../officer/OfficerInbox'));
const ApplicationPage = lazy(() => import('../officer/ApplicationPage'));
const Catalogue = lazy(() => import('../applicant/Catalogue'));
const StartPage = lazy(() => import('../applicant/StartPage'));
const ApplyPage = lazy(() => import('../applicant/ApplyPage'));
const Confirmation = lazy(() => import('../applicant/Confirmation'));
const ApplicationStatus = lazy(() => import('../applicant/ApplicationStatus'));
const MyApplications = lazy(() => import('../applicant/MyApplications'));
const Workbench = lazy(() => import('../analyst/Workbench'));
const ServicesList = lazy(() => import('../analyst/ServicesList'));
const NewAmendment = lazy(() => import('../analyst/NewAmendment'));

function home(user: SessionUser): string[] {
  if (user.roles.includes('officer')) return ['inbox'];
  if (user.roles.includes('analyst')) return ['workbench'];
  if (user.roles.includes('admin')) return ['inbox'];
  return ['apply'];
}

/** Where the shell stands with the session: asking the runtime, signed in, not signed in, or the runtime away. */
type Auth =
  | { state: 'checking' }
  | { state: 'signedIn'; user: SessionUser }
  | { state: 'signedOut' }
  | { state: 'unreachable'; error: unknown };

/** The language switch names each language in itself (marked with its lang), as people look for their own. */
const LANGUAGE_NAMES: Record<UiLang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function App() {
  const { t, i18n } = useTranslation();
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });
  const user = auth.state === 'signedIn' ? auth.user : null;
  const route = useRoute();
  const lang = i18n.language as UiLang;
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    setApiLanguage(lang);
    document.documentElement.lang = lang;
    localStorage.setItem('qyzmet.lang', lang);
  }, [lang]);

  // The session is the runtime's cookie, shared by every tab: at load the shell asks who it signs in, so a link opened
  // in a new tab opens signed in. The address (#/application/…) is left as it is throughout, so signing in (again)
  // lands on the page the link named.
  const check = useCallback(() => {
    setAuth({ state: 'checking' });
    restoreSession().then(
      (u) => setAuth(u ? { state: 'signedIn', user: u } : { state: 'signedOut' }),
      (error: unknown) => setAuth({ state: 'unreachable', error }),
    );
  }, []);
  useEffect(check, [check]);
  // Signed out in another tab, or expired: any request's 401 brings the sign-in back, the address kept.
  useEffect(() => onSessionEnd(() => setAuth({ state: 'signedOut' })), []);
  // Signed in in another tab: this one asks again who the shared cookie signs in.
  useEffect(() => onSessionStart(check), [check]);
  // A page names what it shows (the application's number, the service, the workbench's tab) once it has read it: the
  // event of shell/pageTitle.ts, kept for the route that was open when it came.
  const [pageDetail, setPageDetail] = useState<{ route: string; text: string } | null>(null);
  useEffect(() => {
    const on = (e: Event) =>
      setPageDetail({ route: window.location.hash.split('?')[0], text: String((e as CustomEvent).detail ?? '') });
    window.addEventListener(PAGE_DETAIL_EVENT, on);
    return () => window.removeEventListener(PAGE_DETAIL_EVENT, on);
  }, []);
  useEffect(() => {
    if (user && (route.length === 0 || route[0] === 'login')) go(...home(user));
  }, [user, route]);

  // Each view has its own page title (a screen reader announces it; a tab says where it is); a page adds what it shows
  // (the workbench its service's name and tab, an applicant's page the number or the service).
  useEffect(() => {
    const [area] = route;
    const view =
      auth.state === 'checking'
        ? t('loading')
        : auth.state === 'unreachable'
          ? t('unreachable')
          : !user
            ? t('login')
            : area === 'inbox' || area === 'application'
              ? t('inbox')
              : area === 'my'
                ? t('myApplications')
                : area === 'apply'
                  ? t('apply')
                  : area === 'workbench' || area === 'amend'
                    ? t('workbench')
                    : t('notFound');
    const detail =
      user &&
      (area === 'my' || area === 'apply' || area === 'workbench') &&
      pageDetail?.route === window.location.hash.split('?')[0]
        ? pageDetail.text
        : '';
    document.title = [detail, view, t('appName')].filter(Boolean).join(' — ');
  }, [route, user, auth.state, t, pageDetail]);

  let page: ReactNode;
  if (auth.state === 'checking') page = <p>{t('checkingSession')}</p>;
  else if (auth.state === 'unreachable')
    page = (
      <section className="card" role="alert">
        <h1>{t('unreachable')}</h1>
        <p>
          {auth.error instanceof ApiError && auth.error.status >= 500
            ? t('serverError', { status: auth.error.status })
            : t('unreachable')}
        </p>
        <button type="button" onClick={check}>
          {t('retry')}
        </button>
      </section>
    );
  else if (!user)
    page = (
      <Login
        onLogin={(u) => {
          setAuth({ state: 'signedIn', user: u });
          // Back to the page the address names (a deep link), or the user's home when it names none.
          if (route.length === 0 || route[0] === 'login') go(...home(u));
        }}
      />
    );
  else {
    const [area, a, b, c] = route;
    if (area === 'inbox') page = <OfficerInbox />;
    else if (area === 'application' && a) page = <ApplicationPage id={a} />;
    else if (area === 'apply' && a && b === 'form') page = <ApplyPage serviceId={a} />;
    else if (area === 'apply' && a) page = <StartPage serviceId={a} />;
    else if (area === 'apply') page = <Catalogue />;
    else if (area === 'my' && a && b === 'done') page = <Confirmation id={a} />;
    else if (area === 'my' && a) page = <ApplicationStatus id={a} />;
    else if (area === 'my') page = <MyApplications />;
    else if (area === 'workbench' && a) page = <Workbench serviceId={a} tab={b} section={c} />;
    else if (area === 'workbench') page = <ServicesList />;
    else if (area === 'amend') page = <NewAmendment />;
    else page = <NotFound />;
  }

  return (
    <div className="app">
      {/* The first stop of the Tab key: past the top bar to the page (a hash link would change the route). */}
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
          main.current?.scrollIntoView();
        }}
      >
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <a className="brand" href="#/">
          {t('appName')}
        </a>
        {user && (
          <nav>
            {(user.roles.includes('officer') || user.roles.includes('admin')) && <a href="#/inbox">{t('inbox')}</a>}
            {user.roles.includes('applicant') && <a href="#/apply">{t('apply')}</a>}
            {user.roles.includes('applicant') && <a href="#/my">{t('myApplications')}</a>}
            {(user.roles.includes('analyst') || user.roles.includes('admin')) && (
              <a href="#/workbench">{t('workbench')}</a>
            )}
          </nav>
        )}
        <span className="spacer" />
        <label className="lang">
          <span className="visually-hidden">{t('language')}</span>
          <select aria-label={t('language')} value={lang} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        {user && (
          <>
            <span className="who">
              <span className="visually-hidden">{t('signedInAs')} </span>
              {user.displayName}
            </span>
            <button
              type="button"
              className="logout"
              onClick={() => {
                void logout().then(() => go('login'));
              }}
            >
              {t('logout')}
            </button>
          </>
        )}
      </header>
      <main className="content" id="main-content" tabIndex={-1} ref={main}>
        <Suspense fallback={<p>{t('loading')}</p>}>{page}</Suspense>
      </main>
    </div>
  );
}

/** An address of the UI that names no view: says so, and offers the way home. */
function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h1>{t('notFound')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <a href="#/">{t('goHome')}</a>
      </p>
    </section>
  );
}
