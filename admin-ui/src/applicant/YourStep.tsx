import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pointerPath, type ServerFieldError } from '../forms/toExtraErrors';
import { api, ApiError } from '../shell/api';
import { EventForm, eventData } from '../officer/EventForm';
import { pick, ProblemView, type EventDef, type JsonSchema, type ServiceDetail, type Text } from '../officer/common';
import type { ApplicantApplicationView } from './applicantCommon';
import './yourStep.css';

type EventWithData = EventDef & { data?: JsonSchema };

/** A refused field: where it is in the form (its `name`), its label and the server's words in the UI language. */
interface Located {
  name: string;
  label: string;
  message: string;
}

/** The label of the field at a path of the event's schema (its x-label), or null when the schema has no such field. */
function labelAt(schema: JsonSchema | undefined, path: string[], lang: string): string | null {
  let s: JsonSchema | undefined = schema;
  for (const seg of path) {
    const props = s?.properties as Record<string, JsonSchema> | undefined;
    s = props?.[seg] ?? (/^\d+$/.test(seg) ? (s?.items as JsonSchema | undefined) : undefined);
    if (!s) return null;
  }
  const l = (s?.['x-label'] ?? s?.title) as Text | string | undefined;
  return l ? pick(l, lang) : null;
}

/** The server's 422 field errors placed on the event's fields; what names no shown field stays a problem above. */
function locate(e: unknown, schema: JsonSchema | undefined, lang: string): Located[] {
  if (!(e instanceof ApiError) || e.status !== 422) return [];
  const out: Located[] = [];
  for (const f of e.errors as ServerFieldError[]) {
    if (!f.pointer?.startsWith('/data')) continue;
    const path = pointerPath(f.pointer);
    // A missing required field is refused at its parent: the error names the field in its params or its message.
    const props = Object.keys((schema?.properties as Record<string, unknown> | undefined) ?? {});
    const at = path.length > 0 ? path : props.length === 1 ? props : [];
    const label = labelAt(schema, at, lang);
    if (!label) continue;
    out.push({ name: at.join('.'), label, message: f.messages?.[lang] ?? f.message });
  }
  return out;
}

/**
 * What the application waits for from its applicant now (allowedEvents of the view, already only the applicant's own):
 * each step by its name in the definition, its fields built by the officer's EventForm (without the engineers' JSON
 * and without the provider's grounds), a "Send" button. A refused field is said beside the form by its label, the
 * field itself marked invalid and focused; anything else (the application moved on) is a problem in words.
 */
export function YourStep({
  app,
  service,
  lang,
  onSent,
}: {
  app: ApplicantApplicationView;
  service: ServiceDetail | null;
  lang: string;
  onSent: (eventName: string) => void;
}) {
  const { t } = useTranslation('applicant');
  const events = (service?.version.machine?.events ?? {}) as Record<string, EventWithData>;
  if (app.allowedEvents.length === 0) return null;
  return (
    <section className="card your-step" aria-labelledby="your-step-title" data-your-step>
      <h2 id="your-step-title">{t('yourStepTitle')}</h2>
      <p className="muted">{t('yourStepHint')}</p>
      {app.allowedEvents.map((e) => (
        <StepForm
          key={e.type}
          appId={app.id}
          type={e.type}
          name={events[e.type]?.name ? pick(events[e.type].name, lang) : e.name}
          def={events[e.type]}
          service={service}
          lang={lang}
          onSent={onSent}
        />
      ))}
    </section>
  );
}

function StepForm({
  appId,
  type,
  name,
  def,
  service,
  lang,
  onSent,
}: {
  appId: string;
  type: string;
  name: string;
  def: EventWithData | undefined;
  service: ServiceDetail | null;
  lang: string;
  onSent: (eventName: string) => void;
}) {
  const { t } = useTranslation('applicant');
  const [value, setValue] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [located, setLocated] = useState<Located[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const errorId = (name: string) => `your-step-${type}-${name}`.replace(/[^A-Za-z0-9_-]/g, '-');

  // The refused fields are marked where they are (aria-invalid, described by their error) and the first is focused.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    for (const el of form.querySelectorAll('[aria-invalid][data-your-step-invalid]')) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
      el.removeAttribute('data-your-step-invalid');
    }
    let first: HTMLElement | null = null;
    for (const l of located) {
      const el = form.querySelector<HTMLElement>(`[name="${CSS.escape(l.name)}"]`);
      if (!el) continue;
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', errorId(l.name));
      el.setAttribute('data-your-step-invalid', '');
      first ??= el;
    }
    first?.focus();
    // errorId reads only `type`, fixed for this form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [located]);

  const send = async () => {
    setBusy(true);
    setProblem(null);
    setLocated([]);
    const data = eventData(value);
    const hasData = !!def?.data?.properties;
    try {
      await api('POST', `/applications/${encodeURIComponent(appId)}/events`, hasData ? { type, data } : { type });
      setValue({});
      onSent(name);
    } catch (e) {
      const onFields = locate(e, def?.data, lang);
      if (onFields.length > 0) setLocated(onFields);
      else setProblem(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="your-step-form"
      data-your-event={type}
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        void send();
      }}
    >
      <h3>{name}</h3>
      <EventForm
        records={def?.records}
        schema={def?.data}
        grounds={[]}
        service={service}
        value={value}
        onChange={(v) => {
          setValue(v);
          setLocated([]);
        }}
        lang={lang}
        advanced={false}
      />
      {located.length > 0 && (
        <div className="your-step-errors" role="alert">
          {located.map((l) => (
            <p key={l.name} className="error" id={errorId(l.name)} data-error-for={l.name}>
              {/* The server's words usually name the field already; else its label goes first. */}
              {l.message.includes(l.label)
                ? l.message
                : t('yourStepFieldError', { field: l.label, message: l.message })}
            </p>
          ))}
        </div>
      )}
      <ProblemView error={problem} />
      <div className="actions-bar">
        <button type="submit" data-your-send={type} disabled={busy}>
          {busy ? t('yourStepSending') : t('yourStepSend')}
        </button>
      </div>
    </form>
  );
}
