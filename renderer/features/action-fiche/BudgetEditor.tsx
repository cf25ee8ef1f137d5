import { Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import {
  FUNDER_TYPE_LABELS,
  FUNDER_TYPES,
  FUNDING_STATUS_LABELS,
  FUNDING_STATUSES,
  TAX_BASIS_LABELS,
  TAX_BASES,
  type FunderType,
  type FundingStatus,
  type TaxBasis,
} from '../../../common/vocabulary';
import type { ActionBudget, ActionDetail, BudgetTotal, FundingTotal } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { useFormSaver } from '../../shared/autosave/FormSaver';
import { RemoveButton } from '../../shared/RemoveButton';
import { formatEuros } from '../../shared/format';

const TAX_OPTIONS = TAX_BASES.map((value) => ({ value, label: TAX_BASIS_LABELS[value] }));
const FUNDER_OPTIONS = FUNDER_TYPES.map((value) => ({ value, label: FUNDER_TYPE_LABELS[value] }));
const STATUS_OPTIONS = FUNDING_STATUSES.map((value) => ({ value, label: FUNDING_STATUS_LABELS[value] }));

/** What each partner plans and spends on the action, year by year, and its other funders. */
export function BudgetEditor({ action }: { action: ActionDetail }) {
  const { data: budget } = useApiData('getActionBudget', action.id);
  if (!budget) return null;
  return (
    <Stack gap="md">
      <BudgetLines budget={budget} />
      <NewBudgetLineForm actionId={action.id} />
      <Fundings budget={budget} />
      <NewFundingForm actionId={action.id} />
    </Stack>
  );
}

/** « 20 000,00 € TTC prévus, dont 4 500,50 € dépensés » per basis: HT and TTC are never added. */
export function BudgetTotals({ totals }: { totals: BudgetTotal[] }) {
  if (totals.length === 0) return null;
  return (
    <Text size="sm">
      {totals.map((total) => `${formatEuros(total.planned)} ${TAX_BASIS_LABELS[total.tax_basis]} prévus, ${formatEuros(total.spent)} dépensés`).join(' ; ')}
    </Text>
  );
}

/** « Région : 5 000,00 € obtenus ; Europe : 3 000,00 € demandés ». */
export function FundingTotals({ totals }: { totals: FundingTotal[] }) {
  if (totals.length === 0) return null;
  return (
    <Text size="sm">
      Financements&#x202f;:{' '}
      {totals
        .map((total) => `${FUNDER_TYPE_LABELS[total.funder_type]} ${formatEuros(total.amount)} (${FUNDING_STATUS_LABELS[total.status].toLowerCase()})`)
        .join(' ; ')}
    </Text>
  );
}

function BudgetLines({ budget }: { budget: ActionBudget }) {
  if (budget.lines.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Aucune ligne de budget pour le moment.
      </Text>
    );
  return (
    <>
      <Table aria-label="Budget par année et par partenaire">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Année</Table.Th>
            <Table.Th>Partenaire</Table.Th>
            <Table.Th ta="right">Prévu</Table.Th>
            <Table.Th ta="right">Dépensé</Table.Th>
            <Table.Th>
              <VisuallyHidden>Supprimer</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budget.lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>{line.year}</Table.Td>
              <Table.Td>{line.partner_name}</Table.Td>
              <Table.Td ta="right">
                {formatEuros(line.planned)} {TAX_BASIS_LABELS[line.tax_basis]}
              </Table.Td>
              <Table.Td ta="right">
                {formatEuros(line.spent)} {line.spent !== null ? TAX_BASIS_LABELS[line.tax_basis] : ''}
              </Table.Td>
              <Table.Td>
                <RemoveButton
                  label={`Supprimer la ligne ${line.year} de ${line.partner_name}`}
                  remove={() => send('deleteBudgetLine', line.id)}
                  undo={{ label: 'Ligne de budget supprimée', revert: () => send('restoreDeleted', 'budget_line', line.id) }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <BudgetTotals totals={budget.totals} />
    </>
  );
}

const amountOf = (value: number | string) => (value === '' ? null : Number(value));

function NewBudgetLineForm({ actionId }: { actionId: string }) {
  const { run } = useFormSaver();
  const { partners } = useAppState();
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [partnerId, setPartnerId] = useState<string | null>(partners[0]?.id ?? null);
  const [planned, setPlanned] = useState<number | string>('');
  const [spent, setSpent] = useState<number | string>('');
  const [basis, setBasis] = useState<TaxBasis>('ttc');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!partnerId) return setError('Choisissez le partenaire.');
    const result = await run(
      () =>
        send('addBudgetLine', actionId, { year: Number(year), partner_id: partnerId, planned: amountOf(planned), spent: amountOf(spent), tax_basis: basis }),
      (id) => ({ label: 'Ligne de budget ajoutée', revert: () => send('deleteBudgetLine', id) }),
    );
    if (!result.ok) return setError(result.error.message);
    setError(undefined);
    setPlanned('');
    setSpent('');
  }

  return (
    <form onSubmit={submit}>
      <Group grow align="flex-start">
        <NumberInput label={fieldLabel('budget_line', 'year')} value={year} onChange={setYear} min={2000} max={2100} allowDecimal={false} />
        <Select
          label={fieldLabel('budget_line', 'partner_id')}
          data={partners.map((partner) => ({ value: partner.id, label: partner.short_name }))}
          value={partnerId}
          onChange={setPartnerId}
          allowDeselect={false}
        />
        <Select
          label={fieldLabel('budget_line', 'tax_basis')}
          data={TAX_OPTIONS}
          value={basis}
          onChange={(value) => setBasis((value ?? 'ttc') as TaxBasis)}
          allowDeselect={false}
        />
      </Group>
      <Group grow align="flex-start" mt="xs">
        <NumberInput label={fieldLabel('budget_line', 'planned')} value={planned} onChange={setPlanned} {...EURO_INPUT} error={error} />
        <NumberInput label={fieldLabel('budget_line', 'spent')} value={spent} onChange={setSpent} {...EURO_INPUT} />
      </Group>
      <Group justify="flex-end" mt="xs">
        <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
          Ajouter la ligne de budget
        </Button>
      </Group>
    </form>
  );
}

const EURO_INPUT = { decimalSeparator: ',', thousandSeparator: ' ', decimalScale: 2, min: 0, suffix: ' €' } as const;

function Fundings({ budget }: { budget: ActionBudget }) {
  const { perform } = useFormSaver();
  if (budget.fundings.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Aucun financement extérieur pour le moment.
      </Text>
    );
  return (
    <>
      <Table aria-label="Financeurs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Financeur</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th>État</Table.Th>
            <Table.Th>
              <VisuallyHidden>Supprimer</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budget.fundings.map((funding) => {
            const name = `${FUNDER_TYPE_LABELS[funding.funder_type]}${funding.funder_name ? ` – ${funding.funder_name}` : ''}`;
            return (
              <Table.Tr key={funding.id}>
                <Table.Td>{name}</Table.Td>
                <Table.Td ta="right">{formatEuros(funding.amount)}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`État de la demande\u202f: ${name}`}
                    data={STATUS_OPTIONS}
                    value={funding.status}
                    onChange={(status) =>
                      status &&
                      void perform(
                        () => send('updateFunding', funding.id, { status: status as FundingStatus }),
                        () => ({ label: 'État du financement modifié', revert: () => send('updateFunding', funding.id, { status: funding.status }) }),
                      )
                    }
                    allowDeselect={false}
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>
                  <RemoveButton
                    label={`Supprimer le financement\u202f: ${name}`}
                    remove={() => send('deleteFunding', funding.id)}
                    undo={{ label: 'Financement supprimé', revert: () => send('restoreDeleted', 'funding', funding.id) }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <FundingTotals totals={budget.funding_totals} />
    </>
  );
}

function NewFundingForm({ actionId }: { actionId: string }) {
  const { run } = useFormSaver();
  const [type, setType] = useState<FunderType>('region');
  const [name, setName] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [status, setStatus] = useState<FundingStatus>('demande');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (amount === '') return setError('Indiquez le montant.');
    const result = await run(
      () => send('addFunding', actionId, { funder_type: type, funder_name: name.trim() || null, amount: Number(amount), status }),
      (id) => ({ label: 'Financement ajouté', revert: () => send('deleteFunding', id) }),
    );
    if (!result.ok) return setError(result.error.message);
    setError(undefined);
    setName('');
    setAmount('');
  }

  return (
    <form onSubmit={submit}>
      <Group grow align="flex-start">
        <Select
          label={fieldLabel('funding', 'funder_type')}
          data={FUNDER_OPTIONS}
          value={type}
          onChange={(value) => setType((value ?? 'region') as FunderType)}
          allowDeselect={false}
        />
        <TextInput
          label={fieldLabel('funding', 'funder_name')}
          placeholder="Région Centre-Val de Loire, FEDER…"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
      </Group>
      <Group grow align="flex-start" mt="xs">
        <NumberInput label={fieldLabel('funding', 'amount')} value={amount} onChange={setAmount} {...EURO_INPUT} error={error} />
        <Select
          label={fieldLabel('funding', 'status')}
          data={STATUS_OPTIONS}
          value={status}
          onChange={(value) => setStatus((value ?? 'demande') as FundingStatus)}
          allowDeselect={false}
        />
      </Group>
      <Group justify="flex-end" mt="xs">
        <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
          Ajouter le financement
        </Button>
      </Group>
    </form>
  );
}
