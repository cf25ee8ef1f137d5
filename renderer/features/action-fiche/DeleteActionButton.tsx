import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import type { ActionDetail } from '../../../preload/contract';
import { call } from '../../api';
import { navigate } from '../../app/navigation';

export function DeleteActionButton({ action }: { action: ActionDetail }) {
  const [opened, { open, close }] = useDisclosure();

  async function remove() {
    const result = await call('deleteAction', action.id);
    if (!result.ok) return;
    close();
    navigate({ page: 'actions' });
  }

  return (
    <>
      <Group justify="flex-end">
        <Button variant="default" c="var(--mantine-color-error)" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
          Supprimer l'action
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title="Supprimer cette action ?">
        <Text mb="lg">L'action «&#x202f;{action.title}&#x202f;» sera supprimée avec ses étapes, ses notes de suivi et ses liens.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Annuler
          </Button>
          <Button color="red.9" onClick={() => void remove()}>
            Supprimer
          </Button>
        </Group>
      </Modal>
    </>
  );
}
