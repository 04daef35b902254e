import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type UiLang } from '../i18n';
import { logout, session, setApiLanguage, type SessionUser } from './api';
import { Login } from './Login';
import { go, useRoute } from './router';

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

export function App() {
  const { t, i18n } = useTranslation();
  const [user, setUser] = useState<SessionUser | null>(session.user());
  const route = useRoute();
  const lang = i18n.language as UiLang;
  useEffect(() => {
    setApiLanguage(lang);
    document.documentElement.lang = lang;
    localStorage.setItem('qyzmet.lang', lang);
  }, [lang]);
  useEffect(() => {
    if (user && route.length === 0) go(...home(user));
  }, [user, route.length]);

  // Each view has its own page title (a screen reader announces it; a tab says where it is); the workbench adds the
  // service and the tab to it.
  useEffect(() => {
    const [area, a, b] = route;
    const view = !user
      ? t('login')
      : area === 'inbox' || area === 'application'
        ? t('inbox')
        : area === 'apply' || area === 'my'
          ? t('apply')
          : area === 'workbench' || area === 'amend'
            ? t('workbench')
            : t('notFound');
    document.title = [[a, b].filter(Boolean).join(' · '), view, t('appName')].filter(Boolean).join(' — ');
  }, [route, user, t]);

  let page: ReactNode;
  if (!user)
    page = (
      <Login
        onLogin={(u) => {
          setUser(u);
          go(...home(u));
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
    else page = <p>{t('notFound')}</p>;
  }

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/">
          {t('appName')}
        </a>
        {user && (
          <nav>
            {(user.roles.includes('officer') || user.roles.includes('admin')) && <a href="#/inbox">{t('inbox')}</a>}
            {user.roles.includes('applicant') && <a href="#/apply">{t('apply')}</a>}
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
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        {user && (
          <button
            className="link"
            onClick={() => {
              void logout();
              setUser(null);
              go('login');
            }}
          >
            {user.displayName} · {t('logout')}
          </button>
        )}
      </header>
      <main className="content">
        <Suspense fallback={<p>{t('loading')}</p>}>{page}</Suspense>
      </main>
    </div>
  );
}
