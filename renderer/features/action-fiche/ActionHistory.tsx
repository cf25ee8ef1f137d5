import { Alert, Anchor, Badge, Box, Button, Group, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconHistory } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { frenchDateTime, frenchTypography } from '../../../common/french';
import type { ActionHistoryEntry, HistoryPrevious } from '../../../preload/contract';
import { useApiData } from '../../api';
import { SectionCard } from '../../shared/SectionCard';
import { useSessionState } from '../../shared/useSessionState';
import { ConflictBadge } from '../conflicts/RowConflicts';

/** The value of the filter that keeps every field. */
const ALL = '*';
/** Longer texts are shortened, the whole of them one click away. */
const SHORT = 160;

/**
 * The fiche's Historique, folded by default (read only once unfolded): each change of the
 * action and of its étapes, notes, liens and pilotes, newest first — when, who, on which
 * poste, the field, the old value and the new one.
 */
export function ActionHistorySection({ actionId }: { actionId: string }) {
  // Kept for the session: the section moves between the fiche's columns as the window narrows or widens, and stays open.
  const [open, setOpen] = useSessionState(`fiche.${actionId}.historique`, false);
  const panelId = useId();
  return (
    <SectionCard title="Historique">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed">
          Chaque modification de la fiche, sur cet ordinateur ou reçue d'un autre.
        </Text>
        <Button
          variant="default"
          leftSection={<IconHistory size={16} aria-hidden />}
          rightSection={open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? "Masquer l'historique" : "Afficher l'historique"}
        </Button>
      </Group>
      <div id={panelId} hidden={!open}>
        {open && <HistoryList actionId={actionId} />}
      </div>
    </SectionCard>
  );
}

function HistoryList({ actionId }: { actionId: string }) {
  const [field, setField] = useSessionState(`fiche.${actionId}.historique.champ`, ALL);
  const { data, error } = useApiData('getActionHistory', actionId, field === ALL ? null : field);
  if (error)
    return (
      <Alert color="red" title="Historique indisponible">
        {error.message}
      </Alert>
    );
  if (!data)
    return (
      <Text size="sm" c="dimmed" role="status">
        Lecture de l'historique…
      </Text>
    );
  const count = data.entries.length;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Select
          label="Champ"
          data={[{ value: ALL, label: 'Tous les champs' }, ...data.fields.map((f) => ({ value: f.key, label: f.label }))]}
          value={field}
          onChange={(value) => setField(value ?? ALL)}
          allowDeselect={false}
          w={280}
        />
        <Text size="sm" c="dimmed" role="status">
          {count === 0 ? 'Aucune modification' : `${count} modification${count > 1 ? 's' : ''}`}
        </Text>
      </Group>
      <Box component="ol" aria-label="Modifications, la plus récente en premier" m={0} p={0} style={{ listStyle: 'none' }}>
        {groups(data.entries).map((group) => (
          <Box component="li" key={`${group[0].origin}:${group[0].seq}`} py="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="xs" c="dimmed">
              {who(group[0])}
            </Text>
            <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
              {group.map((entry) => (
                <HistoryItem key={`${entry.origin}:${entry.seq}`} entry={entry} />
              ))}
            </Stack>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}

function HistoryItem({ entry }: { entry: ActionHistoryEntry }) {
  const [whole, setWhole] = useState(false);
  const texts = [entry.after.text, ...entry.before.map((version) => version.text)];
  const long = entry.long_text && texts.some((text) => (text?.length ?? 0) > SHORT);
  const shown = (text: string | null) => (text && long && !whole ? shorten(text) : text);
  return (
    <Box component="li">
      <Group gap={6} mt={2} wrap="wrap">
        <Text size="sm" fw={600}>
          {entry.row_label ? `${entry.row_label} · ${entry.field_label}` : entry.field_label}
        </Text>
        {entry.kind === 'merged' && (
          <Badge color="teal" variant="light" radius="sm">
            Conflit résolu
          </Badge>
        )}
        {entry.in_conflict && <ConflictBadge />}
      </Group>
      <Change entry={entry} shown={shown} long={long} />
      {long && (
        <Anchor component="button" type="button" size="xs" aria-expanded={whole} onClick={() => setWhole((value) => !value)}>
          {whole ? 'Réduire le texte' : 'Afficher tout le texte'}
        </Anchor>
      )}
    </Box>
  );
}

/** The changes of one edit under one heading: consecutive entries of the same poste at the same minute. */
function groups(entries: ActionHistoryEntry[]): ActionHistoryEntry[][] {
  const found: ActionHistoryEntry[][] = [];
  for (const entry of entries) {
    const last = found.at(-1);
    if (last && last[0].origin === entry.origin && who(last[0]) === who(entry)) last.push(entry);
    else found.push([entry]);
  }
  return found;
}

/** « 14 mars 2027 à 14 h 05 · Nadia Benali (Loir-et-Cher) · ordinateur « Portable DRH » ». */
function who(entry: ActionHistoryEntry): string {
  if (!entry.at) return entry.author.label;
  const parts = [frenchTypography(frenchDateTime(entry.at)), entry.author.label];
  if (entry.author.laptop) parts.push(`ordinateur «\u202f${entry.author.laptop}\u202f»`);
  if (entry.this_laptop) parts.push('cet ordinateur');
  return parts.join(' · ');
}

function Change({ entry, shown, long }: { entry: ActionHistoryEntry; shown: (text: string | null) => string | null; long: boolean }) {
  if (entry.kind === 'deleted' || entry.kind === 'restored')
    return (
      <Text size="sm" c={entry.kind === 'deleted' ? 'red.8' : undefined}>
        {entry.kind === 'deleted' ? 'Supprimé' : 'Rétabli'}
      </Text>
    );
  if (entry.kind === 'created')
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <Text span size="sm" c="dimmed">
          Création&#x202f;:{' '}
        </Text>
        <Value text={shown(entry.after.text)} />
      </Text>
    );
  const before = entry.before.length === 0 ? <Value text={null} /> : <Previous versions={entry.before} shown={shown} merged={entry.kind === 'merged'} />;
  // A long text reads better as two blocks than on one line.
  if (long)
    return (
      <Stack gap={4} mt={2}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span size="sm" c="dimmed">
            Avant&#x202f;:{' '}
          </Text>
          {before}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span size="sm" c="dimmed">
            Après&#x202f;:{' '}
          </Text>
          <Value text={shown(entry.after.text)} />
        </Text>
      </Stack>
    );
  return (
    <Text size="sm">
      {before} <Arrow /> <Value text={shown(entry.after.text)} />
    </Text>
  );
}

/** The versions replaced; those of a conflict settled, each with who wrote it. */
function Previous({ versions, shown, merged }: { versions: HistoryPrevious[]; shown: (text: string | null) => string | null; merged: boolean }) {
  return versions.map((version, index) => (
    <span key={`${version.origin}:${version.seq}`}>
      {index > 0 && (
        <Text span size="sm" c="dimmed">
          {' ou '}
        </Text>
      )}
      {version.known ? (
        <Value text={shown(version.text)} old />
      ) : (
        <Text span size="sm" c="dimmed" fs="italic">
          valeur pas encore reçue
        </Text>
      )}
      {merged && (
        <Text span size="sm" c="dimmed">
          {` (${version.author})`}
        </Text>
      )}
    </span>
  ));
}

function Value({ text, old = false }: { text: string | null; old?: boolean }) {
  if (text === null)
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        (vide)
      </Text>
    );
  return (
    <Text span size="sm" c={old ? 'dimmed' : undefined} fw={old ? undefined : 500}>
      {text}
    </Text>
  );
}

function Arrow() {
  return (
    <>
      <span aria-hidden>→</span>
      <VisuallyHidden>devient</VisuallyHidden>
    </>
  );
}

function shorten(text: string): string {
  return text.length > SHORT ? `${text.slice(0, SHORT - 1).trimEnd()}…` : text;
}
