import { List } from '@mantine/core';
import type { UnseenEditView } from '../../../preload/contract';
import { versionAuthor, versionDate } from './labels';

/** Edits a delete or a validation had not seen, row by row: who made them, and when. */
export function UnseenEditList({ edits, itself }: { edits: UnseenEditView[]; itself: string }) {
  return (
    <List size="sm" spacing={4} mt={4}>
      {edits.map((edit, index) => (
        <List.Item key={index}>
          {edit.row_label ?? itself}&#x202f;:{' '}
          {edit.added ? 'ajout' : `modification ${edit.fields.length > 1 ? 'des champs' : 'du champ'} ${edit.fields.join(', ')}`} par {versionAuthor(edit)}, le{' '}
          {versionDate(edit.date)}
        </List.Item>
      ))}
    </List>
  );
}
