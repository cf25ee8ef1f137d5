// The matrice of the pistes (#/pistes/matrice): the chart, or the same points as a
// sortable table (what a screen reader reads best), filtered by finalité and by partner.
import { Alert, Button, Loader, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp, IconPrinter } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { FINALITE_LABELS, FINALITES, QUADRANT_LABELS, QUADRANT_THRESHOLD, QUADRANTS, type Finalite } from '../../../common/vocabulary';
import type { MatrixPoint, PisteFilter } from '../../../preload/contract';
import { useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href } from '../../app/navigation';
import { numberFormat } from '../../shared/format';
import { FilterBar, FilterSelect } from '../../shared/FilterBar';
import { PageHeader } from '../../shared/PageHeader';
import { useSessionState } from '../../shared/useSessionState';
import { MatrixLegend, PisteMatrix } from './PisteMatrix';
import { formatMean } from './labels';
import classes from './PisteMatrix.module.css';
import { PistesViews } from './PistesViews';

type View = 'chart' | 'table';

interface Filters {
  finalite: Finalite | null;
  partnerId: string | null;
}

const FINALITE_OPTIONS = FINALITES.map((value) => ({ value, label: FINALITE_LABELS[value] }));

/** « 1 000 pistes », with the French thousands' space. */
const pistes = (n: number) => `${numberFormat.format(n)} piste${n > 1 ? 's' : ''}`;

export function MatrixPage() {
  const { partners } = useAppState();
  const [filters, setFilters] = useSessionState<Filters>('matrice-filtres', { finalite: null, partnerId: null });
  const [view, setView] = useSessionState<View>('matrice-vue', 'chart');
  const filter: PisteFilter = {
    ...(filters.finalite ? { finalite: filters.finalite } : {}),
    ...(filters.partnerId ? { partner_id: filters.partnerId } : {}),
  };
  const { data, error } = useApiData('getPisteMatrix', filter);
  const partnerName = useCallback((id: string) => partners.find((partner) => partner.id === id)?.short_name ?? id, [partners]);
  const described = [
    filters.finalite && `finalité «\u202f${FINALITE_LABELS[filters.finalite]}\u202f»`,
    filters.partnerId && `proposées par ${partnerName(filters.partnerId)}`,
  ]
    .filter(Boolean)
    .join(', ');
  const chartLabel = `Matrice des pistes${described ? ` (${described})` : ''}\u202f: plus-value de la coopération en hauteur, faisabilité à court terme en largeur, de 1 à 4`;

  return (
    <Stack gap="md">
      <PageHeader title="Matrice des pistes">
        <Button component="a" href={href({ page: 'pistes-synthesis' })} variant="default" leftSection={<IconPrinter size={16} aria-hidden />}>
          Synthèse des ateliers…
        </Button>
      </PageHeader>
      <PistesViews current="pistes-matrix" />
      <Text size="sm" maw={900}>
        Chaque piste évaluée est placée selon la moyenne des partenaires (chacun pèse autant, quel que soit son nombre d&apos;évaluateurs). À partir de{' '}
        {formatMean(QUADRANT_THRESHOLD)} sur un axe, la note compte comme haute. Un point ouvre sa piste&#x202f;; au clavier, Tab et les flèches passent
        d&apos;un point à l&apos;autre.
      </Text>
      <FilterBar label="Filtres de la matrice">
        <FilterSelect
          label="Finalité"
          all="Toutes les finalités"
          data={FINALITE_OPTIONS}
          value={filters.finalite}
          onChange={(value) => setFilters({ ...filters, finalite: value as Finalite | null })}
          w={300}
        />
        <FilterSelect
          label="Proposée par"
          all="Tous les partenaires"
          data={partners.map((partner) => ({ value: partner.id, label: partner.short_name }))}
          value={filters.partnerId}
          onChange={(value) => setFilters({ ...filters, partnerId: value })}
          w={220}
        />
        <SegmentedControl
          aria-label="Affichage de la matrice"
          value={view}
          onChange={(value) => setView(value as View)}
          data={[
            { value: 'chart', label: 'Graphique' },
            { value: 'table', label: 'Tableau' },
          ]}
        />
      </FilterBar>
      {error && (
        <Alert color="red" title="Matrice indisponible">
          {error.message}
        </Alert>
      )}
      {!data && !error && <Loader size="sm" aria-label="Chargement de la matrice" />}
      {data && (
        <>
          <Text size="sm" role="status">
            {data.points.length === 0 ? 'Aucune piste évaluée' : `${pistes(data.points.length)} sur la matrice`}
            {described ? ` (${described})` : ''}
            {data.unscored > 0
              ? `\u202f; ${pistes(data.unscored)} pas encore évaluée${data.unscored > 1 ? 's' : ''} sur les deux axes n'y figure${data.unscored > 1 ? 'nt' : ''} pas.`
              : '.'}
          </Text>
          {view === 'chart' ? (
            <div>
              <PisteMatrix points={data.points} partners={partners} label={chartLabel} />
              <MatrixLegend partners={partners} />
            </div>
          ) : (
            <MatrixTable points={data.points} partnerName={partnerName} />
          )}
        </>
      )}
    </Stack>
  );
}

type SortKey = 'reference' | 'title' | 'partner' | 'plus_value' | 'faisabilite' | 'quadrant';
interface Sort {
  by: SortKey;
  direction: 'asc' | 'desc';
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function compare(a: MatrixPoint, b: MatrixPoint, by: SortKey, partnerName: (id: string) => string): number {
  switch (by) {
    case 'reference':
      return collator.compare(a.reference, b.reference);
    case 'title':
      return collator.compare(a.title, b.title);
    case 'partner':
      return collator.compare(partnerName(a.partner_id), partnerName(b.partner_id));
    case 'plus_value':
      return a.plus_value - b.plus_value;
    case 'faisabilite':
      return a.faisabilite - b.faisabilite;
    case 'quadrant':
      return QUADRANTS.indexOf(a.quadrant) - QUADRANTS.indexOf(b.quadrant);
  }
}

/** The matrice as a table: the same points, sortable by each column (a second click reverses). */
function MatrixTable({ points, partnerName }: { points: MatrixPoint[]; partnerName: (id: string) => string }) {
  const [sort, setSort] = useState<Sort>({ by: 'reference', direction: 'asc' });
  const rows = useMemo(
    () => [...points].sort((a, b) => (sort.direction === 'asc' ? 1 : -1) * compare(a, b, sort.by, partnerName) || collator.compare(a.reference, b.reference)),
    [points, sort, partnerName],
  );
  const header = (by: SortKey, label: string, numeric = false) => {
    const active = sort.by === by;
    const Icon = !active ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={numeric ? classes.number : undefined}>
        <UnstyledButton
          onClick={() => setSort({ by, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })}
          className={classes.sortButton}
          fw={700}
          fz="sm"
        >
          {label}
          <Icon size={14} aria-hidden />
        </UnstyledButton>
      </th>
    );
  };
  // Plain rows, not Mantine's components: a thousand pistes stay quick to draw.
  return (
    <table className={classes.table} aria-label="Matrice des pistes en tableau">
      <thead>
        <tr>
          {header('reference', 'Réf.')}
          {header('title', 'Intitulé')}
          {header('partner', 'Proposée par')}
          {header('plus_value', 'Plus-value', true)}
          {header('faisabilite', 'Faisabilité', true)}
          {header('quadrant', 'Quadrant')}
        </tr>
      </thead>
      <tbody>
        {rows.map((point) => (
          <tr key={point.piste_id}>
            <td className={classes.nowrap}>{point.reference}</td>
            <td>
              <a href={href({ page: 'piste', id: point.piste_id })} className={classes.anchor}>
                {point.title}
              </a>
            </td>
            <td>{partnerName(point.partner_id)}</td>
            <td className={classes.number}>{formatMean(point.plus_value)}</td>
            <td className={classes.number}>{formatMean(point.faisabilite)}</td>
            <td>{QUADRANT_LABELS[point.quadrant]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
