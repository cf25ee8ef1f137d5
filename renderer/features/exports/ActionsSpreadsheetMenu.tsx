import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconFileSpreadsheet, IconFileTypeCsv, IconTableImport, IconTableExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ActionQuery, ImportPreview } from '../../../preload/contract';
import { call } from '../../api';
import { ImportPlanModal } from './ImportPlanModal';

const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? 's' : ''}`;

/** The Actions page's « Exporter » menu (the actions as filtered, or the plan d'actions) and « Importer un plan d'actions… ». */
export function ActionsSpreadsheetMenu({ query }: { query: ActionQuery }) {
  const [importing, setImporting] = useState<{ file_name: string; preview: ImportPreview } | null>(null);

  async function save(format: 'xlsx' | 'csv' | 'plan') {
    const result = await call('saveActionsSpreadsheet', query, format);
    if (!result.ok || !result.value) return;
    notifications.show({
      color: 'teal',
      title: format === 'plan' ? "Plan d'actions enregistré" : 'Actions enregistrées',
      message: `${result.value.file} (${plural(result.value.rows, 'action')})\u202f: à ouvrir avec Excel ou LibreOffice.`,
      autoClose: 8000,
    });
  }

  async function chooseImport() {
    const result = await call('chooseActionsImport');
    if (result.ok && result.value) setImporting(result.value);
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconTableExport size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
            Exporter / importer
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Les actions affichées</Menu.Label>
          <Menu.Item leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => void save('xlsx')}>
            Classeur Excel (.xlsx)…
          </Menu.Item>
          <Menu.Item leftSection={<IconFileTypeCsv size={16} aria-hidden />} onClick={() => void save('csv')}>
            CSV pour Excel (.csv)…
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>Toutes les actions</Menu.Label>
          <Menu.Item leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => void save('plan')}>
            Plan d'actions, une feuille par chantier (.xlsx)…
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconTableImport size={16} aria-hidden />} onClick={() => void chooseImport()}>
            Importer un plan d'actions…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {importing && <ImportPlanModal fileName={importing.file_name} initial={importing.preview} onClose={() => setImporting(null)} />}
    </>
  );
}
