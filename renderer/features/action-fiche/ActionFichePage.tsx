import { Alert, Anchor, Button, Grid, Group, Progress, Stack, Switch, Text, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { FieldRow } from '../../shared/FieldRow';
import { IconPrinter } from '@tabler/icons-react';
import { fieldLabel } from '../../../common/fields';
import type { ActionDetail, ActionPatch, ApiResult, ChantierSummary, Person } from '../../../preload/contract';
import {
  COOPERATION_FORM_LABELS,
  COOPERATION_FORMS,
  FINALITE_LABELS,
  FINALITES,
  PRIORITIES,
  PRIORITY_LABELS,
  type ActionStatus,
  type CooperationForm,
  type Finalite,
  type Priority,
} from '../../../common/vocabulary';
import { send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href } from '../../app/navigation';
import { AutosaveDate, AutosaveMultiSelect, AutosaveNumber, AutosaveSelect, AutosaveText } from '../../shared/autosave/AutosaveFields';
import { AutosavePilotSelect } from '../../shared/autosave/AutosavePilotSelect';
import { FormSaverProvider, useFormSaver } from '../../shared/autosave/FormSaver';
import { SaveStatus } from '../../shared/autosave/SaveStatus';
import { useUndoShortcut } from '../../shared/autosave/useUndoShortcut';
import { PageHeader } from '../../shared/PageHeader';
import { SectionCard } from '../../shared/SectionCard';
import { STATUS_OPTIONS } from '../../shared/status';
import { ArbitrationBadge, LateBadge, StatusBadge } from '../../shared/StatusBadge';
import { ConflictBadge, ConflictsAlert, useConflictsOf } from '../conflicts/RowConflicts';
import { DocumentsSection } from '../documents/DocumentsSection';
import { ActionMeetings } from '../meetings/ActionMeetings';
import { PisteOrigin } from './PisteOrigin';
import { BudgetEditor } from './BudgetEditor';
import { DeleteActionButton } from './DeleteActionButton';
import { IndicatorsEditor } from './IndicatorsEditor';
import { PartiesEditor } from './PartiesEditor';
import { LinksEditor } from './LinksEditor';
import { NotesEditor } from './NotesEditor';
import { StepsEditor } from './StepsEditor';
import { ActionHistorySection } from './ActionHistory';
import { LoadError } from '../../shared/LoadError';

const PRIORITY_OPTIONS = PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }));
const FINALITE_OPTIONS = FINALITES.map((value) => ({ value, label: FINALITE_LABELS[value] }));
const FORM_OPTIONS = COOPERATION_FORMS.map((value) => ({ value, label: COOPERATION_FORM_LABELS[value] }));

/** The fiche action: every field saves itself; Ctrl+Z or the button undoes the last edit. */
export function ActionFichePage({ id }: { id: string }) {
  const { data: action, error } = useApiData('getAction', id);
  const { data: people, error: peopleError } = useApiData('listPeople');
  const { data: chantiers, error: chantiersError } = useApiData('listChantiers');
  if (error)
    return (
      <Alert color="red" title="Fiche introuvable">
        {error.message}
      </Alert>
    );
  const failed = peopleError ?? chantiersError;
  if (failed) return <LoadError error={failed} />;
  if (!action || !people || !chantiers) return null;
  return (
    <FormSaverProvider>
      <ActionFiche action={action} people={people} chantiers={chantiers} />
    </FormSaverProvider>
  );
}

/** How the fiche saves a change of the action. */
type UpdateAction = (patch: ActionPatch) => Promise<ApiResult<void>>;

interface FicheProps {
  action: ActionDetail;
  people: Person[];
  chantiers: ChantierSummary[];
}

function ActionFiche({ action, people, chantiers }: FicheProps) {
  useUndoShortcut();
  const update = (patch: ActionPatch) => send('updateAction', action.id, patch);
  const chantier = chantiers.find((c) => c.id === action.chantier_id);
  const conflicts = useConflictsOf({ actionId: action.id });
  // Two columns from lg on; below, one, where statut, dates and pilotes come right after the description, and the history last.
  const wide = useMediaQuery(`(min-width: ${useMantineTheme().breakpoints.lg})`, true);
  const pilotage = (
    <SectionCard title="Pilotage">
      <PilotFields action={action} people={people} />
    </SectionCard>
  );

  return (
    <>
      <PageHeader title={`${action.reference} ${action.title}`} small>
        <SaveStatus />
        <Button
          component="a"
          href={href({ page: 'action-print', id: action.id })}
          variant="default"
          size="xs"
          leftSection={<IconPrinter size={14} aria-hidden />}
        >
          Imprimer la fiche
        </Button>
      </PageHeader>
      <Group gap="sm" mt={-12} mb="lg">
        {chantier && (
          <Anchor href={href({ page: 'chantier', id: chantier.id })} size="sm">
            Chantier {chantier.number} · {chantier.title}
          </Anchor>
        )}
        <StatusBadge status={action.status} />
        {action.late && <LateBadge />}
        {action.to_arbitrate && <ArbitrationBadge />}
        {conflicts.length > 0 && <ConflictBadge />}
      </Group>
      {conflicts.length > 0 && <ConflictsAlert conflicts={conflicts} />}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="lg">
            <SectionCard title="Description">
              <AutosaveText label={fieldLabel('action', 'title')} required value={action.title} save={(title) => update({ title: title ?? '' })} />
              <AutosaveText label={fieldLabel('action', 'description')} multiline value={action.description} save={(description) => update({ description })} />
            </SectionCard>
            {!wide && <FollowUpCard action={action} chantiers={chantiers} update={update} />}
            {!wide && pilotage}
            <PisteOrigin actionId={action.id} />
            <SectionCard title="Indicateurs">
              <IndicatorsEditor action={action} />
            </SectionCard>
            <SectionCard title="Étapes">
              <StepsEditor action={action} />
            </SectionCard>
            <SectionCard title="Notes de suivi">
              <NotesEditor action={action} />
            </SectionCard>
            <SectionCard title="Réunions et décisions">
              <ActionMeetings actionId={action.id} />
            </SectionCard>
            <SectionCard title="Documents">
              <DocumentsSection ownerId={action.id} />
            </SectionCard>
            <SectionCard title="Liens">
              <LinksEditor action={action} />
            </SectionCard>
            {wide && <ActionHistorySection actionId={action.id} />}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="lg">
            {wide && <FollowUpCard action={action} chantiers={chantiers} update={update} />}
            {wide && pilotage}

            <SectionCard title="Élus et partenaires extérieurs">
              <PartiesEditor action={action} />
            </SectionCard>

            <SectionCard title="Budget et financeurs">
              <BudgetEditor action={action} />
            </SectionCard>

            <SectionCard title="Coopération">
              <AutosaveMultiSelect
                label={fieldLabel('action', 'finalites')}
                placeholder="Choisir une ou plusieurs finalités"
                data={FINALITE_OPTIONS}
                value={action.finalites}
                save={(finalites) => update({ finalites: finalites as Finalite[] })}
              />
              <AutosaveSelect
                label={fieldLabel('action', 'cooperation_form')}
                data={FORM_OPTIONS}
                value={action.cooperation_form}
                save={(form) => update({ cooperation_form: form as CooperationForm | null })}
                clearable
                placeholder="Non définie"
              />
            </SectionCard>

            {!wide && <ActionHistorySection actionId={action.id} />}
            <DeleteActionButton action={action} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/**
 * What the avancement could be: the share of étapes ticked, proposed rather than imposed;
 * and a word when a « Réalisé » action says less than 100 % (the tableaux de bord count it done).
 */
function ProgressHint({ action, update }: { action: ActionDetail; update: UpdateAction }) {
  const { perform } = useFormSaver();
  const done = action.steps.filter((step) => step.done).length;
  const fromSteps = action.steps.length > 0 ? Math.round((done / action.steps.length) * 100) : null;
  return (
    <>
      {fromSteps !== null && fromSteps !== action.progress && (
        <Group gap="xs" mt={6}>
          <Text size="xs" c="dimmed">
            {done} étape{done > 1 ? 's' : ''} sur {action.steps.length} cochée{done > 1 ? 's' : ''}, soit {fromSteps}&nbsp;%.
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            onClick={() =>
              void perform(
                () => update({ progress: fromSteps }),
                () => ({ label: 'Avancement repris des étapes', revert: () => send('updateAction', action.id, { progress: action.progress }) }),
              )
            }
          >
            Mettre l'avancement à {fromSteps}&nbsp;%
          </Button>
        </Group>
      )}
      {action.status === 'realise' && action.progress < 100 && (
        <Text size="xs" c="dimmed" mt={4}>
          Action réalisée&#x202f;: les listes d'actions et les tableaux de bord la comptent à 100&nbsp;%.
        </Text>
      )}
    </>
  );
}

/** « À arbitrer au prochain comité »: the dossier of the next CODIRI lists these actions. Undone like every edit. */
function ArbitrationSwitch({ action, update }: { action: ActionDetail; update: UpdateAction }) {
  const { perform } = useFormSaver();
  const checked = action.to_arbitrate === true;
  return (
    <Switch
      label="À arbitrer au prochain comité"
      description={
        checked
          ? "Une décision est attendue du prochain comité\u202f: l'action figure dans son dossier."
          : "À activer quand une décision du prochain comité est attendue\u202f: l'action figurera dans son dossier."
      }
      checked={checked}
      onChange={(event) => {
        const value = event.currentTarget.checked;
        void perform(
          () => update({ to_arbitrate: value }),
          () => ({ label: 'À arbitrer au prochain comité', revert: () => send('updateAction', action.id, { to_arbitrate: action.to_arbitrate }) }),
        );
      }}
    />
  );
}

/** One pilote and its services per partner (Département); the person list is that partner's. */
/** Chantier, statut, priorité, dates, avancement: what a lead changes most often. */
function FollowUpCard({ action, chantiers, update }: { action: ActionDetail; chantiers: ChantierSummary[]; update: UpdateAction }) {
  return (
    <SectionCard title="Suivi">
      <AutosaveSelect
        label={fieldLabel('action', 'chantier_id')}
        data={chantiers.map((c) => ({ value: c.id, label: `${c.number}. ${c.title}` }))}
        value={action.chantier_id}
        save={(chantierId) => update({ chantier_id: chantierId ?? '' })}
      />
      <FieldRow>
        <AutosaveSelect
          label={fieldLabel('action', 'status')}
          data={STATUS_OPTIONS}
          value={action.status ?? ''}
          save={(status) => update({ status: (status || null) as ActionStatus | null })}
        />
        <AutosaveSelect
          label={fieldLabel('action', 'priority')}
          data={PRIORITY_OPTIONS}
          value={action.priority}
          save={(priority) => update({ priority: priority as Priority | null })}
          clearable
          placeholder="Non définie"
        />
      </FieldRow>
      <FieldRow>
        <AutosaveDate label={fieldLabel('action', 'start_date')} value={action.start_date} save={(start_date) => update({ start_date })} />
        <AutosaveDate label={fieldLabel('action', 'end_date')} value={action.end_date} save={(end_date) => update({ end_date })} />
      </FieldRow>
      <div>
        <AutosaveNumber
          label={fieldLabel('action', 'progress')}
          min={0}
          max={100}
          suffix={'\u00a0%'}
          value={action.progress}
          save={(progress) => update({ progress })}
        />
        <Progress value={action.progress} mt={8} size="sm" aria-hidden />
        <ProgressHint action={action} update={update} />
      </div>
      <ArbitrationSwitch action={action} update={update} />
    </SectionCard>
  );
}

function PilotFields({ action, people }: { action: ActionDetail; people: Person[] }) {
  const { partners } = useAppState();
  return partners.map((partner) => {
    const pilot = action.pilots.find((p) => p.partner_id === partner.id);
    const personId = pilot?.person_id ?? null;
    const services = pilot?.services ?? null;
    return (
      <FieldRow key={partner.id}>
        <AutosavePilotSelect
          label={`${fieldLabel('pilot', 'person_id')} ${partner.short_name}`}
          people={people}
          partnerId={partner.id}
          value={personId}
          save={(person_id) => send('setActionPilot', action.id, partner.id, { person_id })}
        />
        <AutosaveText
          wraps
          label={`${fieldLabel('pilot', 'services')} ${partner.short_name}`}
          value={services}
          save={(value) => send('setActionPilot', action.id, partner.id, { services: value })}
        />
      </FieldRow>
    );
  });
}
