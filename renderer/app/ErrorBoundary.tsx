import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What the failure is said of: « Cette page », « Entente ». */
  subject: string;
  /** The failure is forgotten when this changes (another page opened). */
  resetKey?: string;
}

interface State {
  error: Error | null;
}

/**
 * A screen that fails while it is drawn says so in French, and keeps the rest of the window
 * usable: without it React leaves the whole window blank. What is saved is in the database,
 * untouched by a drawing failure.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.subject} n'a pas pu s'afficher`, error, info.componentStack);
  }

  componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Alert color="red" title={`${this.props.subject} n'a pas pu s'afficher`} m="md">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            Ce qui est déjà enregistré n'est pas perdu. Réessayez. Si l'erreur revient, signalez-la à votre administrateur avec le détail ci-dessous.
          </Text>
          <Code block>{error.message}</Code>
          <Button onClick={() => this.setState({ error: null })}>Réessayer</Button>
        </Stack>
      </Alert>
    );
  }
}
