// Indicateurs as db/ answers them: an indicator of a chantier, the actions that follow it,
// its dated values, and how far the latest is from the target.
import type { EntityFields } from '../store/schema';

export type IndicatorFields = EntityFields<'indicator'>;
export type IndicatorPatch = Partial<Omit<IndicatorFields, 'chantier_id'>>;

export interface IndicatorValue {
  id: string;
  date: string;
  value: number;
  author_id: string | null;
  author_name: string | null;
  comment: string | null;
}

export interface IndicatorView extends IndicatorFields {
  id: string;
  /** Oldest first: the series a chart draws. */
  values: IndicatorValue[];
  latest: IndicatorValue | null;
  /** Target minus the latest value; null without one or the other. */
  gap: number | null;
  /** The actions that follow it, besides the one asked about. */
  shared_with: { id: string; title: string }[];
}

export interface NewIndicator {
  chantier_id: string;
  name: string;
  unit?: string | null;
  target_value?: number | null;
  target_date?: string | null;
}

export interface NewIndicatorValue {
  date: string;
  value: number;
  comment?: string | null;
}
