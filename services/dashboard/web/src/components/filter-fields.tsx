import { kindName, KINDS } from '../format';
import { t } from '../i18n';

/**
 * The kind filter as the register and the report spell it: controlled
 * (applies at once) when `onChange` is given, else read with the form.
 */
export function KindSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange?: (kind: string | undefined) => void;
}) {
  const bound = onChange
    ? {
        value: value ?? '',
        onChange: (e: Event) => onChange((e.currentTarget as HTMLSelectElement).value || undefined),
      }
    : { defaultValue: value ?? '' };
  return (
    <label>
      {t('common.kind')}
      <select name="kind" {...bound}>
        <option value="">{t('common.any')}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {kindName(k)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The window of due dates (dueAfter, dueBefore), read with the form. */
export function DueRange({ after, before }: { after?: string; before?: string }) {
  return (
    <>
      <label>
        {t('common.dueFrom')}
        <input name="dueAfter" type="date" defaultValue={after ?? ''} />
      </label>
      <label>
        {t('common.dueUntil')}
        <input name="dueBefore" type="date" defaultValue={before ?? ''} />
      </label>
    </>
  );
}
