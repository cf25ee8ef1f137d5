import { Alert, Anchor, Button, Group, SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileTypeDocx, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { PrintLayout } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { href, navigate } from '../../app/navigation';
import { formatBytes } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { notifyPdfSaved, printShownPage } from '../../shared/printing';
import { DossierSheets } from './CodiriSheets';
import { AttendanceSheets, ConvocationRecipients, ConvocationSheets } from './ConvocationSheets';
import { EmailDraftButton } from './EmailDraftButton';
import { MinutesSheet } from './MinutesSheet';
import classes from './MinutesPrint.module.css';

const LAYOUT_LABELS: Record<PrintLayout, string> = {
  compte_rendu: 'Compte rendu',
  releve: 'Relevé de décisions',
  dossier_codiri: 'Dossier CODIRI',
  convocation: 'Convocation',
  emargement: "Feuille d'émargement",
};

/**
 * The page's title while a document is shown: Chromium writes it as the PDF's Title
 * (« Compte rendu – CODIRI du 15 mars 2027 »), both when saving and when printing to a
 * PDF printer. The window's own title comes back when the preview closes.
 */
export function usePrintTitle(title: string | null): void {
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

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
  const [busy, setBusy] = useState<'print' | 'pdf' | 'docx' | 'email' | null>(null);
  usePrintTitle(!minutes ? null : layout === 'dossier_codiri' ? `Dossier du ${minutes.meeting.title}` : `${LAYOUT_LABELS[layout]} – ${minutes.meeting.title}`);
  const layouts: PrintLayout[] = [
    'convocation',
    'emargement',
    'compte_rendu',
    'releve',
    ...(minutes?.meeting.type === 'codiri' ? (['dossier_codiri'] as const) : []),
  ];

  async function print() {
    setBusy('print');
    await printShownPage();
    setBusy(null);
  }

  async function savePdf() {
    setBusy('pdf');
    const result = await call('saveCurrentPageAsPdf', id, layout);
    setBusy(null);
    if (result.ok && result.value) notifyPdfSaved(result.value);
  }

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
    <div className={classes.preview}>
      <div className={classes.toolbar}>
        <Anchor href={href({ page: 'meeting', id })} size="sm" className={classes.back}>
          <Group gap={4} component="span" wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden />
            Retour à la réunion
          </Group>
        </Anchor>
        <PageHeader title="Aperçu avant impression" small />
        <Group justify="space-between" gap="sm">
          <SegmentedControl
            aria-label="Document à imprimer"
            value={layout}
            onChange={(value) => navigate({ page: 'minutes-print', id, layout: value as PrintLayout })}
            data={layouts.map((value) => ({ value, label: LAYOUT_LABELS[value] }))}
          />
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={print}
              loading={busy === 'print'}
              disabled={!ready || busy !== null}
            >
              Imprimer…
            </Button>
            <Button leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={savePdf} loading={busy === 'pdf'} disabled={!ready || busy !== null}>
              Enregistrer en PDF…
            </Button>
            {(layout === 'convocation' || (layout === 'compte_rendu' && minutes?.validation.draft)) && (
              <EmailDraftButton
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
          </Group>
        </Group>
        {layout === 'convocation' && <ConvocationRecipients id={id} />}
      </div>
      {error && (
        <Alert color="red" title="Aperçu impossible">
          {error.message}
        </Alert>
      )}
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
    </div>
  );
}
