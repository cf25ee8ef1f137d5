// The frame of every print preview (a meeting's documents, the fiche action, the tableau
// de bord): a way back, « Imprimer… » and « Enregistrer en PDF… », the document's own
// controls, and the A4 sheets. When the window prints, only the sheets print.
import { Alert, Anchor, Button, Group } from '@mantine/core';
import { IconArrowLeft, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiResult, SavedPdf } from '../../../preload/contract';
import { PageHeader } from '../../shared/PageHeader';
import { notifyPdfSaved, printShownPage } from '../../shared/printing';
import classes from './MinutesPrint.module.css';

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

/** What the toolbar is doing; a page adds its own kinds (« docx », « email »). */
export function usePrintBusy<Kind extends string>() {
  return useState<'print' | 'pdf' | Kind | null>(null);
}

interface Props {
  back: { href: string; label: string };
  /** Whether the sheets are shown: nothing can be printed before. */
  ready: boolean;
  busy: string | null;
  setBusy: (busy: 'print' | 'pdf' | null) => void;
  /** Writes the PDF where the user chooses (null: the dialog was cancelled). */
  savePdf: () => Promise<ApiResult<SavedPdf | null>>;
  error?: { message: string } | null;
  /** Before the buttons, on the left: a choice of document. */
  choice?: ReactNode;
  /** After « Enregistrer en PDF… »: other exports. */
  exports?: ReactNode;
  /** Under the toolbar: who will receive it. */
  note?: ReactNode;
  children: ReactNode;
}

export function PrintPreview({ back, ready, busy, setBusy, savePdf, error, choice, exports, note, children }: Props) {
  async function print() {
    setBusy('print');
    await printShownPage();
    setBusy(null);
  }

  async function save() {
    setBusy('pdf');
    const result = await savePdf();
    setBusy(null);
    if (result.ok && result.value) notifyPdfSaved(result.value);
  }

  return (
    <div className={classes.preview}>
      <div className={classes.toolbar}>
        <Anchor href={back.href} size="sm" className={classes.back}>
          <Group gap={4} component="span" wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden />
            {back.label}
          </Group>
        </Anchor>
        <PageHeader title="Aperçu avant impression" small />
        <Group justify={choice ? 'space-between' : 'flex-end'} gap="sm">
          {choice}
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
            <Button leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={save} loading={busy === 'pdf'} disabled={!ready || busy !== null}>
              Enregistrer en PDF…
            </Button>
            {exports}
          </Group>
        </Group>
        {note}
      </div>
      {error && (
        <Alert color="red" title="Aperçu impossible">
          {error.message}
        </Alert>
      )}
      {children}
    </div>
  );
}
