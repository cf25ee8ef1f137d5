// The Actions screen as one column per statut (a kanban): the same filtered actions as the
// table, moved from a statut to another by dragging a card, by its « Déplacer » menu or by
// Ctrl+← / Ctrl+→. A move is the fiche's own write (updateAction), undone like any edit
// of the page (Ctrl+Z, « Annuler la dernière modification »).
import { Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarEvent, IconChevronDown } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { fieldLabel } from '../../../common/fields';
import { hyphenated } from '../../shared/hyphenation';
import type { ActionQuery, ActionRow, Partner } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href } from '../../app/navigation';
import { useFormSaver } from '../../shared/autosave/FormSaver';
import { formatDate, numberFormat } from '../../shared/format';
import { STATUS_KEYS, statusFill, statusLabel, type StatusKey } from '../../shared/status';
import { LateBadge } from '../../shared/StatusBadge';
import { ActionProgress } from './ActionProgress';
import classes from './ActionsBoard.module.css';

/** Cards shown at first in a column, and added by « Afficher les N suivantes ». */
const STEP = 50;
/** The API answers at most 1 000 rows at once: beyond, the filters narrow the column. */
const MAX_SHOWN = 1000;
const DRAG_TYPE = 'application/x-entente-action';

type Control = 'link' | 'move';

/** The card a keyboard move should give the focus back to, once its new column shows it. */
interface PendingFocus {
  id: string;
  status: StatusKey;
  control: Control;
}

/** What a card can do: stable for the board's life, so that the memoised cards do not re-render. */
interface CardActions {
  move(row: ActionRow, to: StatusKey, control: Control | null): void;
  /** Ctrl+← / Ctrl+→: to the column on the left or on the right. */
  moveBy(row: ActionRow, delta: -1 | 1, control: Control): void;
  dragStart(row: ActionRow): void;
  dragEnd(): void;
  /** Answers the control to focus if this card is the one just moved by keyboard. */
  claimFocus(id: string, status: StatusKey): Control | null;
  /** True (once) if the card just moved to this column by keyboard is not among its rows. */
  missedFocus(status: StatusKey, rows: ActionRow[]): boolean;
}

const actionCount = (n: number) => (n === 0 ? 'aucune action' : `${numberFormat.format(n)} action${n > 1 ? 's' : ''}`);

interface BoardProps {
  query: ActionQuery;
  /** The line above the columns (count, help, view switch), given the board's count. */
  header: (total: number | undefined) => ReactNode;
}

export function ActionsBoard({ query, header }: BoardProps) {
  const { partners } = useAppState();
  const { perform } = useFormSaver();
  const queryKey = JSON.stringify(query);
  const [totals, setTotals] = useState<{ key: string; byStatus: Partial<Record<StatusKey, number>> }>({ key: queryKey, byStatus: {} });
  const [dragging, setDragging] = useState<ActionRow | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<PendingFocus | null>(null);

  // The statut filter keeps its columns only. « Sans statut » shows when it holds actions
  // or is asked for: six columns fit a laptop's width.
  const asked = query.statuses;
  const candidates = STATUS_KEYS.filter((status) => !asked || asked.includes(status));
  const byStatus = totals.key === queryKey ? totals.byStatus : {};
  const shown = candidates.filter((status) => status !== 'none' || asked?.includes('none') || (byStatus.none ?? 0) > 0);
  const total = candidates.every((status) => byStatus[status] !== undefined) ? candidates.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0) : undefined;

  const onTotal = useCallback(
    (status: StatusKey, value: number | undefined, key: string) =>
      setTotals((previous) => {
        const base = previous.key === key ? previous.byStatus : {};
        return base[status] === value ? previous : { key, byStatus: { ...base, [status]: value } };
      }),
    [],
  );

  // Cards read the columns in view through a ref: their callbacks stay the same.
  const columnsRef = useRef({ shown, candidates });
  useEffect(() => {
    columnsRef.current = { shown, candidates };
  });

  const announce = useCallback((text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text)), []);

  const actions = useMemo<CardActions>(() => {
    const move = (row: ActionRow, to: StatusKey, control: Control | null) => {
      const from: StatusKey = row.status ?? 'none';
      if (from === to) return;
      const previous = row.status;
      void perform(
        () => send('updateAction', row.id, { status: to === 'none' ? null : to }),
        () => ({
          label: `${fieldLabel('action', 'status')} de «\u202f${row.title}\u202f»`,
          revert: async () => {
            const result = await send('updateAction', row.id, { status: previous });
            if (result.ok) announce(`«\u202f${row.title}\u202f» remise dans ${statusLabel(from)}`);
            return result;
          },
        }),
      ).then((result) => {
        if (!result.ok) return;
        const visible = columnsRef.current.candidates.includes(to);
        announce(`«\u202f${row.title}\u202f» déplacée vers ${statusLabel(to)}${visible ? '' : ' (colonne masquée par le filtre Statut)'}`);
        if (control && visible) pendingFocus.current = { id: row.id, status: to, control };
      });
    };
    return {
      move,
      moveBy(row, delta, control) {
        const columns = columnsRef.current.shown;
        const index = columns.indexOf(row.status ?? 'none');
        const to = columns[index + delta];
        if (index < 0 || !to) announce(`«\u202f${row.title}\u202f» est déjà dans la ${delta < 0 ? 'première' : 'dernière'} colonne`);
        else move(row, to, control);
      },
      dragStart: (row) => setDragging(row),
      dragEnd: () => setDragging(null),
      claimFocus(id, status) {
        const pending = pendingFocus.current;
        if (!pending || pending.id !== id || pending.status !== status) return null;
        pendingFocus.current = null;
        return pending.control;
      },
      missedFocus(status, rows) {
        const pending = pendingFocus.current;
        if (!pending || pending.status !== status || rows.some((row) => row.id === pending.id)) return false;
        pendingFocus.current = null;
        return true;
      },
    };
  }, [perform, announce]);

  const drop = (to: StatusKey) => {
    if (dragging) actions.move(dragging, to, null);
    setDragging(null);
  };

  return (
    <>
      {header(total)}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <div className={classes.board} role="group" aria-label="Colonnes par statut">
        {candidates.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            hidden={!shown.includes(status)}
            query={query}
            queryKey={queryKey}
            partners={partners}
            dragging={dragging}
            actions={actions}
            onTotal={onTotal}
            onDrop={drop}
          />
        ))}
      </div>
    </>
  );
}

interface ColumnProps {
  status: StatusKey;
  hidden: boolean;
  query: ActionQuery;
  queryKey: string;
  partners: Partner[];
  dragging: ActionRow | null;
  actions: CardActions;
  onTotal: (status: StatusKey, total: number | undefined, key: string) => void;
  onDrop: (status: StatusKey) => void;
}

/** One statut: its count, its first cards (more on demand) and a drop target while dragging. */
function BoardColumn({ status, hidden, query, queryKey, partners, dragging, actions, onTotal, onDrop }: ColumnProps) {
  const [shown, setShown] = useState({ key: queryKey, count: STEP });
  const count = shown.key === queryKey ? shown.count : STEP;
  const { data, error } = useApiData('queryActions', { ...query, statuses: [status] }, { offset: 0, limit: count });
  const [over, setOver] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const label = statusLabel(status);
  const total = data?.total;
  const rows = data?.rows ?? [];

  // The answer in hand is the previous query's until the new one arrives: a count is given
  // for the query in force when its answer came.
  const keyOfAnswer = useRef(queryKey);
  useEffect(() => {
    keyOfAnswer.current = queryKey;
  });
  useEffect(() => {
    if (data) onTotal(status, data.total, keyOfAnswer.current);
  }, [onTotal, status, data]);

  // A card moved here by keyboard takes the focus as it mounts; when the column shows it
  // not (beyond the cards shown), the column's list takes it so that it is not lost.
  useEffect(() => {
    if (data && actions.missedFocus(status, data.rows)) list.current?.focus();
  }, [data, status, actions]);

  const accepts = dragging !== null && (dragging.status ?? 'none') !== status;

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (!accepts || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  }
  function onDragLeave(event: DragEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
  }
  function onDropHere(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (accepts) onDrop(status);
  }

  if (hidden) return null;
  const name = `${label}, ${total === undefined ? 'chargement' : actionCount(total)}`;
  const more = total === undefined ? 0 : Math.min(STEP, total - rows.length);
  return (
    <div
      className={classes.column}
      data-column={status}
      style={{ '--status-color': statusFill(status) } as CSSProperties}
      data-accepts={accepts || undefined}
      data-over={(accepts && over) || undefined}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDropHere}
    >
      <div className={classes.columnHeader}>
        <h2 className={classes.columnTitle}>{label}</h2>
        <span className={classes.count} aria-hidden>
          {total === undefined ? '…' : numberFormat.format(total)}
        </span>
      </div>
      <ul ref={list} className={classes.list} aria-label={name} tabIndex={-1}>
        {rows.map((row) => (
          <BoardCard key={row.id} row={row} status={status} partners={partners} dragged={dragging?.id === row.id} actions={actions} />
        ))}
      </ul>
      {error && (
        <Text size="sm" c="var(--mantine-color-error)" px="xs">
          {error.message}
        </Text>
      )}
      {total === 0 && <p className={classes.empty}>Aucune action</p>}
      {more > 0 && rows.length < MAX_SHOWN && (
        <button type="button" className={classes.more} onClick={() => setShown({ key: queryKey, count: Math.min(MAX_SHOWN, rows.length + STEP) })}>
          Afficher {more > 1 ? `les ${numberFormat.format(more)} suivantes` : 'la suivante'}
          <VisuallyHidden>&#x202f;: {label}</VisuallyHidden>
        </button>
      )}
      {more > 0 && rows.length >= MAX_SHOWN && (
        <p className={classes.empty}>
          {numberFormat.format(rows.length)} actions affichées sur {numberFormat.format(total ?? 0)}&#x202f;: précisez les filtres pour voir les autres.
        </p>
      )}
      {accepts && over && (
        <div className={classes.dropHint} aria-hidden>
          Déposer ici{'\u00a0'}: {label}
        </div>
      )}
    </div>
  );
}

interface CardProps {
  row: ActionRow;
  status: StatusKey;
  partners: Partner[];
  dragged: boolean;
  actions: CardActions;
}

// Cards are plain elements styled by the CSS module: a column may show hundreds of them.
// After each edit every column reloads, and the app state with its partners: a card whose
// action did not change is not drawn again.
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const BoardCard = memo(
  BoardCardContent,
  (before, after) =>
    before.status === after.status &&
    before.dragged === after.dragged &&
    before.actions === after.actions &&
    sameJson(before.partners, after.partners) &&
    sameJson(before.row, after.row),
);

function BoardCardContent({ row, status, partners, dragged, actions }: CardProps) {
  const card = useRef<HTMLLIElement>(null);
  const focus = (element: Element | null | undefined, control: Control) => element?.querySelector<HTMLElement>(`[data-control="${control}"]`)?.focus();

  useEffect(() => {
    const control = actions.claimFocus(row.id, status);
    if (control) focus(card.current, control);
  }, [actions, row.id, status]);

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    // Keys typed in the open menu (in a portal, outside the card's DOM) are the menu's.
    const target = event.target as HTMLElement;
    const control = target.dataset.control as Control | undefined;
    if (!control || !event.currentTarget.contains(target) || event.altKey || event.shiftKey || event.metaKey) return;
    if (event.ctrlKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      actions.moveBy(row, event.key === 'ArrowLeft' ? -1 : 1, control);
    } else if (!event.ctrlKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const item = event.currentTarget;
      focus(event.key === 'ArrowUp' ? item.previousElementSibling : item.nextElementSibling, control);
    } else if (!event.ctrlKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      // To the card at the same height in the nearest column that has cards.
      event.preventDefault();
      const item = event.currentTarget;
      const index = Array.prototype.indexOf.call(item.parentElement?.children ?? [], item);
      let column: Element | null | undefined = item.closest('[data-column]');
      do column = event.key === 'ArrowLeft' ? column?.previousElementSibling : column?.nextElementSibling;
      while (column && !column.querySelector('li'));
      const cards = column?.querySelectorAll(':scope ul > li');
      if (cards?.length) focus(cards[Math.min(index, cards.length - 1)], control);
    }
  }

  function onDragStart(event: DragEvent<HTMLLIElement>) {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(DRAG_TYPE, row.id);
    actions.dragStart(row);
  }

  return (
    <li
      ref={card}
      className={classes.card}
      data-dragged={dragged || undefined}
      draggable
      onDragStart={onDragStart}
      onDragEnd={actions.dragEnd}
      onKeyDown={onKeyDown}
    >
      <span className={classes.chantier}>
        <span className={classes.reference}>{row.reference}</span> · Chantier {row.chantier_number}
        {row.to_arbitrate && <span className={classes.arbitration}>À arbitrer</span>}
      </span>
      {/* Named by the title itself: the soft hyphens are for the eye only. */}
      <a href={href({ page: 'action', id: row.id })} className={classes.title} data-control="link" draggable={false} aria-label={row.title}>
        {hyphenated(row.title)}
      </a>
      <dl className={classes.facts}>
        {partners.map((partner) => {
          const name = row.pilots.find((pilot) => pilot.partner_id === partner.id)?.person_name;
          return (
            <div key={partner.id} className={classes.fact}>
              <dt className={classes.partner} title={`${fieldLabel('pilot', 'person_id')} ${partner.name}`}>
                <VisuallyHidden>{fieldLabel('pilot', 'person_id')} </VisuallyHidden>
                {partner.code}
              </dt>
              <dd>{name ?? <span className={classes.dimmed}>Sans pilote</span>}</dd>
            </div>
          );
        })}
        <div className={classes.fact}>
          <dt className={classes.icon} title="Échéance">
            <IconCalendarEvent size={16} aria-hidden />
            <VisuallyHidden>Échéance</VisuallyHidden>
          </dt>
          <dd className={classes.deadline}>
            {row.end_date ? <span>{formatDate(row.end_date)}</span> : <span className={classes.dimmed}>Sans échéance</span>}
            {row.late && <LateBadge />}
          </dd>
        </div>
      </dl>
      <div className={classes.footer}>
        <ActionProgress value={row.progress} barWidth={36} labelled />
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <button type="button" className={classes.moveButton} data-control="move" aria-label={`Déplacer «\u202f${row.title}\u202f»`}>
              Déplacer
              <IconChevronDown size={12} aria-hidden />
            </button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Déplacer vers</Menu.Label>
            {STATUS_KEYS.filter((key) => key !== status).map((key) => (
              <Menu.Item key={key} onClick={() => actions.move(row, key, 'move')}>
                {statusLabel(key)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </div>
    </li>
  );
}
