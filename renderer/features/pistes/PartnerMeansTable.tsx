import { Table, type TableProps } from '@mantine/core';
import type { PisteRow } from '../../../preload/contract';
import { Unbroken } from '../../shared/Unbroken';
import { formatMean } from './labels';

interface Props extends Omit<TableProps, 'children'> {
  piste: Pick<PisteRow, 'by_partner' | 'together'>;
  /** The first column's header: « Moyennes », « Notes moyennes ». */
  heading: string;
}

/** Each partner's mean plus-value and faisabilité with its evaluators, then « Ensemble » in bold. */
export function PartnerMeansTable({ piste, heading, ...table }: Props) {
  return (
    <Table {...table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{heading}</Table.Th>
          <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
            Plus-value
          </Table.Th>
          <Table.Th ta="right">Faisabilité</Table.Th>
          <Table.Th ta="right">Évaluateurs</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {piste.by_partner.map((partner) => (
          <Table.Tr key={partner.partner_id}>
            <Table.Td>
              <Unbroken text={partner.partner_short_name} />
            </Table.Td>
            <Table.Td ta="right">{formatMean(partner.plus_value)}</Table.Td>
            <Table.Td ta="right">{formatMean(partner.faisabilite)}</Table.Td>
            <Table.Td ta="right">{partner.evaluators}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={700}>
          <Table.Td>Ensemble</Table.Td>
          <Table.Td ta="right">{formatMean(piste.together.plus_value)}</Table.Td>
          <Table.Td ta="right">{formatMean(piste.together.faisabilite)}</Table.Td>
          <Table.Td ta="right">{piste.together.evaluators}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
