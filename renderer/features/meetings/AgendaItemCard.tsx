import { ActionIcon, Anchor, Badge, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { fieldLabel } from '../../../common/fields';
import { formatDuration, formatTime } from '../../shared/format';
import type { AgendaItemPatch, AgendaItemView, AgendaLinkChantier } from '../../../preload/contract';
import { call, send } from '../../api';
import { href } from '../../app/navigation';
import { AutosaveText } from '../../shared/autosave/AutosaveFields';
import { RemoveButton } from '../../shared/RemoveButton';
import { useAutosave } from '../../shared/autosave/useAutosave';
import { ActionItemsEditor } from './ActionItemsEditor';
import { AgendaLinkSelect } from './AgendaLinkSelect';
import { AutosaveDuration } from './DurationField';
import { EntriesEditor } from './EntriesEditor';
import type { MeetingProps } from './MeetingPage';
import { MoreFieldsButton, useFoldedFields } from './MoreFields';

interface Props extends MeetingProps {
  item: AgendaItemView;
}

/** « 1. Avancement des chantiers · à 9 h 30, 1 h », its « À arbitrer » badge, and the buttons given. */
function PointHeading({ item, children }: { item: AgendaItemView; children?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" mb="xs" align="flex-start">
      <Group gap="xs">
        <Title order={3} size="h5" id={`point-${item.id}`}>
          {item.number}. {item.title}
          <Text span size="sm" c="dimmed" fw={400}>
            {' · à '}
            {formatTime(item.planned_start)}
            {item.duration_minutes ? `, ${formatDuration(item.duration_minutes)}` : ''}
          </Text>
        </Title>
        {item.to_arbitrate && (
          <Badge color="orange.8" c="black" variant="filled" radius="sm">
            {fieldLabel('agenda_item', 'to_arbitrate')}
          </Badge>
        )}
      </Group>
      {children}
    </Group>
  );
}

/** Préparer: one point of the ordre du jour, its title, duration, « À arbitrer », and (folded while empty) who presents it and what it concerns. */
export function AgendaItemCard({ meeting, item, links, first, last }: Props & { first: boolean; last: boolean }) {
  const disabled = meeting.read_only;
  const update = (patch: AgendaItemPatch) => send('updateAgendaItem', item.id, patch);
  const name = `point ${item.number}`;
  const folding = useFoldedFields({ presenter: !!item.presenter, link: !!item.chantier || !!item.action });

  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-labelledby={`point-${item.id}`}>
      <PointHeading item={item}>
        {!disabled && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Monter le ${name}`}
              disabled={first}
              onClick={() => void call('moveAgendaItem', item.id, 'up')}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Descendre le ${name}`}
              disabled={last}
              onClick={() => void call('moveAgendaItem', item.id, 'down')}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <RemoveButton
              label={`Supprimer le ${name}`}
              remove={() => send('deleteAgendaItem', item.id)}
              undo={{ label: `Point ${item.number} supprimé`, revert: () => send('restoreDeleted', 'agenda_item', item.id) }}
            />
          </Group>
        )}
      </PointHeading>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <AutosaveText
            label={`${fieldLabel('agenda_item', 'title')} ${item.number}`}
            required
            value={item.title}
            save={(title) => update({ title: title ?? '' })}
            disabled={disabled}
          />
          <AutosaveDuration
            label={fieldLabel('agenda_item', 'duration_minutes')}
            value={item.duration_minutes}
            save={(duration_minutes) => update({ duration_minutes })}
            disabled={disabled}
          />
          <ArbitrationCheckbox item={item} save={(to_arbitrate) => update({ to_arbitrate })} disabled={disabled} />
        </SimpleGrid>
        {(folding.shown('presenter') || folding.shown('link')) && (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {folding.shown('presenter') && (
              <AutosaveText
                label={fieldLabel('agenda_item', 'presenter')}
                value={item.presenter}
                save={(presenter) => update({ presenter })}
                disabled={disabled}
              />
            )}
            {folding.shown('link') && (
              <div style={{ gridColumn: 'span 2' }}>
                <AgendaLinkSelect item={item} links={links} meetingChantierIds={meeting.chantier_ids} save={update} disabled={disabled} />
              </div>
            )}
          </SimpleGrid>
        )}
        {!disabled && (
          <MoreFieldsButton
            labels={folding.folded.map((field) => (field === 'link' ? 'Lié à' : fieldLabel('agenda_item', field)))}
            open={folding.open}
            toggle={folding.toggle}
          />
        )}
      </Stack>
    </Paper>
  );
}

function ArbitrationCheckbox({ item, save, disabled }: { item: AgendaItemView; save: (value: boolean) => ReturnType<typeof send>; disabled: boolean }) {
  const label = fieldLabel('agenda_item', 'to_arbitrate');
  const field = useAutosave({ value: item.to_arbitrate, save, label });
  return (
    <Checkbox
      mt={{ md: 30 }}
      // Not the badge's words alone: the badge says the state, the box asks the question.
      label="Point à arbitrer"
      description="Une décision est attendue de la réunion"
      checked={field.value}
      onChange={(event) => field.onChange(event.currentTarget.checked)}
      error={field.error}
      disabled={disabled}
    />
  );
}

/** What the point concerns, as the compte rendu names it: « 4.2 Organisation… », or the chantier. */
function linkText(item: AgendaItemView, links: AgendaLinkChantier[]): ReactNode {
  if (item.action) {
    const reference = links.flatMap((chantier) => chantier.actions).find((action) => action.id === item.action!.id)?.reference;
    return (
      <Anchor href={href({ page: 'action', id: item.action.id })} size="sm">
        {reference ? `${reference} ` : ''}
        {item.action.title}
      </Anchor>
    );
  }
  if (item.chantier)
    return (
      <Anchor href={href({ page: 'chantier', id: item.chantier.id })} size="sm">
        Chantier {item.chantier.number} · {item.chantier.title}
      </Anchor>
    );
  return null;
}

/** Compte rendu: what was said on a point (notes), informed and decided, and given to do. */
export function MinutesItemCard({ meeting, people, chantiers, item, links }: Props) {
  const disabled = meeting.read_only;
  const link = linkText(item, links);
  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-labelledby={`point-${item.id}`}>
      <PointHeading item={item} />
      {(item.presenter || link) && (
        <Text size="sm" mt={-6} mb="xs">
          {item.presenter ? `${fieldLabel('agenda_item', 'presenter')} ${item.presenter}` : ''}
          {item.presenter && link ? ' · ' : ''}
          {link && <>Lié à&#x202f;: {link}</>}
        </Text>
      )}
      <Stack gap="sm">
        <AutosaveText
          label={`${fieldLabel('agenda_item', 'notes')} du point ${item.number}`}
          multiline
          value={item.notes}
          save={(notes) => send('updateAgendaItem', item.id, { notes })}
          disabled={disabled}
        />
        <EntriesEditor item={item} disabled={disabled} />
        <ActionItemsEditor meeting={meeting} people={people} chantiers={chantiers} item={item} />
      </Stack>
    </Paper>
  );
}
