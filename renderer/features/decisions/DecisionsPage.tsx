import { Alert, Anchor, Badge, Button, Group, Input, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { DecisionQuery, DecisionRow } from '../../../preload/contract';
import { MEETING_TYPE_SHORT_LABELS, MEETING_TYPES, MINUTES_STATUS_LABELS, type MeetingType } from '../../../common/vocabulary';
import { call, send, useApiData } from '../../api';
import { href } from '../../app/navigation';
import { FrenchDateInput } from '../../shared/autosave/AutosaveFields';
import { formatDate, todayIso } from '../../shared/format';
import { useAppState } from '../../app/AppContext';
import { ChantierFilter, ClearFiltersButton, FilterBar, FilterSelect, SearchFilter } from '../../shared/FilterBar';
import { useMeetingTypeLabels } from '../meetings/labels';
import { PageHeader } from '../../shared/PageHeader';
import { useSessionState } from '../../shared/useSessionState';
import classes from './DecisionsPage.module.css';
import { frenchTypography } from '../../../common/french';

type Followed = 'all' | 'yes' | 'no';

interface Filters {
  search: string;
  type: MeetingType | null;
  chantierId: string | null;
  from: string | null;
  to: string | null;
  followed: Followed;
}

const NO_FILTERS: Filters = { search: '', type: null, chantierId: null, from: null, to: null, followed: 'all' };

/** « Comité de pilotage (COPIL) »: the filter names each type with the short name its references start with. */
const typeOptions = (labels: Record<MeetingType, string>) =>
  MEETING_TYPES.map((value) => ({
    value,
    label: labels[value] === MEETING_TYPE_SHORT_LABELS[value] ? labels[value] : `${labels[value]} (${MEETING_TYPE_SHORT_LABELS[value]})`,
  }));

function queryOf(filters: Filters): DecisionQuery {
  return {
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.type ? { types: [filters.type] } : {}),
    ...(filters.chantierId ? { chantier_id: filters.chantierId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.followed === 'all' ? {} : { followed: filters.followed === 'yes' }),
  };
}

const count = (n: number) => `${n} décision${n > 1 ? 's' : ''}`;

/**
 * The register of décisions of every meeting, under their stable references, with filters,
 * printing (the page's print stylesheet keeps only the table) and the export to Excel.
 */
export function DecisionsPage() {
  const [filters, setFilters] = useSessionState<Filters>('decisions-filtres', NO_FILTERS);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters({ ...filters, [key]: value });
  const query = queryOf(filters);
  const { data: rows, error } = useApiData('listDecisions', query);
  const { data: chantiers } = useApiData('listChantiers');
  const [busy, setBusy] = useState<'print' | 'xlsx' | null>(null);
  const { project } = useAppState();
  const meetingTypeLabels = useMeetingTypeLabels();
  const chantierLabel = (id: string) => {
    const chantier = chantiers?.find((candidate) => candidate.id === id);
    return chantier ? `chantier ${chantier.number}` : 'un chantier';
  };
  const description = [
    filters.type && meetingTypeLabels[filters.type],
    filters.chantierId && chantierLabel(filters.chantierId),
    filters.from && `depuis le ${formatDate(filters.from)}`,
    filters.to && `jusqu'au ${formatDate(filters.to)}`,
    filters.followed === 'yes' && 'suivies',
    filters.followed === 'no' && 'non suivies',
    filters.search.trim() && `contenant «\u202f${filters.search.trim()}\u202f»`,
  ].filter(Boolean);

  async function print() {
    setBusy('print');
    const result = await send('printCurrentPage');
    setBusy(null);
    if (!result.ok) notifications.show({ color: 'red', title: 'Impression impossible', message: result.error.message, autoClose: 12_000 });
  }

  async function exportXlsx() {
    setBusy('xlsx');
    const result = await call('saveDecisionsXlsx', query);
    setBusy(null);
    if (!result.ok || !result.value) return;
    notifications.show({
      color: 'teal',
      title: 'Registre enregistré',
      message: `${result.value.file} (${count(result.value.rows)})\u202f: à ouvrir avec Excel ou LibreOffice.`,
      autoClose: 8000,
    });
  }

  return (
    <div className={classes.register}>
      <Text className={classes.printOnly}>
        {project.name} · registre des décisions imprimé le {formatDate(todayIso())}
      </Text>
      <PageHeader title="Décisions">
        <div className={classes.screenOnly}>
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={print}
              loading={busy === 'print'}
              disabled={!rows || busy !== null}
            >
              Imprimer…
            </Button>
            <Button
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              onClick={exportXlsx}
              loading={busy === 'xlsx'}
              disabled={!rows || busy !== null}
            >
              Exporter en Excel (.xlsx)…
            </Button>
          </Group>
        </div>
      </PageHeader>
      <Text size="sm" mb="md" maw={900} className={classes.screenOnly}>
        Le registre des décisions de toutes les réunions. Chacune a une référence stable&#x202f;: le type de réunion (CODIRI, COPIL pour le comité de pilotage,
        Atelier, RT pour la réunion de travail), l'année, le rang de la réunion parmi celles de son type dans l'année, puis «&#x202f;D&#x202f;» et le numéro de
        la décision dans le compte rendu. Une décision d'un compte rendu pas encore validé est un <strong>projet</strong>. Une décision est{' '}
        <strong>suivie</strong> quand son point de l'ordre du jour a une action à mener rattachée à une action existante.
      </Text>
      <FilterBar mb="md" className={classes.screenOnly} label="Filtres des décisions">
        <SearchFilter placeholder="Texte, référence, réunion…" value={filters.search} onChange={(value) => set('search', value)} w={260} />
        <FilterSelect
          label="Type de réunion"
          all="Tous les types"
          data={typeOptions(meetingTypeLabels)}
          value={filters.type}
          onChange={(value) => set('type', value as MeetingType | null)}
          w={240}
        />
        <ChantierFilter chantiers={chantiers} value={filters.chantierId} onChange={(value) => set('chantierId', value)} w={240} />
        <div className={classes.date}>
          <FrenchDateInput label="Réunions depuis le" value={filters.from} onChange={(value) => set('from', value)} />
        </div>
        <div className={classes.date}>
          <FrenchDateInput label="Jusqu'au" value={filters.to} onChange={(value) => set('to', value)} />
        </div>
        <Stack gap={4}>
          {/* The same label as the filters' fields beside it. */}
          <Input.Label labelElement="div" id="decisions-suivi">
            Suivi
          </Input.Label>
          <SegmentedControl
            aria-labelledby="decisions-suivi"
            value={filters.followed}
            onChange={(value) => set('followed', value as Followed)}
            data={[
              { value: 'all', label: 'Toutes' },
              { value: 'yes', label: 'Suivies' },
              { value: 'no', label: 'Non suivies' },
            ]}
          />
        </Stack>
        <ClearFiltersButton disabled={description.length === 0} onClick={() => setFilters(NO_FILTERS)} />
      </FilterBar>
      {error && <Alert color="red">{error.message}</Alert>}
      {rows && (
        <>
          <Text size="sm" fw={600} mb="xs" role="status" aria-live="polite">
            {count(rows.length)}
            {description.length > 0 && (
              <Text span size="sm" fw={400}>
                {' '}
                · {description.join(' · ')}
              </Text>
            )}
          </Text>
          {rows.length === 0 ? (
            <Text c="dimmed">
              {description.length
                ? 'Aucune décision ne correspond à ces filtres.'
                : "Aucune décision n'a encore été prise en réunion. Les décisions se saisissent dans le compte rendu d'une réunion, au point de l'ordre du jour qu'elles concernent."}
            </Text>
          ) : (
            <DecisionsTable rows={rows} />
          )}
        </>
      )}
    </div>
  );
}

function DecisionsTable({ rows }: { rows: DecisionRow[] }) {
  // Five columns, statut and suivi together: whole in the narrowest window (fenetre-etroite.spec.ts).
  return (
    <Table.ScrollContainer minWidth={600} className={classes.scroll}>
      <Table striped aria-label="Registre des décisions" className={classes.table} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Référence et date</Table.Th>
            <Table.Th className={classes.meeting}>Réunion</Table.Th>
            <Table.Th className={classes.chantier}>Chantier</Table.Th>
            <Table.Th>Décision</Table.Th>
            <Table.Th className={classes.status}>Statut et suivi</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td className={classes.nowrap}>
                <strong className={classes.reference}>{row.reference}</strong>
                <Text size="xs" className={classes.detail}>
                  {formatDate(row.date)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor href={href({ page: 'meeting', id: row.meeting.id, step: 'compte-rendu' })} size="sm">
                  {row.meeting.title}
                </Anchor>
                {row.meeting.version > 1 && (
                  <Text span size="sm">
                    {' '}
                    (version {row.meeting.version})
                  </Text>
                )}
                <Text size="xs" c="dimmed" className={classes.detail}>
                  Point {row.agenda_item.number}&#x202f;: {row.agenda_item.title}
                </Text>
              </Table.Td>
              <Table.Td>
                {row.chantiers.length === 0 ? (
                  '—'
                ) : (
                  <Text size="sm">{row.chantiers.map((chantier) => `${chantier.number}. ${chantier.title}`).join('\u202f; ')}</Text>
                )}
              </Table.Td>
              <Table.Td className={classes.text}>{frenchTypography(row.text)}</Table.Td>
              <Table.Td>
                {row.draft ? (
                  <>
                    <Badge color="yellow.5" c="black" variant="filled" radius="sm">
                      Projet
                    </Badge>
                    <Text size="xs" mt={4} className={classes.detail}>
                      Compte rendu&#x202f;: {MINUTES_STATUS_LABELS[row.minutes_status].toLowerCase()}
                    </Text>
                  </>
                ) : (
                  <Badge color="teal.9" c="white" variant="filled" radius="sm">
                    Validée
                  </Badge>
                )}
                <Text size="xs" mt={4} className={classes.detail}>
                  Suivie&#x202f;: <strong>{row.followed ? 'Oui' : 'Non'}</strong>
                </Text>
                {row.follow_up_actions.map((action) => (
                  <Anchor key={action.id} href={href({ page: 'action', id: action.id })} size="xs" display="block" className={classes.detail}>
                    {action.title}
                  </Anchor>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
