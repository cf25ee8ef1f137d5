import { Alert, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { parseDuration, parseTimeOfDay } from '../../../common/duration';
import { frenchDuration } from '../../../common/french';
import { DURATION_HINT } from './DurationField';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { ONE_CHANTIER_MESSAGE, type MeetingType } from '../../../common/vocabulary';
import { send, useApiData } from '../../api';
import { navigate } from '../../app/navigation';
import { FrenchDateInput } from '../../shared/autosave/AutosaveFields';
import { formatDate, formatTime } from '../../shared/format';
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
  // Typed text, read on submit as the duration is: an error shown on leaving the field would
  // move the button under the pointer, and the click that left it would be lost.
  const [startTime, setStartTime] = useState(formatTime('09:30'));
  const [duration, setDuration] = useState(frenchDuration(120));
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [chantierIds, setChantierIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  // A date typed that is none keeps its own French error: the meeting waits for it.
  const [dateRefused, setDateRefused] = useState(false);
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
    const time = parseTimeOfDay(startTime);
    const missing: typeof errors = {
      ...(date ? {} : { date: 'Indiquez la date de la réunion.' }),
      ...(time.error || time.time === null ? { start_time: time.error ?? "Indiquez l'heure de début, par exemple «\u00a09\u00a0h\u00a030\u00a0»." } : {}),
      ...(parsed.error || parsed.minutes === null ? { duration_minutes: parsed.error ?? 'Indiquez la durée de la réunion.' } : {}),
      ...(type === 'reunion_travail' && chantierIds.length !== 1 ? { chantier_ids: ONE_CHANTIER_MESSAGE } : {}),
    };
    setErrors(missing);
    if (!date || !time.time || parsed.minutes === null || Object.keys(missing).length > 0 || dateRefused) return;
    setBusy(true);
    const result = await send('createMeeting', {
      type,
      date,
      start_time: time.time,
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
          <FrenchDateInput label={fieldLabel('meeting', 'date')} required value={date} onChange={setDate} error={errors.date} onRefused={setDateRefused} />
          <TextInput
            label={fieldLabel('meeting', 'start_time')}
            required
            placeholder={'9\u00a0h\u00a030'}
            value={startTime}
            onChange={(event) => setStartTime(event.currentTarget.value)}
            // Written the French way once read (« 930 » → « 9 h 30 »); an unreadable one is said on submit.
            onBlur={() => {
              const read = parseTimeOfDay(startTime).time;
              if (read) setStartTime(formatTime(read));
            }}
            error={errors.start_time}
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
