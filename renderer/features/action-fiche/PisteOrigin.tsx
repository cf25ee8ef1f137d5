import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { PisteOrigin as Origin } from '../../../preload/contract';
import { frenchDate } from '../../../common/french';
import { QUADRANT_LABELS, type MeetingType } from '../../../common/vocabulary';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { SectionCard } from '../../shared/SectionCard';
import { useMeetingTypeLabels } from '../meetings/labels';
import { scoreText } from '../meetings/PistesArbitration';
import { PartnerMeansTable } from '../pistes/PartnerMeansTable';

/** « du comité de pilotage du 12 mars 2027 », « du CODIRI du 3 juin 2027 ». */
function ofMeeting(meeting: NonNullable<Origin['decision_meeting']>, typeLabels: Record<MeetingType, string>): string {
  const type = typeLabels[meeting.type];
  // An acronym keeps its capitals; a common noun is lowercased inside the sentence.
  const named = type === type.toUpperCase() ? type : type.charAt(0).toLowerCase() + type.slice(1);
  return `du ${named} du ${frenchDate(meeting.date)}`;
}

/** On the fiche of an action born of a retained piste: the piste, its évaluation croisée, the comité's décision. */
export function PisteOrigin({ actionId }: { actionId: string }) {
  const { data: piste } = useApiData('getPisteOfAction', actionId);
  const typeLabels = useMeetingTypeLabels();
  if (!piste) return null;
  const gap = piste.disagreement;
  return (
    <SectionCard title="Piste d'origine">
      <Text size="sm">
        Issue de la piste{' '}
        <Anchor href={href({ page: 'piste', id: piste.id })} fw={600} size="sm">
          {piste.reference} «&#x202f;{piste.title}&#x202f;»
        </Anchor>
        , proposée par {piste.proposed_by.short_name}.
      </Text>
      {piste.together.evaluators > 0 && (
        <PartnerMeansTable piste={piste} heading="Notes moyennes" aria-label={`Évaluation croisée de ${piste.reference}`} verticalSpacing={4} maw={520} />
      )}
      {(piste.quadrant || gap.flagged) && (
        <Group gap="xs">
          {piste.quadrant && <Text size="sm">Quadrant&#x202f;: {QUADRANT_LABELS[piste.quadrant]}</Text>}
          {gap.flagged && (
            <Badge color="orange" variant="light" radius="sm" size="sm">
              désaccord entre partenaires (écart {scoreText(Math.max(gap.plus_value ?? 0, gap.faisabilite ?? 0))})
            </Badge>
          )}
        </Group>
      )}
      {piste.decision && (
        <div>
          <Text size="sm">
            {piste.decision_meeting ? (
              <Anchor href={href({ page: 'meeting', id: piste.decision_meeting.id, step: 'compte-rendu' })} fw={600} size="sm">
                Décision n°&nbsp;{piste.decision.number} {ofMeeting(piste.decision_meeting, typeLabels)}
              </Anchor>
            ) : (
              `Décision n°\u00a0${piste.decision.number}`
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {piste.decision.text}
          </Text>
        </div>
      )}
    </SectionCard>
  );
}
