import { useState } from 'preact/hooks';
import { changeName, reasonName } from '../format';
import { t } from '../i18n';
import { useLive } from '../live';
import type { ChangedEvent } from '../types';

const SHOWN_MS = 8000;
const AT_MOST = 4;

/**
 * Alerts and changes as they arrive, on every page (from the one event
 * stream), in a polite live region so that screen readers announce them; each
 * links to its item, closes by itself after a few seconds or by its button.
 */
export function Toasts() {
  const [shown, setShown] = useState<ChangedEvent[]>([]);
  useLive((e) => {
    setShown((s) => [e, ...s.filter((o) => o.id !== e.id)].slice(0, AT_MOST));
    setTimeout(() => setShown((s) => s.filter((o) => o.id !== e.id)), SHOWN_MS);
  });
  const close = (id: string) => setShown((s) => s.filter((o) => o.id !== id));
  return (
    <div class="toasts no-print" role="status" aria-live="polite" data-testid="toasts">
      {shown.map((e) => (
        <div key={e.id} class={`toast ${e.type === 'alert.raised.v1' ? 'alert' : ''}`}>
          <a href={`#/items/${e.data.itemId}`}>
            <strong>
              {e.type === 'alert.raised.v1'
                ? `${t('overview.alert')}: ${reasonName(e.data.reason)}`
                : changeName(e.data.change)}
            </strong>{' '}
            {e.data.actor} — {e.data.action}
          </a>
          <button
            type="button"
            class="link"
            aria-label={t('toast.close')}
            onClick={() => close(e.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
