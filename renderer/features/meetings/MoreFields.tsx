import { Button, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId, useState } from 'react';

/**
 * Optional fields folded away while empty: a filled one is always shown, an empty one behind
 * « Plus de champs ». Those shown when the screen opened stay shown, so that a field the user
 * empties does not vanish under the cursor.
 */
export function useFoldedFields<Name extends string>(filled: Record<Name, boolean>) {
  const [open, setOpen] = useState(false);
  const [initiallyShown] = useState(() => new Set(Object.keys(filled).filter((name) => filled[name as Name])));
  const shown = (name: Name) => open || filled[name] || initiallyShown.has(name);
  const folded = (Object.keys(filled) as Name[]).filter((name) => !filled[name] && !initiallyShown.has(name));
  return { shown, folded, open, toggle: () => setOpen((value) => !value) };
}

/** The disclosure button: names the empty fields it shows, and hides them again. */
export function MoreFieldsButton({ labels, open, toggle, controls }: { labels: string[]; open: boolean; toggle: () => void; controls?: string }) {
  const id = useId();
  if (labels.length === 0) return null;
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        px={4}
        aria-expanded={open}
        aria-controls={controls}
        aria-describedby={open ? undefined : id}
        leftSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
        onClick={toggle}
      >
        {open ? 'Moins de champs' : 'Plus de champs'}
      </Button>
      {!open && (
        <Text span size="sm" c="dimmed" id={id} ml={6}>
          {labels.map((label) => label.charAt(0).toLowerCase() + label.slice(1)).join(', ')}
        </Text>
      )}
    </div>
  );
}
