// How the partners of a cooperation are named in sentences: words taken from their names
// and kinds, so that a cooperation of a Département, an EPCI and a commune reads as well
// as the default one of two Départements.
import { MEETING_TYPE_LABELS, type MeetingType, type PartnerKind } from './vocabulary';

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

/** The kind a partner's full name says (« Communauté de communes … » is an EPCI); « autre » when it says none. */
export function kindOf(name: string): PartnerKind {
  const text = name.trim();
  if (/^Département\b/u.test(text)) return 'departement';
  if (/^Région\b/u.test(text)) return 'region';
  if (/^Métropole\b/u.test(text)) return 'metropole';
  if (/^(?:Communauté (?:de communes|d['’]agglomération|urbaine)|Agglomération)\b/u.test(text)) return 'epci';
  if (/^(?:Commune|Ville)\b/u.test(text)) return 'commune';
  return 'autre';
}

/** « Département » or « partenaire », as in « Choisissez votre partenaire. »; `partnerWord` for a label. */
export function partnerNoun(partners: readonly { kind?: PartnerKind | null; name: string }[]): string {
  return allDepartements(partners) ? 'Département' : 'partenaire';
}

/** The other partners, seen from one of them, in sentences: « l'autre Département », « aux autres partenaires ». */
export function otherPartners(partners: readonly { kind?: PartnerKind | null; name: string }[]): { the: string; to: string; of: string } {
  if (partners.length > 2) return { the: 'les autres partenaires', to: 'aux autres partenaires', of: 'des autres partenaires' };
  const noun = partnerNoun(partners);
  return { the: `l'autre ${noun}`, to: `à l'autre ${noun}`, of: `de l'autre ${noun}` };
}

/** « le Département d'Indre-et-Loire », « la Région Centre-Val de Loire », « l'Agglomération… »: a partner's name with its article. */
export function withArticle(name: string): string {
  if (/^[aeiouyhâéèêîôû]/iu.test(name)) return `l'${name}`;
  if (/^(Région|Métropole|Communauté|Ville|Commune|Préfecture|Collectivité)\b/iu.test(name)) return `la ${name}`;
  return `le ${name}`;
}

/** « entre le Département d'Indre-et-Loire et le Département de Loir-et-Cher », for two or more partners. */
export function betweenPartners(names: readonly string[]): string {
  const named = names.map(withArticle);
  return `entre ${named.length > 1 ? `${named.slice(0, -1).join(', ')} et ${named[named.length - 1]}` : (named[0] ?? '')}`;
}

/** The meeting types' names in this cooperation: an atelier is « interdépartemental » between Départements only. */
export function meetingTypeLabels(partners: readonly { kind?: PartnerKind | null; name: string }[]): Record<MeetingType, string> {
  return allDepartements(partners) ? MEETING_TYPE_LABELS : { ...MEETING_TYPE_LABELS, atelier: 'Atelier de coopération' };
}

/** « comité de direction interdépartemental » between Départements, « comité de direction » otherwise. */
export function codiriName(partners: readonly { kind?: PartnerKind | null; name: string }[]): string {
  return allDepartements(partners) ? 'comité de direction interdépartemental' : 'comité de direction';
}
