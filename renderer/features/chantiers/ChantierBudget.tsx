import { Paper, Table, Text, Title } from '@mantine/core';
import { TAX_BASIS_LABELS } from '../../../common/vocabulary';
import { useApiData } from '../../api';
import { formatEuros } from '../../shared/format';
import { BudgetTotals, FundingTotals } from '../action-fiche/BudgetEditor';

/** The chantier's budget: what each partner plans and spends over its actions, and the funders. */
export function ChantierBudget({ chantierId }: { chantierId: string }) {
  const { data: budget } = useApiData('getChantierBudget', chantierId);
  if (!budget) return null;
  return (
    <section aria-labelledby="budget-du-chantier">
      <Title order={2} size="h3" id="budget-du-chantier" mt="xl" mb="sm">
        Budget du chantier
      </Title>
      <Paper withBorder p="md" radius="md">
        {budget.actions === 0 ? (
          <Text size="sm" c="dimmed">
            Aucune action de ce chantier n'a encore de budget ni de financement.
          </Text>
        ) : (
          <>
            <Table aria-label="Budget du chantier par partenaire">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Partenaire</Table.Th>
                  <Table.Th ta="right">Prévu</Table.Th>
                  <Table.Th ta="right">Dépensé</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {budget.by_partner.map((total) => (
                  <Table.Tr key={`${total.partner_id}-${total.tax_basis}`}>
                    <Table.Td>{total.partner_name}</Table.Td>
                    <Table.Td ta="right">
                      {formatEuros(total.planned)} {TAX_BASIS_LABELS[total.tax_basis]}
                    </Table.Td>
                    <Table.Td ta="right">
                      {formatEuros(total.spent)} {TAX_BASIS_LABELS[total.tax_basis]}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="xs" fw={600}>
              Total sur {budget.actions} action{budget.actions > 1 ? 's' : ''}
            </Text>
            <BudgetTotals totals={budget.totals} />
            <FundingTotals totals={budget.funding_totals} />
          </>
        )}
      </Paper>
    </section>
  );
}
