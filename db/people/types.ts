// People and partners as db/ answers them (Personnes, Paramètres).
import type { Civility, PartnerKind } from '../../common/vocabulary';

export interface Partner {
  id: string;
  code: string;
  name: string;
  short_name: string;
  position: number;
  /** Département, EPCI…; null for the default project's partners (their names say it). */
  kind: PartnerKind | null;
}

export interface Person {
  id: string;
  name: string;
  function: string | null;
  partner_id: string;
  email: string | null;
  /** Mme or M., for the printed documents and their agreement; null when not given. */
  civility: Civility | null;
  /** Actions and chantiers this person pilots. */
  pilot_count: number;
}

export interface PersonInput {
  name: string;
  function: string | null;
  partner_id: string;
  email: string | null;
  /** Left out: none. */
  civility?: Civility | null;
}

export interface PartnerInput {
  code: string;
  name: string;
  short_name: string;
  kind?: PartnerKind | null;
}

export interface PersonRef {
  id: string;
  name: string;
  function: string | null;
  partner_id: string;
  partner_short_name: string | null;
}

/** A partner's logo (db/people/logos.ts), printed at the top of its documents. */
export type LogoType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export interface PartnerLogo {
  partner_id: string;
  /** The attachment row. */
  id: string;
  name: string;
  type: LogoType;
  /** « data:image/png;base64,… », for the page (the window's CSP allows data: images only). */
  data_url: string;
  /** Its size in pixels (null for an SVG, which scales). */
  width: number | null;
  height: number | null;
}
