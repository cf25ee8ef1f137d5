import { NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { FieldRow } from '../../shared/FieldRow';
import { useState } from 'react';
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
import { AutosaveEuros } from '../../shared/autosave/AutosaveFields';
import { useFormSaver } from '../../shared/autosave/FormSaver';
import { formatEuros } from '../../shared/format';
import { Unbroken } from '../../shared/Unbroken';
import { EntryTable } from './Entries';
import { NewEntryForm, useNewEntry } from './NewEntryForm';

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

/** « 20 000,00 € TTC prévus, 4 500,50 € dépensés » per basis: HT and TTC are never added. */
export function BudgetTotals({ totals }: { totals: BudgetTotal[] }) {
  if (totals.length === 0) return null;
  return (
    <Text size="sm">
      {totals
        .map((total) => `${formatEuros(total.planned)} ${TAX_BASIS_LABELS[total.tax_basis]} prévus, ${formatEuros(total.spent)} dépensés`)
        .join('\u202f; ')}
    </Text>
  );
}

/** « Financements : Région 5 000,00 € (obtenu) ; Europe 3 000,00 € (demandé) ». */
export function FundingTotals({ totals }: { totals: FundingTotal[] }) {
  if (totals.length === 0) return null;
  return (
    <Text size="sm">
      Financements&#x202f;:{' '}
      {totals
        .map((total) => `${FUNDER_TYPE_LABELS[total.funder_type]} ${formatEuros(total.amount)} (${FUNDING_STATUS_LABELS[total.status].toLowerCase()})`)
        .join('\u202f; ')}
    </Text>
  );
}

const AMOUNTS = ['planned', 'spent'] as const;

function BudgetLines({ budget }: { budget: ActionBudget }) {
  return (
    <>
      <EntryTable
        label="Budget par année et par partenaire"
        empty="Aucune ligne de budget pour le moment."
        columns={[{ title: 'Année' }, { title: 'Partenaire' }, { title: 'Prévu', numeric: true }, { title: 'Dépensé', numeric: true }]}
        entries={budget.lines}
        cells={(line) => (
          <>
            <Table.Td>{line.year}</Table.Td>
            <Table.Td>
              <Unbroken text={line.partner_name} />
              {/* Said once for the line, not in its amounts: « 12 000,00 € TTC » did not fit their fields. */}
              <Text size="xs" c="dimmed">
                montants {TAX_BASIS_LABELS[line.tax_basis]}
              </Text>
            </Table.Td>
            {/* Written over the year as the money goes: edited in place. */}
            {AMOUNTS.map((field) => (
              <Table.Td key={field}>
                <AutosaveEuros
                  label={`${fieldLabel('budget_line', field)}\u202f: ${line.year}, ${line.partner_name}`}
                  value={line[field]}
                  save={(amount) => send('updateBudgetLine', line.id, { [field]: amount })}
                />
              </Table.Td>
            ))}
          </>
        )}
        remove={(line) => ({
          label: `Supprimer la ligne ${line.year} de ${line.partner_name}`,
          remove: () => send('deleteBudgetLine', line.id),
          undo: { label: 'Ligne de budget supprimée', revert: () => send('restoreDeleted', 'budget_line', line.id) },
        })}
      />
      <BudgetTotals totals={budget.totals} />
    </>
  );
}

const amountOf = (value: number | string) => (value === '' ? null : Number(value));

function NewBudgetLineForm({ actionId }: { actionId: string }) {
  const { partners } = useAppState();
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [partnerId, setPartnerId] = useState<string | null>(partners[0]?.id ?? null);
  const [planned, setPlanned] = useState<number | string>('');
  const [spent, setSpent] = useState<number | string>('');
  const [basis, setBasis] = useState<TaxBasis>('ttc');
  const { errors, submit, busy } = useNewEntry({
    fields: ['planned', 'year', 'spent'],
    check: () => {
      if (year === '') return { field: 'year', message: "Indiquez l'année." };
      if (!partnerId) return { message: 'Choisissez le partenaire.' };
    },
    add: () =>
      send('addBudgetLine', actionId, { year: Number(year), partner_id: partnerId!, planned: amountOf(planned), spent: amountOf(spent), tax_basis: basis }),
    undo: (id) => ({ label: 'Ligne de budget ajoutée', revert: () => send('deleteBudgetLine', id) }),
    clear: () => {
      setPlanned('');
      setSpent('');
    },
  });

  return (
    <NewEntryForm submit={submit} busy={busy} label="Ajouter la ligne de budget">
      <FieldRow>
        {/* Not clamped: « 27 » is refused in French under the field, never saved as 2000. */}
        <NumberInput label={fieldLabel('budget_line', 'year')} value={year} onChange={setYear} allowDecimal={false} allowNegative={false} error={errors.year} />
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
      </FieldRow>
      <FieldRow mt="xs">
        <NumberInput label={fieldLabel('budget_line', 'planned')} value={planned} onChange={setPlanned} {...EURO_INPUT} error={errors.planned} />
        <NumberInput label={fieldLabel('budget_line', 'spent')} value={spent} onChange={setSpent} {...EURO_INPUT} error={errors.spent} />
      </FieldRow>
    </NewEntryForm>
  );
}

const EURO_INPUT = { decimalSeparator: ',', thousandSeparator: ' ', decimalScale: 2, allowNegative: false, suffix: ' €' } as const;

/** « Région Centre-Val de Loire » rather than « Région – Région Centre-Val de Loire »: the type only when the name does not start with it. */
function funderName(funding: ActionBudget['fundings'][number]): string {
  const type = FUNDER_TYPE_LABELS[funding.funder_type];
  if (!funding.funder_name) return type;
  return funding.funder_name.toLowerCase().startsWith(type.toLowerCase()) ? funding.funder_name : `${type} – ${funding.funder_name}`;
}

function Fundings({ budget }: { budget: ActionBudget }) {
  const { perform } = useFormSaver();
  return (
    <>
      <EntryTable
        label="Financeurs"
        empty="Aucun financement extérieur pour le moment."
        columns={[{ title: 'Financeur' }, { title: 'Montant', numeric: true }, { title: 'État' }]}
        entries={budget.fundings}
        cells={(funding) => (
          <>
            <Table.Td>{funderName(funding)}</Table.Td>
            <Table.Td ta="right">
              {/* Corrected in place, as a budget line's amounts: a grant is often less than asked. */}
              <AutosaveEuros
                label={`${fieldLabel('funding', 'amount')}\u202f: ${funderName(funding)}`}
                value={funding.amount}
                save={(amount) => send('updateFunding', funding.id, { amount: amount ?? Number.NaN })}
              />
            </Table.Td>
            <Table.Td>
              <Select
                aria-label={`État de la demande\u202f: ${funderName(funding)}`}
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
          </>
        )}
        remove={(funding) => ({
          label: `Supprimer le financement\u202f: ${funderName(funding)}`,
          remove: () => send('deleteFunding', funding.id),
          undo: { label: 'Financement supprimé', revert: () => send('restoreDeleted', 'funding', funding.id) },
        })}
      />
      <FundingTotals totals={budget.funding_totals} />
    </>
  );
}

function NewFundingForm({ actionId }: { actionId: string }) {
  const [type, setType] = useState<FunderType>('region');
  const [name, setName] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [status, setStatus] = useState<FundingStatus>('demande');
  const { errors, submit, busy } = useNewEntry({
    fields: ['amount'],
    check: () => (amount === '' ? { message: 'Indiquez le montant.' } : undefined),
    add: () => send('addFunding', actionId, { funder_type: type, funder_name: name.trim() || null, amount: Number(amount), status }),
    undo: (id) => ({ label: 'Financement ajouté', revert: () => send('deleteFunding', id) }),
    clear: () => {
      setName('');
      setAmount('');
    },
  });

  return (
    <NewEntryForm submit={submit} busy={busy} label="Ajouter le financement">
      <FieldRow>
        <Select
          label={fieldLabel('funding', 'funder_type')}
          data={FUNDER_OPTIONS}
          value={type}
          onChange={(value) => setType((value ?? 'region') as FunderType)}
          allowDeselect={false}
        />
        <TextInput
          label={fieldLabel('funding', 'funder_name')}
          placeholder="Région Centre-Val de Loire"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
      </FieldRow>
      <FieldRow mt="xs">
        <NumberInput label={fieldLabel('funding', 'amount')} value={amount} onChange={setAmount} {...EURO_INPUT} error={errors.amount} />
        <Select
          label={fieldLabel('funding', 'status')}
          data={STATUS_OPTIONS}
          value={status}
          onChange={(value) => setStatus((value ?? 'demande') as FundingStatus)}
          allowDeselect={false}
        />
      </FieldRow>
    </NewEntryForm>
  );
}
