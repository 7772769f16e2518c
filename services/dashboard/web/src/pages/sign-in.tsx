import { useState } from 'preact/hooks';
import { ApiError, send, service, type SignIn as SignInAnswer } from '../api';
import { sessionFromToken, signIn } from '../session';

export function SignIn() {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="sign-in"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        try {
          const r = await send<SignInAnswer>(service('commitmentsUrl'), '/auth/login', {
            method: 'POST',
            json: { email: f.get('email'), password: f.get('password') },
          });
          signIn(sessionFromToken(r.token));
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
