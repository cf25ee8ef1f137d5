import { Button, Group } from '@mantine/core';
import { href, type Route } from '../../app/navigation';

export type PistesView = Extract<Route['page'], 'pistes' | 'pistes-scoring' | 'pistes-matrix' | 'pistes-synthesis'>;

const VIEWS: { page: PistesView; label: string }[] = [
  { page: 'pistes', label: 'Liste' },
  { page: 'pistes-scoring', label: 'Évaluation' },
  { page: 'pistes-matrix', label: 'Matrice' },
  { page: 'pistes-synthesis', label: 'Synthèse imprimable' },
];

/** The pistes' views, as links: each has its own address, so Back returns to the previous view. */
export function PistesViews({ current }: { current: PistesView }) {
  return (
    <Group component="nav" aria-label="Vues des pistes" gap={6} mb="md">
      {VIEWS.map((view) => (
        <Button
          key={view.page}
          component="a"
          href={href({ page: view.page })}
          size="xs"
          variant={view.page === current ? 'filled' : 'default'}
          aria-current={view.page === current ? 'page' : undefined}
        >
          {view.label}
        </Button>
      ))}
    </Group>
  );
}
