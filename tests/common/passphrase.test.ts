import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength, suggestPassphrase } from '../../common/passphrase';
import { PASSPHRASE_WORDS } from '../../common/passphrase-words';

const WORD_BITS = Math.log2(PASSPHRASE_WORDS.length);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('la liste de mots', () => {
  it('compte au moins 1 024 mots distincts, en minuscules sans accents, de 4 à 8 lettres', () => {
    expect(PASSPHRASE_WORDS.length).toBeGreaterThanOrEqual(1024);
    expect(new Set(PASSPHRASE_WORDS).size).toBe(PASSPHRASE_WORDS.length);
    for (const word of PASSPHRASE_WORDS) expect(word).toMatch(/^[a-z]{4,8}$/);
  });

  it('en compte 4 096 au moins, pour que cinq mots fassent 60 bits, « Bonne »', () => {
    expect(5 * WORD_BITS).toBeGreaterThanOrEqual(60);
  });

  it('ne contient aucun des mots attendus du projet et des Départements', () => {
    for (const weak of ['motdepasse', 'password', 'secret', 'entente', 'cooperation', 'indre', 'loire', 'loir', 'cher', 'touraine', 'blois', 'tours']) {
      expect(PASSPHRASE_WORDS).not.toContain(weak);
    }
  });
});

describe('la phrase de passe proposée', () => {
  it('compte cinq mots distincts de la liste, liés par des traits d’union, et la longueur minimale au moins', () => {
    for (let i = 0; i < 200; i++) {
      const suggestion = suggestPassphrase();
      const words = suggestion.split('-');
      expect(words).toHaveLength(5);
      expect(new Set(words).size).toBe(5);
      for (const word of words) expect(PASSPHRASE_WORDS).toContain(word);
      expect([...suggestion].length).toBeGreaterThanOrEqual(MIN_PASSPHRASE_LENGTH);
    }
  });

  it('change à chaque demande', () => {
    const suggestions = Array.from({ length: 50 }, () => suggestPassphrase());
    expect(new Set(suggestions).size).toBe(50);
  });

  it('tire de nouveau un nombre qui favoriserait les premiers mots de la liste (pas de biais du modulo)', () => {
    // 2^32 − 1 falls in the incomplete last round of the list: taken modulo the size, it would favour the first words.
    const draws = [2 ** 32 - 1, PASSPHRASE_WORDS.length + 1];
    const getRandomValues = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint32Array)[0] = draws.shift() ?? 0;
      return array;
    });
    expect(suggestPassphrase(1)).toBe(PASSPHRASE_WORDS[1]);
    expect(getRandomValues).toHaveBeenCalledTimes(2);
  });
});

describe('la force d’une phrase de passe', () => {
  it('dit « Trop courte » sous 12 caractères, comptés sans les espaces autour, quelle que soit sa force', () => {
    const eleven = 'xK9#mQ2$vL7';
    expect([...eleven]).toHaveLength(MIN_PASSPHRASE_LENGTH - 1);
    expect(passphraseStrength(eleven)).toMatchObject({ level: 0, label: 'Trop courte' });
    expect(passphraseStrength(`   ${eleven}   `).level).toBe(0);
    expect(passphraseStrength('🙂'.repeat(11)).level).toBe(0);
    expect(passphraseStrength(`${eleven}&`).level).toBeGreaterThan(0);
  });

  it('trouve faibles les mots de passe habituels, les noms du projet, les suites et les répétitions', () => {
    for (const text of ['motdepasse12', 'azertyuiop12', 'Coopération 37-41 printemps', 'Tours2024Blois!', '123456789012', 'abcdefghijkl', 'aaaaaaaaaaaa']) {
      expect(passphraseStrength(text), text).toMatchObject({ level: 1, label: 'Faible' });
    }
    expect(passphraseStrength('motdepasse12').advice).toContain('attendus');
    expect(passphraseStrength('azertyuiop12').advice).toContain('suites');
  });

  it('donne « Bonne » au moins à cinq mots de la liste, « Excellente » à sept', () => {
    for (let i = 0; i < 50; i++) {
      // The suggestion (five words) gets no conseil: it is already what the conseils lead to.
      expect(passphraseStrength(suggestPassphrase(5))).toMatchObject({ level: 3, label: 'Bonne', advice: null });
      expect(passphraseStrength(suggestPassphrase(7))).toMatchObject({ level: 4, label: 'Excellente', advice: null });
    }
  });

  it('compte log2(taille de la liste) bits par mot de la liste, en majuscules ou non, séparés par des espaces ou des traits d’union', () => {
    const six = suggestPassphrase(6);
    expect(passphraseStrength(six).bits).toBeCloseTo(6 * WORD_BITS, 6);
    expect(passphraseStrength(six).level).toBe(3);
    expect(passphraseStrength(six.toUpperCase().replaceAll('-', ' ')).bits).toBeCloseTo(6 * WORD_BITS, 6);
    // A word said again is nothing more to guess.
    const [word] = six.split('-');
    expect(passphraseStrength(`${word} ${word} ${word} ${word}`).bits).toBeCloseTo(WORD_BITS, 6);
  });

  it('gagne des bits à chaque mot ajouté', () => {
    for (const start of [suggestPassphrase(1), 'Coopération 37-41', 'xK9#mQ2$']) {
      let text = start;
      let bits = passphraseStrength(text).bits;
      for (const word of suggestPassphrase(6).split('-')) {
        text = `${text}-${word}`;
        const more = passphraseStrength(text).bits;
        expect(more, text).toBeGreaterThan(bits);
        bits = more;
      }
    }
  });

  it('ne se laisse pas tromper par une phrase célèbre de mots courants', () => {
    expect(passphraseStrength('correct horse battery staple').bits).toBeLessThan(80);
  });

  it('conseille en français, avec une espace insécable avant la ponctuation double et dans les guillemets', () => {
    for (const text of ['', 'motdepasse', 'azertyuiop12', 'Coopération 37-41 printemps', suggestPassphrase(4)]) {
      const { advice } = passphraseStrength(text);
      expect(advice, text).toEqual(expect.any(String));
      expect(advice, text).not.toMatch(/ [;:!?»]|« /);
    }
    expect(passphraseStrength(suggestPassphrase(4)).advice).toBe('Ajoutez un mot.');
    expect(passphraseStrength(suggestPassphrase(3)).advice).toBe('Ajoutez deux mots.');
  });
});
