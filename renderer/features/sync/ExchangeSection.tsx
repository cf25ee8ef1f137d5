import { Alert, Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileExport, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { de, frenchTypography } from '../../../common/french';
import type { ExportTarget, ImportSummary, Partner, SyncStatus } from '../../../preload/contract';
import { call } from '../../api';
import { formatDateTime, numberFormat } from '../../shared/format';
import { ImportSummaryModal } from './ImportSummaryModal';

const FULL = 'full';

function targetOptions(status: SyncStatus, partners: Partner[]) {
  const computers = status.replicas
    .filter((replica) => !replica.is_this_laptop && !replica.revoked)
    .map((replica) => ({
      value: `replica:${replica.id}`,
      label: replica.person_name
        ? `Ordinateur ${de(replica.person_name)}${replica.partner_name ? ` (${replica.partner_name})` : ''}${replica.label ? ` — ${replica.label}` : ''}`
        : 'Ordinateur encore inconnu ici',
    }));
  return [
    { group: 'Partenaires', items: partners.map((partner) => ({ value: `partner:${partner.id}`, label: `${partner.name} (tous ses ordinateurs)` })) },
    ...(computers.length > 0 ? [{ group: 'Ordinateurs', items: computers }] : []),
    { group: 'Tout', items: [{ value: FULL, label: "Export complet (tout l'historique)" }] },
  ];
}

function toTarget(value: string): ExportTarget {
  if (value === FULL) return { kind: 'full' };
  const [kind, id] = value.split(/:(.*)/s, 2);
  return kind === 'replica' ? { kind: 'replica', id } : { kind: 'partner', id };
}

/** Why the sync buttons are greyed: this poste has no keys yet, or they are locked. */
export function KeysNeeded({ keys }: { keys: SyncStatus['keys'] }) {
  if (keys === 'ready') return null;
  return (
    <Text size="sm" c="orange.9">
      {keys === 'none'
        ? "Enregistrez d'abord la phrase de passe de la coopération, ci-dessus\u202f: elle ouvre et scelle les fichiers d'échange."
        : "Saisissez d'abord la phrase de passe de la coopération, ci-dessus, pour déverrouiller les clés de cet ordinateur."}
    </Text>
  );
}

/** Exchange files carried by hand: export for someone, import what was received. */
export function ExchangeSection({ status, partners, myPartnerId }: { status: SyncStatus; partners: Partner[]; myPartnerId: string }) {
  const [target, setTarget] = useState<string | null>(() => {
    const other = partners.find((partner) => partner.id !== myPartnerId);
    return other ? `partner:${other.id}` : FULL;
  });
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const busy = status.running !== null;
  const disabled = !(status.keys === 'ready');

  async function exportFile() {
    if (!target) return;
    const result = await call('exportSyncFile', toTarget(target));
    if (result.ok && result.value) {
      notifications.show({
        color: 'teal',
        title: "Fichier d'échange enregistré",
        message: `${numberFormat.format(result.value.count)} mise(s) à jour dans ${result.value.file}`,
      });
    }
  }

  async function importFile() {
    const result = await call('importSyncFile');
    if (result.ok && result.value) setSummary(result.value);
  }

  return (
    <>
      <Text size="sm">
        Pour un destinataire, le fichier contient ce qui lui manque d'après le dernier fichier reçu de lui&#x202f;; l'export complet contient tout l'historique
        de la coopération.
      </Text>
      <KeysNeeded keys={status.keys} />
      <Group align="flex-end">
        <Select label="Destinataire" data={targetOptions(status, partners)} value={target} onChange={setTarget} allowDeselect={false} w={420} />
        <Button leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => void exportFile()} disabled={disabled || busy}>
          Exporter un fichier d'échange…
        </Button>
      </Group>
      <Group align="center" mt="xs">
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => void importFile()} disabled={disabled || busy}>
          Importer un fichier d'échange…
        </Button>
        <Text size="sm" c="dimmed">
          ou déposez le fichier sur la fenêtre d'Entente.
        </Text>
      </Group>
      {status.import_failure && (
        <Alert color="red" title={`Dernier import impossible (${formatDateTime(status.import_failure.at)})`}>
          {frenchTypography(status.import_failure.message)}
        </Alert>
      )}
      <ImportSummaryModal summary={summary} onClose={() => setSummary(null)} />
    </>
  );
}
