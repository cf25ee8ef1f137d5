import { Group, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

/** Up to this many characters, a title is narrower than 22rem. */
const SHORT_TITLE = 20;

/**
 * The page's one h1. It takes the focus when the page opens so that a screen reader
 * announces the new page and Tab starts from the top of its content.
 */
export function PageHeader({ title, children, small }: { title: ReactNode; children?: ReactNode; small?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!ref.current?.contains(document.activeElement)) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md">
      {/* The buttons beside the title while the title keeps 22rem (a meeting's « CODIRI du 23 novembre 2026 » on one line), or its own width if shorter (« Actions »); otherwise below it, on as many lines as they need. */}
      <Title
        order={1}
        size={small ? 'h3' : 'h2'}
        ref={ref}
        tabIndex={-1}
        style={{ outline: 'none', flex: `1 1 ${typeof title === 'string' && title.length <= SHORT_TITLE ? 'auto' : '22rem'}`, overflowWrap: 'break-word' }}
      >
        {title}
      </Title>
      {children && (
        <Group gap="sm" justify="flex-end" ml="auto" style={{ flex: '0 1 auto' }}>
          {children}
        </Group>
      )}
    </Group>
  );
}
