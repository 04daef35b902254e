import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, session } from '../shell/api';
import { ConfirmDialog, DecisionPreview, type EventPreview } from './DecisionPreview';
import { EventForm, eventData, groundHolds } from './EventForm';
import { ProblemView, pick, type Application, type EventDef, type JsonSchema, type ServiceDetail } from './common';

/** The reasoning the server refused (422 event.reasoningRequired / event.reasoningInvalid), in the UI language. */
function reasoningProblem(e: unknown): string | null {
  if (!(e instanceof ApiError) || e.status !== 422) return null;
  const field = e.errors.find((f) => f.pointer?.startsWith('/data/reasoning'));
  if (field) return field.message;
  return e.code.startsWith('event.reasoning') ? e.message : null;
}

type EventWithData = EventDef & { data?: JsonSchema };

/**
 * A provider-side signing step: its button says what it does here. Signing with EDS (NCALayer) is not built: the
 * step is recorded as the official's approval, and runtime/src/documents/signer.ts is the seam where a signature
 * plugs in (README, "Electronic signing").
 */
export function isSigning(type: string, def: EventDef | undefined): boolean {
  return /SIGNED/.test(type) && !!def && !def.roles.includes('applicant');
}

/**
 * Whether an event decides: it leads to a final state or issues a document to the citizen (as its preview says).
 * Such a click is never sent at once: it is previewed and confirmed like a form's decision.
 */
export function decides(preview: EventPreview, service: ServiceDetail | null): boolean {
  const states = (service?.version.machine?.states ?? {}) as Record<string, { final?: boolean } | undefined>;
  return preview.documents.length > 0 || !!states[preview.toState]?.final;
}

/**
 * The actions the step machine allows this user now (allowedEvents from the API), a button each. An event that
 * records something (findings, data from another system, or a `data` schema) opens its form (EventForm: grounds as
 * checkboxes, fields from the schema) with the reasoning, required when a ground holds; "Preview" shows the step it
 * leads to and the documents it will issue (the refusal as the citizen will read it); "Confirm and send" opens a
 * dialog with the summary, and only its confirmation sends the event. Cancel returns to the form with nothing lost.
 * An event without fields is previewed at its click (the same checks as sending it, nothing stored): when it decides
 * (a final state, or a document issued, e.g. the approval that issues the passport) the same panel opens with the
 * preview and the confirmation; a mere hand-over step is sent at once and the notice names it and the step it led to.
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
  const [value, setValue] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [reasoning, setReasoning] = useState<{ kk: string; ru: string }>({ kk: '', ru: '' });
  const [reasoningError, setReasoningError] = useState<string | null>(null);
  const [panelError, setPanelError] = useState<unknown>(null);
  const [preview, setPreview] = useState<EventPreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const events = (service?.version.machine?.events ?? {}) as Record<string, EventWithData>;
  const nameOf = (type: string, fallback?: string) =>
    events[type]?.name ? pick(events[type].name, lang) : (fallback ?? type);
  // What the officer does, as the button says: a signing step records the approval (EDS is not connected).
  const actionName = (type: string) => (isSigning(type, events[type]) ? t('signButton') : nameOf(type));

  const hasForm = (type: string) => {
    const def = events[type];
    return def?.records === 'findings' || def?.records === 'external' || !!def?.data?.properties;
  };

  const send = async (type: string, data?: Record<string, unknown>, led?: EventPreview) => {
    setBusy(true);
    try {
      await api(
        'POST',
        `/applications/${encodeURIComponent(app.id)}/events`,
        data === undefined ? { type } : { type, data },
      );
      setOpen(null);
      setConfirming(false);
      setPreview(null);
      onChanged({
        notice: led
          ? t('doneStep', { event: actionName(type), state: pick(led.stateName, lang) })
          : t('done', { event: actionName(type) }),
      });
    } catch (e) {
      setConfirming(false);
      // A refused reasoning is shown on its field, the panel kept open with what the officer wrote.
      const onField = reasoningProblem(e);
      if (onField) {
        setReasoningError(onField);
        setPreview(null);
        return;
      }
      // The application may have moved on (409): the page reloads it and shows the problem above its new state.
      onChanged({ error: e });
    } finally {
      setBusy(false);
    }
  };

  const openPanel = (type: string, shown: EventPreview | null) => {
    setOpen(type);
    setValue({});
    setReasoning({ kk: '', ru: '' });
    setReasoningError(null);
    setPanelError(null);
    setPreview(shown);
    setConfirming(false);
  };

  /** An event without fields: previewed first; a decision opens the preview and its confirmation, a step is sent. */
  const quick = async (type: string) => {
    setBusy(true);
    setOpen(null);
    let shown: EventPreview;
    try {
      shown = await api<EventPreview>('POST', `/applications/${encodeURIComponent(app.id)}/events/preview`, { type });
    } catch (e) {
      // Not allowed any more (409), or refused: the page reloads the application and shows why.
      setBusy(false);
      onChanged({ error: e });
      return;
    }
    if (decides(shown, service)) {
      setBusy(false);
      openPanel(type, shown);
    } else await send(type, undefined, shown);
  };

  const click = (type: string) => {
    if (hasForm(type)) openPanel(type, null);
    else void quick(type);
  };

  if (app.allowedEvents.length === 0)
    return (
      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('actions')}</h2>
        <p className="muted">{t('noActions')}</p>
      </section>
    );

  const def = open ? events[open] : undefined;
  // A decision without fields: its panel shows the preview and the confirmation only.
  const formless = !!open && !hasForm(open);
  const records = def?.records;
  // The officer's grounds are the provider's to tick: an applicant's own step (an agreement, an objection) records
  // only what its schema asks.
  const applicantStep = !!def?.roles.includes('applicant');
  const grounds = applicantStep ? [] : (service?.version.refusalGrounds ?? []).filter((g) => g.decidedBy === 'officer');
  const shownGrounds = records === 'findings' ? grounds : [];
  const ticked = shownGrounds.filter((g) => groundHolds(g, value));
  // The reasoning motivates a provider's finding (a ground may hold after it), or the event's schema asks for it.
  const takesReasoning =
    (records === 'findings' && !def?.roles.includes('applicant')) ||
    !!(def?.data?.properties as Record<string, unknown> | undefined)?.reasoning;
  const written = { kk: reasoning.kk.trim(), ru: reasoning.ru.trim() };
  // A ticked ground makes the refusal's motive necessary: say so before anything is sent (the server refuses it too).
  const reasoningMissing = takesReasoning && ticked.length > 0 && !written.kk && !written.ru;
  const body = (): Record<string, unknown> | undefined => {
    if (formless) return undefined;
    const data = eventData(value);
    return takesReasoning && (written.kk || written.ru)
      ? {
          ...data,
          reasoning: { ...(written.kk ? { kk: written.kk } : {}), ...(written.ru ? { ru: written.ru } : {}) },
        }
      : data;
  };
  const reasoningNote = reasoningError ?? (reasoningMissing ? t('reasoningMissing') : null);
  const edited = () => {
    setPreview(null);
    setPanelError(null);
  };

  const runPreview = async (type: string) => {
    setBusy(true);
    setPanelError(null);
    try {
      setPreview(
        await api<EventPreview>('POST', `/applications/${encodeURIComponent(app.id)}/events/preview`, {
          type,
          ...(formless ? {} : { data: body() }),
        }),
      );
    } catch (e) {
      const onField = reasoningProblem(e);
      if (onField) setReasoningError(onField);
      else setPanelError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions')}</h2>
      <div className="actions-bar">
        {app.allowedEvents.map((e) => {
          const signing = isSigning(e.type, events[e.type]);
          return (
            <button
              key={e.type}
              data-event={e.type}
              disabled={busy}
              className={open === e.type ? 'secondary' : undefined}
              title={signing ? nameOf(e.type, e.name) : undefined}
              onClick={() => click(e.type)}
            >
              {signing ? t('signButton') : nameOf(e.type, e.name)}
            </button>
          );
        })}
      </div>
      {app.allowedEvents.some((e) => isSigning(e.type, events[e.type])) && (
        <p className="muted" data-note="signing">
          {t('signNote')}
        </p>
      )}
      {open && (
        <form
          className="findings"
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            void runPreview(open);
          }}
        >
          <h3 style={{ margin: 0, fontSize: '1rem' }}>
            {applicantStep
              ? actionName(open)
              : t(formless ? 'decisionTitle' : 'findingsTitle', { event: actionName(open) })}
          </h3>
          {formless && (
            <p className="muted" data-note="decision">
              {t('decisionHint')}
            </p>
          )}
          {!formless && (
            <EventForm
              records={records}
              schema={def?.data}
              grounds={grounds}
              service={service}
              value={value}
              onChange={(v) => {
                setValue(v);
                edited();
              }}
              lang={lang}
              advanced={!!session.user()?.roles.some((r) => r === 'officer' || r === 'admin')}
            />
          )}
          {!formless && takesReasoning && (
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
                      edited();
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
          <ProblemView error={panelError} />
          {!formless && (
            <div className="actions-bar">
              <button type="submit" data-preview={open} disabled={busy}>
                {t('preview.button')}
              </button>
              <button type="button" className="secondary" onClick={() => setOpen(null)}>
                {t('cancel')}
              </button>
            </div>
          )}
          {preview && (
            <>
              <DecisionPreview preview={preview} lang={lang} />
              <div className="actions-bar">
                <button type="button" data-send={open} disabled={busy} onClick={() => setConfirming(true)}>
                  {t('confirm.open')}
                </button>
                {formless && (
                  <button type="button" className="secondary" data-cancel={open} onClick={() => setOpen(null)}>
                    {t('cancel')}
                  </button>
                )}
              </div>
            </>
          )}
        </form>
      )}
      {open && preview && confirming && (
        <ConfirmDialog
          eventName={actionName(open)}
          grounds={formless ? null : ticked}
          reasoning={written}
          preview={preview}
          lang={lang}
          busy={busy}
          onConfirm={() => void send(open, body())}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
