import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { FAISABILITE_LABELS, FINALITE_LABELS, PLUS_VALUE_LABELS, SCORE_LEVELS, type ScoreLevel } from '../../../common/vocabulary';
import type { EvaluatorScore, PisteRow, ScoreInput } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href } from '../../app/navigation';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { useDraft } from '../../shared/useDraft';
import { useSessionState } from '../../shared/useSessionState';
import { pistesCount } from './labels';
import { PistesViews } from './PistesViews';
import classes from './Pistes.module.css';

type Axis = 'plus_value' | 'faisabilite';

const AXES: { axis: Axis; label: string; levels: Record<ScoreLevel, string> }[] = [
  { axis: 'plus_value', label: 'Plus-value de la coopération', levels: PLUS_VALUE_LABELS },
  { axis: 'faisabilite', label: 'Faisabilité à court terme', levels: FAISABILITE_LABELS },
];

const complete = (score: EvaluatorScore | undefined) => score?.plus_value != null && score.faisabilite != null;

/**
 * The évaluation croisée at the keyboard: one piste at a time, as one evaluator; digits score
 * the current axis, N and P move between pistes, every mark saved at once.
 */
export function ScoringPage() {
  const { me, partners } = useAppState();
  const [evaluatorId, setEvaluatorId] = useSessionState('pistes-evaluateur', me.id);
  const [currentId, setCurrentId] = useSessionState<string | null>('pistes-evaluation-courante', null);
  const [onlyUnscored, setOnlyUnscored] = useState(false);
  // Pistes scored since the filter was set stay in view, so that Next goes on from them.
  const [scoredNow, setScoredNow] = useState<ReadonlySet<string>>(new Set());
  const { data: pistes } = useApiData('listPistes', {});
  const { data: scores } = useApiData('listEvaluatorScores', evaluatorId);
  const { data: people } = useApiData('listPeople');
  const card = useRef<HTMLElement>(null);
  const headingId = useId();

  const scorable = useMemo(() => (pistes ?? []).filter((piste) => piste.stored_status !== 'retenue' && piste.stored_status !== 'ecartee'), [pistes]);
  const byPiste = useMemo(() => new Map((scores ?? []).map((score) => [score.piste_id, score])), [scores]);
  const shown = onlyUnscored ? scorable.filter((piste) => !complete(byPiste.get(piste.id)) || scoredNow.has(piste.id)) : scorable;
  const index = Math.max(
    0,
    shown.findIndex((piste) => piste.id === currentId),
  );
  const current = shown[index] as PisteRow | undefined;
  const scoredCount = scorable.filter((piste) => complete(byPiste.get(piste.id))).length;
  const evaluator = people?.find((person) => person.id === evaluatorId);
  const byMe = evaluatorId === me.id;

  const move = useCallback(
    (delta: number) => {
      const target = shown[index + delta];
      if (target) setCurrentId(target.id);
    },
    [shown, index, setCurrentId],
  );
  const scored = useCallback((pisteId: string) => setScoredNow((previous) => (previous.has(pisteId) ? previous : new Set([...previous, pisteId]))), []);
  // The piste left the page with the focus on one of its buttons: the focus comes back to the new piste, not to the top.
  const keepFocus = useCallback(() => {
    if (!document.activeElement || document.activeElement === document.body) card.current?.focus({ preventScroll: true });
  }, []);

  const evaluatorOptions = partners.map((partner) => ({
    group: partner.name,
    items: (people ?? []).filter((person) => person.partner_id === partner.id).map((person) => ({ value: person.id, label: person.name })),
  }));

  return (
    <>
      <PageHeader title="Évaluation croisée des pistes" />
      <PistesViews current="pistes-scoring" />
      <Group align="flex-end" gap="lg" mb="sm" wrap="wrap">
        <Select
          label="Noter au nom de"
          data={evaluatorOptions}
          value={evaluatorId}
          onChange={(value) => {
            if (!value) return;
            setEvaluatorId(value);
            setScoredNow(new Set());
          }}
          allowDeselect={false}
          searchable
          w={280}
        />
        <Switch
          label={byMe ? "Seulement celles que je n'ai pas notées" : `Seulement celles que ${evaluator?.name ?? 'cette personne'} n'a pas notées`}
          checked={onlyUnscored}
          onChange={(event) => {
            setOnlyUnscored(event.currentTarget.checked);
            setScoredNow(new Set());
          }}
          mb={8}
        />
      </Group>
      {pistes && scores && (
        <Text fw={600} mb="xs" role="status">
          {scoredCount} / {pistesCount(scorable.length)} notée{scorable.length > 1 ? 's' : ''} {byMe ? 'par vous' : `par ${evaluator?.name ?? ''}`}
        </Text>
      )}
      <Text size="sm" c="dimmed" mb="md">
        <kbd className={classes.kbd}>1</kbd> à <kbd className={classes.kbd}>4</kbd>&#x202f;: note de l'axe en cours, puis l'axe suivant ·{' '}
        <kbd className={classes.kbd}>N</kbd> ou <kbd className={classes.kbd}>→</kbd>&#x202f;: piste suivante · <kbd className={classes.kbd}>P</kbd> ou{' '}
        <kbd className={classes.kbd}>←</kbd>&#x202f;: précédente · <kbd className={classes.kbd}>Entrée</kbd> dans le commentaire&#x202f;: enregistrer et passer
        à la suivante. Chaque note est enregistrée aussitôt.
      </Text>
      {pistes && scores && !current && (
        <Text c="dimmed">
          {scorable.length === 0 ? (
            <>
              Aucune piste à noter. <Anchor href={href({ page: 'pistes' })}>Créer ou importer des pistes</Anchor>
            </>
          ) : (
            `Toutes les pistes sont notées ${byMe ? 'par vous' : `par ${evaluator?.name ?? ''}`}.`
          )}
        </Text>
      )}
      {current && (
        <section ref={card} className={classes.card} tabIndex={-1} aria-labelledby={headingId}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={2} size="h3" id={headingId} aria-live="polite" aria-atomic>
                {current.reference} · {current.title}
              </Title>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                Piste {index + 1} sur {shown.length}
              </Text>
            </Group>
            <PisteSummary piste={current} />
            <ScoringForm
              key={`${evaluatorId}:${current.id}`}
              piste={current}
              evaluatorId={evaluatorId}
              score={byPiste.get(current.id)}
              onMove={move}
              onScored={scored}
              onMounted={keepFocus}
            />
            <Group justify="space-between">
              <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => move(-1)} disabled={index === 0}>
                Précédente (P)
              </Button>
              <Button variant="default" rightSection={<IconArrowRight size={16} aria-hidden />} onClick={() => move(1)} disabled={index >= shown.length - 1}>
                Suivante (N)
              </Button>
            </Group>
          </Stack>
        </section>
      )}
    </>
  );
}

function PisteSummary({ piste }: { piste: PisteRow }) {
  const by = [piste.proposed_by.short_name, piste.proposed_by.service, piste.proposed_by.person].filter(Boolean).join(', ');
  return (
    <Stack gap={4}>
      {piste.description && <Text style={{ whiteSpace: 'pre-line' }}>{piste.description}</Text>}
      <Text size="sm">
        <strong>Proposée par</strong>&#x202f;: {by}
        {piste.atelier && ` · atelier du ${formatDate(piste.atelier.date)}`}
      </Text>
      {piste.finalites.length > 0 && (
        <Text size="sm">
          <strong>Finalités</strong>&#x202f;: {piste.finalites.map((finalite) => FINALITE_LABELS[finalite]).join(', ')}
        </Text>
      )}
    </Stack>
  );
}

interface FormProps {
  piste: PisteRow;
  evaluatorId: string;
  score: EvaluatorScore | undefined;
  onMove: (delta: number) => void;
  onScored: (pisteId: string) => void;
  onMounted: () => void;
}

/** One piste's two scales and comment, as the evaluator gives them; mounted anew for each piste. */
function ScoringForm({ piste, evaluatorId, score, onMove, onScored, onMounted }: FormProps) {
  const [marks, setMarks] = useState({ plus_value: score?.plus_value ?? null, faisabilite: score?.faisabilite ?? null });
  const [axis, setAxis] = useState<Axis>(score?.plus_value != null && score.faisabilite == null ? 'faisabilite' : 'plus_value');
  // Read by the keys: two digits typed quicker than a render still go to both axes.
  const currentAxis = useRef(axis);
  // Kept while it is not saved: a comment refused before any mark waits for one.
  const [comment, setComment, forgetComment] = useDraft(`score-comment:${piste.id}:${evaluatorId}`, score?.comment ?? '');
  const savedComment = useRef(score?.comment ?? '');
  const [error, setError] = useState<string>();

  useEffect(onMounted, [onMounted]);

  async function save(input: Omit<ScoreInput, 'evaluator_person_id'>): Promise<boolean> {
    const result = await send('scorePiste', piste.id, { evaluator_person_id: evaluatorId, ...input });
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    setError(undefined);
    onScored(piste.id);
    return true;
  }

  function mark(which: Axis, level: ScoreLevel) {
    setMarks((previous) => ({ ...previous, [which]: level }));
    currentAxis.current = 'faisabilite';
    setAxis('faisabilite');
    // A comment refused before this first mark is saved with it.
    const pending = comment.trim() !== savedComment.current.trim() ? comment : undefined;
    void save({ [which]: level, ...(pending === undefined ? {} : { comment: pending }) }).then((saved) => {
      if (!saved || pending === undefined) return;
      savedComment.current = pending;
      forgetComment();
    });
  }

  async function saveComment(): Promise<boolean> {
    if (comment.trim() === savedComment.current.trim()) return true;
    const saved = await save({ comment });
    if (saved) {
      savedComment.current = comment;
      forgetComment();
    }
    return saved;
  }

  // Digits, N and P anywhere but in a field being typed in.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      if ((event.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      if (/^[1-4]$/.test(key)) mark(currentAxis.current, Number(key) as ScoreLevel);
      else if (key === 'n' || key === 'arrowright') onMove(1);
      else if (key === 'p' || key === 'arrowleft') onMove(-1);
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {AXES.map(({ axis: which, label, levels }) => (
          <fieldset key={which} className={classes.scale} data-current={axis === which || undefined}>
            <legend>
              {label}
              {axis === which && (
                <Text span size="sm" fw={400}>
                  {' '}
                  — axe en cours
                </Text>
              )}
            </legend>
            {SCORE_LEVELS.map((level) => (
              <button key={level} type="button" className={classes.level} aria-pressed={marks[which] === level} onClick={() => mark(which, level)}>
                <span className={classes.digit}>{level}</span>
                <span>{levels[level]}</span>
              </button>
            ))}
          </fieldset>
        ))}
      </SimpleGrid>
      <Textarea
        label="Commentaire"
        description="Maj+Entrée pour aller à la ligne"
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        onBlur={() => void saveComment()}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.shiftKey) return;
          event.preventDefault();
          void saveComment().then((saved) => saved && onMove(1));
        }}
        autosize
        minRows={2}
        maxRows={6}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
