import { SimpleGrid, TagsInput } from '@mantine/core';
import { useAppState } from '../../app/AppContext';
import { send, useApiData } from '../../api';
import { fieldLabel } from '../../../common/fields';
import { partnerNoun } from '../../../common/partners';
import type { MeetingPatch } from '../../../preload/contract';
import type { MeetingType } from '../../../common/vocabulary';
import { AutosaveDate, AutosaveMultiSelect, AutosaveSelect, AutosaveText, AutosaveTime } from '../../shared/autosave/AutosaveFields';
import { useAutosave } from '../../shared/autosave/useAutosave';
import { partnerOptions } from '../../shared/people';
import { formatDate } from '../../shared/format';
import { AutosaveDuration } from './DurationField';
import { useMeetingTypeOptions } from './labels';
import type { MeetingProps } from './MeetingPage';
import { MoreFieldsButton, useFoldedFields } from './MoreFields';

/** The header of the minutes: when, where, who presides, who takes the minutes, who receives them; empty optional fields folded. */
export function MeetingFieldsSection({ meeting, people, chantiers }: MeetingProps) {
  const { partners } = useAppState();
  const meetingTypeOptions = useMeetingTypeOptions();
  const disabled = meeting.read_only;
  const update = (patch: MeetingPatch) => send('updateMeeting', meeting.id, patch);
  const personOptions = people.map((person) => ({ value: person.id, label: person.name }));
  const chantierOptions = chantiers.map((chantier) => ({ value: chantier.id, label: `${chantier.number}. ${chantier.title}` }));
  const folding = useFoldedFields({
    title: !!meeting.own_title,
    place: !!meeting.place,
    // A réunion de travail concerns exactly one chantier: never folded there.
    chantier_ids: meeting.chantier_ids.length > 0 || meeting.type === 'reunion_travail',
    president_id: !!meeting.president,
    secretary_id: !!meeting.secretary,
    secretariat_partner_id: !!meeting.secretariat,
    diffusion: meeting.diffusion.length > 0,
    next_meeting_date: !!meeting.next_meeting_date,
  });
  const { shown } = folding;

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <AutosaveSelect
          label={fieldLabel('meeting', 'type')}
          data={meetingTypeOptions}
          value={meeting.type}
          save={(type) => update({ type: type as MeetingType })}
          disabled={disabled}
        />
        {shown('title') && (
          <AutosaveText
            label={fieldLabel('meeting', 'title')}
            description="Facultatif"
            value={meeting.own_title}
            save={(title) => update({ title })}
            disabled={disabled}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <AutosaveDate label={fieldLabel('meeting', 'date')} value={meeting.date} save={(date) => update({ date: date ?? '' })} disabled={disabled} />
        <AutosaveTime
          label={fieldLabel('meeting', 'start_time')}
          value={meeting.start_time}
          save={(start_time) => update({ start_time })}
          disabled={disabled}
        />
        <AutosaveDuration
          label={fieldLabel('meeting', 'duration_minutes')}
          required="Indiquez la durée de la réunion."
          value={meeting.duration_minutes}
          save={(minutes) => update({ duration_minutes: minutes ?? undefined })}
          disabled={disabled}
        />
        {shown('place') && (
          <AutosaveText label={fieldLabel('meeting', 'place')} value={meeting.place} save={(place) => update({ place })} disabled={disabled} />
        )}
      </SimpleGrid>
      {shown('chantier_ids') && (
        <AutosaveMultiSelect
          label={fieldLabel('meeting', 'chantier_ids')}
          data={chantierOptions}
          value={meeting.chantier_ids}
          save={(chantier_ids) => update({ chantier_ids })}
          disabled={disabled}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {shown('president_id') && (
          <AutosaveSelect
            label={fieldLabel('meeting', 'president_id')}
            data={personOptions}
            clearable
            value={meeting.president?.id ?? null}
            save={(president_id) => update({ president_id })}
            disabled={disabled}
          />
        )}
        {shown('secretary_id') && (
          <AutosaveSelect
            label={fieldLabel('meeting', 'secretary_id')}
            data={personOptions}
            clearable
            value={meeting.secretary?.id ?? null}
            save={(secretary_id) => update({ secretary_id })}
            disabled={disabled}
          />
        )}
        {shown('secretariat_partner_id') && (
          <AutosaveSelect
            label={fieldLabel('meeting', 'secretariat_partner_id')}
            description={`Le ${partnerNoun(partners)} qui rédige et envoie le compte rendu`}
            data={partnerOptions(partners)}
            clearable
            value={meeting.secretariat?.id ?? null}
            save={(secretariat_partner_id) => update({ secretariat_partner_id })}
            disabled={disabled}
          />
        )}
      </SimpleGrid>
      {shown('diffusion') && <DiffusionField value={meeting.diffusion} save={(diffusion) => update({ diffusion })} disabled={disabled} />}
      {shown('next_meeting_date') && (
        <AutosaveDate
          label={fieldLabel('meeting', 'next_meeting_date')}
          description={meeting.type === 'codiri' ? <CodiriHint meetingId={meeting.id} /> : undefined}
          value={meeting.next_meeting_date}
          save={(next_meeting_date) => update({ next_meeting_date })}
          disabled={disabled}
        />
      )}
      {!disabled && <MoreFieldsButton labels={folding.folded.map((name) => fieldLabel('meeting', name))} open={folding.open} toggle={folding.toggle} />}
    </>
  );
}

function DiffusionField({ value, save, disabled }: { value: string[]; save: (value: string[]) => ReturnType<typeof send>; disabled: boolean }) {
  const field = useAutosave({ value, save, label: fieldLabel('meeting', 'diffusion') });
  return (
    <TagsInput
      label={fieldLabel('meeting', 'diffusion')}
      description="Destinataires du compte rendu : tapez un nom ou un service, puis Entrée"
      value={field.value}
      onChange={field.onChange}
      error={field.error}
      disabled={disabled}
      clearable
    />
  );
}

/** For a CODIRI: about six months after it, and whose turn the secretariat is (it alternates). */
function CodiriHint({ meetingId }: { meetingId: string }) {
  const { data: proposal } = useApiData('getCodiriProposal', meetingId);
  if (!proposal?.date) return null;
  return (
    <>
      Proposition&#x202f;: {formatDate(proposal.date)}
      {proposal.secretariat_partner_name ? `, secrétariat\u202f: ${proposal.secretariat_partner_name}` : ''}
    </>
  );
}
