import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Schemas } from '../shell/api';
import { ProblemView, useLang } from '../officer/common';
import './applicantCommon';
import './notificationSettings.css';

type Settings = Schemas['NotificationSettings'];
type Channel = keyof Settings;
const CHANNELS: Channel[] = ['email', 'sms'];
const POINTER: Record<string, Channel> = { '/email': 'email', '/sms': 'sms' };

const linked = () => /[?&]notifications\b/.test(window.location.hash);

/** A number as people read it: +7 701 234 56 78 (the runtime keeps it without spaces). */
export function phoneWords(sms: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(sms);
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : sms;
}

/**
 * "Notifications" (C6): where the applicant hears of a status change — an e-mail address and a mobile number, each
 * off when empty. The runtime checks them (a located 400 `notifications.invalid`) and writes the messages in the
 * language of the saving request, which is the UI's: the hint says so. The saved state is shown in words, each channel
 * with its own way to turn it off; the outcome of a save is announced in a live region.
 */
export default function NotificationSettings() {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Record<Channel, string>>({ email: '', sms: '' });
  const [errors, setErrors] = useState<Partial<Record<Channel, string>>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The fields are folded away once something is saved (the page is the applicant's list of applications first); open
  // when nothing is saved yet, or when the confirmation's link asked for them.
  const [open, setOpen] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);

  useEffect(() => {
    api<Settings>('GET', '/me/notifications').then((s) => {
      setSaved(s);
      setDraft({ email: s.email ?? '', sms: s.sms ? phoneWords(s.sms) : '' });
      setOpen(!(s.email || s.sms) || linked());
    }, setProblem);
  }, []);
  // Opened from the confirmation page's link (#/my?notifications): the card is where the page starts.
  useEffect(() => {
    if (linked()) {
      section.current?.scrollIntoView({ block: 'start' });
      section.current?.focus();
    }
  }, []);
  useEffect(() => {
    if (Object.keys(errors).length > 0) summary.current?.focus();
  }, [errors]);

  const save = async (next: Settings) => {
    setBusy(true);
    setProblem(null);
    setAnnouncement('');
    try {
      const s = await api<Settings>('PUT', '/me/notifications', next);
      setSaved(s);
      setDraft({ email: s.email ?? '', sms: s.sms ? phoneWords(s.sms) : '' });
      setErrors({});
      setAnnouncement(s.email || s.sms ? t('notifySaved') : t('notifySavedOff'));
    } catch (e) {
      const located: Partial<Record<Channel, string>> = {};
      if (e instanceof ApiError)
        for (const fe of e.errors) {
          const channel = POINTER[fe.pointer];
          if (channel && !located[channel]) located[channel] = fe.messages?.[lang] ?? fe.message;
        }
      if (Object.keys(located).length > 0) setErrors(located);
      else setProblem(e);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save({ email: draft.email.trim() || null, sms: draft.sms.trim() || null });
  };
  const turnOff = (channel: Channel) => {
    if (!saved) return;
    setDraft((d) => ({ ...d, [channel]: '' }));
    void save({ ...saved, [channel]: null });
  };

  const on = saved ? CHANNELS.filter((c) => saved[c]) : [];
  const label = (c: Channel) => (c === 'email' ? t('notifyEmail') : t('notifySms'));
  const shown = (c: Channel) => (c === 'sms' && saved?.sms ? phoneWords(saved.sms) : (saved?.[c] ?? ''));
  return (
    <section
      className="card notification-settings"
      id="notifications"
      aria-labelledby="notifications-title"
      tabIndex={-1}
      ref={section}
      data-testid="notification-settings"
    >
      <h2 id="notifications-title">{t('notifyTitle')}</h2>
      <p>{t('notifyIntro')}</p>
      {saved && (
        <div className="notify-state" data-testid="notify-state">
          {on.length === 0 ? (
            <p>{t('notifyNone')}</p>
          ) : (
            <>
              <p>{t('notifyWillSend')}</p>
              <ul>
                {on.map((c) => (
                  <li key={c} data-channel={c}>
                    <span>
                      {label(c)}: <strong>{shown(c)}</strong>
                    </span>{' '}
                    <button type="button" className="secondary" disabled={busy} onClick={() => turnOff(c)}>
                      {c === 'email' ? t('notifyOffEmail') : t('notifyOffSms')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <ProblemView error={problem} />
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('notifyChange')}</summary>
        {Object.keys(errors).length > 0 && (
          <div
            className="error-summary"
            role="alert"
            tabIndex={-1}
            ref={summary}
            aria-labelledby="notify-errors-title"
            data-testid="notify-error-summary"
          >
            <h3 id="notify-errors-title">{t('notifyProblem')}</h3>
            <ul>
              {CHANNELS.filter((c) => errors[c]).map((c) => (
                <li key={c}>
                  <a
                    href={`#notify-${c}`}
                    data-field={`notify-${c}`}
                    onClick={(ev) => {
                      // The page's address is its route: the link focuses the field instead of navigating.
                      ev.preventDefault();
                      document.getElementById(`notify-${c}`)?.focus();
                    }}
                  >
                    {errors[c]}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <form onSubmit={onSubmit} noValidate>
          {CHANNELS.map((c) => (
            <div className="notify-field" key={c}>
              <label htmlFor={`notify-${c}`}>{label(c)}</label>
              <p className="hint" id={`notify-${c}-hint`}>
                {c === 'email' ? t('notifyEmailHint') : t('notifySmsHint')}
              </p>
              {errors[c] && (
                <p className="field-error" id={`notify-${c}-error`}>
                  {errors[c]}
                </p>
              )}
              <input
                id={`notify-${c}`}
                name={c}
                type={c === 'email' ? 'email' : 'tel'}
                inputMode={c === 'email' ? 'email' : 'tel'}
                autoComplete={c === 'email' ? 'email' : 'tel'}
                spellCheck={false}
                placeholder={c === 'email' ? 'name@example.kz' : '+7 701 234 56 78'}
                value={draft[c]}
                aria-invalid={errors[c] ? true : undefined}
                aria-describedby={[`notify-${c}-hint`, errors[c] ? `notify-${c}-error` : ''].filter(Boolean).join(' ')}
                onChange={(e) => {
                  const value = e.target.value;
                  setDraft((d) => ({ ...d, [c]: value }));
                }}
              />
            </div>
          ))}
          <p className="hint">{t('notifyLanguageHint', { language: t(`notifyLang_${lang}`) })}</p>
          <button type="submit" disabled={busy}>
            {busy ? t('notifySaving') : t('notifySave')}
          </button>
        </form>
      </details>
      <p className="notify-announcement" aria-live="polite" role="status" data-testid="notify-announcement">
        {announcement}
      </p>
    </section>
  );
}
