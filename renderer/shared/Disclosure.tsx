import { Collapse, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';

/** A folded part of a screen, opened by its title (a button that says whether it is open). */
export function Disclosure({ title, children }: { title: ReactNode; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  const Chevron = opened ? IconChevronDown : IconChevronRight;
  return (
    <div>
      <UnstyledButton onClick={() => setOpened((open) => !open)} aria-expanded={opened} aria-controls={panelId}>
        <Group gap={4}>
          <Chevron size={16} aria-hidden />
          <Text size="sm" fw={600}>
            {title}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={opened} id={panelId}>
        {children}
      </Collapse>
    </div>
  );
}
