import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../shell/api';
import { findingOf, parseFindings, PRESET_KEYS } from './findings';
import { LegalRefText } from './RefusalView';
import { pick, type Application, type EventDef, type ServiceDetail } from './common';

/** The reasoning the server refused (422 event.reasoningRequired / event.reasoningInvalid), in the UI language. */
function reasoningProblem(e: unknown): string | null {
  if (!(e instanceof ApiError) || e.status !== 422) return null;
  const field = e.errors.find((f) => f.pointer?.startsWith('/data/reasoning'));
  if (field) return field.message;
  return e.code.startsWith('event.reasoning') ? e.message : null;
}

/**
 * The actions the step machine allows this user now (allowedEvents from the API), a button each. Events that record
 * officer findings open a panel: the service's officer-decided grounds as checkboxes (each sets the finding its
 * condition reads), the findings as JSON for anything else, and the reasoning (kk and/or ru) the applicant reads when
 * a ground holds — a refusal must be motivated, the engine refuses a ground without it; events that record external
 * data open the JSON only.
 */
export function EventActions({
  app,
  service,
  lang,
  onChanged,
}: {
  app: Application;
  service: ServiceDetail | null;
  lang: string;
  onChanged: (result: { notice?: string; error?: unknown }) => void;
}) {
  const { t } = useTranslation('officer');
  const [open, setOpen] = useState<string | null>(null);
  const [text, setText] = useState('{}');
  const [busy, setBusy] = useState(false);
  const [reasoning, setReasoning] = useState<{ kk: string; ru: string }>({ kk: '', ru: '' });
  const [reasoningError, setReasoningError] = useState<string | null>(null);
  const events = service?.version.machine?.events ?? {};
  const nameOf = (type: string, fallback?: string) =>
    events[type]?.name ? pick(events[type].name, lang) : (fallback ?? type);

  const send = async (type: string, data?: Record<string, unknown>) => {
    setBusy(true);
    try {
      await api(
        'POST',
        `/applications/${encodeURIComponent(app.id)}/events`,
        data === undefined ? { type } : { type, data },
      );
      setOpen(null);
      onChanged({ notice: t('done', { event: nameOf(type) }) });
    } catch (e) {
      // A refused reasoning is shown on its field, the panel kept open with what the officer wrote.
      const onField = reasoningProblem(e);
      if (onField) {
        setReasoningError(onField);
        return;
      }
      // The application may have moved on (409): the page reloads it and shows the problem above its new state.
      onChanged({ error: e });
    } finally {
      setBusy(false);
    }
  };

  const click = (type: string) => {
    const records = (events[type] as EventDef | undefined)?.records;
    if (records === 'findings' || records === 'external') {
      setOpen(type);
      setText('{}');
      setReasoning({ kk: '', ru: '' });
      setReasoningError(null);
    } else void send(type);
  };

  if (app.allowedEvents.length === 0)
    return (
      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('actions')}</h2>
        <p className="muted">{t('noActions')}</p>
      </section>
    );

  const parsed = parseFindings(text);
  const findings = parsed.ok ? parsed.value : {};
  const records = open ? events[open]?.records : undefined;
  const grounds = (service?.version.refusalGrounds ?? []).filter((g) => g.decidedBy === 'officer');
  const presetKeys = [
    ...new Set([...PRESET_KEYS, ...grounds.map((g) => findingOf(g)?.key).filter((k): k is string => !!k)]),
  ];
  // A ticked ground makes the refusal's motive necessary: say so before sending (the server refuses it too).
  const groundTicked = grounds.some((g) => {
    const f = findingOf(g);
    return !!f && JSON.stringify(findings[f.key]) === JSON.stringify(f.value);
  });
  const written = { kk: reasoning.kk.trim(), ru: reasoning.ru.trim() };
  const reasoningMissing = records === 'findings' && groundTicked && !written.kk && !written.ru;
  const withReasoning = (data: Record<string, unknown>): Record<string, unknown> =>
    records === 'findings' && (written.kk || written.ru)
      ? {
          ...data,
          reasoning: { ...(written.kk ? { kk: written.kk } : {}), ...(written.ru ? { ru: written.ru } : {}) },
        }
      : data;
  const reasoningNote = reasoningError ?? (reasoningMissing ? t('reasoningMissing') : null);
  const toggle = (key: string, value: unknown, on: boolean) => {
    const next = { ...findings };
    if (on) next[key] = value;
    else delete next[key];
    setText(JSON.stringify(next, null, 2));
  };

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions')}</h2>
      <div className="actions-bar">
        {app.allowedEvents.map((e) => (
          <button
            key={e.type}
            data-event={e.type}
            disabled={busy}
            className={open === e.type ? 'secondary' : undefined}
            onClick={() => click(e.type)}
          >
            {nameOf(e.type, e.name)}
          </button>
        ))}
      </div>
      {open && (
        <form
          className="findings"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (parsed.ok) void send(open, withReasoning(parsed.value));
          }}
        >
          <h3 style={{ margin: 0, fontSize: '1rem' }}>{t('findingsTitle', { event: nameOf(open) })}</h3>
          {records === 'findings' && grounds.length > 0 && (
            <fieldset className="data-group">
              <legend>{t('officerGrounds')}</legend>
              <p className="muted">{t('findingsHint')}</p>
              {grounds.map((g) => {
                const f = findingOf(g);
                return (
                  <label key={g.id} className="check" data-ground={g.id}>
                    <input
                      type="checkbox"
                      name={`ground-${g.id}`}
                      disabled={!f}
                      checked={!!f && JSON.stringify(findings[f.key]) === JSON.stringify(f.value)}
                      onChange={(e) => f && toggle(f.key, f.value, e.target.checked)}
                    />
                    <span>
                      <span className="ground-text">{pick(g.text, lang)}</span>
                      <br />
                      <span className="muted">
                        <LegalRefText legalRef={g.legalRef} service={service} lang={lang} short />
                        {f ? ` · ${f.key}` : ` · ${t('groundUnmapped')}`}
                      </span>
                    </span>
                  </label>
                );
              })}
            </fieldset>
          )}
          <label>
            {records === 'external' ? t('externalJson') : t('findingsJson')}
            <textarea name="findings" value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
          </label>
          {records === 'findings' && (
            <div className="presets">
              <span>{t('presets')}</span>
              {presetKeys.map((k) => (
                <button
                  type="button"
                  key={k}
                  className="secondary"
                  onClick={() =>
                    toggle(k, grounds.map(findingOf).find((f) => f?.key === k)?.value ?? true, !(k in findings))
                  }
                >
                  {k in findings ? '✓ ' : ''}
                  {k}
                </button>
              ))}
            </div>
          )}
          {records === 'findings' && (
            <fieldset className="data-group reasoning-field" aria-invalid={reasoningNote ? true : undefined}>
              <legend>{t('reasoning')}</legend>
              <p className="muted" id="reasoning-hint">
                {t('reasoningHint')}
              </p>
              {(['kk', 'ru'] as const).map((l) => (
                <label key={l}>
                  {t(l === 'kk' ? 'reasoningKk' : 'reasoningRu')}
                  <textarea
                    name={`reasoning-${l}`}
                    lang={l}
                    value={reasoning[l]}
                    aria-describedby={reasoningNote ? 'reasoning-hint reasoning-note' : 'reasoning-hint'}
                    aria-invalid={reasoningNote ? true : undefined}
                    onChange={(e) => {
                      setReasoning({ ...reasoning, [l]: e.target.value });
                      setReasoningError(null);
                    }}
                  />
                </label>
              ))}
              {reasoningNote && (
                <p
                  className="error"
                  id="reasoning-note"
                  role={reasoningError ? 'alert' : 'status'}
                  data-reasoning-problem={reasoningError ? 'server' : 'missing'}
                >
                  {reasoningNote}
                </p>
              )}
            </fieldset>
          )}
          {!parsed.ok && (
            <p className="error">
              {parsed.error === 'invalidJson' ? t('invalidJson', { message: parsed.message }) : t('jsonObject')}
            </p>
          )}
          <div className="actions-bar">
            <button type="submit" data-send={open} disabled={busy || !parsed.ok}>
              {t('send')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
