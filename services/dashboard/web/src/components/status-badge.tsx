import { label } from '../format';

export function StatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  return (
    <span class={`badge status-${status}${overdue ? ' overdue' : ''}`}>
      {label(status)}
      {overdue ? ' · overdue' : ''}
    </span>
  );
}

export function KindBadge({ kind }: { kind: string }) {
  return <span class={`kind kind-${kind}`}>{kind}</span>;
}
