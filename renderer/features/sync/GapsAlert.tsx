import { Alert, List } from '@mantine/core';
import type { ReactNode } from 'react';

/** Updates some ordinateur holds that this one still lacks, in db/'s words (« il manque 15 mises à jour de … »). */
export function GapsAlert({ title, gaps, children }: { title: string; gaps: string[]; children?: ReactNode }) {
  if (gaps.length === 0) return null;
  return (
    <Alert color="yellow" title={title}>
      <List size="sm">
        {gaps.map((gap) => (
          <List.Item key={gap}>{`${gap.charAt(0).toUpperCase()}${gap.slice(1)}.`}</List.Item>
        ))}
      </List>
      {children}
    </Alert>
  );
}
