// Account self-service on /mijn-gegevens: name, email address, password, language, leaving a
// network and one's sessions; and the page that confirms a new email address.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

/** The self-service part of "my data"; `open` says which form the errors and input belong to. */
export interface AccountViewModel {
  displayName: string;
  hasEmail: boolean;
  hasPassword: boolean;
  language: 'nl' | 'en';
  emailChangeHours: number;
  networks: { networkId: number; networkName: string }[];
  sessions: {
    publicId: number;
    device: string;
    lastSeen: string;
    since: string;
    current: boolean;
  }[];
  open?: { form: 'name' | 'email' | 'password' | 'language' } & FormState;
}

function stateOf(vm: AccountViewModel, form: NonNullable<AccountViewModel['open']>['form']) {
  return vm.open?.form === form ? vm.open : undefined;
}

/** The sections of the account form, placed on the "my data" page. */
export function AccountSections({ ctx, vm }: { ctx: ViewContext; vm: AccountViewModel }) {
  const { t } = ctx;
  const name = stateOf(vm, 'name');
  const email = stateOf(vm, 'email');
  const password = stateOf(vm, 'password');
  const language = stateOf(vm, 'language');
  return (
    <>
      <h2 class="utrecht-heading-2">{t('account.section.name')}</h2>
      <Form ctx={ctx} action="/mijn-gegevens/naam" errors={name?.errors}>
        <TextField
          name="displayName"
          label={t('account.nameLabel')}
          value={name?.values?.displayName ?? vm.displayName}
          error={name?.errors?.displayName}
          autocomplete="name"
          maxLength={60}
          required
        />
        <SubmitButton variant="secondary">{t('account.nameSave')}</SubmitButton>
      </Form>

      <h2 class="utrecht-heading-2">{t('account.email.title')}</h2>
      <p class="utrecht-paragraph">{t('account.email.body', { hours: vm.emailChangeHours })}</p>
      <Form ctx={ctx} action="/mijn-gegevens/e-mailadres" errors={email?.errors}>
        <TextField
          name="newEmail"
          type="email"
          label={t('account.email.label')}
          value={email?.values?.newEmail ?? ''}
          error={email?.errors?.newEmail}
          autocomplete="email"
          maxLength={200}
          required
        />
        <SubmitButton variant="secondary">{t('account.email.submit')}</SubmitButton>
      </Form>

      {vm.hasPassword ? (
        <>
          <h2 class="utrecht-heading-2">{t('account.password.title')}</h2>
          <p class="utrecht-paragraph">{t('account.password.body')}</p>
          <Form ctx={ctx} action="/mijn-gegevens/wachtwoord" errors={password?.errors}>
            <TextField
              name="currentPassword"
              type="password"
              label={t('account.password.current')}
              error={password?.errors?.currentPassword}
              autocomplete="current-password"
              required
            />
            <TextField
              name="newPassword"
              type="password"
              label={t('account.password.new')}
              error={password?.errors?.newPassword}
              autocomplete="new-password"
              required
            />
            <SubmitButton variant="secondary">{t('account.password.submit')}</SubmitButton>
          </Form>
        </>
      ) : null}

      <h2 class="utrecht-heading-2">{t('account.language.title')}</h2>
      <p class="utrecht-paragraph">{t('account.language.body')}</p>
      <Form ctx={ctx} action="/mijn-gegevens/taal" errors={language?.errors}>
        <SelectField
          name="language"
          label={t('account.language.label')}
          value={vm.language}
          error={language?.errors?.language}
          options={[
            { value: 'nl', label: t('account.language.nl'), lang: 'nl' },
            { value: 'en', label: t('account.language.en'), lang: 'en' },
          ]}
        />
        <SubmitButton variant="secondary">{t('account.language.submit')}</SubmitButton>
      </Form>

      <h2 class="utrecht-heading-2">{t('notifications.settings.title')}</h2>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/mijn-gegevens/meldingen">
          {t('notifications.list.settings')}
        </a>
      </p>

      <h2 class="utrecht-heading-2">{t('account.sessions.title')}</h2>
      <p class="utrecht-paragraph">{t('account.sessions.body')}</p>
      <ul class="bk-list-plain">
        {vm.sessions.map((s) => (
          <li class="bk-card" key={s.publicId}>
            <h3 class="utrecht-heading-3">
              {s.device}
              {s.current ? <> · {t('account.sessions.current')}</> : null}
            </h3>
            <p class="utrecht-paragraph">
              {t('account.sessions.lastSeen', { when: s.lastSeen })}
              <br />
              {t('account.sessions.since', { when: s.since })}
            </p>
            {s.current ? null : (
              <form method="post" action={`/mijn-gegevens/sessies/${s.publicId}/beeindigen`}>
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <SubmitButton variant="secondary">{t('account.sessions.end')}</SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
      {vm.sessions.some((s) => !s.current) ? (
        <form method="post" action="/mijn-gegevens/sessies/andere-beeindigen">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <SubmitButton variant="secondary">{t('account.sessions.endOthers')}</SubmitButton>
        </form>
      ) : null}
    </>
  );
}

/** A "leave" button for one network, placed in that network's card on "my data". */
export function LeaveNetworkForm({
  ctx,
  networkId,
  networkName,
}: {
  ctx: ViewContext;
  networkId: number;
  networkName: string;
}) {
  return (
    <form method="post" action={`/mijn-gegevens/netwerken/${networkId}/verlaten`}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <SubmitButton variant="danger">
        {ctx.t('account.leave.submit', { network: networkName })}
      </SubmitButton>
    </form>
  );
}

/** The page behind the link in the mail: one button, so a mail scanner does not use the link. */
export function ConfirmEmailPage({ ctx, token }: { ctx: ViewContext; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.email.confirmTitle')}>
      <h1 class="utrecht-heading-1">{t('account.email.confirmTitle')}</h1>
      <p class="utrecht-paragraph">{t('account.email.confirmBody')}</p>
      <form method="post" action="/mijn-gegevens/e-mailadres/bevestigen">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton>{t('account.email.confirmSubmit')}</SubmitButton>
      </form>
    </Layout>
  );
}
