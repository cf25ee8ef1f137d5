import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, type ChangeEvent, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { ActionRow, ActionSortKey, Partner } from '../../../preload/contract';
import { PRIORITY_LABELS, type ActionStatus } from '../../../common/vocabulary';
import { call } from '../../api';
import { useAppState } from '../../app/AppContext';
import { navigate } from '../../app/navigation';
import { formatDate, formatMeasure } from '../../shared/format';
import { STATUS_OPTIONS } from '../../shared/status';
import { LateBadge } from '../../shared/StatusBadge';
import { useWidth } from '../../shared/useWidth';
import { ActionProgress } from './ActionProgress';
import type { ActionSort } from './filters';
import type { ActionPages } from './useActionPages';
import classes from './ActionsTable.module.css';

const ROW_HEIGHT = 56;

interface Props {
  pages: ActionPages;
  /** Changes with the query: the table then goes back to its first row. */
  queryKey: string;
  sort: ActionSort;
  onSort: (sort: ActionSort) => void;
  /** The first indicator of each action: its latest value and the gap to its target. */
  withIndicator?: boolean;
}

/** All actions in one table; only the rows in view are in the page, so 10 000 stay smooth. */
export function ActionsTable({ pages, queryKey, sort, onSort, withIndicator = false }: Props) {
  const { partners } = useAppState();
  const scroller = useRef<HTMLDivElement | null>(null);
  const rowCount = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const columns = `56px minmax(110px, 150px) minmax(240px, 1fr) 120px 88px minmax(120px, 170px) 104px 124px 96px${withIndicator ? ' minmax(150px, 220px)' : ''}`;
  // Narrower than the columns' minimum widths (a window shared with the mail), each row takes
  // two lines, every column in view: the chantier under the réf., the priorité under the statut,
  // « En retard » under the échéance, the indicateur under the avancement.
  const [measured, width] = useWidth<HTMLDivElement>();
  const compact = width < (withIndicator ? 1210 : 1060);
  const scrollerRef = useCallback(
    (element: HTMLDivElement | null) => {
      scroller.current = element;
      measured(element);
    },
    [measured],
  );
  const compactColumns = '110px minmax(160px, 1fr) 120px minmax(110px, 130px) 104px 124px';

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { showRange } = pages;
  useEffect(() => {
    showRange(first, last);
  }, [showRange, first, last]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  // Up and Down move between rows, bringing the next one into view first. Stable, so that
  // the memoised rows do not re-render at each scroll step.
  const moveFocus = useCallback(
    (index: number) => {
      if (index < 0 || index >= rowCount) return;
      virtualizer.scrollToIndex(index);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
    },
    [virtualizer, rowCount],
  );

  return (
    <div
      ref={scrollerRef}
      className={classes.scroller}
      data-compact={compact || undefined}
      style={
        {
          '--columns': compact ? compactColumns : columns,
          '--areas': compact ? COMPACT_AREAS : `'ref chantier title status priority pilots due progress late${withIndicator ? ' indicator' : ''}'`,
        } as CSSProperties
      }
    >
      <table role="table" className={classes.table} aria-rowcount={rowCount + 1} aria-label="Actions">
        <thead role="rowgroup" className={classes.head}>
          <tr role="row" className={classes.row} aria-rowindex={1}>
            <SortHeader area="ref" label="Réf." title="Référence" by="reference" sort={sort} onSort={onSort} />
            <SortHeader area="chantier" label="Chantier" by="chantier" sort={sort} onSort={onSort} />
            <SortHeader area="title" label={fieldLabel('action', 'title')} by="title" sort={sort} onSort={onSort} />
            <SortHeader area="status" label={fieldLabel('action', 'status')} by="status" sort={sort} onSort={onSort} />
            <SortHeader area="priority" label={fieldLabel('action', 'priority')} by="priority" sort={sort} onSort={onSort} />
            <Header area="pilots" title={partners.map((partner) => `${fieldLabel('pilot', 'person_id')} ${partner.name}`).join(', ')}>
              Pilotes
            </Header>
            <SortHeader area="due" label="Échéance" title={fieldLabel('action', 'end_date')} by="end_date" sort={sort} onSort={onSort} />
            <SortHeader area="progress" label={fieldLabel('action', 'progress')} by="progress" sort={sort} onSort={onSort} />
            <Header area="late">En retard</Header>
            {withIndicator && (
              <Header area="indicator" title="Dernière valeur du premier indicateur suivi, et écart à sa cible">
                Indicateur
              </Header>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            return row ? (
              <Row
                key={row.id}
                row={row}
                index={item.index}
                start={item.start}
                partners={partners}
                onMove={moveFocus}
                measure={virtualizer.measureElement}
                withIndicator={withIndicator}
              />
            ) : (
              <LoadingRow key={`loading-${item.index}`} index={item.index} start={item.start} />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Where a cell goes in the row's grid: one line, or two in a narrow table (ActionsTable.module.css). */
type Area = 'ref' | 'chantier' | 'title' | 'status' | 'priority' | 'pilots' | 'due' | 'progress' | 'late' | 'indicator';
const COMPACT_AREAS = "'ref title status pilots due progress' 'chantier title priority pilots late indicator'";
const placed = (area: Area) => ({ 'data-area': area, style: { gridArea: area } });

interface HeaderProps {
  area: Area;
  children: ReactNode;
  title?: string;
  sort?: 'ascending' | 'descending' | 'none';
}

function Header({ area, children, title, sort }: HeaderProps) {
  return (
    <th role="columnheader" scope="col" className={classes.headerCell} {...placed(area)} aria-sort={sort} title={title}>
      {children}
    </th>
  );
}

interface SortHeaderProps {
  area: Area;
  label: string;
  title?: string;
  by: ActionSortKey;
  sort: ActionSort;
  onSort: (sort: ActionSort) => void;
}

/** A column header that sorts on click; a second click reverses the order. */
function SortHeader({ area, label, title, by, sort, onSort }: SortHeaderProps) {
  const active = sort.by === by;
  const Icon = !active ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Header area={area} sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        className={classes.sortButton}
        title={title ? `Trier par ${title.toLowerCase()}` : `Trier par ${label.toLowerCase()}`}
        onClick={() => onSort({ by, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.5 }} />
      </UnstyledButton>
    </Header>
  );
}

interface RowProps {
  row: ActionRow;
  index: number;
  start: number;
  partners: Partner[];
  onMove: (index: number) => void;
  /** Rows grow with their title: the virtualiser measures each one shown. */
  measure: (element: HTMLTableRowElement | null) => void;
  withIndicator: boolean;
}

// Rows are plain elements styled by the CSS module rather than Mantine components: a few
// dozen of them re-render at each scroll step, and 10 000 rows must scroll smoothly.
const Row = memo(function Row({ row, index, start, partners, onMove, measure, withIndicator }: RowProps) {
  const open = () => navigate({ page: 'action', id: row.id });

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') open();
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(index + (event.key === 'ArrowDown' ? 1 : -1));
    }
  }

  return (
    <tr
      ref={measure}
      role="row"
      className={classes.row}
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={0}
      style={{ minHeight: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={open}
      onKeyDown={onKeyDown}
    >
      <td role="cell" className={`${classes.cell} ${classes.number}`} {...placed('ref')}>
        {row.reference}
      </td>
      <td role="cell" className={classes.cell} {...placed('chantier')}>
        <span className={classes.clamped} title={`${row.chantier_number}. ${row.chantier_title}`}>
          {row.chantier_number}. {row.chantier_title}
        </span>
      </td>
      <td role="cell" className={`${classes.cell} ${classes.title}`} {...placed('title')}>
        {row.title}
        {row.to_arbitrate && (
          <>
            {' '}
            <span className={classes.arbitration} title="À arbitrer au prochain comité">
              À arbitrer
            </span>
          </>
        )}
      </td>
      <td role="cell" className={classes.cell} {...placed('status')} onClick={(event) => event.stopPropagation()}>
        <StatusSelect row={row} />
      </td>
      <td role="cell" className={classes.cell} {...placed('priority')}>
        {row.priority ? PRIORITY_LABELS[row.priority] : '—'}
      </td>
      <td role="cell" className={classes.cell} {...placed('pilots')}>
        {pilotNames(row, partners) || <span className={classes.dimmed}>Sans pilote</span>}
      </td>
      <td role="cell" className={classes.cell} {...placed('due')}>
        {formatDate(row.end_date)}
      </td>
      <td role="cell" className={classes.cell} {...placed('progress')}>
        <ActionProgress value={row.progress} barWidth={48} />
      </td>
      <td role="cell" className={classes.cell} {...placed('late')}>
        {row.late && <LateBadge />}
      </td>
      {withIndicator && (
        <td role="cell" className={classes.cell} {...placed('indicator')}>
          {row.indicator ? (
            <span className={classes.clamped} title={row.indicator.name}>
              {formatMeasure(row.indicator.latest, row.indicator.unit)}
              {row.indicator.gap !== null && ` (écart ${formatMeasure(row.indicator.gap)})`}
            </span>
          ) : (
            <span className={classes.dimmed}>—</span>
          )}
        </td>
      )}
    </tr>
  );
});

/** « Anne Leroy (37), Marc Petit (41) »: the pilotes of every partner, in the partners' order; empty when none (the cell then says « Sans pilote »). */
function pilotNames(row: ActionRow, partners: Partner[]): string {
  return partners
    .flatMap((partner) => {
      const name = row.pilots.find((pilot) => pilot.partner_id === partner.id)?.person_name;
      return name ? [`${name} (${partner.code})`] : [];
    })
    .join(', ');
}

/** A row whose page has not arrived yet (fast scrolling through a long list). */
function LoadingRow({ index, start }: { index: number; start: number }) {
  return (
    <tr role="row" className={classes.row} aria-rowindex={index + 2} style={{ minHeight: ROW_HEIGHT, transform: `translateY(${start}px)` }}>
      <td role="cell" className={`${classes.cell} ${classes.dimmed}`}>
        Chargement…
      </td>
    </tr>
  );
}

/** Saved as soon as chosen; the list reloads with the stored value (or goes back on refusal). */
function StatusSelect({ row }: { row: ActionRow }) {
  const stored = row.status ?? '';
  async function change(event: ChangeEvent<HTMLSelectElement>) {
    const select = event.currentTarget;
    const result = await call('updateAction', row.id, { status: (select.value || null) as ActionStatus | null });
    if (!result.ok) select.value = stored;
  }
  return (
    <select
      key={stored}
      className={classes.select}
      aria-label={`${fieldLabel('action', 'status')} de l'action «\u202f${row.title}\u202f»`}
      defaultValue={stored}
      onChange={(event) => void change(event)}
    >
      {STATUS_OPTIONS.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
