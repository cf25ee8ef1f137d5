// The matrice plus-value × faisabilité drawn in plain SVG: the four quadrants of
// db/pistes/rules.ts quadrantOf named in their corners, one dot per piste shaped and
// coloured by the partner that proposed it (colour is never the only cue), each dot a
// link to its piste, reached by Tab and moved between with the arrow keys. The same
// component prints in the synthèse des ateliers, in shapes that survive black and white.
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { DISAGREEMENT_THRESHOLD, QUADRANT_LABELS, QUADRANT_THRESHOLD, type Quadrant } from '../../../common/vocabulary';
import type { MatrixPoint } from '../../../preload/contract';
import { href } from '../../app/navigation';
import classes from './PisteMatrix.module.css';
import { formatMean } from './labels';

export interface MatrixPartner {
  id: string;
  short_name: string;
}

const WIDTH = 720;
const HEIGHT = 500;
const MARGIN = { top: 12, right: 12, bottom: 52, left: 64 };
/** The scale runs from 1 to 4; room around keeps the dots at 1 or 4 whole, and above and below the quadrants' names clear of them. */
const X_DOMAIN = { min: 0.85, max: 4.15 };
const Y_DOMAIN = { min: 0.6, max: 4.4 };
const RADIUS = 6;
/** Dots closer than this (in the drawing's units) are spread around their common place. */
const CROWD = 9;
/** A crowd's spiral: the k-th dot at SPIRAL_STEP × √k from the centre, each turned by the golden angle from the previous one. */
const SPIRAL_STEP = 8.5;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const LABEL_CHAR = 6.4;
const LABEL_HEIGHT = 12;
/** A quadrant's name, 14 px bold: the width of a character, at most. */
const QUADRANT_CHAR = 8.5;

const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
const xOf = (faisabilite: number) => MARGIN.left + ((faisabilite - X_DOMAIN.min) / (X_DOMAIN.max - X_DOMAIN.min)) * plotWidth;
const yOf = (plusValue: number) => MARGIN.top + (1 - (plusValue - Y_DOMAIN.min) / (Y_DOMAIN.max - Y_DOMAIN.min)) * plotHeight;

/** Shapes in the partners' order: a circle for the first, a square for the second… */
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'star'] as const;
type Shape = (typeof SHAPES)[number];
const SHAPE_NAMES: Record<Shape, string> = {
  circle: 'rond',
  square: 'carré',
  triangle: 'triangle',
  diamond: 'losange',
  'triangle-down': 'triangle pointe en bas',
  star: 'étoile',
};

/** Each partner's place in the legend: its shape, and its colour class (partner0…partner5). */
function partnerStyles(partners: MatrixPartner[]): Map<string, { shape: Shape; index: number; name: string }> {
  return new Map(
    partners.map((partner, index) => [partner.id, { shape: SHAPES[index % SHAPES.length], index: index % SHAPES.length, name: partner.short_name }]),
  );
}

function Marker({ shape, x, y, r = RADIUS, className }: { shape: Shape; x: number; y: number; r?: number; className?: string }) {
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} className={className} />;
    case 'square':
      return <rect x={x - r * 0.9} y={y - r * 0.9} width={r * 1.8} height={r * 1.8} className={className} />;
    case 'triangle':
      return <polygon points={`${x},${y - r * 1.15} ${x + r * 1.1},${y + r * 0.8} ${x - r * 1.1},${y + r * 0.8}`} className={className} />;
    case 'triangle-down':
      return <polygon points={`${x},${y + r * 1.15} ${x + r * 1.1},${y - r * 0.8} ${x - r * 1.1},${y - r * 0.8}`} className={className} />;
    case 'diamond':
      return <polygon points={`${x},${y - r * 1.25} ${x + r * 1.25},${y} ${x},${y + r * 1.25} ${x - r * 1.25},${y}`} className={className} />;
    case 'star': {
      const points = Array.from({ length: 10 }, (_, i) => {
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        const radius = i % 2 === 0 ? r * 1.3 : r * 0.55;
        return `${x + radius * Math.cos(angle)},${y + radius * Math.sin(angle)}`;
      });
      return <polygon points={points.join(' ')} className={className} />;
    }
  }
}

/** A stable number from a piste's id: the same piste lands at the same place in its crowd on every screen. */
function stableHash(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** Where a dot's reference is written, if anywhere: beside it, or under or over it. */
type LabelSide = 'right' | 'left' | 'below' | 'above';

interface Placed {
  point: MatrixPoint;
  x: number;
  y: number;
  label: LabelSide | null;
}

type Box = { x1: number; y1: number; x2: number; y2: number };

/** How far a dot's drawing reaches from its centre: its shape (a star, 1.3 × RADIUS), or its disagreement ring. */
const extentOf = (dot: Placed) => (dot.point.disagreement ? RADIUS + 5 : RADIUS + 2);

/** The box a reference takes on each side of its dot, tried in this order. */
function labelBoxes(dot: Placed): [LabelSide, Box][] {
  const width = dot.point.reference.length * LABEL_CHAR;
  const gap = extentOf(dot) + 1;
  const beside = { y1: dot.y - LABEL_HEIGHT / 2, y2: dot.y + LABEL_HEIGHT / 2 };
  const centred = { x1: dot.x - width / 2, x2: dot.x + width / 2 };
  return [
    ['right', { x1: dot.x + gap, x2: dot.x + gap + width, ...beside }],
    ['left', { x1: dot.x - gap - width, x2: dot.x - gap, ...beside }],
    ['below', { ...centred, y1: dot.y + gap, y2: dot.y + gap + LABEL_HEIGHT }],
    ['above', { ...centred, y1: dot.y - gap - LABEL_HEIGHT, y2: dot.y - gap }],
  ];
}

/** The reference's anchor point, on the side labelBoxes chose (a line's baseline sits 4 below its middle). */
function labelText(dot: Placed): { x: number; y: number; anchor: 'start' | 'end' | 'middle' } {
  const gap = extentOf(dot) + 1;
  if (dot.label === 'left') return { x: dot.x - gap, y: dot.y + 4, anchor: 'end' };
  if (dot.label === 'below') return { x: dot.x, y: dot.y + gap + LABEL_HEIGHT / 2 + 4, anchor: 'middle' };
  if (dot.label === 'above') return { x: dot.x, y: dot.y - gap - LABEL_HEIGHT / 2 + 4, anchor: 'middle' };
  return { x: dot.x + gap, y: dot.y + 4, anchor: 'start' };
}

/** Where the chart writes each quadrant's name, in its corner (the SVG below draws them there). */
function quadrantName(quadrant: Quadrant, valuable: boolean, feasible: boolean): { x: number; y: number; box: Box } {
  const [left, right, top, bottom] = [xOf(X_DOMAIN.min), xOf(X_DOMAIN.max), yOf(Y_DOMAIN.max), yOf(Y_DOMAIN.min)];
  const x = feasible ? right - 8 : left + 8;
  const y = valuable ? top + 18 : bottom - 9;
  const width = QUADRANT_LABELS[quadrant].length * QUADRANT_CHAR;
  return { x, y, box: { x1: feasible ? x - width : x, x2: feasible ? x : x + width, y1: y - 12, y2: y + 3 } };
}

/**
 * Where each dot goes: at its means, unless others sit within CROWD; a crowd is spread in a
 * disc around its centre, in the order of a stable hash. Then each reference « P12 »
 * is written beside its dot, at its right or else its left, under or over it: where it
 * covers no dot nor another reference, inside the chart.
 */
function place(points: MatrixPoint[]): Placed[] {
  const cells = new Map<string, MatrixPoint[]>();
  for (const point of points) {
    const key = `${Math.round(xOf(point.faisabilite) / CROWD)}:${Math.round(yOf(point.plus_value) / CROWD)}`;
    const cell = cells.get(key);
    if (cell) cell.push(point);
    else cells.set(key, [point]);
  }
  const placed: Placed[] = [];
  for (const crowd of cells.values()) {
    const cx = crowd.reduce((sum, point) => sum + xOf(point.faisabilite), 0) / crowd.length;
    const cy = crowd.reduce((sum, point) => sum + yOf(point.plus_value), 0) / crowd.length;
    if (crowd.length === 1) {
      placed.push({ point: crowd[0], x: xOf(crowd[0].faisabilite), y: yOf(crowd[0].plus_value), label: null });
      continue;
    }
    const ordered = [...crowd].sort((a, b) => stableHash(a.piste_id) - stableHash(b.piste_id));
    // A sunflower's spiral: the crowd's disc grows as the square root of its size, its dots never overlap.
    const spread = ordered.map((_point, index) => {
      const distance = SPIRAL_STEP * Math.sqrt(index + 0.5);
      const angle = index * GOLDEN_ANGLE;
      return { x: cx + distance * Math.cos(angle), y: cy + distance * Math.sin(angle) };
    });
    // Moved whole into the frame when its place is near an edge (a crowd at 4 of faisabilité).
    const shift = (low: number, high: number, min: number, max: number) => (low < min ? min - low : high > max ? max - high : 0);
    const dx = shift(
      Math.min(...spread.map((dot) => dot.x)),
      Math.max(...spread.map((dot) => dot.x)),
      MARGIN.left + RADIUS + 1,
      WIDTH - MARGIN.right - RADIUS - 1,
    );
    const dy = shift(
      Math.min(...spread.map((dot) => dot.y)),
      Math.max(...spread.map((dot) => dot.y)),
      MARGIN.top + RADIUS + 1,
      HEIGHT - MARGIN.bottom - RADIUS - 1,
    );
    ordered.forEach((point, index) => placed.push({ point, x: spread[index].x + dx, y: spread[index].y + dy, label: null }));
  }
  // Labels in a coarse grid of what is already drawn: 1,000 dots stay quick.
  const occupied = new Map<string, Box[]>();
  const GRID = 40;
  const cellsOf = (box: Box) => {
    const keys: string[] = [];
    for (let gx = Math.floor(box.x1 / GRID); gx <= Math.floor(box.x2 / GRID); gx++) {
      for (let gy = Math.floor(box.y1 / GRID); gy <= Math.floor(box.y2 / GRID); gy++) keys.push(`${gx}:${gy}`);
    }
    return keys;
  };
  const add = (box: Box) => {
    for (const key of cellsOf(box)) {
      const list = occupied.get(key);
      if (list) list.push(box);
      else occupied.set(key, [box]);
    }
  };
  const free = (box: Box) =>
    cellsOf(box).every((key) => !(occupied.get(key) ?? []).some((other) => box.x1 < other.x2 && other.x1 < box.x2 && box.y1 < other.y2 && other.y1 < box.y2));
  for (const dot of placed) add({ x1: dot.x - extentOf(dot), y1: dot.y - extentOf(dot), x2: dot.x + extentOf(dot), y2: dot.y + extentOf(dot) });
  for (const { quadrant, valuable, feasible } of QUADRANT_PLACES) add(quadrantName(quadrant, valuable, feasible).box);
  const inside = (box: Box) => box.x1 >= MARGIN.left && box.x2 <= WIDTH - MARGIN.right && box.y1 >= MARGIN.top && box.y2 <= HEIGHT - MARGIN.bottom;
  for (const dot of placed) {
    const found = labelBoxes(dot).find(([, box]) => inside(box) && free(box));
    if (!found) continue;
    dot.label = found[0];
    add(found[1]);
  }
  return placed;
}

/** « P12 Titre — plus-value 3,5, faisabilité 2,0, proposée par Indre-et-Loire ». */
function pointName(point: MatrixPoint, partner: string): string {
  return (
    `${point.reference} ${point.title} — plus-value ${formatMean(point.plus_value)}, faisabilité ${formatMean(point.faisabilite)}, proposée par ${partner}` +
    (point.disagreement ? ', désaccord entre les partenaires' : '')
  );
}

/** The next dot in an arrow's direction: ahead of the focused one, the nearest, straight ahead preferred. */
function nextInDirection(from: Placed, dots: Placed[], dx: number, dy: number): Placed | undefined {
  let best: Placed | undefined;
  let bestScore = Infinity;
  for (const dot of dots) {
    if (dot === from) continue;
    const ahead = (dot.x - from.x) * dx + (dot.y - from.y) * dy;
    if (ahead <= 0) continue;
    const aside = Math.abs((dot.x - from.x) * dy - (dot.y - from.y) * dx);
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = dot;
    }
  }
  return best;
}

const ARROWS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Each quadrant: where it lies (high or low on each axis), and the corner where its name goes. */
const QUADRANT_PLACES: { quadrant: Quadrant; valuable: boolean; feasible: boolean }[] = [
  { quadrant: 'projets_structurants', valuable: true, feasible: false },
  { quadrant: 'a_lancer_vite', valuable: true, feasible: true },
  { quadrant: 'a_ecarter', valuable: false, feasible: false },
  { quadrant: 'a_approfondir', valuable: false, feasible: true },
];

interface Props {
  points: MatrixPoint[];
  partners: MatrixPartner[];
  /** The synthèse's copy: black on white paper, no links. */
  print?: boolean;
  /** The chart's accessible name. */
  label: string;
}

export function PisteMatrix({ points, partners, print = false, label }: Props) {
  const styles = useMemo(() => partnerStyles(partners), [partners]);
  // Read top to bottom, left to right: Tab follows the chart as the eye does.
  const placed = useMemo(() => place(points).sort((a, b) => a.y - b.y || a.x - b.x), [points]);
  const chart = useRef<SVGSVGElement>(null);
  const middleX = xOf(QUADRANT_THRESHOLD);
  const middleY = yOf(QUADRANT_THRESHOLD);
  const left = xOf(X_DOMAIN.min);
  const right = xOf(X_DOMAIN.max);
  const top = yOf(Y_DOMAIN.max);
  const bottom = yOf(Y_DOMAIN.min);

  // One listener for every dot: a thousand dots stay quick to draw.
  function move(event: KeyboardEvent<SVGSVGElement>) {
    const arrow = ARROWS[event.key];
    const id = (event.target as Element).closest('a')?.getAttribute('data-piste');
    const from = id ? placed.find((dot) => dot.point.piste_id === id) : undefined;
    if (!arrow || !from) return;
    event.preventDefault();
    const next = nextInDirection(from, placed, arrow[0], arrow[1]);
    if (next) chart.current?.querySelector<SVGAElement>(`a[data-piste="${CSS.escape(next.point.piste_id)}"]`)?.focus();
  }

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={`${classes.chart} ${print ? classes.print : ''}`}
      role="group"
      aria-label={label}
      data-testid="matrice"
      ref={chart}
      onKeyDown={print ? undefined : move}
    >
      {QUADRANT_PLACES.map(({ quadrant, valuable, feasible }) => {
        const x = feasible ? middleX : left;
        const y = valuable ? top : middleY;
        const width = feasible ? right - middleX : middleX - left;
        const height = valuable ? middleY - top : bottom - middleY;
        return (
          <g key={quadrant} aria-hidden>
            <rect x={x} y={y} width={width} height={height} className={classes[quadrant]} />
            <text
              x={quadrantName(quadrant, valuable, feasible).x}
              y={quadrantName(quadrant, valuable, feasible).y}
              textAnchor={feasible ? 'end' : 'start'}
              className={classes.quadrantName}
            >
              {QUADRANT_LABELS[quadrant]}
            </text>
          </g>
        );
      })}
      <g aria-hidden>
        {[1, 2, 3, 4].map((tick) => (
          <g key={tick}>
            <line x1={xOf(tick)} x2={xOf(tick)} y1={yOf(4)} y2={yOf(1)} className={classes.grid} />
            <line x1={left} x2={right} y1={yOf(tick)} y2={yOf(tick)} className={classes.grid} />
            <text x={xOf(tick)} y={bottom + 16} textAnchor="middle" className={classes.tick}>
              {tick}
            </text>
            <text x={left - 8} y={yOf(tick) + 4} textAnchor="end" className={classes.tick}>
              {tick}
            </text>
          </g>
        ))}
        <line x1={middleX} x2={middleX} y1={top} y2={bottom} className={classes.threshold} />
        <line x1={left} x2={right} y1={middleY} y2={middleY} className={classes.threshold} />
        <rect x={left} y={top} width={right - left} height={bottom - top} className={classes.frame} />
        <text x={(left + right) / 2} y={HEIGHT - 10} textAnchor="middle" className={classes.axis}>
          Faisabilité à court terme →
        </text>
        <text x={18} y={(top + bottom) / 2} textAnchor="middle" transform={`rotate(-90 18 ${(top + bottom) / 2})`} className={classes.axis}>
          Plus-value de la coopération →
        </text>
      </g>
      {placed.map((dot) => {
        const style = styles.get(dot.point.partner_id);
        const shape = style?.shape ?? 'circle';
        const reference = dot.label && labelText(dot);
        const marker = (
          <>
            {dot.point.disagreement && <circle cx={dot.x} cy={dot.y} r={RADIUS + 4} className={classes.disagreement} />}
            <Marker shape={shape} x={dot.x} y={dot.y} className={`${classes.dot} ${classes[`partner${style?.index ?? 0}`]}`} />
            {reference && (
              <text x={reference.x} y={reference.y} textAnchor={reference.anchor} className={classes.reference}>
                {dot.point.reference}
              </text>
            )}
          </>
        );
        const name = pointName(dot.point, style?.name ?? dot.point.partner_code);
        if (print) return <g key={dot.point.piste_id}>{marker}</g>;
        return (
          <a
            key={dot.point.piste_id}
            href={href({ page: 'piste', id: dot.point.piste_id })}
            aria-label={name}
            className={classes.link}
            data-piste={dot.point.piste_id}
          >
            <title>{name}</title>
            <circle cx={dot.x} cy={dot.y} r={RADIUS + 7} className={classes.focusRing} />
            {marker}
          </a>
        );
      })}
    </svg>
  );
}

/** The partners' shapes and colours, and the désaccord's ring, under the chart. */
export function MatrixLegend({ partners, print = false }: { partners: MatrixPartner[]; print?: boolean }) {
  const styles = partnerStyles(partners);
  return (
    <ul className={`${classes.legend} ${print ? classes.print : ''}`} aria-label="Légende de la matrice">
      {partners.map((partner) => {
        const style = styles.get(partner.id)!;
        return (
          <li key={partner.id}>
            <svg viewBox="0 0 20 20" width={16} height={16} aria-hidden>
              <Marker shape={style.shape} x={10} y={10} r={6} className={`${classes.dot} ${classes[`partner${style.index}`]}`} />
            </svg>
            Proposée par {partner.short_name} ({SHAPE_NAMES[style.shape]})
          </li>
        );
      })}
      <li>
        <svg viewBox="0 0 20 20" width={16} height={16} aria-hidden>
          <circle cx={10} cy={10} r={8} className={classes.disagreement} />
        </svg>
        Désaccord entre les partenaires (écart d&apos;au moins {formatMean(DISAGREEMENT_THRESHOLD)} point)
      </li>
    </ul>
  );
}
