import { Table, Text } from '@mantine/core';
import { fieldLabel } from '../../common/fields';
import type { Partner, PilotRef } from '../../preload/contract';

/** The pilote of one partner, or « Sans pilote » in dimmed text. */
export function PilotName({ pilots, partnerId }: { pilots: PilotRef[]; partnerId: string }) {
  const name = pilots.find((pilot) => pilot.partner_id === partnerId)?.person_name;
  return name ? (
    <Text size="sm" lineClamp={2}>
      {name}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" fs="italic" style={{ whiteSpace: 'nowrap' }}>
      Sans pilote
    </Text>
  );
}

/** « Pilote 37 »: the partner's code keeps table columns narrow; its name is in the tooltip. */
export function PilotHeader({ partner }: { partner: Partner }) {
  return (
    <Table.Th title={`${fieldLabel('pilot', 'person_id')} ${partner.name}`} style={{ whiteSpace: 'nowrap' }}>
      {fieldLabel('pilot', 'person_id')} {partner.code}
    </Table.Th>
  );
}
