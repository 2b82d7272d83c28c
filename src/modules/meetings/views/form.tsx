// The form to plan or change a meeting, with its agenda rows.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface MeetingFormViewModel {
  network: { id: number; name: string };
  meetingId?: number;
  kinds: { value: string; label: string }[];
  origins: { value: string; label: string }[];
  agendaRows: number;
  /** The limits the form states and the route enforces (items; characters). */
  limits: { agenda: number; text: number; minutes: number; description: number };
  /** The start lies in the past: ask for confirmation with a checkbox. */
  askPast: boolean;
}

export function MeetingFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: MeetingFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten`;
  const action = vm.meetingId ? `${base}/${vm.meetingId}/bewerken` : `${base}/nieuw`;
  const title = vm.meetingId ? t('meetings.edit') : t('meetings.new');
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Form ctx={ctx} action={action} errors={state.errors}>
        {/* Enter in a field saves the form: the first submit button (hidden) is the default. */}
        <button type="submit" hidden>
          {t('meetings.save')}
        </button>
        <SelectField
          name="kind"
          label={t('meetings.kind')}
          options={vm.kinds}
          value={v.kind}
          error={e.kind}
        />
        <TextField
          name="title"
          label={t('meetings.titleField')}
          optionalLabel={t('meetings.optional')}
          description={t('meetings.textHint', { max: vm.limits.text })}
          value={v.title}
          error={e.title}
          maxLength={vm.limits.text}
        />
        <TextField
          name="date"
          type="date"
          label={t('meetings.date')}
          value={v.date}
          error={e.date}
        />
        <TextField
          name="time"
          type="time"
          label={t('meetings.time')}
          description={t('meetings.timeHint')}
          value={v.time}
          error={e.time}
        />
        <TextField
          name="endTime"
          type="time"
          label={t('meetings.endTime')}
          optionalLabel={t('meetings.optional')}
          description={t('meetings.endTimeHint')}
          value={v.endTime}
          error={e.endTime}
        />
        {vm.askPast || e.confirmPast ? (
          <Checkbox
            name="confirmPast"
            label={t('meetings.confirmPast')}
            checked={v.confirmPast === 'on'}
            error={e.confirmPast}
          />
        ) : null}
        <TextField
          name="place"
          label={t('meetings.place')}
          description={t('meetings.textHint', { max: vm.limits.text })}
          value={v.place}
          error={e.place}
          maxLength={vm.limits.text}
        />
        <TextArea
          name="description"
          label={t('meetings.description')}
          optionalLabel={t('meetings.optional')}
          description={t('meetings.descriptionHint', { max: vm.limits.description })}
          value={v.description}
          error={e.description}
          maxLength={vm.limits.description}
          rows={4}
        />
        <TextField
          name="maxPlaces"
          type="number"
          inputMode="numeric"
          label={t('meetings.maxPlaces')}
          optionalLabel={t('meetings.optional')}
          description={t('meetings.maxPlacesHint')}
          value={v.maxPlaces}
          error={e.maxPlaces}
        />
        <Checkbox
          name="isPublic"
          label={t('meetings.isPublic')}
          description={t('meetings.isPublicHint')}
          checked={v.isPublic === 'on'}
        />
        <fieldset
          class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset bk-agenda-fields"
          id="field-agenda"
          aria-describedby={e.agenda ? 'field-agenda-error' : undefined}
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            <h2 class="utrecht-heading-2 bk-legend-heading">{t('meetings.agenda')}</h2>
          </legend>
          <p class="utrecht-paragraph">
            {t('meetings.agendaHint', { max: vm.limits.agenda, chars: vm.limits.text })}
          </p>
          {e.agenda ? (
            <div class="utrecht-form-field-error-message" id="field-agenda-error">
              {e.agenda}
            </div>
          ) : null}
          {Array.from({ length: vm.agendaRows }, (_, i) => i + 1).map((n) => (
            <div class="bk-agenda-row" key={n}>
              <TextField
                name={`item${n}Title`}
                label={t('meetings.item', { n })}
                value={v[`item${n}Title`]}
                error={e[`item${n}Title`]}
                maxLength={vm.limits.text}
              />
              <SelectField
                name={`item${n}Origin`}
                label={t('meetings.itemOrigin', { n })}
                options={vm.origins}
                value={v[`item${n}Origin`]}
                error={e[`item${n}Origin`]}
              />
            </div>
          ))}
          {vm.agendaRows < vm.limits.agenda ? (
            <SubmitButton variant="secondary" name="addRow" value="1">
              {t('meetings.addRow')}
            </SubmitButton>
          ) : null}
        </fieldset>
        <SubmitButton>{t('meetings.save')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.meetingId ? `${base}/${vm.meetingId}` : base}>
          {vm.meetingId ? t('meetings.backToMeeting') : t('meetings.back')}
        </a>
      </p>
    </Layout>
  );
}
