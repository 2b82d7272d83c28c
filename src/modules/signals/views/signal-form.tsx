// The one form of a signal's texts, used by the new-signal and edit-signal pages: the
// personal-details warning, then title, description, theme, place and trigger; the new
// signal adds its own fields (who raised it, where, person-bound) as children.
import type { ComponentChildren } from 'preact';
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import type { Option } from './shared.js';

export interface SignalFormProps {
  ctx: ViewContext;
  action: string;
  state: FormState;
  themeOptions: Option[];
  /** An empty first choice in the theme list (a new signal has no theme yet). */
  themePlaceholder?: boolean | undefined;
  /** Personal details found in the text: shown as a warning; sending again confirms. */
  warnings?: string[] | undefined;
  fingerprint?: string | undefined;
  submitLabel: string;
  /** Fields after the trigger, before the submit button. */
  children?: ComponentChildren;
}

export function SignalForm(props: SignalFormProps) {
  const { ctx, state } = props;
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <>
      {props.warnings && props.warnings.length > 0 ? (
        <div class="utrecht-alert utrecht-alert--warning bk-warning" role="alert">
          <h2 class="utrecht-heading-2">{t('signals.warning.title')}</h2>
          <p class="utrecht-paragraph">{t('signals.warning.intro')}</p>
          <ul class="utrecht-unordered-list">
            {props.warnings.map((w) => (
              <li class="utrecht-unordered-list__item" key={w}>
                {w}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form ctx={ctx} action={props.action} errors={state.errors}>
        {props.fingerprint ? (
          <input type="hidden" name="bevestigd" value={props.fingerprint} />
        ) : null}
        <TextField
          name="title"
          label={t('signals.field.title')}
          value={v.title}
          error={e.title}
          maxLength={120}
          required
        />
        <TextArea
          name="description"
          label={t('signals.field.description')}
          value={v.description}
          error={e.description}
          maxLength={4000}
        />
        <SelectField
          name="theme"
          label={t('signals.field.theme')}
          options={props.themeOptions}
          value={v.theme}
          error={e.theme}
          {...(props.themePlaceholder ? { placeholder: '' } : {})}
          required
        />
        <TextField
          name="place"
          label={t('signals.field.place')}
          description={t('signals.field.place.hint')}
          value={v.place}
          error={e.place}
          maxLength={120}
        />
        <TextArea
          name="trigger"
          label={t('signals.field.trigger')}
          description={t('signals.field.trigger.hint')}
          value={v.trigger}
          error={e.trigger}
          rows={2}
          maxLength={1000}
        />
        {props.children}
        <SubmitButton>{props.submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
