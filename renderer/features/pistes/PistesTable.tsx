import { VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { memo, type MouseEvent } from 'react';
import { FINALITE_LABELS } from '../../../common/vocabulary';
import type { PartnerMeansShown, PisteLine } from '../../../preload/contract';
import { href, navigate } from '../../app/navigation';
import { formatMean, partnerMeansText } from './labels';
import { PisteStatusBadge } from './PisteStatusBadge';
import classes from './Pistes.module.css';

export type PisteSortKey = 'reference' | 'plus_value' | 'faisabilite';
export interface PisteSort {
  by: PisteSortKey;
  direction: 'asc' | 'desc';
}

/** Unscored pistes last, whichever the direction: a mean still to come is no low mean. */
export function sortPistes(pistes: PisteLine[], sort: PisteSort): PisteLine[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  if (sort.by === 'reference') return [...pistes].sort((a, b) => sign * (a.number - b.number) || a.id.localeCompare(b.id));
  const axis = sort.by;
  const value = (piste: PisteLine) => piste.together[axis];
  return [...pistes].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? a.number - b.number : x === null ? 1 : -1;
    return sign * (x - y) || a.number - b.number;
  });
}

interface Props {
  pistes: PisteLine[];
  sort: PisteSort;
  onSort: (sort: PisteSort) => void;
}

/**
 * The pistes, a plain table: its title links to the fiche, a click anywhere on the row opens it too.
 * Memoized: the page's other answers (the chantiers of a filter) leave the 1 000 rows alone.
 */
export const PistesTable = memo(function PistesTable({ pistes, sort, onSort }: Props) {
  // One listener for every row: a click beside the title's link opens the fiche as well.
  function openRow(event: MouseEvent<HTMLTableSectionElement>) {
    const target = event.target as HTMLElement;
    if (target.closest('a')) return;
    const id = target.closest('tr')?.dataset.id;
    if (id) navigate({ page: 'piste', id });
  }
  return (
    <div className={classes.scroller}>
      <table className={classes.table} aria-label="Pistes">
        <thead>
          <tr>
            <th aria-sort={ariaSort(sort, 'reference')}>
              <SortButton label="Réf." by="reference" sort={sort} onSort={onSort} />
            </th>
            <th>Intitulé</th>
            <th className={classes.by}>Proposée par</th>
            <th>Finalités</th>
            <th className={classes.number} aria-sort={ariaSort(sort, 'plus_value')}>
              <SortButton label="Plus-value" by="plus_value" sort={sort} onSort={onSort} />
            </th>
            <th className={classes.number} aria-sort={ariaSort(sort, 'faisabilite')}>
              <SortButton label="Faisabilité" by="faisabilite" sort={sort} onSort={onSort} />
            </th>
            <th>Écart</th>
            <th>Statut</th>
          </tr>
        </thead>
        <tbody onClick={openRow}>
          {pistes.map((piste) => (
            <PisteTableRow key={piste.id} piste={piste} />
          ))}
        </tbody>
      </table>
    </div>
  );
});

const ariaSort = (sort: PisteSort, by: PisteSortKey) => (sort.by === by ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined);

function SortButton({ label, by, sort, onSort }: { label: string; by: PisteSortKey } & Omit<Props, 'pistes'>) {
  const active = sort.by === by;
  const Icon = !active ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  // A score is first wanted best first; a reference, in order.
  const first = by === 'reference' ? 'asc' : 'desc';
  const next = active ? (sort.direction === 'asc' ? 'desc' : 'asc') : first;
  return (
    <button type="button" className={classes.sort} onClick={() => onSort({ by, direction: next })}>
      {label}
      <Icon size={14} aria-hidden />
      <VisuallyHidden>{active ? (sort.direction === 'asc' ? ', tri croissant' : ', tri décroissant') : ', trier'}</VisuallyHidden>
    </button>
  );
}

const PisteTableRow = memo(function PisteTableRow({ piste }: { piste: PisteLine }) {
  return (
    <tr data-id={piste.id}>
      <td className={classes.reference}>{piste.reference}</td>
      <td>
        <a className={classes.title} href={href({ page: 'piste', id: piste.id })}>
          {piste.title}
        </a>
      </td>
      <td>
        {piste.proposed_by.short_name}
        {piste.proposed_by.service && <div className={classes.dimmed}>{piste.proposed_by.service}</div>}
      </td>
      <td>{piste.finalites.map((finalite) => FINALITE_LABELS[finalite]).join(', ')}</td>
      <td className={classes.number}>{formatMean(piste.together.plus_value)}</td>
      <td className={classes.number}>{formatMean(piste.together.faisabilite)}</td>
      <td>{piste.disagreement && <DisagreementMark means={piste.disagreement} />}</td>
      <td>
        <PisteStatusBadge status={piste.status} />
      </td>
    </tr>
  );
});

/**
 * « Désaccord »: an icon and the word, each partner's means in a tooltip shown on hover and
 * focus and read by screen readers. Plain CSS, no popover per row: a list may flag hundreds.
 */
export function DisagreementMark({ means }: { means: PartnerMeansShown[] }) {
  return (
    <span className={classes.disagree} tabIndex={0}>
      <IconAlertTriangle size={14} aria-hidden />
      Désaccord
      <span role="tooltip" className={classes.tip}>
        {partnerMeansText(means)}
      </span>
    </span>
  );
}
