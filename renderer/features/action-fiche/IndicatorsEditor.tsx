import { LineChart } from '@mantine/charts';
import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { FieldRow } from '../../shared/FieldRow';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { ActionDetail, IndicatorView } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { AutosaveDate, AutosaveText, FrenchDateInput } from '../../shared/autosave/AutosaveFields';
import { useFormSaver } from '../../shared/autosave/FormSaver';
import { formatDate, formatMeasure, todayIso } from '../../shared/format';
import { EntryTable, NoEntries } from './Entries';
import { NewEntryForm, useNewEntry } from './NewEntryForm';

/** The indicators the action follows: each with its target, its series and a chart; new ones, or one of the chantier's. */
export function IndicatorsEditor({ action }: { action: ActionDetail }) {
  const { data: indicators } = useApiData('getActionIndicators', action.id);
  const { data: ofChantier } = useApiData('getChantierIndicators', action.chantier_id);
  if (!indicators) return null;
  const others = (ofChantier ?? []).filter((indicator) => !indicators.some((followed) => followed.id === indicator.id));
  return (
    <Stack gap="lg">
      {indicators.length === 0 && <NoEntries>Aucun indicateur suivi pour le moment.</NoEntries>}
      {indicators.map((indicator) => (
        <Indicator key={indicator.id} indicator={indicator} actionId={action.id} />
      ))}
      <NewIndicatorForm actionId={action.id} others={others} />
    </Stack>
  );
}

function Indicator({ indicator, actionId }: { indicator: IndicatorView; actionId: string }) {
  const { perform } = useFormSaver();
  const unit = indicator.unit;
  const headingId = `indicateur-${indicator.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={3} size="h5" id={headingId}>
          {indicator.name}
        </Title>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() =>
            void perform(
              () => send('unlinkIndicator', indicator.id, actionId),
              () => ({ label: 'Indicateur retiré de la fiche', revert: () => send('linkIndicator', indicator.id, actionId) }),
            )
          }
        >
          Ne plus suivre cet indicateur
        </Button>
      </Group>
      <Text size="sm">
        Dernière valeur&#x202f;:{' '}
        <strong>{indicator.latest ? `${formatMeasure(indicator.latest.value, unit)} au ${formatDate(indicator.latest.date)}` : '—'}</strong>
        {indicator.target_value !== null && (
          <>
            {' '}
            · cible&#x202f;: {formatMeasure(indicator.target_value, unit)}
            {indicator.target_date ? ` au ${formatDate(indicator.target_date)}` : ''}
            {indicator.gap !== null && ` · écart\u202f: ${formatMeasure(indicator.gap, unit)}`}
          </>
        )}
      </Text>
      {indicator.shared_with.length > 0 && (
        <Text size="sm" c="dimmed">
          Suivi aussi par&#x202f;: {indicator.shared_with.map((action) => action.title).join(', ')}
        </Text>
      )}
      {indicator.values.length > 1 && <IndicatorChart indicator={indicator} />}
      <ValuesTable indicator={indicator} />
      <NewValueForm indicatorId={indicator.id} />
      <FieldRow mt="sm">
        <AutosaveText
          label={fieldLabel('indicator', 'name')}
          required
          value={indicator.name}
          save={(name) => send('updateIndicator', indicator.id, { name: name ?? '' })}
        />
        <AutosaveText label={fieldLabel('indicator', 'unit')} value={indicator.unit} save={(value) => send('updateIndicator', indicator.id, { unit: value })} />
      </FieldRow>
      <FieldRow>
        <TargetValueField indicator={indicator} />
        <AutosaveDate
          label={fieldLabel('indicator', 'target_date')}
          value={indicator.target_date}
          save={(target_date) => send('updateIndicator', indicator.id, { target_date })}
        />
      </FieldRow>
    </Paper>
  );
}

/** A decimal target (a rate, an amount): saved when the field is left. */
function TargetValueField({ indicator }: { indicator: IndicatorView }) {
  const [value, setValue] = useState<number | string>(indicator.target_value ?? '');
  const [error, setError] = useState<string>();
  async function save() {
    const next = value === '' ? null : Number(value);
    if (next === indicator.target_value) return;
    const result = await send('updateIndicator', indicator.id, { target_value: next });
    setError(result.ok ? undefined : result.error.message);
  }
  return (
    <NumberInput
      label={fieldLabel('indicator', 'target_value')}
      value={value}
      onChange={setValue}
      onBlur={() => void save()}
      decimalSeparator=","
      thousandSeparator=" "
      error={error}
    />
  );
}

/** The series against the target; the table below gives the same figures to a screen reader. */
function IndicatorChart({ indicator }: { indicator: IndicatorView }) {
  const data = indicator.values.map((value) => ({ date: formatDate(value.date), valeur: value.value }));
  return (
    <figure style={{ margin: '12px 0' }}>
      <div aria-hidden>
        <LineChart
          h={180}
          data={data}
          dataKey="date"
          series={[{ name: 'valeur', label: indicator.unit ? `Valeur (${indicator.unit})` : 'Valeur', color: 'blue.7' }]}
          referenceLines={indicator.target_value !== null ? [{ y: indicator.target_value, label: 'Cible', color: 'teal.8' }] : []}
          yAxisProps={{ domain: ['auto', 'auto'] }}
          valueFormatter={(value) => formatMeasure(value)}
          curveType="linear"
          tooltipAnimationDuration={0}
          lineChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <VisuallyHidden component="figcaption">
        Évolution de «&#x202f;{indicator.name}&#x202f;»&#x202f;: les valeurs figurent dans le tableau qui suit.
      </VisuallyHidden>
    </figure>
  );
}

function ValuesTable({ indicator }: { indicator: IndicatorView }) {
  return (
    <EntryTable
      mt="xs"
      label={`Valeurs de «\u202f${indicator.name}\u202f»`}
      empty="Aucune valeur mesurée pour le moment."
      columns={[{ title: 'Date' }, { title: 'Valeur', numeric: true }, { title: 'Saisie par' }, { title: 'Commentaire' }]}
      entries={[...indicator.values].reverse()}
      cells={(value) => (
        <>
          {/* A date and a measure on one line each: the comment takes what is left. */}
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(value.date)}</Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {formatMeasure(value.value, indicator.unit)}
          </Table.Td>
          <Table.Td>{value.author_name ?? '—'}</Table.Td>
          <Table.Td>{value.comment ?? ''}</Table.Td>
        </>
      )}
      remove={(value) => ({
        label: `Supprimer la valeur du ${formatDate(value.date)}`,
        remove: () => send('deleteIndicatorValue', value.id),
        undo: { label: 'Valeur supprimée', revert: () => send('restoreDeleted', 'indicator_value', value.id) },
      })}
    />
  );
}

/** Shown only if the field's own error is not (it says what was typed). */
const WRONG_DATE = 'Corrigez la date (jj/mm/aaaa).';

function NewValueForm({ indicatorId }: { indicatorId: string }) {
  const [date, setDate] = useState<string | null>(todayIso());
  // A date typed that is none: the field keeps its French error, and the value waits for it.
  const [dateRefused, setDateRefused] = useState(false);
  const [value, setValue] = useState<number | string>('');
  const [comment, setComment] = useState('');
  const { errors, submit, busy, changed } = useNewEntry({
    fields: ['value', 'date'],
    check: () => {
      if (dateRefused) return { field: 'date', message: WRONG_DATE };
      if (!date) return { field: 'date', message: 'Indiquez la date de la mesure.' };
      if (value === '' || Number.isNaN(Number(value))) return { message: 'Indiquez la valeur mesurée.' };
    },
    add: () => send('addIndicatorValue', indicatorId, { date: date!, value: Number(value), comment: comment.trim() || null }),
    undo: (id) => ({ label: 'Valeur ajoutée', revert: () => send('deleteIndicatorValue', id) }),
    clear: () => {
      setValue('');
      setComment('');
    },
  });

  return (
    <NewEntryForm submit={submit} busy={busy} label="Ajouter la valeur">
      <Group align="flex-start" mt="sm" grow>
        <FrenchDateInput
          label={fieldLabel('indicator_value', 'date')}
          value={date}
          onChange={(day) => {
            setDate(day);
            changed('date');
          }}
          error={errors.date}
          onRefused={setDateRefused}
        />
        <NumberInput
          label={fieldLabel('indicator_value', 'value')}
          value={value}
          onChange={setValue}
          decimalSeparator=","
          thousandSeparator=" "
          error={errors.value}
        />
        <TextInput label={fieldLabel('indicator_value', 'comment')} value={comment} onChange={(event) => setComment(event.currentTarget.value)} />
      </Group>
    </NewEntryForm>
  );
}

function NewIndicatorForm({ actionId, others }: { actionId: string; others: IndicatorView[] }) {
  const { run } = useFormSaver();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [target, setTarget] = useState<number | string>('');
  const [targetDate, setTargetDate] = useState<string | null>(null);
  const [targetDateRefused, setTargetDateRefused] = useState(false);
  const [shared, setShared] = useState<string | null>(null);
  const { errors, submit, busy, changed } = useNewEntry({
    fields: ['name', 'target_date'],
    check: () => (targetDateRefused ? { field: 'target_date', message: WRONG_DATE } : undefined),
    add: () =>
      send('createIndicator', actionId, {
        name,
        unit: unit.trim() || null,
        target_value: target === '' ? null : Number(target),
        target_date: targetDate,
      }),
    undo: (id) => ({ label: 'Indicateur ajouté', revert: () => send('unlinkIndicator', id, actionId) }),
    clear: () => {
      setName('');
      setUnit('');
      setTarget('');
      setTargetDate(null);
    },
  });

  async function follow() {
    if (!shared) return;
    await run(
      () => send('linkIndicator', shared, actionId),
      () => ({ label: 'Indicateur suivi', revert: () => send('unlinkIndicator', shared, actionId) }),
    );
    setShared(null);
  }

  return (
    <Stack gap="xs">
      {others.length > 0 && (
        <Group align="flex-end">
          <Select
            label="Suivre un indicateur du chantier"
            placeholder="Choisir un indicateur"
            data={others.map((indicator) => ({ value: indicator.id, label: indicator.name }))}
            value={shared}
            onChange={setShared}
            style={{ flex: 1 }}
          />
          <Button variant="light" onClick={() => void follow()} disabled={!shared}>
            Suivre
          </Button>
        </Group>
      )}
      <NewEntryForm submit={submit} busy={busy} label="Ajouter l'indicateur">
        <Text size="sm" fw={600} mb={4}>
          Nouvel indicateur
        </Text>
        <FieldRow>
          <TextInput label={fieldLabel('indicator', 'name')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.name} />
          <TextInput
            label={fieldLabel('indicator', 'unit')}
            placeholder="agents, %, €…"
            value={unit}
            onChange={(event) => setUnit(event.currentTarget.value)}
          />
        </FieldRow>
        <FieldRow mt="xs">
          <NumberInput label={fieldLabel('indicator', 'target_value')} value={target} onChange={setTarget} decimalSeparator="," thousandSeparator=" " />
          <FrenchDateInput
            label={fieldLabel('indicator', 'target_date')}
            value={targetDate}
            onChange={(day) => {
              setTargetDate(day);
              changed('target_date');
            }}
            error={errors.target_date}
            onRefused={setTargetDateRefused}
          />
        </FieldRow>
      </NewEntryForm>
    </Stack>
  );
}
