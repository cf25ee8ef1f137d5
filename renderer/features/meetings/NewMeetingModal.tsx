import { Alert, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { parseDuration } from '../../../common/duration';
import { frenchDuration } from '../../../common/french';
import { DURATION_HINT } from './DurationField';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { ONE_CHANTIER_MESSAGE, type MeetingType } from '../../../common/vocabulary';
import { send, useApiData } from '../../api';
import { navigate } from '../../app/navigation';
import { FrenchDateInput, FrenchTimeInput } from '../../shared/autosave/AutosaveFields';
import { formatDate } from '../../shared/format';
import { useMeetingTypeOptions } from './labels';
import { FormActions } from '../../shared/FormActions';

type Field = 'type' | 'date' | 'start_time' | 'duration_minutes' | 'title' | 'place' | 'chantier_ids';

/** Type, date, heure, durée, lieu and chantiers; for a CODIRI, the proposed date and whose turn the secretariat is. */
export function NewMeetingModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Nouvelle réunion" size="lg">
      {opened && <NewMeetingForm onClose={onClose} />}
    </Modal>
  );
}

function NewMeetingForm({ onClose }: { onClose: () => void }) {
  const [type, setType] = useState<MeetingType>('reunion_travail');
  const meetingTypeOptions = useMeetingTypeOptions();
  const [date, setDate] = useState<string | null>(null);
  const [startTime, setStartTime] = useState('09:30');
  const [duration, setDuration] = useState(frenchDuration(120));
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [chantierIds, setChantierIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  // A date or a time typed that is none keeps its own French error: the meeting waits for it.
  const [refused, setRefused] = useState<ReadonlySet<'date' | 'start_time'>>(new Set());
  const refusing = (field: 'date' | 'start_time') => (isRefused: boolean) =>
    setRefused((current) => (current.has(field) === isRefused ? current : new Set(isRefused ? [...current, field] : [...current].filter((f) => f !== field))));
  const { data: chantiers } = useApiData('listChantiers');
  const { data: proposal } = useApiData('getCodiriProposal', null);
  const chantierOptions = (chantiers ?? []).map((chantier) => ({ value: chantier.id, label: `${chantier.number}. ${chantier.title}` }));

  function chooseType(value: MeetingType) {
    setType(value);
    if (value === 'codiri' && !date && proposal?.date) setDate(proposal.date);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Everything missing said at once, not one field per try.
    const parsed = parseDuration(duration);
    const missing: typeof errors = {
      ...(date ? {} : { date: 'Indiquez la date de la réunion.' }),
      ...(parsed.error || parsed.minutes === null ? { duration_minutes: parsed.error ?? 'Indiquez la durée de la réunion.' } : {}),
      ...(type === 'reunion_travail' && chantierIds.length !== 1 ? { chantier_ids: ONE_CHANTIER_MESSAGE } : {}),
    };
    setErrors(missing);
    if (!date || parsed.minutes === null || Object.keys(missing).length > 0 || refused.size > 0) return;
    setBusy(true);
    const result = await send('createMeeting', {
      type,
      date,
      start_time: startTime,
      duration_minutes: parsed.minutes,
      title: title.trim() || null,
      place: place.trim() || null,
      chantier_ids: chantierIds,
    });
    setBusy(false);
    if (!result.ok) {
      const field = (['type', 'date', 'start_time', 'duration_minutes', 'title', 'place', 'chantier_ids'] as const).find((name) => name === result.error.field);
      return setErrors({ [field ?? 'form']: result.error.message });
    }
    onClose();
    navigate({ page: 'meeting', id: result.value });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={fieldLabel('meeting', 'type')}
          required
          data={meetingTypeOptions}
          value={type}
          onChange={(value) => value && chooseType(value as MeetingType)}
          allowDeselect={false}
          error={errors.type}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        {type === 'codiri' && proposal && (
          <Alert color="blue" title="Prochain CODIRI">
            {proposal.date
              ? `Date proposée\u202f: ${formatDate(proposal.date)}, environ six mois après le ${proposal.after?.title ?? 'dernier CODIRI'}. `
              : 'Premier CODIRI de la coopération. '}
            {proposal.secretariat_partner_name && `Secrétariat cette fois\u202f: ${proposal.secretariat_partner_name}.`}
          </Alert>
        )}
        <TextInput
          label={fieldLabel('meeting', 'title')}
          description="Facultatif : sans titre, la réunion est nommée par son type et sa date"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
        />
        <Group grow align="flex-start">
          <FrenchDateInput label={fieldLabel('meeting', 'date')} required value={date} onChange={setDate} error={errors.date} onRefused={refusing('date')} />
          <FrenchTimeInput
            label={fieldLabel('meeting', 'start_time')}
            required
            value={startTime}
            onChange={setStartTime}
            error={errors.start_time}
            onRefused={refusing('start_time')}
          />
          <TextInput
            label={fieldLabel('meeting', 'duration_minutes')}
            required
            placeholder={DURATION_HINT}
            value={duration}
            onChange={(event) => setDuration(event.currentTarget.value)}
            error={errors.duration_minutes}
          />
        </Group>
        <TextInput label={fieldLabel('meeting', 'place')} value={place} onChange={(event) => setPlace(event.currentTarget.value)} error={errors.place} />
        {type === 'reunion_travail' ? (
          <Select
            label="Chantier"
            required
            data={chantierOptions}
            value={chantierIds[0] ?? null}
            onChange={(value) => setChantierIds(value ? [value] : [])}
            error={errors.chantier_ids}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <MultiSelect
            label={fieldLabel('meeting', 'chantier_ids')}
            data={chantierOptions}
            value={chantierIds}
            onChange={setChantierIds}
            error={errors.chantier_ids}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <FormActions submitLabel="Créer la réunion" onCancel={onClose} busy={busy} error={errors.form} />
      </Stack>
    </form>
  );
}
