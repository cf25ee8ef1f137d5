import { Alert } from '@mantine/core';
import type { ApiError } from '../../preload/contract';

/** What a page needs besides its own row and failed to load: said, rather than a blank page. */
export function LoadError({ error }: { error: ApiError }) {
  return (
    <Alert color="red" title="Chargement impossible">
      {error.message}
    </Alert>
  );
}
