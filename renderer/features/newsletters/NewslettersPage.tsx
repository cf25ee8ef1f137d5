// « Lettres d'info »: every numbered lettre, the draft in preparation and those published;
// « Nouvelle lettre » drafts the next one from the facts since the last.
import { Alert, Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { call, useApiData } from '../../api';
import { href, navigate } from '../../app/navigation';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';

export function NewslettersPage() {
  const { data: newsletters, error } = useApiData('listNewsletters');
  const [creating, setCreating] = useState(false);
  const draft = newsletters?.find((newsletter) => !newsletter.published_on);

  async function create() {
    setCreating(true);
    const result = await call('createNewsletter');
    setCreating(false);
    if (result.ok) navigate({ page: 'newsletter', id: result.value });
  }

  return (
    <>
      <PageHeader title="Lettres d'info">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create} loading={creating} disabled={!newsletters || !!draft}>
          Nouvelle lettre
        </Button>
      </PageHeader>
      <Text c="dimmed" size="sm" mb="md">
        La lettre de la coopération, numérotée&#x202f;: une nouvelle lettre reprend ce qui s'est passé depuis la précédente (actions réalisées et lancées,
        décisions, réunions, pistes retenues, chiffres clés), à relire et compléter avant de la publier.
        {draft && ` La lettre n°\u00a0${draft.number} est en préparation\u202f: publiez-la ou supprimez-la avant d'en commencer une autre.`}
      </Text>
      {error && <Alert color="red">{error.message}</Alert>}
      {newsletters && newsletters.length === 0 && <Text c="dimmed">Aucune lettre pour le moment.</Text>}
      {newsletters && newsletters.length > 0 && (
        <Table striped highlightOnHover aria-label="Lettres d'info">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Titre</Table.Th>
              <Table.Th>Période</Table.Th>
              <Table.Th>Articles</Table.Th>
              <Table.Th>État</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newsletters.map((newsletter) => (
              <Table.Tr key={newsletter.id}>
                <Table.Td>{newsletter.number}</Table.Td>
                <Table.Td>
                  <Anchor href={href({ page: 'newsletter', id: newsletter.id })}>{newsletter.title}</Anchor>
                </Table.Td>
                <Table.Td>{newsletter.period_label}</Table.Td>
                <Table.Td>{newsletter.items.length}</Table.Td>
                <Table.Td>
                  {newsletter.published_on ? (
                    <Text size="sm">Publiée le {formatDate(newsletter.published_on)}</Text>
                  ) : (
                    <Badge color="gray.7" c="white" variant="filled" radius="sm">
                      Brouillon
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
