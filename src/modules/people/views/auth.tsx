import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface LoginViewModel extends FormState {
  back: string;
  demo?: { password: string; accounts: { account: string; role: string; network: string }[] };
}

export function LoginPage({ ctx, vm }: { ctx: ViewContext; vm: LoginViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('login.title')}>
      <h1 class="utrecht-heading-1">{t('login.title')}</h1>
      <p class="utrecht-paragraph">{t('login.intro')}</p>
      <Form ctx={ctx} action="/inloggen" errors={vm.errors}>
        <input type="hidden" name="terug" value={vm.back} />
        <TextField
          name="identifier"
          label={t('login.identifier')}
          value={vm.values?.identifier}
          error={vm.errors?.identifier}
          autocomplete="username"
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('login.password')}
          error={vm.errors?.password}
          autocomplete="current-password"
          required
        />
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </Form>
      <ul class="utrecht-unordered-list bk-links">
        <li>
          <a class="utrecht-link" href="/wachtwoord-vergeten">
            {t('login.forgot')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/uitnodiging">
            {t('login.haveCode')}
          </a>
        </li>
      </ul>
      {vm.demo ? (
        <section class="bk-card bk-demo" aria-labelledby="demo-title">
          <h2 class="utrecht-heading-2" id="demo-title">
            {t('login.demo.title')}
          </h2>
          <p class="utrecht-paragraph">{t('login.demo.intro', { password: vm.demo.password })}</p>
          <section class="bk-table-wrap" aria-labelledby="demo-title" tabindex={0}>
            <table class="utrecht-table utrecht-table--html-table">
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    {t('login.demo.account')}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {t('login.demo.role')}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {t('login.demo.network')}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {vm.demo.accounts.map((a) => (
                  <tr class="utrecht-table__row" key={a.account}>
                    <td class="utrecht-table__cell">
                      <code>{a.account}</code>
                    </td>
                    <td class="utrecht-table__cell">{a.role}</td>
                    <td class="utrecht-table__cell">{a.network}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      ) : null}
    </Layout>
  );
}

export function ForgotPasswordPage({
  ctx,
  vm,
}: {
  ctx: ViewContext;
  vm: FormState & { sent: boolean };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('forgot.title')}>
      <h1 class="utrecht-heading-1">{t('forgot.title')}</h1>
      {vm.sent ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{t('forgot.sent')}</p>
        </div>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('forgot.intro')}</p>
          <Form ctx={ctx} action="/wachtwoord-vergeten" errors={vm.errors}>
            <TextField
              name="email"
              type="email"
              label={t('forgot.email')}
              value={vm.values?.email}
              error={vm.errors?.email}
              autocomplete="email"
              required
            />
            <SubmitButton>{t('forgot.submit')}</SubmitButton>
          </Form>
        </>
      )}
      <p class="utrecht-paragraph">{t('forgot.noEmail')}</p>
    </Layout>
  );
}

export function ResetPasswordPage({
  ctx,
  vm,
}: {
  ctx: ViewContext;
  vm: FormState & { token: string; usable: boolean };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reset.title')}>
      <h1 class="utrecht-heading-1">{t('reset.title')}</h1>
      {vm.usable ? (
        <Form ctx={ctx} action="/wachtwoord-herstellen" errors={vm.errors}>
          <input type="hidden" name="token" value={vm.token} />
          <TextField
            name="password"
            type="password"
            label={t('reset.password')}
            description={t('password.rules')}
            error={vm.errors?.password}
            autocomplete="new-password"
            required
          />
          <SubmitButton>{t('reset.submit')}</SubmitButton>
        </Form>
      ) : (
        <div class="utrecht-alert utrecht-alert--warning" role="alert">
          <p class="utrecht-paragraph">
            {t('reset.invalid')}{' '}
            <a class="utrecht-link" href="/wachtwoord-vergeten">
              {t('forgot.title')}
            </a>
          </p>
        </div>
      )}
    </Layout>
  );
}

export interface AcceptViewModel extends FormState {
  code: string;
  invitation?: {
    networkName: string;
    roleLabel: string;
    email: string | null;
    hasAccount: boolean;
    /** The language the inviter chose: the new account's language unless changed here. */
    language: 'nl' | 'en';
  };
}

export function AcceptInvitationPage({ ctx, vm }: { ctx: ViewContext; vm: AcceptViewModel }) {
  const { t } = ctx;
  const inv = vm.invitation;
  return (
    <Layout ctx={ctx} title={t('invite.accept.title')}>
      <h1 class="utrecht-heading-1">{t('invite.accept.title')}</h1>
      {!inv ? (
        <Form ctx={ctx} action="/uitnodiging/code" errors={vm.errors}>
          <TextField
            name="code"
            label={t('invite.code')}
            description={t('invite.code.hint')}
            value={vm.values?.code ?? vm.code}
            error={vm.errors?.code}
            autocomplete="off"
            required
          />
          <SubmitButton>{t('invite.code.submit')}</SubmitButton>
        </Form>
      ) : (
        <>
          <p class="utrecht-paragraph bk-lead">
            {t('invite.for', { network: inv.networkName, role: inv.roleLabel.toLowerCase() })}
          </p>
          {inv.hasAccount ? <p class="utrecht-paragraph">{t('invite.existingAccount')}</p> : null}
          <Form ctx={ctx} action="/uitnodiging" errors={vm.errors}>
            <input type="hidden" name="code" value={vm.code} />
            {inv.hasAccount ? null : (
              <TextField
                name="displayName"
                label={t('invite.displayName')}
                description={t('invite.displayName.hint')}
                value={vm.values?.displayName}
                error={vm.errors?.displayName}
                autocomplete="nickname"
                maxLength={60}
                required
              />
            )}
            {inv.email ? (
              <p class="utrecht-paragraph">
                {t('invite.email')}: <strong>{inv.email}</strong>
              </p>
            ) : (
              <TextField
                name="username"
                label={t('invite.username')}
                description={t('invite.username.hint')}
                value={vm.values?.username}
                error={vm.errors?.username}
                autocomplete="username"
                maxLength={30}
                required
              />
            )}
            <TextField
              name="password"
              type="password"
              label={inv.hasAccount ? t('invite.existingPassword') : t('invite.password')}
              description={inv.hasAccount ? undefined : t('password.rules')}
              error={vm.errors?.password}
              autocomplete={inv.hasAccount ? 'current-password' : 'new-password'}
              required
            />
            {inv.hasAccount ? null : (
              <SelectField
                name="language"
                label={t('invite.accountLanguage')}
                description={t('invite.accountLanguage.hint')}
                value={vm.values?.language ?? inv.language}
                error={vm.errors?.language}
                options={[
                  { value: 'nl', label: t('account.language.nl'), lang: 'nl' },
                  { value: 'en', label: t('account.language.en'), lang: 'en' },
                ]}
              />
            )}
            <Checkbox
              name="listed"
              label={t('invite.listed')}
              description={t('invite.listed.hint')}
              checked={vm.values?.listed === 'on'}
            />
            <SubmitButton>{t('invite.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </Layout>
  );
}
