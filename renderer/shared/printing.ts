// What every print preview does with what it shows: print it, or tell where its PDF went.
import { notifications } from '@mantine/notifications';
import type { SavedPdf } from '../../preload/contract';
import { send } from '../api';
import { formatBytes } from './format';

/** « Imprimer… »: the system's print dialog for the window; a refusal (no printer) told in a notification. */
export async function printShownPage(): Promise<void> {
  const result = await send('printCurrentPage');
  if (!result.ok) notifications.show({ color: 'red', title: 'Impression impossible', message: result.error.message, autoClose: 12_000 });
}

/** « PDF enregistré : fichier (2 pages, 120 Ko) ». */
export function notifyPdfSaved({ file, bytes, pages }: SavedPdf): void {
  const size = [pages && `${pages} page${pages > 1 ? 's' : ''}`, formatBytes(bytes)].filter(Boolean).join(', ');
  notifications.show({ color: 'teal', title: 'PDF enregistré', message: `${file} (${size})`, autoClose: 8000 });
}
