// One lettre d'info. A draft is edited here — title, period, editorial with its preview,
// articles removed, moved, rewritten (previewed too when marked up), added —, every field
// saved as it is typed, then published after a confirmation; a published lettre is shown
// read-only, to print or send.
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconPrinter, IconSend, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Block, NewsletterDocument, NewsletterItem, NewsletterPatch, NewsletterRow } from '../../../preload/contract';
import { frenchDate } from '../../../common/french';
import { NEWSLETTER_ITEM_KIND_LABELS } from '../../../common/vocabulary';
import { call, send, useApiData } from '../../api';
import { href, navigate } from '../../app/navigation';
import { AutosaveDate, AutosaveText } from '../../shared/autosave/AutosaveFields';
import { FormSaverProvider } from '../../shared/autosave/FormSaver';
import { SaveStatus } from '../../shared/autosave/SaveStatus';
import { useUndoShortcut } from '../../shared/autosave/useUndoShortcut';
import { PageHeader } from '../../shared/PageHeader';
import { EmailDraftButton } from '../minutes-print/EmailDraftButton';
import { MarkdownBlocks } from './MarkdownBlocks';
import classes from './Newsletter.module.css';
import { NewsletterView } from './NewsletterView';

const FORMAT_HELP =
  'Les boutons mettent en forme les mots choisis (ou tapez ## Titre, ### Sous-titre, **gras**, «\u202f-\u202f» en début de ligne pour une liste, [texte](https://adresse) pour un lien)\u202f; une ligne vide sépare les paragraphes.';

export function NewsletterPage({ id }: { id: string }) {
  const { data: newsletter, error } = useApiData('getNewsletter', id);
  const { data: document } = useApiData('getNewsletterDocument', id);
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!newsletter || !document) return null;
  if (newsletter.published_on) return <PublishedNewsletter newsletter={newsletter} publishedOn={newsletter.published_on} document={document} />;
  return (
    <FormSaverProvider>
      <DraftEditor newsletter={newsletter} document={document} />
    </FormSaverProvider>
  );
}

function BackLink() {
  return (
    <Anchor href={href({ page: 'newsletters' })} size="sm" mb="xs" display="block">
      ← Toutes les lettres d'info
    </Anchor>
  );
}

function PublishedNewsletter({ newsletter, publishedOn, document }: { newsletter: NewsletterRow; publishedOn: string; document: NewsletterDocument }) {
  const [busy, setBusy] = useState(false);
  return (
    <>
      <BackLink />
      <PageHeader title={newsletter.title} small>
        <Button
          component="a"
          href={href({ page: 'newsletter-print', id: newsletter.id })}
          variant="default"
          leftSection={<IconPrinter size={16} aria-hidden />}
        >
          Imprimer / PDF
        </Button>
        <EmailDraftButton prepare={() => call('saveNewsletterEmail', newsletter.id)} busy={busy} disabled={busy} onBusy={setBusy} />
      </PageHeader>
      <Text mb="md">
        Période {newsletter.period_label}. Publiée le <span style={{ whiteSpace: 'nowrap' }}>{frenchDate(publishedOn)}</span>
        {newsletter.published_by ? ` par ${newsletter.published_by.name}` : ''}&#x202f;: elle ne peut plus être modifiée.
      </Text>
      <NewsletterView document={document} />
    </>
  );
}

/** Markdown's marks (titles, lists, bold, links): a text with none reads the same once printed. */
const MARKUP = /^#{2,3} |^- |\*\*|\]\(/m;

/** An article as it will read, under its text, once the text has marks that read otherwise in the field (« **9** »). */
function ArticlePreview({ title, body, blocks }: { title: string; body: string | null; blocks: Block[] | undefined }) {
  if (!body || !blocks || blocks.length === 0 || !MARKUP.test(body)) return null;
  return (
    <section aria-label={`Aperçu de l'article «\u202f${title}\u202f»`} className={classes.preview}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={4}>
        Aperçu
      </Text>
      <MarkdownBlocks blocks={blocks} className={classes.text} />
    </section>
  );
}

function DraftEditor({ newsletter, document }: { newsletter: NewsletterRow; document: NewsletterDocument }) {
  useUndoShortcut();
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After a move, the focus follows the article to its new place (keyboard users keep their place).
  const [moved, setMoved] = useState<{ itemId: string; direction: 'up' | 'down' } | null>(null);
  const order = newsletter.items.map((item) => item.id).join(',');
  useEffect(() => {
    if (!moved) return;
    const button =
      window.document.querySelector<HTMLButtonElement>(`[data-move="${moved.itemId}-${moved.direction}"]:not(:disabled)`) ??
      window.document.querySelector<HTMLButtonElement>(`[data-move^="${moved.itemId}-"]:not(:disabled)`);
    button?.focus();
  }, [order, moved]);

  const update = (patch: NewsletterPatch) => send('updateNewsletter', newsletter.id, patch);

  // The next confirmation starts without this one's refusal.
  function closeConfirm() {
    setConfirm(null);
    setError(null);
  }

  async function run(action: 'publish' | 'delete') {
    setBusy(true);
    const result = await send(action === 'publish' ? 'publishNewsletter' : 'deleteNewsletter', newsletter.id);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    closeConfirm();
    if (action === 'delete') navigate({ page: 'newsletters' });
  }

  async function move(item: NewsletterItem, direction: 'up' | 'down') {
    const result = await call('moveNewsletterItem', newsletter.id, item.id, direction);
    if (result.ok) setMoved({ itemId: item.id, direction });
  }

  return (
    <>
      <BackLink />
      <PageHeader
        title={
          <Group gap="xs" wrap="nowrap" component="span">
            <span>Lettre n°&nbsp;{newsletter.number}</span>
            <Badge color="gray.7" c="white" variant="filled" radius="sm">
              Brouillon
            </Badge>
          </Group>
        }
        small
      >
        <SaveStatus />
        <Button
          component="a"
          href={href({ page: 'newsletter-print', id: newsletter.id })}
          variant="default"
          leftSection={<IconPrinter size={16} aria-hidden />}
        >
          Aperçu avant impression
        </Button>
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setConfirm('publish')}>
          Publier…
        </Button>
      </PageHeader>

      <Paper withBorder p="md" radius="md" mb="lg">
        <Stack>
          <AutosaveText label="Titre" required value={newsletter.title} save={(title) => update({ title: title ?? '' })} />
          <Group grow align="flex-start">
            <AutosaveDate label="Début de la période" value={newsletter.period_start} save={(period_start) => update({ period_start })} />
            <AutosaveDate
              label="Fin de la période"
              value={newsletter.period_end}
              save={(period_end) => update({ period_end: period_end ?? newsletter.period_end })}
            />
          </Group>
          <Text size="xs" c="dimmed" mt={-8}>
            Les articles ont été proposés pour la période du brouillon&#x202f;: la changer ne les change pas (ni les chiffres clés)&#x202f;; ajoutez ou retirez
            des articles.
          </Text>
          <AutosaveText label="Éditorial" markdown description={FORMAT_HELP} value={newsletter.editorial} save={(editorial) => update({ editorial })} />
          {document.editorial.length > 0 && (
            <section aria-label="Aperçu de l'éditorial" className={classes.preview}>
              <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={4}>
                Aperçu de l'éditorial
              </Text>
              <MarkdownBlocks blocks={document.editorial} className={classes.text} />
            </section>
          )}
        </Stack>
      </Paper>

      <Title order={2} size="h3" mb="sm">
        Articles ({newsletter.items.length})
      </Title>
      <Stack gap="md">
        {newsletter.items.map((item, index) => (
          <Paper key={item.id} withBorder p="md" radius="md" component="article" aria-label={`Article ${index + 1}\u202f: ${item.title}`}>
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Badge variant="light">{NEWSLETTER_ITEM_KIND_LABELS[item.kind]}</Badge>
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="default"
                  data-move={`${item.id}-up`}
                  aria-label={`Monter l'article «\u202f${item.title}\u202f»`}
                  disabled={index === 0}
                  onClick={() => move(item, 'up')}
                >
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  data-move={`${item.id}-down`}
                  aria-label={`Descendre l'article «\u202f${item.title}\u202f»`}
                  disabled={index === newsletter.items.length - 1}
                  onClick={() => move(item, 'down')}
                >
                  <IconArrowDown size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  color="red"
                  aria-label={`Retirer l'article «\u202f${item.title}\u202f»`}
                  onClick={() => void call('removeNewsletterItem', newsletter.id, item.id)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
            <Stack gap="xs">
              <AutosaveText
                label="Titre de l'article"
                required
                value={item.title}
                save={(title) => send('editNewsletterItem', newsletter.id, item.id, { title: title ?? '' })}
              />
              <AutosaveText label="Texte" markdown value={item.body} save={(body) => send('editNewsletterItem', newsletter.id, item.id, { body })} />
              <ArticlePreview title={item.title} body={item.body} blocks={document.items.find((printed) => printed.id === item.id)?.blocks} />
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Group justify="space-between" mt="md">
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => void call('addNewsletterItem', newsletter.id)}>
          Ajouter un article
        </Button>
        <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirm('delete')}>
          Supprimer le brouillon
        </Button>
      </Group>

      <Modal
        opened={confirm !== null}
        onClose={closeConfirm}
        title={confirm === 'publish' ? `Publier la lettre n°\u00a0${newsletter.number}` : `Supprimer le brouillon n°\u00a0${newsletter.number}`}
      >
        <Text mb="md">
          {confirm === 'publish'
            ? "Une fois publiée, la lettre ne peut plus être modifiée. Elle rejoint les archives, passe aux autres ordinateurs à la prochaine synchronisation, et s'imprime ou s'envoie par courriel."
            : 'Le brouillon et ses articles seront supprimés.'}
        </Text>
        {error && (
          <Alert color="red" mb="md">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={closeConfirm}>
            Annuler
          </Button>
          <Button color={confirm === 'delete' ? 'red' : undefined} loading={busy} onClick={() => confirm && run(confirm)}>
            {confirm === 'publish' ? 'Publier' : 'Supprimer'}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
