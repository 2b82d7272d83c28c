// Who came to a meeting, and its minutes: the coordinator's forms.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface AttendanceViewModel {
  network: { id: number; name: string };
  meeting: { id: number; label: string; when: string };
  members: { personId: number; name: string; present: boolean }[];
  otherResidents: string;
  otherProfessionals: string;
}

export function AttendancePage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: AttendanceViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten/${vm.meeting.id}`;
  const title = t('meetings.attendance.title', { meeting: vm.meeting.label });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{vm.meeting.when}</p>
      <Form ctx={ctx} action={`${base}/aanwezigheid`} errors={state.errors}>
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('meetings.attendance.members')}
          </legend>
          {vm.members.map((m) => (
            <Checkbox
              name={`present-${m.personId}`}
              label={m.name}
              checked={m.present}
              key={m.personId}
            />
          ))}
        </fieldset>
        <TextField
          name="otherResidents"
          type="number"
          inputMode="numeric"
          label={t('meetings.attendance.otherResidents')}
          value={state.values?.otherResidents ?? vm.otherResidents}
          error={state.errors?.otherResidents}
        />
        <TextField
          name="otherProfessionals"
          type="number"
          inputMode="numeric"
          label={t('meetings.attendance.otherProfessionals')}
          value={state.values?.otherProfessionals ?? vm.otherProfessionals}
          error={state.errors?.otherProfessionals}
        />
        <SubmitButton>{t('meetings.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function MinutesPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: {
    network: { id: number };
    meeting: { id: number; label: string };
    minutes: string;
    /** The longest minutes, in characters (stated on the form). */
    max: number;
  };
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten/${vm.meeting.id}`;
  const title = t('meetings.minutes.title', { meeting: vm.meeting.label });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Form ctx={ctx} action={`${base}/verslag`} errors={state.errors}>
        <TextArea
          name="minutes"
          label={t('meetings.minutes')}
          description={t('meetings.minutesHint', { max: vm.max })}
          value={state.values?.minutes ?? vm.minutes}
          error={state.errors?.minutes}
          rows={14}
        />
        <SubmitButton>{t('meetings.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}
