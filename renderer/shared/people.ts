import type { Partner } from '../../preload/contract';

export function partnerOptions(partners: Partner[]) {
  return partners.map((partner) => ({ value: partner.id, label: partner.name }));
}
