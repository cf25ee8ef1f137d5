// A new cooperation of any collectivités, not the default 37–41 project: its own random
// project id (so that its files are refused by any other project), its partners and
// chantiers written as this laptop's own changes — not seed changes: no other laptop
// makes them, the others receive them by invitation.
import { PARTNER_KINDS, STAGES, type PartnerKind } from '../../common/vocabulary';
import { ValidationError } from '../errors';
import { newId } from '../store/ids';
import { insertRow, validatePatch } from '../store/rows';
import type { Store } from '../store/store';
import { assertNoProject, registerLaptop, startReplica, type Identity } from './setup';

export const MIN_PARTNERS = 2;
export const MAX_PARTNERS = 6;

export interface CooperationPartnerInput {
  kind: PartnerKind;
  name: string;
  short_name: string;
  /** « 37 », « CCTVL », « AGGLO »: how the partner is given on the command line and in files' names. */
  code: string;
}

export interface CooperationInput {
  name: string;
  partners: CooperationPartnerInput[];
  /** The chantiers' titles, numbered 1..n in this order; empty lines are ignored. */
  chantiers: string[];
}

/** The ValidationError of a field of a partner line, its field `partners.N.field` (N from 0). */
function partnerError(index: number, field: string, message: string): ValidationError {
  return new ValidationError(`Partenaire ${index + 1} : ${message.charAt(0).toLowerCase()}${message.slice(1)}`, `partners.${index}.${field}`);
}

/** The partners as they will be written, or the first fault, naming its line. */
function checkPartners(partners: CooperationPartnerInput[]): (CooperationPartnerInput & { position: number })[] {
  if (partners.length < MIN_PARTNERS || partners.length > MAX_PARTNERS) {
    throw new ValidationError(
      `Une coopération réunit de ${MIN_PARTNERS} à ${MAX_PARTNERS} partenaires (${partners.length} indiqué${partners.length > 1 ? 's' : ''}).`,
      'partners',
    );
  }
  const seen = new Map<string, number>();
  return partners.map((partner, index) => {
    if (!(PARTNER_KINDS as readonly string[]).includes(partner.kind)) throw partnerError(index, 'kind', 'Choisissez son type de collectivité.');
    const fields = { kind: partner.kind, name: partner.name, short_name: partner.short_name, code: partner.code, position: index + 1 };
    for (const field of ['name', 'short_name', 'code'] as const) {
      try {
        fields[field] = validatePatch('partner', { [field]: partner[field] })[field]!;
      } catch (error) {
        if (error instanceof ValidationError) throw partnerError(index, field, error.message);
        throw error;
      }
    }
    const code = fields.code;
    if (/\s/u.test(code)) throw partnerError(index, 'code', `Le code « ${code} » ne doit pas contenir d'espace.`);
    const key = code.toLocaleUpperCase('fr');
    const other = seen.get(key);
    if (other !== undefined) throw partnerError(index, 'code', `Le code « ${code} » est déjà celui du partenaire ${other + 1}.`);
    seen.set(key, index);
    return fields;
  });
}

/**
 * Makes this empty file the first laptop of a new cooperation; `identity.partner` is one of
 * the typed partners' codes. Answers the new project's id.
 */
export function createCooperation(store: Store, input: CooperationInput, identity: Identity): string {
  assertNoProject(store);
  const name = validatePatch('project', { name: input.name }).name!;
  const partners = checkPartners(input.partners);
  const titles = input.chantiers.map((title) => title.trim()).filter(Boolean);
  titles.forEach((title, index) => {
    try {
      validatePatch('chantier', { title });
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(`Chantier ${index + 1} : ${error.message}`, `chantiers.${index}`);
      throw error;
    }
  });
  if (!partners.some((partner) => partner.code === identity.partner)) {
    throw new ValidationError('Choisissez votre partenaire parmi ceux de la coopération.', 'partner');
  }
  const projectId = `p-${newId()}`;
  store.transaction(() => {
    store.setLocalState('project_id', projectId);
    startReplica(store);
    insertRow(store, 'project', { name, validation_silence_days: null }, projectId);
    for (const partner of partners) insertRow(store, 'partner', validatePatch('partner', { ...partner }));
    // Every chantier starts where a partnership starts: « Découverte mutuelle ».
    titles.forEach((title, index) => insertRow(store, 'chantier', { number: index + 1, title, description: null, stage: STAGES[0] }));
    registerLaptop(store, identity);
  });
  return projectId;
}

/** Who uses this laptop, at the creation of a cooperation: their partner by the code typed in the same form. */
export interface CooperationIdentity {
  name: string;
  function: string | null;
  partner_code: string;
}
