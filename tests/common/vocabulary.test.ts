import { describe, expect, test } from 'vitest';
import { partyKindLabel } from '../../common/vocabulary';

describe("le rôle d'un élu ou d'un partenaire", () => {
  test("s'accorde avec la civilité qui ouvre le nom, neutre sans elle", () => {
    expect(partyKindLabel({ kind: 'elu', name: 'Mme Anne Leroy' })).toBe('Élue référente');
    expect(partyKindLabel({ kind: 'elu', name: ' madame Anne Leroy' })).toBe('Élue référente');
    expect(partyKindLabel({ kind: 'elu', name: 'M. Paul Roy' })).toBe('Élu référent');
    expect(partyKindLabel({ kind: 'elu', name: 'Monsieur Paul Roy' })).toBe('Élu référent');
    // « Mmes », « Martin », « Michel »: not a civility.
    expect(partyKindLabel({ kind: 'elu', name: 'Martine Mmeunier' })).toBe('Élu(e) référent(e)');
    expect(partyKindLabel({ kind: 'elu', name: 'Michel Roy' })).toBe('Élu(e) référent(e)');
    expect(partyKindLabel({ kind: 'partenaire', name: 'Mme Anne Leroy' })).toBe('Partenaire extérieur');
  });
});
