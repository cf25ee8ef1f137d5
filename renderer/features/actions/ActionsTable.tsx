import { NativeSelect, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type ChangeEvent, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import type { ActionRow, ActionSortKey, Partner } from '../../../preload/contract';
import { PRIORITY_LABELS, type ActionStatus } from '../../../db/vocabulary';
import { call } from '../../api';
import { useAppState } from '../../app/AppContext';
import { navigate } from '../../app/navigation';
import { formatDate } from '../../shared/format';
import { PilotName } from '../../shared/PilotName';
import { ProgressValue } from '../../shared/ProgressValue';
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
  const columns = `52px minmax(200px, 1fr) 136px 84px repeat(${partners.length}, minmax(110px, 160px)) 104px 100px 96px`;

  // Up and Down move between rows, bringing the next one into view first.
  function moveFocus(index: number) {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
  }

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
              <Header key={partner.id}>Pilote {partner.short_name}</Header>
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

function Header({ children, sort }: { children: ReactNode; sort?: 'ascending' | 'descending' | 'none' }) {
  return (
    <th role="columnheader" scope="col" className={classes.headerCell} aria-sort={sort}>
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
      <td role="cell" className={classes.cell}>
        <Text size="sm" fw={700}>
          {row.chantier_number}
        </Text>
      </td>
      <td role="cell" className={classes.cell}>
        <Text size="sm" lineClamp={2} title={row.title}>
          {row.title}
        </Text>
      </td>
      <td role="cell" className={classes.cell} onClick={(event) => event.stopPropagation()}>
        <StatusSelect row={row} />
      </td>
      <td role="cell" className={classes.cell}>
        {row.priority ? PRIORITY_LABELS[row.priority] : '—'}
      </td>
      {partners.map((partner) => (
        <td role="cell" key={partner.id} className={classes.cell}>
          <PilotName pilots={row.pilots} partnerId={partner.id} />
        </td>
      ))}
      <td role="cell" className={classes.cell}>
        {formatDate(row.end_date)}
      </td>
      <td role="cell" className={classes.cell}>
        <ProgressValue value={row.progress} />
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
    <NativeSelect
      key={stored}
      size="xs"
      aria-label={`Statut de l'action « ${row.title} »`}
      data={STATUS_OPTIONS}
      defaultValue={stored}
      onChange={(event) => void change(event)}
    />
  );
}
