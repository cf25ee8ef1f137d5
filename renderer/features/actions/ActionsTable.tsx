import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef, type ChangeEvent, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import type { ActionRow, ActionSortKey, Partner } from '../../../preload/contract';
import { PRIORITY_LABELS, type ActionStatus } from '../../../db/vocabulary';
import { call } from '../../api';
import { useAppState } from '../../app/AppContext';
import { navigate } from '../../app/navigation';
import { formatDate } from '../../shared/format';
import { STATUS_OPTIONS } from '../../shared/status';
import { LateBadge } from '../../shared/StatusBadge';
import type { ActionSort } from './filters';
import classes from './ActionsTable.module.css';

const ROW_HEIGHT = 56;

interface Props {
  rows: ActionRow[];
  sort: ActionSort;
  onSort: (sort: ActionSort) => void;
}

/** All actions in one table; only the rows in view are in the page, so 10 000 stay smooth. */
export function ActionsTable({ rows, sort, onSort }: Props) {
  const { partners } = useAppState();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const columns = `56px minmax(220px, 1fr) 136px 92px repeat(${partners.length}, minmax(120px, 170px)) 116px 140px 108px`;

  // Up and Down move between rows, bringing the next one into view first. Stable, so that
  // the memoised rows do not re-render at each scroll step.
  const rowCount = rows.length;
  const moveFocus = useCallback(
    (index: number) => {
      if (index < 0 || index >= rowCount) return;
      virtualizer.scrollToIndex(index);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
    },
    [virtualizer, rowCount],
  );

  return (
    <div ref={scroller} className={classes.scroller} style={{ '--columns': columns } as CSSProperties}>
      <table role="table" className={classes.table} aria-rowcount={rows.length + 1} aria-label="Actions">
        <thead role="rowgroup" className={classes.head}>
          <tr role="row" className={classes.row} aria-rowindex={1}>
            <SortHeader label="N°" title="Numéro du chantier" by="chantier" sort={sort} onSort={onSort} />
            <SortHeader label="Titre" by="title" sort={sort} onSort={onSort} />
            <SortHeader label="Statut" by="status" sort={sort} onSort={onSort} />
            <SortHeader label="Priorité" by="priority" sort={sort} onSort={onSort} />
            {partners.map((partner) => (
              <Header key={partner.id} title={`Pilote ${partner.name}`}>
                Pilote {partner.code}
              </Header>
            ))}
            <SortHeader label="Échéance" title="Date de fin prévisionnelle" by="end_date" sort={sort} onSort={onSort} />
            <SortHeader label="Avancement" by="progress" sort={sort} onSort={onSort} />
            <Header>En retard</Header>
          </tr>
        </thead>
        <tbody role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <Row
              key={rows[item.index].id}
              row={rows[item.index]}
              index={item.index}
              start={item.start}
              partners={partners}
              onMove={moveFocus}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface HeaderProps {
  children: ReactNode;
  title?: string;
  sort?: 'ascending' | 'descending' | 'none';
}

function Header({ children, title, sort }: HeaderProps) {
  return (
    <th role="columnheader" scope="col" className={classes.headerCell} aria-sort={sort} title={title}>
      {children}
    </th>
  );
}

interface SortHeaderProps {
  label: string;
  title?: string;
  by: ActionSortKey;
  sort: ActionSort;
  onSort: (sort: ActionSort) => void;
}

/** A column header that sorts on click; a second click reverses the order. */
function SortHeader({ label, title, by, sort, onSort }: SortHeaderProps) {
  const active = sort.by === by;
  const Icon = !active ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Header sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
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
}

// Rows are plain elements styled by the CSS module rather than Mantine components: a few
// dozen of them re-render at each scroll step, and 10 000 rows must scroll smoothly.
const Row = memo(function Row({ row, index, start, partners, onMove }: RowProps) {
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
      role="row"
      className={classes.row}
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={0}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={open}
      onKeyDown={onKeyDown}
    >
      <td role="cell" className={`${classes.cell} ${classes.number}`}>
        {row.chantier_number}
      </td>
      <td role="cell" className={classes.cell}>
        <span className={classes.title} title={row.title}>
          {row.title}
        </span>
      </td>
      <td role="cell" className={classes.cell} onClick={(event) => event.stopPropagation()}>
        <StatusSelect row={row} />
      </td>
      <td role="cell" className={classes.cell}>
        {row.priority ? PRIORITY_LABELS[row.priority] : '—'}
      </td>
      {partners.map((partner) => {
        const name = row.pilots.find((pilot) => pilot.partner_id === partner.id)?.person_name;
        return (
          <td role="cell" key={partner.id} className={classes.cell}>
            {name ? <span className={classes.title}>{name}</span> : <span className={classes.dimmed}>Sans pilote</span>}
          </td>
        );
      })}
      <td role="cell" className={classes.cell}>
        {formatDate(row.end_date)}
      </td>
      <td role="cell" className={classes.cell}>
        <span className={classes.progress}>
          <span className={classes.progressBar} aria-hidden>
            <span style={{ width: `${row.progress}%` }} />
          </span>
          {row.progress}&nbsp;%
        </span>
      </td>
      <td role="cell" className={classes.cell}>
        {row.late && <LateBadge />}
      </td>
    </tr>
  );
});

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
      aria-label={`Statut de l'action « ${row.title} »`}
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
