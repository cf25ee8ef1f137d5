import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';

interface Props {
  /** « Supprimer l'action ». */
  label: string;
  /** « Supprimer cette action ? ». */
  title: string;
  /** What goes with it, said before anything is deleted. */
  children: ReactNode;
  /** Deletes, then leaves the fiche; false when refused (the error is shown): the dialog stays. */
  remove: () => Promise<boolean>;
}

/** « Supprimer … » at the foot of a fiche: a confirmation first, « Annuler » focused. */
export function DeleteButton({ label, title, children, remove }: Props) {
  const [opened, { open, close }] = useDisclosure();
  // A second click would be refused: the row is already deleted.
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const removed = await remove();
    setBusy(false);
    if (removed) close();
  }

  return (
    <>
      <Group justify="flex-end">
        <Button variant="default" c="var(--mantine-color-error)" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
          {label}
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title={title}>
        <Text mb="lg">{children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Annuler
          </Button>
          <Button color="red.9" loading={busy} onClick={() => void confirm()}>
            Supprimer
          </Button>
        </Group>
      </Modal>
    </>
  );
}
