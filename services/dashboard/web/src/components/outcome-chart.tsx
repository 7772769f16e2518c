import type { ComplianceOutcome, ComplianceReport } from '@ct/contracts/http';
import { t } from '../i18n';

/** Bottom to top: finished work first, then under way, then what is missing. */
export const OUTCOME_ORDER: ComplianceOutcome[] = [
  'done',
  'done_late',
  'in_progress',
  'not_started',
  'overdue',
  'cancelled',
];

const W = 720;
const H = 220;
const PAD = { left: 36, right: 8, top: 8, bottom: 28 };

/**
 * The outcomes month by month as stacked bars (an SVG, so it prints and
 * downloads as it shows). Colours come from the stylesheet's outcome classes.
 */
export function OutcomeChart({
  timeline,
  name,
}: {
  timeline: ComplianceReport['timeline'];
  name: (o: ComplianceOutcome) => string;
}) {
  if (timeline.length === 0) return null;
  const max = Math.max(
    1,
    ...timeline.map((p) => OUTCOME_ORDER.reduce((a, o) => a + p.counts[o], 0)),
  );
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / timeline.length;
  // A few months give wide steps: bars stay bar-shaped.
  const bar = Math.min(48, Math.max(2, step * 0.7));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(timeline.length / 12);
  return (
    <figure class="outcome-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('report.overTime')}
        data-testid="chart"
      >
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} class="tick" text-anchor="end">
          {max}
        </text>
        <text x={PAD.left - 6} y={y(0) + 4} class="tick" text-anchor="end">
          0
        </text>
        {timeline.map((p, i) => {
          let base = 0;
          const x = PAD.left + i * step + (step - bar) / 2;
          return (
            <g key={p.date}>
              {OUTCOME_ORDER.map((o) => {
                const v = p.counts[o];
                if (!v) return null;
                const top = y(base + v);
                const rect = (
                  <rect
                    key={o}
                    x={x}
                    y={top}
                    width={bar}
                    height={y(base) - top}
                    class={`fill-${o}`}
                  >
                    <title>{`${p.date}: ${name(o)} ${v}`}</title>
                  </rect>
                );
                base += v;
                return rect;
              })}
              {i % labelEvery === 0 || i === timeline.length - 1 ? (
                <text x={x + bar / 2} y={H - 10} class="tick" text-anchor="middle">
                  {p.date.slice(0, 7)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {OUTCOME_ORDER.map((o) => (
          <span key={o}>
            <i class={`swatch fill-${o}`} /> {name(o)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
