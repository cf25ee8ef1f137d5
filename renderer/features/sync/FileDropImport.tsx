import { Overlay, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ImportSummary } from '../../../preload/contract';
import { call } from '../../api';
import { ImportSummaryModal } from './ImportSummaryModal';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * An exchange file dropped anywhere on the window is imported. Without this, Chromium
 * would open the dropped file in place of the app (which main then blocks).
 */
export function FileDropImport() {
  const [dragging, setDragging] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = async (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      const result = await call('importSyncData', new Uint8Array(await file.arrayBuffer()));
      if (result.ok) setSummary(result.value);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      {dragging && (
        <Overlay fixed backgroundOpacity={0.75} blur={2} zIndex={400} center>
          <Stack align="center" gap="xs" c="white">
            <IconFileImport size={48} aria-hidden />
            <Title order={2} size="h3" c="white">
              Déposez le fichier d'échange pour l'importer
            </Title>
            <Text c="white">Il est importé en entier ou pas du tout&#x202f;; l'importer deux fois ne change rien.</Text>
          </Stack>
        </Overlay>
      )}
      <ImportSummaryModal summary={summary} onClose={() => setSummary(null)} />
    </>
  );
}
