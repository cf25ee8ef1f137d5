import { expect, test } from 'vitest';
import { de } from '../../common/french';

test('« de » élidé devant une voyelle ou un h, pas devant une consonne', () => {
  expect(de('Claire Martin')).toBe('de Claire Martin');
  expect(de('Anne Roux')).toBe("d'Anne Roux");
  expect(de('Élodie Blanc')).toBe("d'Élodie Blanc");
  expect(de('Hélène Petit')).toBe("d'Hélène Petit");
  expect(de('Yves Morel')).toBe("d'Yves Morel");
  expect(de('Œuvre commune')).toBe("d'Œuvre commune");
});
