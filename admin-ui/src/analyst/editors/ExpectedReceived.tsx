import type { VersionDef } from '@qyzmet/engine';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../../i18n';
import { scenarios } from '../../i18n/editors/scenarios';
import { officer } from '../../i18n/officer';
import { plainValue } from '../plainValue';
import type { ComparisonRow } from './expectedReceived';
import { dotted } from './scenarioEditing';
import './editors.css';

registerArea('scenarios', scenarios);
// The statuses' names as officers read them (one wording for the whole product).
registerArea('officer', officer);

/**
 * A scenario's expectation beside its run's result, fact by fact, in words: statuses, steps, deadlines, grounds and
 * documents by their names in the reader's language, instants as dd.mm.yyyy HH:mm in the provider's zone. A row that
 * differs is marked (colour and a "differs" word) and carries the engine's path of the difference.
 */
export function ExpectedReceived({
  rows,
  version,
  zone,
  lang,
  onlyDifferences,
}: {
  rows: readonly ComparisonRow[];
  /** The version the scenario ran against, for the names of its steps, deadlines, grounds and documents. */
  version: VersionDef | undefined;
  zone: string;
  lang: UiLang;
  onlyDifferences?: boolean;
}) {
  const { t } = useTranslation('scenarios');
  const named = (items: readonly unknown[] | undefined, id: string) => {
    const found = items?.find((x) => !!x && typeof x === 'object' && (x as { id?: unknown }).id === id) as
      { label?: unknown; text?: unknown } | undefined;
    const words = found ? plainValue(found.label ?? found.text, lang, 90) : '';
    return words && words !== '—' ? words : id;
  };
  const stateName = (id: string) => {
    const label = version?.machine?.states?.[id]?.label;
    return label ? plainValue(label, lang, 90) : id;
  };
  const show = (row: ComparisonRow, v: string | string[] | undefined) => {
    if (v === undefined) return null;
    if (Array.isArray(v)) {
      if (!v.length) return t('none');
      const items = row.kind === 'grounds' ? version?.refusalGrounds : version?.documents;
      return (
        <ul className="qz-sc-list">
          {v.map((id) => (
            <li key={id}>{named(items, id)}</li>
          ))}
        </ul>
      );
    }
    if (row.kind === 'status') return t(`status.${v}`, { ns: 'officer', defaultValue: v });
    if (row.kind === 'state') return stateName(v);
    if (row.kind === 'instant') return dotted(v, zone);
    return v;
  };
  const what = (row: ComparisonRow) => {
    if (row.deadline) return t('factDeadline', { name: named(version?.deadlines, row.deadline) });
    const key = {
      status: 'factStatus',
      state: 'factState',
      version: 'factVersion',
      instant: 'factRegisteredAt',
      grounds: 'factGrounds',
      documents: 'factDocuments',
    }[row.kind];
    return t(key);
  };
  const shown = onlyDifferences ? rows.filter((r) => r.differs) : rows;
  if (!shown.length) return null;
  return (
    <table className="responsive qz-small qz-sc-compare" data-testid="expected-received">
      <thead>
        <tr>
          <th scope="col">{t('colFact')}</th>
          <th scope="col">{t('colExpected')}</th>
          <th scope="col">{t('colReceived')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr
            key={row.path}
            className={row.differs ? 'qz-sc-differs' : undefined}
            data-path={row.differs ? row.path : undefined}
            data-fact={row.path}
          >
            <th scope="row">
              {what(row)}
              {row.differs && <span className="qz-sc-differs-mark"> ≠ {t('differs')}</span>}
            </th>
            <td data-label={t('colExpected')}>
              {row.expected === undefined ? (
                <span className="qz-muted">{t('notChecked')}</span>
              ) : (
                show(row, row.expected)
              )}
            </td>
            <td data-label={t('colReceived')}>{row.received === undefined ? '—' : show(row, row.received)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
