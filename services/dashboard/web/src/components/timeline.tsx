import type { Overview } from '../types';
import { daysFrom, deadlineText } from '../format';
import { locale, tn } from '../i18n';

const WIDTH = 900;
const ROW = 22;
const LEFT = 8;
const MONTHS = 12;

/**
 * The next twelve months as a strip: one mark per upcoming deadline (a
 * diamond for a summit or meeting, a dot for a task), stacked where they
 * crowd, months marked underneath. Hover shows what it is; a click opens it.
 */
export function Timeline({ today, items }: { today: string; items: Overview['upcoming'] }) {
  const end = new Date(Date.parse(today));
  end.setUTCMonth(end.getUTCMonth() + MONTHS);
  const span = daysFrom(today, end.toISOString().slice(0, 10));
  const x = (date: string) => LEFT + ((WIDTH - 2 * LEFT) * daysFrom(today, date)) / span;
  // The overview lists only dated items; the type allows undated ones, which have no place here.
  const shown = items.flatMap((i) =>
    i.dueDate !== null && daysFrom(today, i.dueDate) <= span ? [{ ...i, dueDate: i.dueDate }] : [],
  );
  // Stack marks that would overlap: each lane remembers where its last mark ended.
  const lanes: number[] = [];
  const placed = shown.map((i) => {
    const px = x(i.dueDate);
    let lane = lanes.findIndex((endX) => endX < px - 10);
    if (lane === -1) lane = lanes.push(px) - 1;
    else lanes[lane] = px;
    return { i, px, lane: Math.min(lane, 5) };
  });
  const height = 30 + Math.min(lanes.length, 6) * ROW;
  const ticks = Array.from({ length: MONTHS + 1 }, (_, k) => {
    const d = new Date(Date.parse(today));
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + k);
    return d.toISOString().slice(0, 10);
  }).filter((d) => d >= today);
  // A group, not an image: it holds a link per deadline.
  return (
    <svg
      class="timeline"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="group"
      aria-label={tn('overview.timeline', shown.length, { months: MONTHS })}
    >
      <line x1={LEFT} x2={WIDTH - LEFT} y1={height - 22} y2={height - 22} class="axis" />
      {ticks.map((d) => (
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={4} y2={height - 18} class="tick" />
          <text x={x(d) + 3} y={height - 6} class="tick-label">
            {new Date(d).toLocaleString(locale(), { month: 'short', timeZone: 'UTC' })}
          </text>
        </g>
      ))}
      {placed.map(({ i, px, lane }) => {
        const y = height - 34 - lane * ROW;
        return (
          <a key={i.itemId} href={`#/items/${i.itemId}`} class={`mark kind-${i.kind}`}>
            <title>
              {deadlineText(i.deadline ?? i.dueDate)} — {i.actor}: {i.action}
            </title>
            {i.kind === 'event' ? (
              <rect
                x={px - 6}
                y={y - 6}
                width={12}
                height={12}
                transform={`rotate(45 ${px} ${y})`}
              />
            ) : (
              <circle cx={px} cy={y} r={6} />
            )}
          </a>
        );
      })}
    </svg>
  );
}
