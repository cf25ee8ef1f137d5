import { Badge, Button, Group, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength, suggestPassphrase, type PassphraseLevel } from '../../../common/passphrase';

// Filled colours with the text colour that keeps 4.5:1 on them: badges look the same in light and dark themes.
const LEVEL_STYLE: Record<PassphraseLevel, { color: string; text: 'white' | 'black' }> = {
  0: { color: 'gray.7', text: 'white' },
  1: { color: 'red.9', text: 'white' },
  2: { color: 'orange.8', text: 'black' },
  3: { color: 'green.8', text: 'black' },
  4: { color: 'teal.9', text: 'white' },
};

const SEGMENTS = [1, 2, 3, 4] as const;

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  autoFocus?: boolean;
}

/** A new project passphrase: the field, how strong it is, what would help, and a phrase of several words to propose. */
export function PassphraseField({ label, value, onChange, error, autoFocus }: PassphraseFieldProps) {
  const [visible, setVisible] = useState(false);
  const strength = passphraseStrength(value);
  const style = LEVEL_STYLE[strength.level];

  function propose() {
    onChange(suggestPassphrase());
    // Shown, so that it can be written down and passed on to the other partners.
    setVisible(true);
  }

  return (
    <Stack gap="xs">
      <PasswordInput
        label={label}
        description={`${MIN_PASSPHRASE_LENGTH} caractères au moins\u202f; une suite de plusieurs mots est plus sûre et plus facile à retenir`}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        visible={visible}
        onVisibilityChange={setVisible}
        visibilityToggleFocusable
        visibilityToggleButtonProps={{ 'aria-label': visible ? 'Masquer la phrase de passe' : 'Afficher la phrase de passe' }}
      />
      {/* The bar repeats the level given in words below it. */}
      <Group gap={4} grow aria-hidden>
        {SEGMENTS.map((segment) => (
          <Progress key={segment} size="sm" value={value && strength.level >= segment ? 100 : 0} color={style.color} transitionDuration={0} />
        ))}
      </Group>
      {/* Announced when the level changes, not at each keystroke: the advice stays out of it. */}
      <Group gap="xs" role="status" aria-live="polite" mih={22}>
        {value && (
          <>
            <Text size="sm">Force de la phrase de passe&#x202f;:</Text>
            <Badge color={style.color} c={style.text} variant="filled" radius="sm">
              {strength.label}
            </Badge>
          </>
        )}
      </Group>
      {value && strength.advice && (
        <Text size="sm" c="dimmed">
          {strength.advice}
        </Text>
      )}
      <Group>
        <Button variant="default" onClick={propose}>
          Proposer une phrase de passe
        </Button>
      </Group>
    </Stack>
  );
}
