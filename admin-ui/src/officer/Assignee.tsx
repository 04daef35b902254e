import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, session } from '../shell/api';
import type { Application, Text } from './common';

/** What the inbox contract (C2) adds to an application's view: who applies, about what, and who works on it. */
export interface DeskFields {
  applicant?: { name: string; id: string | null } | null;
  object?: Text | null;
  assignee?: { id: string; displayName: string } | null;
}

/**
 * Who works on the application, with the buttons the officer may use: claim it when nobody has, release it when it
 * is theirs (PUT …/assignee, C2). Taking one a colleague holds is the head's, from the inbox.
 */
export function Assignee({
  app,
  onChanged,
}: {
  app: Application & DeskFields;
  onChanged: (r: { app?: Application & DeskFields; error?: unknown }) => void;
}) {
  const { t } = useTranslation('officer');
  const [busy, setBusy] = useState(false);
  const me = session.user()?.id ?? null;
  const assignee = app.assignee ?? null;
  const put = (userId: string | null) => {
    setBusy(true);
    api<Application & DeskFields>('PUT', `/applications/${encodeURIComponent(app.id)}/assignee`, { userId })
      .then((a) => onChanged({ app: a, error: null }))
      .catch((e: unknown) => onChanged({ error: e }))
      .finally(() => setBusy(false));
  };
  return (
    <p className="assignee" data-assignee={assignee?.id ?? ''}>
      <span>{t('desk.assignee')}: </span>
      <strong data-field="assignee">
        {assignee ? (assignee.id === me ? t('desk.assignedToMe') : assignee.displayName) : t('desk.unassigned')}
      </strong>{' '}
      {!assignee && me && (
        <button type="button" data-claim disabled={busy} onClick={() => put(me)}>
          {t('desk.claim')}
        </button>
      )}
      {assignee && assignee.id === me && (
        <button type="button" className="secondary" data-release disabled={busy} onClick={() => put(null)}>
          {t('desk.release')}
        </button>
      )}
    </p>
  );
}
