import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Schemas } from '../shell/api';
import type { Colleague, InboxItem } from './InboxTypes';

/** The signed-in officer, as the inbox needs them: who they are, and whether they may assign to others. */
export interface Officer {
  id: string;
  /** A head (actor role) or an admin may take an application from a colleague and assign it to anyone. */
  canAssign: boolean;
}

/** Who works for a provider: one request per provider per page load (C2 GET /officers). */
const officersOf = new Map<string, Promise<Colleague[]>>();
function loadOfficers(provider: string) {
  let p = officersOf.get(provider);
  if (!p) {
    p = api<Schemas['OfficerList']>('GET', `/officers?provider=${encodeURIComponent(provider)}`).then(
      (r) => r.items,
      () => {
        officersOf.delete(provider);
        return [];
      },
    );
    officersOf.set(provider, p);
  }
  return p;
}

/** What came of an assignment, for the inbox to say in words and to refresh its rows. */
export type AssignOutcome = { ok: true; message: string } | { ok: false; message: string };

/**
 * The assignee of an inbox row and what the officer may do with it: claim an unassigned application, release their
 * own, and (a head or an admin) take it over or assign it to a colleague. A 409 says who holds it, in words.
 */
export function AssigneeCell({
  app,
  me,
  onDone,
}: {
  app: InboxItem;
  me: Officer;
  onDone: (outcome: AssignOutcome) => void;
}) {
  const { t } = useTranslation('officer');
  const [busy, setBusy] = useState(false);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const holder = app.assignee ?? null;
  const mine = holder?.id === me.id;
  const number = app.number ?? t('application');

  useEffect(() => {
    if (me.canAssign) void loadOfficers(app.provider).then(setColleagues);
  }, [me.canAssign, app.provider]);

  const assign = async (userId: string | null, what: 'claimed' | 'released' | 'assigned', name?: string) => {
    setBusy(true);
    try {
      await api('PUT', `/applications/${encodeURIComponent(app.id)}/assignee`, { userId });
      onDone({ ok: true, message: t(`assign.${what}`, { number, name }) });
    } catch (e) {
      onDone({ ok: false, message: await problemWords(e) });
    } finally {
      setBusy(false);
    }
  };

  /** A refused assignment in words: who holds the application now (read again: it may have changed since). */
  const problemWords = async (e: unknown): Promise<string> => {
    if (e instanceof ApiError && e.status === 409) {
      const now = await api<Schemas['Application']>('GET', `/applications/${encodeURIComponent(app.id)}`).catch(
        () => null,
      );
      const name = now?.assignee?.displayName;
      return name ? t('assign.takenBy', { number, name }) : t('assign.takenBySomeone', { number });
    }
    if (e instanceof ApiError && e.status === 403) return t('problem403');
    return t('assign.failed', { number });
  };

  return (
    <div className="assignee" onClick={(e) => e.stopPropagation()}>
      <span className={`holder${holder ? '' : ' none'}`} data-assignee={holder?.id ?? ''}>
        {holder ? (mine ? t('assign.you', { name: holder.displayName }) : holder.displayName) : t('assign.nobody')}
      </span>
      <span className="assign-actions">
        {!holder && (
          <button
            type="button"
            className="secondary small"
            data-claim={app.id}
            disabled={busy}
            aria-label={t('assign.claimLabel', { number })}
            onClick={() => void assign(me.id, 'claimed')}
          >
            {t('assign.claim')}
          </button>
        )}
        {mine && (
          <button
            type="button"
            className="secondary small"
            data-release={app.id}
            disabled={busy}
            aria-label={t('assign.releaseLabel', { number })}
            onClick={() => void assign(null, 'released')}
          >
            {t('assign.release')}
          </button>
        )}
        {holder && !mine && me.canAssign && (
          <button
            type="button"
            className="secondary small"
            data-take={app.id}
            disabled={busy}
            aria-label={t('assign.takeLabel', { number, name: holder.displayName })}
            onClick={() => void assign(me.id, 'claimed')}
          >
            {t('assign.take')}
          </button>
        )}
        {me.canAssign && colleagues.length > 0 && (
          <select
            className="small"
            aria-label={t('assign.toLabel', { number })}
            value=""
            disabled={busy}
            data-assign-to={app.id}
            onChange={(e) => {
              const c = colleagues.find((o) => o.id === e.target.value);
              if (c) void assign(c.id, 'assigned', c.displayName);
            }}
          >
            <option value="">{t('assign.to')}</option>
            {colleagues
              .filter((c) => c.id !== holder?.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
          </select>
        )}
      </span>
    </div>
  );
}
