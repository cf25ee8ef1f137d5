import { expect, test } from 'vitest';
import { de, frenchCount } from '../../common/french';

test('« de » élidé devant une voyelle ou un h, pas devant une consonne', () => {
  expect(de('Claire Martin')).toBe('de Claire Martin');
  expect(de('Anne Roux')).toBe("d'Anne Roux");
  expect(de('Élodie Blanc')).toBe("d'Élodie Blanc");
  expect(de('Hélène Petit')).toBe("d'Hélène Petit");
  expect(de('Yves Morel')).toBe("d'Yves Morel");
  expect(de('Œuvre commune')).toBe("d'Œuvre commune");
});

test('un nombre de milliers, ses milliers à part (espace fine insécable), comme le français l’écrit', () => {
  expect(frenchCount(3014)).toBe('3\u202f014');
  expect(frenchCount(12)).toBe('12');
});
