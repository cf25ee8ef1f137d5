import { ActionIcon, Button, Fieldset, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { kindOf, shortNameOf } from '../../../common/partners';
import { PARTNER_KIND_LABELS, PARTNER_KINDS, type PartnerKind } from '../../../common/vocabulary';
import { send } from '../../api';
import { navigate } from '../../app/navigation';

const MIN_PARTNERS = 2;
const MAX_PARTNERS = 6;
const KIND_OPTIONS = PARTNER_KINDS.map((kind) => ({ value: kind, label: PARTNER_KIND_LABELS[kind] }));

interface PartnerLine {
  key: number;
  kind: PartnerKind | null;
  name: string;
  short_name: string;
  code: string;
  /** Typed by hand: no longer derived from the name (nor the kind). */
  touched: { short_name: boolean; kind: boolean };
}
type PartnerField = 'kind' | 'name' | 'short_name' | 'code';
type LineErrors = Partial<Record<PartnerField, string>>;
interface Errors {
  project?: string;
  partners?: string;
  lines?: Record<number, LineErrors>;
  chantiers?: string;
  name?: string;
  partner?: string;
  form?: string;
}

/** The faults the form sees before sending: each next to its field. */
function check(project: string, lines: PartnerLine[], name: string, partnerKey: string | null): Errors {
  const errors: Errors = {};
  if (!project.trim()) errors.project = 'Indiquez le nom de la coopération.';
  const codes = new Map<string, number>();
  lines.forEach((line, index) => {
    const fault: LineErrors = {};
    if (!line.kind) fault.kind = 'Choisissez son type.';
    if (!line.name.trim()) fault.name = 'Indiquez son nom.';
    if (!line.short_name.trim()) fault.short_name = 'Indiquez son nom court.';
    const code = line.code.trim();
    const same = codes.get(code.toLocaleUpperCase('fr'));
    if (!code) fault.code = 'Indiquez son code.';
    else if (/\s/u.test(code)) fault.code = 'Un code sans espace.';
    else if (same !== undefined) fault.code = `Déjà le code du partenaire ${same + 1}.`;
    else codes.set(code.toLocaleUpperCase('fr'), index);
    if (Object.keys(fault).length) errors.lines = { ...errors.lines, [line.key]: fault };
  });
  if (!name.trim()) errors.name = 'Indiquez votre nom.';
  if (!partnerKey) errors.partner = 'Choisissez votre partenaire.';
  return errors;
}

/**
 * The first ordinateur of a new cooperation of any collectivités: its name, its partners
 * (2 to 6), its chantiers if already known, then who uses this laptop.
 */
export function NewCooperationForm() {
  const nextKey = useRef(2);
  const [project, setProject] = useState('');
  const [lines, setLines] = useState<PartnerLine[]>(() => [0, 1].map(emptyLine));
  const [chantiers, setChantiers] = useState('');
  const [name, setName] = useState('');
  const [fonction, setFonction] = useState('');
  const [partnerKey, setPartnerKey] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  function change(key: number, field: PartnerField, value: string | null) {
    // A fault is forgotten once its field is typed again.
    setErrors((current) =>
      current.lines?.[key]?.[field] ? { ...current, lines: { ...current.lines, [key]: { ...current.lines[key], [field]: undefined } } } : current,
    );
    setLines((current) =>
      current.map((line) => {
        if (line.key !== key) return line;
        if (field === 'name') {
          const text = value ?? '';
          // The short name and the kind follow the full name until typed by hand.
          return {
            ...line,
            name: text,
            short_name: line.touched.short_name ? line.short_name : shortNameOf(text),
            kind: line.touched.kind || !text.trim() ? line.kind : kindOf(text),
          };
        }
        if (field === 'kind') return { ...line, kind: value as PartnerKind | null, touched: { ...line.touched, kind: true } };
        if (field === 'short_name') return { ...line, short_name: value ?? '', touched: { ...line.touched, short_name: true } };
        return { ...line, code: value ?? '' };
      }),
    );
  }

  function add() {
    setLines((current) => [...current, emptyLine(nextKey.current++)]);
  }

  function remove(key: number) {
    setLines((current) => current.filter((line) => line.key !== key));
    if (partnerKey === String(key)) setPartnerKey(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(project, lines, name, partnerKey);
    setErrors(found);
    if (Object.keys(found).length) return;
    const mine = lines.find((line) => String(line.key) === partnerKey)!;
    setBusy(true);
    navigate({ page: 'dashboard' });
    const result = await send(
      'createCooperation',
      {
        name: project.trim(),
        partners: lines.map((line) => ({ kind: line.kind!, name: line.name.trim(), short_name: line.short_name.trim(), code: line.code.trim() })),
        chantiers: chantiers.split('\n'),
      },
      { name: name.trim(), function: fonction.trim() || null, partner_code: mine.code.trim() },
    );
    setBusy(false);
    if (result.ok) return;
    // The store names the line at fault: partners.N.code, chantiers.N.
    const { field = '', message } = result.error;
    const line = /^partners\.(\d+)\.(\w+)$/.exec(field);
    if (line) setErrors({ lines: { [lines[Number(line[1])].key]: { [line[2]]: message } } });
    else if (field === 'name') setErrors({ project: message });
    else if (field === 'partners') setErrors({ partners: message });
    else if (field.startsWith('chantiers')) setErrors({ chantiers: message });
    else if (field === 'partner') setErrors({ partner: message });
    else setErrors({ form: message });
  }

  const identityOptions = lines.filter((line) => line.name.trim()).map((line) => ({ value: String(line.key), label: line.name.trim() }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>
          Une coopération entre collectivités de votre choix&#x202f;: Départements, Région, métropole, intercommunalités, communes… Les autres ordinateurs la
          rejoindront ensuite par une invitation.
        </Text>
        <TextInput
          label="Nom de la coopération"
          description="Par exemple : Coopération Touraine – Vallée du Cher"
          required
          autoFocus
          value={project}
          onChange={(event) => setProject(event.currentTarget.value)}
          error={errors.project}
        />
        <Title order={2} size="h4">
          Partenaires ({MIN_PARTNERS} à {MAX_PARTNERS})
        </Title>
        {lines.map((line, index) => {
          const fault = errors.lines?.[line.key] ?? {};
          return (
            <Fieldset key={line.key} legend={`Partenaire ${index + 1}`} variant="filled" p="sm">
              <Group align="flex-start" gap="sm" wrap="nowrap">
                <Select
                  label={fieldLabel('partner', 'kind')}
                  w={170}
                  required
                  data={KIND_OPTIONS}
                  value={line.kind}
                  onChange={(value) => change(line.key, 'kind', value)}
                  error={fault.kind}
                  placeholder="Choisir"
                  allowDeselect={false}
                />
                <TextInput
                  label={fieldLabel('partner', 'name')}
                  style={{ flex: 1 }}
                  required
                  value={line.name}
                  onChange={(event) => change(line.key, 'name', event.currentTarget.value)}
                  error={fault.name}
                />
                <TextInput
                  label={fieldLabel('partner', 'short_name')}
                  w={170}
                  required
                  value={line.short_name}
                  onChange={(event) => change(line.key, 'short_name', event.currentTarget.value)}
                  error={fault.short_name}
                />
                <TextInput
                  label={fieldLabel('partner', 'code')}
                  w={100}
                  required
                  maxLength={20}
                  value={line.code}
                  onChange={(event) => change(line.key, 'code', event.currentTarget.value)}
                  error={fault.code}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={28}
                  aria-label={`Retirer le partenaire ${index + 1}`}
                  disabled={lines.length <= MIN_PARTNERS}
                  onClick={() => remove(line.key)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Fieldset>
          );
        })}
        {errors.partners && (
          <Text c="var(--mantine-color-error)" size="sm" role="alert">
            {errors.partners}
          </Text>
        )}
        <Group>
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} disabled={lines.length >= MAX_PARTNERS} onClick={add}>
            Ajouter un partenaire
          </Button>
          <Text size="sm" c="dimmed">
            Le code est court, sans espace&#x202f;: 37, CCTVL, AGGLO.
          </Text>
        </Group>
        <Textarea
          label="Chantiers"
          description="Un titre par ligne, numérotés dans cet ordre ; facultatif : vous pourrez les ajouter ensuite."
          autosize
          minRows={3}
          maxRows={10}
          value={chantiers}
          onChange={(event) => setChantiers(event.currentTarget.value)}
          error={errors.chantiers}
        />
        <Title order={2} size="h4">
          Qui utilise cet ordinateur&#x202f;?
        </Title>
        <Group grow align="flex-start">
          <TextInput
            label={fieldLabel('person', 'name')}
            required
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <TextInput label={fieldLabel('person', 'function')} value={fonction} onChange={(event) => setFonction(event.currentTarget.value)} />
        </Group>
        <Select
          label="Votre partenaire"
          description="Parmi les partenaires indiqués ci-dessus"
          required
          data={identityOptions}
          value={identityOptions.some((option) => option.value === partnerKey) ? partnerKey : null}
          onChange={setPartnerKey}
          error={errors.partner}
          placeholder="Choisir"
          nothingFoundMessage="Indiquez d'abord le nom des partenaires"
        />
        {errors.form && (
          <Text c="var(--mantine-color-error)" role="alert">
            {errors.form}
          </Text>
        )}
        <Button type="submit" loading={busy}>
          Créer la coopération
        </Button>
      </Stack>
    </form>
  );
}

function emptyLine(key: number): PartnerLine {
  return { key, kind: null, name: '', short_name: '', code: '', touched: { short_name: false, kind: false } };
}
