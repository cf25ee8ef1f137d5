// How the partners of a cooperation are named in sentences: words taken from their names
// and kinds, so that a cooperation of a Département, an EPCI and a commune reads as well
// as the default one of two Départements.
import type { PartnerKind } from './vocabulary';

/** « Département d'Indre-et-Loire » → « Indre-et-Loire »; names that do not start with a collectivité's kind are kept whole. */
export function shortNameOf(name: string): string {
  const match = /^(?:Département|Région|Métropole|Commune|Ville)\s+(?:de la |de l['’]|d['’]|de |du |des )?(.+)$/u.exec(name.trim());
  return (match?.[1] ?? name).trim();
}

/**
 * Whether every partner is a Département: those of the default project have no kind, and
 * their names say so. The screens then say « Département » where others say « Partenaire ».
 */
export function allDepartements(partners: readonly { kind?: PartnerKind | null; name: string }[]): boolean {
  return partners.length > 0 && partners.every((partner) => (partner.kind ? partner.kind === 'departement' : /^Département\b/u.test(partner.name)));
}

/** « Département » or « Partenaire »: the word for one partner of this cooperation, as a label. */
export function partnerWord(partners: readonly { kind?: PartnerKind | null; name: string }[]): string {
  return allDepartements(partners) ? 'Département' : 'Partenaire';
}
