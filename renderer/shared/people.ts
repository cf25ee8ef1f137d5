import type { Partner, Person } from '../../preload/contract';

/** Options of a person select: the people of one partner (a Département), by name. */
export function personOptions(people: Person[], partnerId: string) {
  return people
    .filter((person) => person.partner_id === partnerId)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((person) => ({ value: person.id, label: person.function ? `${person.name} (${person.function})` : person.name }));
}

export function partnerOptions(partners: Partner[]) {
  return partners.map((partner) => ({ value: partner.id, label: partner.name }));
}
