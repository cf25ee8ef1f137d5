import { Alert, Button, Group } from '@mantine/core';

/** The foot of a dialog's form: the refusal the form could not pin on a field, Annuler, and the submit button. */
export function FormActions({ submitLabel, onCancel, busy, error }: { submitLabel: string; onCancel: () => void; busy?: boolean; error?: string }) {
  return (
    <>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Annuler
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
