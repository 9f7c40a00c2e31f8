import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { homePathFor } from '../layout/nav-items.ts';
import { setCsrfToken } from '../lib/csrf-token.ts';
import { requestLogin } from './login-request.ts';
import { type Session, sessionQueryKey, useServerConfig, useSession } from './session.ts';

type LoginForm = { username: string; password: string };

export function LoginPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  const config = useServerConfig();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (session.data) return <Navigate to={homePathFor(session.data.user.role)} replace />;

  async function submit(values: LoginForm) {
    setSubmitting(true);
    setError(null);
    const outcome = await requestLogin(values.username.trim(), values.password);
    setSubmitting(false);
    if (outcome.ok) {
      setCsrfToken(outcome.csrfToken);
      const next: Session = { csrfToken: outcome.csrfToken, user: outcome.user };
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
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}
        >
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.heading')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
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
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} name="login">
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[
              { required: true, message: t('login.required', { field: t('login.username').toLowerCase() }) },
            ]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[
              { required: true, message: t('login.required', { field: t('login.password').toLowerCase() }) },
            ]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
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
      </Card>
    </main>
  );
}
