// Cancelling a meeting: one question, one button.
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

/** Asks the coordinator to confirm cancelling a meeting. */
export function CancelPage({
  ctx,
  vm,
}: {
  ctx: ViewContext;
  vm: {
    network: { id: number };
    meeting: { id: number; label: string; when: string; cancelled: boolean };
  };
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten/${vm.meeting.id}`;
  const title = t('meetings.cancelTitle', { meeting: vm.meeting.label });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{vm.meeting.when}</p>
      {vm.meeting.cancelled ? (
        <p class="utrecht-paragraph">{t('meetings.cancelledNote')}</p>
      ) : (
        <Form ctx={ctx} action={`${base}/afzeggen`}>
          <p class="utrecht-paragraph">{t('meetings.cancelHint')}</p>
          <SubmitButton variant="danger">{t('meetings.cancelConfirm')}</SubmitButton>
        </Form>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('meetings.backToMeeting')}
        </a>
      </p>
    </Layout>
  );
}
