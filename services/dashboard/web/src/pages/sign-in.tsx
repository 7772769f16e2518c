import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { t } from '../i18n';
import { signInWith } from '../session';

export function SignIn() {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="sign-in"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        try {
          await signInWith(String(f.get('email')), String(f.get('password')));
        } catch (err) {
          setError((err as ApiError).message);
        }
      }}
    >
      <h1>{t('signIn.title')}</h1>
      <label>
        {t('signIn.email')}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        {t('signIn.password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit">{t('signIn.submit')}</button>
      {error && <p class="error">{error}</p>}
    </form>
  );
}
