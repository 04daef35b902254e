import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES } from '../../../engine/src/format/applicationStatuses';
import type { Schemas } from '../shell/api';
import { ClockIcon } from './common';
import { inboxHref, OPEN, VIEWS, viewOf, filtersFrom, type InboxFilters, type ViewId } from './inboxQuery';

export type SavedFilter = Schemas['SavedFilter'];

/** Service and provider names run to several lines in the acts; a select option shows the start. */
export function shorten(s: string, n = 90): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * The inbox's controls: one search box (number, IIN/BIN, name), the preset views with their counts, the status,
 * service and provider filters. Views are links (#/inbox?…): they open in a new tab and can be shared.
 */
export function InboxControls({
  filters,
  onChange,
  counts,
  services,
  providers,
}: {
  filters: InboxFilters;
  onChange: (f: InboxFilters) => void;
  counts: Partial<Record<ViewId, number>>;
  services: Array<[string, string]>;
  providers: Array<[string, string]>;
}) {
  const { t } = useTranslation('officer');
  const [q, setQ] = useState(filters.q);
  // A view or a link changes the search too.
  useEffect(() => setQ(filters.q), [filters.q]);
  const active = viewOf(filters);
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch });

  return (
    <>
      <nav className="views" aria-label={t('views')}>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <a
                href={inboxHref({ ...filters, assignee: v.assignee, due: v.due })}
                aria-current={active === v.id ? 'page' : undefined}
                data-view={v.id}
              >
                {v.id === 'overdue' && (
                  <span className="icon" aria-hidden="true">
                    ⚠
                  </span>
                )}
                {v.id === 'today' && (
                  <span className="icon" aria-hidden="true">
                    <ClockIcon />
                  </span>
                )}
                {t(`view.${v.id}`)}
                {counts[v.id] !== undefined && (
                  <span className="count" data-count={v.id}>
                    {counts[v.id]}
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="card filters">
        <form
          role="search"
          className="search"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: q.trim() });
          }}
        >
          <label>
            {t('search')}
            <input
              type="search"
              name="q"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              aria-describedby="inbox-search-hint"
              autoComplete="off"
            />
          </label>
          <button type="submit">{t('find')}</button>
          <span id="inbox-search-hint" className="muted hint">
            {t('searchHint')}
          </span>
        </form>
        <label>
          {t('filterStatus')}
          <select name="status" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
            <option value={OPEN}>{t('openOnly')}</option>
            <option value="">{t('all')}</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterService')}
          <select
            name="serviceId"
            value={filters.serviceId}
            onChange={(e) => set({ serviceId: e.target.value })}
            style={{ maxWidth: '28rem' }}
          >
            <option value="">{t('all')}</option>
            {services.map(([id, name]) => (
              <option key={id} value={id}>
                {shorten(name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterProvider')}
          <select
            name="provider"
            value={filters.provider}
            onChange={(e) => set({ provider: e.target.value })}
            style={{ maxWidth: '22rem' }}
          >
            <option value="">{t('all')}</option>
            {providers.map(([id, name]) => (
              <option key={id} value={id}>
                {shorten(name)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </>
  );
}

/**
 * The officer's saved filters (C4): one-click views (links, so a new tab opens them too), each deletable, and
 * "save this filter" with a name.
 */
export function SavedFilters({
  filters,
  saved,
  onSave,
  onDelete,
  problem,
}: {
  filters: InboxFilters;
  saved: SavedFilter[];
  onSave: (name: string) => void;
  onDelete: (id: string) => void;
  problem: string | null;
}) {
  const { t } = useTranslation('officer');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const full = saved.length >= 20;
  const current = inboxHref(filters);

  return (
    <div className="saved-filters">
      {saved.length > 0 && (
        <nav aria-label={t('savedViews')}>
          <span className="muted">{t('savedViews')}:</span>
          <ul>
            {saved.map((f) => {
              const href = inboxHref(filtersFrom(f.query));
              return (
                <li key={f.id} data-saved={f.id}>
                  <a href={href} aria-current={href === current ? 'page' : undefined}>
                    {f.name}
                  </a>
                  <button
                    type="button"
                    className="link remove"
                    aria-label={t('deleteFilter', { name: f.name })}
                    title={t('deleteFilter', { name: f.name })}
                    onClick={() => onDelete(f.id)}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {open ? (
        <form
          className="save-filter"
          onSubmit={(e) => {
            e.preventDefault();
            const n = name.trim();
            if (n.length < 1 || n.length > 80) {
              setInvalid(true);
              return;
            }
            onSave(n);
            setOpen(false);
            setName('');
            setInvalid(false);
          }}
        >
          <label>
            {t('filterName')}
            <input
              name="filterName"
              value={name}
              maxLength={80}
              autoFocus
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? 'filter-name-problem' : undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <button type="submit">{t('save')}</button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
          {invalid && (
            <span id="filter-name-problem" className="error-text">
              {t('filterNameInvalid')}
            </span>
          )}
        </form>
      ) : (
        <button type="button" className="secondary" disabled={full} onClick={() => setOpen(true)} data-save-filter>
          {t('saveFilter')}
        </button>
      )}
      {full && !open && <span className="muted">{t('tooManyFilters')}</span>}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
