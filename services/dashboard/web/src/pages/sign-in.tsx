import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
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
      <h1>Sign in</h1>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit">Sign in</button>
      {error && <p class="error">{error}</p>}
    </form>
  );
}
