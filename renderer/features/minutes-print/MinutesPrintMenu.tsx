import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarDown,
  IconCalendarPlus,
  IconChevronDown,
  IconFileDescription,
  IconFileText,
  IconFolder,
  IconMailForward,
  IconPrinter,
  IconSignature,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { MeetingType } from '../../../common/vocabulary';
import { call } from '../../api';
import { href } from '../../app/navigation';

function calendarSaved(file: string): void {
  notifications.show({ color: 'teal', title: 'Fichier .ics enregistré', message: `${file}\u202f: à ouvrir avec Outlook ou Thunderbird.`, autoClose: 8000 });
}

/** The meeting page's way to its print previews and to the calendar file. */
export function MinutesPrintMenu({ meetingId, meetingType }: { meetingId: string; meetingType: MeetingType }) {
  const exportIcs = async () => {
    const result = await call('exportMeetingIcs', meetingId);
    if (result.ok && result.value) calendarSaved(result.value.file);
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          Imprimer et exporter
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href={href({ page: 'minutes-print', id: meetingId, layout: 'convocation' })}
          leftSection={<IconMailForward size={16} aria-hidden />}
        >
          Convocation
        </Menu.Item>
        <Menu.Item
          component="a"
          href={href({ page: 'minutes-print', id: meetingId, layout: 'emargement' })}
          leftSection={<IconSignature size={16} aria-hidden />}
        >
          Feuille d'émargement
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          component="a"
          href={href({ page: 'minutes-print', id: meetingId, layout: 'compte_rendu' })}
          leftSection={<IconFileText size={16} aria-hidden />}
        >
          Aperçu du compte rendu
        </Menu.Item>
        <Menu.Item
          component="a"
          href={href({ page: 'minutes-print', id: meetingId, layout: 'releve' })}
          leftSection={<IconFileDescription size={16} aria-hidden />}
        >
          Aperçu du relevé de décisions
        </Menu.Item>
        {meetingType === 'codiri' && (
          <Menu.Item
            component="a"
            href={href({ page: 'minutes-print', id: meetingId, layout: 'dossier_codiri' })}
            leftSection={<IconFolder size={16} aria-hidden />}
          >
            Dossier CODIRI
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item onClick={exportIcs} leftSection={<IconCalendarPlus size={16} aria-hidden />}>
          Ajouter à l'agenda (.ics)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Every upcoming meeting in one calendar file. */
export function UpcomingMeetingsIcsButton() {
  const [saving, setSaving] = useState(false);
  const exportIcs = async () => {
    setSaving(true);
    const result = await call('exportUpcomingMeetingsIcs');
    setSaving(false);
    if (result.ok && result.value) calendarSaved(result.value.file);
  };
  return (
    <Button variant="default" leftSection={<IconCalendarDown size={16} aria-hidden />} onClick={exportIcs} loading={saving}>
      Exporter les réunions à venir (.ics)
    </Button>
  );
}
