import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { IconMail, IconMailOpened } from '@tabler/icons-react';
import type { ApiResult, SavedEmail } from '../../../preload/contract';
import { call } from '../../api';
import { plural } from './ConvocationSheets';
import { NBSP } from './MinutesSheet';

/**
 * « Préparer le courriel… »: the document shown, as a PDF in an .eml draft for Outlook or
 * Thunderbird (the convocation, the compte rendu to validate). Once prepared, « Ouvrir le
 * courriel » stays beside it, not only in the notification, which goes after 12 seconds.
 */
export function EmailDraftButton({
  prepare,
  busy,
  disabled,
  onBusy,
}: {
  prepare: () => Promise<ApiResult<SavedEmail | null>>;
  busy: boolean;
  disabled: boolean;
  onBusy: (busy: boolean) => void;
}) {
  const [prepared, setPrepared] = useState<string | null>(null);
  const open = (file: string) => void call('openPreparedEmail', file);

  async function run() {
    onBusy(true);
    const result = await prepare();
    onBusy(false);
    if (!result.ok || !result.value) return;
    const { file, recipients, without_email: without } = result.value;
    setPrepared(file);
    const to = recipients.length > 0 ? `adressé à ${plural(recipients.length, 'destinataire')}` : 'sans destinataire';
    notifications.show({
      color: 'teal',
      title: 'Courriel préparé',
      message: (
        <Stack gap={6} align="flex-start">
          <Text size="sm">
            {`${file} (${to}), à ouvrir avec Outlook ou Thunderbird pour le relire et l'envoyer.${without.length > 0 ? ` Sans adresse électronique (à compléter dans Personnes)${NBSP}: ${without.join(', ')}.` : ''}`}
          </Text>
          <Button size="compact-sm" variant="light" leftSection={<IconMail size={14} aria-hidden />} onClick={() => open(file)}>
            Ouvrir le courriel
          </Button>
        </Stack>
      ),
      autoClose: 12_000,
    });
  }
  return (
    <>
      <Button variant="default" leftSection={<IconMail size={16} aria-hidden />} onClick={run} loading={busy} disabled={disabled}>
        Préparer le courriel…
      </Button>
      {prepared && (
        <Button variant="default" leftSection={<IconMailOpened size={16} aria-hidden />} onClick={() => open(prepared)} title={prepared}>
          Ouvrir le courriel préparé
        </Button>
      )}
    </>
  );
}
