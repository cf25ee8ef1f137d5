import { Button, SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import type { PrintLayout } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { href, navigate } from '../../app/navigation';
import { formatBytes } from '../../shared/format';
import { DossierSheets } from './CodiriSheets';
import { AttendanceSheets, ConvocationRecipients, ConvocationSheets } from './ConvocationSheets';
import { EmailDraftButton } from './EmailDraftButton';
import { MinutesSheet } from './MinutesSheet';
import classes from './MinutesPrint.module.css';
import { PrintPreview, usePrintBusy, usePrintTitle } from './PrintPreview';

const LAYOUT_LABELS: Record<PrintLayout, string> = {
  compte_rendu: 'Compte rendu',
  releve: 'Relevé de décisions',
  dossier_codiri: 'Dossier CODIRI',
  convocation: 'Convocation',
  emargement: "Feuille d'émargement",
};

/** Layouts that load their own document: the toolbar waits for them to be shown. */
const OWN_DOCUMENT_LAYOUTS: PrintLayout[] = ['dossier_codiri', 'convocation', 'emargement'];

/**
 * The print preview of a meeting's minutes: the document as A4 sheets, and a toolbar to
 * change the layout, print, or save as PDF. When the window prints, only the sheets print.
 */
export function MinutesPrintPage({ id, layout }: { id: string; layout: PrintLayout }) {
  // The toolbar reads the meeting's type here; the dossier, the convocation and the émargement load their own documents.
  const { data: minutes, error } = useApiData('getMinutesDocument', id, layout === 'releve' ? 'releve' : 'compte_rendu');
  const [sheetsShown, setSheetsShown] = useState(false);
  const ready = !!minutes && (!OWN_DOCUMENT_LAYOUTS.includes(layout) || sheetsShown);
  const [busy, setBusy] = usePrintBusy<'docx' | 'email'>();
  usePrintTitle(!minutes ? null : layout === 'dossier_codiri' ? `Dossier du ${minutes.meeting.title}` : `${LAYOUT_LABELS[layout]} – ${minutes.meeting.title}`);
  const layouts: PrintLayout[] = [
    'convocation',
    'emargement',
    'compte_rendu',
    'releve',
    ...(minutes?.meeting.type === 'codiri' ? (['dossier_codiri'] as const) : []),
  ];

  // A Word copy of the compte rendu or the relevé de décisions, written from the same document as the PDF.
  async function saveDocx() {
    if (layout !== 'compte_rendu' && layout !== 'releve') return;
    setBusy('docx');
    const result = await call('saveMinutesDocx', id, layout);
    setBusy(null);
    if (!result.ok || !result.value) return;
    notifications.show({
      color: 'teal',
      title: 'Document Word enregistré',
      message: `${result.value.file} (${formatBytes(result.value.bytes)})`,
      autoClose: 8000,
    });
  }

  return (
    <PrintPreview
      back={{ href: href({ page: 'meeting', id }), label: 'Retour à la réunion' }}
      ready={ready}
      busy={busy}
      setBusy={setBusy}
      savePdf={() => call('saveCurrentPageAsPdf', id, layout)}
      error={error}
      choice={
        <SegmentedControl
          aria-label="Document à imprimer"
          value={layout}
          onChange={(value) => navigate({ page: 'minutes-print', id, layout: value as PrintLayout })}
          data={layouts.map((value) => ({ value, label: LAYOUT_LABELS[value] }))}
        />
      }
      exports={
        <>
          {(layout === 'convocation' || (layout === 'compte_rendu' && minutes?.validation.draft)) && (
            <EmailDraftButton
              key={layout}
              prepare={() => call(layout === 'convocation' ? 'saveConvocationEmail' : 'saveValidationEmail', id)}
              busy={busy === 'email'}
              disabled={!ready || busy !== null}
              onBusy={(on) => setBusy(on ? 'email' : null)}
            />
          )}
          {(layout === 'compte_rendu' || layout === 'releve') && (
            <Button
              variant="default"
              leftSection={<IconFileTypeDocx size={16} aria-hidden />}
              onClick={saveDocx}
              loading={busy === 'docx'}
              disabled={!ready || busy !== null}
            >
              Exporter en Word…
            </Button>
          )}
        </>
      }
      note={layout === 'convocation' && <ConvocationRecipients id={id} />}
    >
      {minutes && (
        <div className={classes.desk}>
          {layout === 'dossier_codiri' ? (
            <DossierSheets id={id} onShown={setSheetsShown} />
          ) : layout === 'convocation' ? (
            <ConvocationSheets id={id} onShown={setSheetsShown} />
          ) : layout === 'emargement' ? (
            <AttendanceSheets id={id} onShown={setSheetsShown} />
          ) : (
            <MinutesSheet document={minutes} />
          )}
        </div>
      )}
    </PrintPreview>
  );
}
