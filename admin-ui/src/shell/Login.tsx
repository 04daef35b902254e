import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login, type SessionUser } from './api';

export function Login({ onLogin }: { onLogin: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onLogin(await login(username, password));
    } catch {
      setError(t('wrongLogin'));
    }
  };
  return (
    <form className="card login" onSubmit={submit}>
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
