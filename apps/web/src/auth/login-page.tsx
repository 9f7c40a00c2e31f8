import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { type FormEvent, useState } from 'react';
import { Navigate } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { homePathFor } from '../layout/nav-items.ts';
import { setCsrfToken } from '../lib/csrf-token.ts';
import { requestLogin } from './login-request.ts';
import { fetchSession, type Session, sessionQueryKey, useServerConfig, useSession } from './session.ts';

type LoginForm = { username: string; password: string };

export function LoginPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  const config = useServerConfig();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [values, setValues] = useState<LoginForm>({ username: '', password: '' });
  const [missing, setMissing] = useState({ username: false, password: false });

  function change(field: keyof LoginForm, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (value !== '') setMissing((current) => ({ ...current, [field]: false }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const empty = { username: values.username.trim() === '', password: values.password === '' };
    setMissing(empty);
    if (!empty.username && !empty.password) void submit(values);
  }

  if (session.data) return <Navigate to={homePathFor(session.data.user.role)} replace />;

  async function submit(values: LoginForm) {
    setSubmitting(true);
    setError(null);
    const outcome = await requestLogin(values.username.trim(), values.password);
    setSubmitting(false);
    if (outcome.ok) {
      setCsrfToken(outcome.csrfToken);
      // the session as every later page load reads it (with the person and the scope the login
      // answer does not carry, so links such as "Phiếu đánh giá (PDF)" are there at once)
      const read = await fetchSession().catch(() => null);
      const next: Session = read ?? { csrfToken: outcome.csrfToken, user: outcome.user };
      queryClient.setQueryData(sessionQueryKey, next);
      return;
    }
    if (outcome.reason === 'network') setError(t('login.network'));
    else if (outcome.reason === 'rateLimited') setError(t('login.rateLimited'));
    else setError(t('login.failed'));
  }

  const demo = config.data?.demo ? config.data : null;

  return (
    <main className="login-screen">
      {/* plain elements, not Card and Typography: those pull Tabs, Menu, Skeleton and Tooltip into
          the first download (styles.css gives the same look) */}
      <section className="login-card">
        <div className="login-card-header">
          <h1 className="login-title">{t('login.heading')}</h1>
          <LanguageSwitch />
        </div>
        <p className="login-intro">{t('login.intro')}</p>
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            role="alert"
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        {/* a plain form: antd's Form brings its validator and the label tooltips into the first download */}
        <form name="login" onSubmit={onSubmit} noValidate>
          {(['username', 'password'] as const).map((field) => (
            <div className="login-field" key={field}>
              <label htmlFor={`login_${field}`}>{t(`login.${field}`)}</label>
              {field === 'username' ? (
                <Input
                  id="login_username"
                  autoComplete="username"
                  autoFocus
                  value={values.username}
                  status={missing.username ? 'error' : undefined}
                  aria-invalid={missing.username}
                  aria-describedby={missing.username ? 'login_username_help' : undefined}
                  onChange={(event) => change('username', event.target.value)}
                />
              ) : (
                <Input.Password
                  id="login_password"
                  autoComplete="current-password"
                  value={values.password}
                  status={missing.password ? 'error' : undefined}
                  aria-invalid={missing.password}
                  aria-describedby={missing.password ? 'login_password_help' : undefined}
                  onChange={(event) => change('password', event.target.value)}
                />
              )}
              {missing[field] && (
                <div id={`login_${field}_help`} className="login-field-error" role="alert">
                  {t('login.required', { field: t(`login.${field}`).toLowerCase() })}
                </div>
              )}
            </div>
          ))}
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </form>
        {demo && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            title={t('login.demo', {
              accounts: demo.demoAccounts.join(', '),
              password: demo.demoPassword ?? '',
            })}
          />
        )}
      </section>
    </main>
  );
}
