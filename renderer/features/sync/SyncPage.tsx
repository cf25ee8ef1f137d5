import { Alert, Box, Stack } from '@mantine/core';
import { useApiData, useSyncProgress } from '../../api';
import { useAppState } from '../../app/AppContext';
import { PageHeader } from '../../shared/PageHeader';
import { SectionCard } from '../../shared/SectionCard';
import { ExchangeSection } from './ExchangeSection';
import { FolderSection } from './FolderSection';
import { GapsAlert } from './GapsAlert';
import { JournalTable } from './JournalTable';
import { PassphraseSection } from './PassphraseSection';
import { PosteNoticesAlert } from './PosteNoticesAlert';
import { ReplicasTable } from './ReplicasTable';
import { SyncProgressBar } from './SyncProgressBar';
import { SyncSummary } from './SyncSummary';

export function SyncPage() {
  const { partners, me } = useAppState();
  const { data: status, error, reload } = useApiData('getSyncStatus');
  // A job that ended (a shared-folder round, even with nothing new) changed the journal.
  const progress = useSyncProgress(reload);

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!status) return null;
  // A job under way before this page opened shows from the status until its next report.
  const current = { ...status, running: progress ?? status.running };
  return (
    <Box maw={1000}>
      <PageHeader title="Synchronisation" />
      <Stack gap="lg">
        <SyncProgressBar progress={current.running} />
        <PosteNoticesAlert linkToPostes />
        <SyncSummary replicas={status.replicas} partners={partners} />
        <SectionCard title="Phrase de passe de la coopération">
          <PassphraseSection status={status} onChanged={reload} />
        </SectionCard>
        <SectionCard title="Fichiers d'échange">
          <ExchangeSection status={current} partners={partners} myPartnerId={me.partner_id} />
        </SectionCard>
        <SectionCard title="Dossier partagé">
          <FolderSection status={current} />
        </SectionCard>
        <SectionCard title="Ordinateurs connus">
          <GapsAlert title="Mises à jour manquantes" gaps={status.gaps} />
          <ReplicasTable replicas={status.replicas} />
        </SectionCard>
        <SectionCard title="Journal des synchronisations">
          <JournalTable entries={status.journal} />
        </SectionCard>
      </Stack>
    </Box>
  );
}
