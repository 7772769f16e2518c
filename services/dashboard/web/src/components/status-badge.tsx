import { kindName, statusName } from '../format';
import { t } from '../i18n';

export function StatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  return (
    <span class={`badge status-${status}${overdue ? ' overdue' : ''}`}>
      {statusName(status)}
      {overdue ? ` · ${t('status.overdue')}` : ''}
    </span>
  );
}

export function KindBadge({ kind }: { kind: string }) {
  return <span class={`kind kind-${kind}`}>{kindName(kind)}</span>;
}
