// The pages of choices: all kinds for a signed-in person, and the one-click page of one kind
// reached from a mail (no sign-in; the form's POST changes the choice).
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, RadioGroup, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { ChoiceFieldModel } from '../presenters.js';

export function SettingsPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: { fields: ChoiceFieldModel[]; back: string };
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notifications.settings.title')}>
      <h1 class="utrecht-heading-1">{t('notifications.settings.title')}</h1>
      <p class="utrecht-paragraph">{t('notifications.settings.intro')}</p>
      <Form ctx={ctx} action="/mijn-gegevens/meldingen" errors={state.errors}>
        {vm.fields.map((field) => (
          <RadioGroup
            key={field.name}
            name={field.name}
            label={field.label}
            value={state.values?.[field.name] ?? field.value}
            error={state.errors?.[field.name]}
            options={field.options}
          />
        ))}
        <SubmitButton>{t('notifications.settings.save')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.back}>
          {t('notifications.settings.back')}
        </a>
      </p>
    </Layout>
  );
}

export function OneClickPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: { action: string; kindLabel: string; field: ChoiceFieldModel };
  state: FormState;
}) {
  const { t } = ctx;
  const title = t('notifications.oneClick.title', { kind: vm.kindLabel });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('notifications.oneClick.intro', { kind: vm.kindLabel })}</p>
      <Form ctx={ctx} action={vm.action} errors={state.errors}>
        <RadioGroup
          name="choice"
          label={vm.field.label}
          value={state.values?.choice ?? vm.field.value}
          error={state.errors?.choice}
          options={vm.field.options}
        />
        <SubmitButton>{t('notifications.oneClick.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}
