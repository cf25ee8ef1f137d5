import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { ConflictVersionView, ConflictView, EntityName } from '../../../preload/contract';
import { call } from '../../api';
import { conflictFieldLabel, formatValue, isTextField, rowNoun, versionAuthor, versionDate } from './labels';
import { UnseenEditList } from './UnseenEditList';

/**
 * Merged texts being typed, by conflict: kept if the card leaves the screen, and given back
 * by the page if the conflict is settled on another ordinateur meanwhile (ConflictsPage).
 */
export const mergesUnderWay = new Map<string, { label: string; text: string }>();
export const conflictKey = (conflict: Pick<ConflictView, 'entity' | 'row_id' | 'field'>) => `${conflict.entity}:${conflict.row_id}:${conflict.field}`;

/** Tells the page a conflict was settled: it says so in its status line. */
export type OnResolved = (message: string) => void;

async function resolve(conflict: ConflictView, value: unknown, onResolved: OnResolved): Promise<boolean> {
  const seen = [...conflict.versions.map((version): [string, number] => [version.origin, version.seq]), ...conflict.unseen.flatMap((edit) => edit.refs)];
  const result = await call('resolveConflict', conflict.entity, conflict.row_id, conflict.field, value, seen);
  if (result.ok) {
    onResolved(
      `${conflictFieldLabel(conflict.entity, conflict.field)} (${conflict.row_label})\u202f: conflit résolu, votre choix s'applique à tous les ordinateurs.`,
    );
  }
  return result.ok;
}

/** One field in conflict: its versions side by side, and the ways to settle it. */
export function ConflictCard({ conflict, rowHeadingId, onResolved }: { conflict: ConflictView; rowHeadingId: string; onResolved: OnResolved }) {
  const headingId = useId();
  const label = conflictFieldLabel(conflict.entity, conflict.field);
  const text = isTextField(conflict.entity, conflict.field);
  return (
    <Stack component="section" aria-labelledby={`${headingId} ${rowHeadingId}`} gap="sm">
      <Title order={3} size="h5" id={headingId}>
        {label}
      </Title>
      {conflict.field === 'deleted' && <DeleteIntro entity={conflict.entity} />}
      {conflict.field === 'deleted' && <UnseenEdits conflict={conflict} />}
      {conflict.field !== 'deleted' && <BeforeValue conflict={conflict} text={text} />}
      <SimpleGrid cols={{ base: 1, md: Math.min(conflict.versions.length, 3) }} spacing="md">
        {conflict.versions.map((version) => (
          <VersionCard key={`${version.origin}-${version.seq}`} conflict={conflict} version={version} text={text} onResolved={onResolved} />
        ))}
      </SimpleGrid>
      {conflict.field === 'deleted' ? (
        <DeleteChoice conflict={conflict} onResolved={onResolved} />
      ) : (
        text && <MergedValue conflict={conflict} onResolved={onResolved} />
      )}
    </Stack>
  );
}

/** What the delete had not seen, row by row: what confirming it would take away. */
function UnseenEdits({ conflict }: { conflict: ConflictView }) {
  const headingId = useId();
  if (conflict.unseen.length === 0) return null;
  return (
    <Paper radius="md" p="sm" bg="var(--mantine-color-default-hover)" component="section" aria-labelledby={headingId}>
      <Text size="sm" fw={600} id={headingId}>
        Modifications faites entre-temps sur un autre ordinateur
      </Text>
      <UnseenEditList edits={conflict.unseen} itself="La ligne elle-même" />
    </Paper>
  );
}

/** The value both edits replaced: what the field said before they were made. */
function BeforeValue({ conflict, text }: { conflict: ConflictView; text: boolean }) {
  const { before } = conflict;
  return (
    <Paper radius="md" p="sm" bg="var(--mantine-color-default-hover)">
      <Text size="sm" fw={600}>
        Avant les deux modifications
      </Text>
      {before ? (
        <>
          <Text size="sm" style={{ whiteSpace: text ? 'pre-wrap' : undefined, overflowWrap: 'anywhere' }}>
            {formatValue(conflict.entity, conflict.field, before)}
          </Text>
          <Text size="xs" c="dimmed">
            {versionAuthor(before)}, le {versionDate(before.date)}
          </Text>
        </>
      ) : (
        <Text size="sm">Aucune valeur&#x202f;: le champ était encore vide.</Text>
      )}
    </Paper>
  );
}

function VersionCard({ conflict, version, text, onResolved }: { conflict: ConflictView; version: ConflictVersionView; text: boolean; onResolved: OnResolved }) {
  const whoId = useId();
  const [busy, setBusy] = useState(false);
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <div id={whoId}>
            <Text fw={600} size="sm">
              {versionAuthor(version)}
            </Text>
            <Text size="xs" c="dimmed">
              le {versionDate(version.date)}
            </Text>
          </div>
          {version.shown && conflict.field !== 'deleted' && (
            <Badge color="gray.7" c="white" variant="filled" radius="sm" style={{ flexShrink: 0 }}>
              Affichée
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ whiteSpace: text ? 'pre-wrap' : undefined, overflowWrap: 'anywhere', flexGrow: 1 }} fw={text ? undefined : 600}>
          {formatValue(conflict.entity, conflict.field, version)}
        </Text>
        {conflict.field !== 'deleted' && (
          <Button
            variant="default"
            size="xs"
            aria-describedby={whoId}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              if (!(await resolve(conflict, version.value, onResolved))) setBusy(false);
            }}
          >
            Garder cette version
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** « L'action a été supprimée… pendant qu'elle… », « Le point… a été supprimé… pendant qu'il… ». */
function DeleteIntro({ entity }: { entity: EntityName }) {
  const { the, feminine } = rowNoun(entity);
  const [pronoun, e] = feminine ? ['elle', 'e'] : ['il', ''];
  return (
    <Text size="sm">
      {the.charAt(0).toUpperCase() + the.slice(1)} a été supprimé{e} sur un ordinateur pendant qu'{pronoun}, ou ce qui s'y rattache (une note, une décision, un
      pilote…), était modifié{e} sur un autre&#x202f;: {pronoun} reste visible tant que personne n'a décidé.
    </Text>
  );
}

function DeleteChoice({ conflict, onResolved }: { conflict: ConflictView; onResolved: OnResolved }) {
  // The choice being saved: a second click would be refused, the first having settled the conflict.
  const [saving, setSaving] = useState<boolean | null>(null);
  async function choose(deleted: boolean) {
    setSaving(deleted);
    if (!(await resolve(conflict, deleted, onResolved))) setSaving(null);
  }
  return (
    <Group gap="sm">
      <Button variant="default" loading={saving === false} disabled={saving === true} onClick={() => void choose(false)}>
        Garder {rowNoun(conflict.entity).the}
      </Button>
      <Button color="red.8" loading={saving === true} disabled={saving === false} onClick={() => void choose(true)}>
        Confirmer la suppression
      </Button>
    </Group>
  );
}

function MergedValue({ conflict, onResolved }: { conflict: ConflictView; onResolved: OnResolved }) {
  const key = conflictKey(conflict);
  const [value, setValueState] = useState<string | null>(() => mergesUnderWay.get(key)?.text ?? null);
  const [busy, setBusy] = useState(false);
  const setValue = (text: string | null) => {
    setValueState(text);
    if (text === null) mergesUnderWay.delete(key);
    else mergesUnderWay.set(key, { label: `${conflictFieldLabel(conflict.entity, conflict.field)} (${conflict.row_label})`, text });
  };
  if (value === null) {
    const shown = conflict.versions.find((version) => version.shown)?.value;
    return (
      <Group>
        <Button variant="light" onClick={() => setValue(typeof shown === 'string' ? shown : '')}>
          Écrire une valeur fusionnée
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      <Textarea
        label="Valeur fusionnée"
        description="Reprenez ce qui compte de chaque version."
        autosize
        minRows={3}
        maxRows={14}
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        data-autofocus
      />
      <Group gap="sm">
        <Button
          loading={busy}
          onClick={async () => {
            // Settled here: no longer a merge to give back when the list reloads without it.
            mergesUnderWay.delete(key);
            setBusy(true);
            if (await resolve(conflict, value.trim() === '' ? null : value, onResolved)) return;
            setBusy(false);
            setValue(value);
          }}
        >
          Enregistrer la valeur fusionnée
        </Button>
        <Button variant="default" disabled={busy} onClick={() => setValue(null)}>
          Annuler
        </Button>
      </Group>
    </Stack>
  );
}
