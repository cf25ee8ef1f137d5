import { Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { call, useApiData } from '../../api';

/** This laptop only: whether the reminders also come as a notification of the system. */
export function RemindersSection() {
  const { data } = useApiData('getReminders');
  // The choice stays shown while it is saved, until the setting read again differs from the one it changed.
  const [pending, setPending] = useState<{ value: boolean; from: boolean } | null>(null);
  if (!data) return null;
  const checked = pending && pending.from === data.notifications ? pending.value : data.notifications;
  return (
    <>
      <Text size="sm">
        La cloche en haut de l'écran rappelle les actions que vous pilotez ou dont vous êtes responsable, quand elles sont en retard ou arrivent à échéance dans
        les 7 jours.
      </Text>
      <Switch
        label="Me prévenir par une notification du système"
        description={
          data.notifications_supported
            ? "Vérifiés au démarrage puis toutes les heures\u202f; un même rappel ne revient qu'une fois par jour. Ce réglage est propre à cet ordinateur\u202f: il n'est pas synchronisé."
            : 'Ce système ne permet pas les notifications.'
        }
        checked={checked}
        disabled={!data.notifications_supported}
        onChange={(event) => {
          const enabled = event.currentTarget.checked;
          setPending({ value: enabled, from: data.notifications });
          void call('setReminderNotifications', enabled).then((result) => {
            if (!result.ok) setPending(null);
          });
        }}
      />
    </>
  );
}
