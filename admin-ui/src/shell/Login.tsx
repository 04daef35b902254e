import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, login, type SessionUser } from './api';

export function Login({ onLogin }: { onLogin: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onLogin(await login(username, password));
    } catch (err) {
      // A wrong password, the runtime's own words for a lock or a throttle (in the UI language), the server failing,
      // or not reached: each said as what it is.
      const status = err instanceof ApiError ? err.status : -1;
      setError(
        status === 401 || status === 422
          ? t('wrongLogin')
          : status === 429
            ? (err as ApiError).message
            : status === 0
              ? t('unreachable')
              : status >= 500
                ? t('serverError', { status })
                : t('pageError'),
      );
    }
  };
  return (
    <form className="card login" onSubmit={submit} noValidate>
      <h1>{t('login')}</h1>
      <label>
        {t('username')}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{t('login')}</button>
    </form>
  );
}
