import { Select, Text } from '@mantine/core';
import type { AgendaItemPatch, AgendaItemView, AgendaLinkChantier, ApiResult } from '../../../preload/contract';
import { useAutosave } from '../../shared/autosave/useAutosave';

/** The one link of a point: a chantier, or one of its actions (which implies the chantier). */
type Link = { chantier_id: string | null; action_id: string | null };

const CHANTIER = 'chantier:';
const ACTION = 'action:';

/** « 4.2 Organisation d'une formation… ». */
const actionLabel = (action: AgendaLinkChantier['actions'][number]) => `${action.reference} ${action.title}`;

function linkOptions(links: AgendaLinkChantier[], item: AgendaItemView, first: string[]): { group: string; items: { value: string; label: string }[] }[] {
  // The meeting's own chantiers first: a point is most often about one of them.
  const ordered = [...links.filter((chantier) => first.includes(chantier.id)), ...links.filter((chantier) => !first.includes(chantier.id))];
  const groups = ordered.map((chantier) => ({
    group: `${chantier.number}. ${chantier.title}`,
    items: [
      { value: `${CHANTIER}${chantier.id}`, label: `Chantier ${chantier.number} · ${chantier.title}` },
      ...chantier.actions.map((action) => ({ value: `${ACTION}${action.id}`, label: actionLabel(action) })),
    ],
  }));
  // An action deleted since the point was linked to it stays shown, as the point names it.
  if (item.action && !links.some((chantier) => chantier.actions.some((action) => action.id === item.action!.id)))
    groups.push({ group: 'Action supprimée', items: [{ value: `${ACTION}${item.action.id}`, label: item.action.title }] });
  return groups;
}

function linkOf(links: AgendaLinkChantier[], value: string | null): Link {
  if (value?.startsWith(CHANTIER)) return { chantier_id: value.slice(CHANTIER.length), action_id: null };
  if (value?.startsWith(ACTION)) {
    const actionId = value.slice(ACTION.length);
    const chantier = links.find((candidate) => candidate.actions.some((action) => action.id === actionId));
    return { chantier_id: chantier?.id ?? null, action_id: actionId };
  }
  return { chantier_id: null, action_id: null };
}

const valueOf = (item: AgendaItemView) => (item.action ? `${ACTION}${item.action.id}` : item.chantier ? `${CHANTIER}${item.chantier.id}` : null);

/** « Lié à »: one searchable list of the chantiers, each followed by its actions; saved at once. */
export function AgendaLinkSelect({
  item,
  links,
  meetingChantierIds,
  save,
  disabled,
}: {
  item: AgendaItemView;
  links: AgendaLinkChantier[];
  meetingChantierIds: string[];
  save: (patch: AgendaItemPatch) => Promise<ApiResult<unknown>>;
  disabled: boolean;
}) {
  const label = 'Lié à';
  const field = useAutosave<string | null>({
    value: valueOf(item),
    save: (value) => {
      const link = linkOf(links, value);
      // A deleted action keeps the chantier the point already had.
      return save(link.action_id && !link.chantier_id ? { action_id: link.action_id } : link);
    },
    label,
  });
  return (
    <Select
      label={label}
      description="Un chantier, ou une de ses actions"
      placeholder="Aucun chantier ni action"
      data={linkOptions(links, item, meetingChantierIds)}
      value={field.value}
      onChange={field.onChange}
      error={field.error}
      searchable
      clearable
      allowDeselect={false}
      maxDropdownHeight={360}
      // Under its chantier's heading, the chantier's own option needs not repeat its name.
      renderOption={({ option }) =>
        option.value.startsWith(CHANTIER) ? (
          <Text fw={600} size="sm">
            Tout le chantier
          </Text>
        ) : (
          option.label
        )
      }
      nothingFoundMessage="Aucun chantier ni action ne correspond"
      comboboxProps={{ withinPortal: true }}
      disabled={disabled}
    />
  );
}
