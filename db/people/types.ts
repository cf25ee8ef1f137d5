// People and partners as db/ answers them (Personnes, Paramètres).

export interface Partner {
  id: string;
  code: string;
  name: string;
  short_name: string;
  position: number;
}

export interface Person {
  id: string;
  name: string;
  function: string | null;
  partner_id: string;
  email: string | null;
  /** Actions and chantiers this person pilots. */
  pilot_count: number;
}

export interface PersonInput {
  name: string;
  function: string | null;
  partner_id: string;
  email: string | null;
}

export interface PartnerInput {
  code: string;
  name: string;
  short_name: string;
}

export interface PersonRef {
  id: string;
  name: string;
  function: string | null;
  partner_id: string;
  partner_short_name: string | null;
}
