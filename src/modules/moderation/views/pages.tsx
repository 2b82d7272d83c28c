// The pages of moderation: reporting an item, one reported item (the coordinator's page with
// both queues is queue.tsx).
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, PublicFormGuard, SubmitButton, TextArea } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

/** The item as the pages quote it. */
export function Quote({ kind, text }: { kind: string; text: string }) {
  return (
    <blockquote class="bk-quote">
      <p class="utrecht-paragraph">
        <strong>{kind}:</strong> {text}
      </p>
    </blockquote>
  );
}

export interface ReportViewModel {
  action: string;
  back: string;
  kind: string;
  text: string;
  /** The public form guard's stamp, for visitors (members' forms carry CSRF only). */
  stamp: string | undefined;
}

export function ReportPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ReportViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('moderation.report.title')}>
      <h1 class="utrecht-heading-1">{t('moderation.report.title')}</h1>
      <p class="utrecht-paragraph">{t('moderation.report.intro')}</p>
      <h2 class="utrecht-heading-2">{t('moderation.report.item')}</h2>
      <Quote kind={vm.kind} text={vm.text} />
      <Form ctx={ctx} action={vm.action} errors={state.errors}>
        <TextArea
          name="reason"
          label={t('moderation.report.reason')}
          description={t('moderation.report.reasonHint')}
          value={state.values?.reason}
          error={state.errors?.reason}
          rows={4}
          maxLength={1000}
        />
        {vm.stamp === undefined ? null : <PublicFormGuard ctx={ctx} stamp={vm.stamp} />}
        <SubmitButton>{t('moderation.report.submit')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.back}>
          {t('moderation.report.back')}
        </a>
      </p>
    </Layout>
  );
}

export interface ItemViewModel {
  kind: string;
  text: string;
  state: string;
  published: boolean;
  reasons: { text: string; at: string }[];
  action: string;
  back: string;
}

export function ItemPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ItemViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('moderation.item.title')}>
      <h1 class="utrecht-heading-1">{t('moderation.item.title')}</h1>
      <Quote kind={vm.kind} text={vm.text} />
      <p class="utrecht-paragraph">{t('moderation.item.state', { state: vm.state })}</p>
      <h2 class="utrecht-heading-2">{t('moderation.item.reasons')}</h2>
      {vm.reasons.length === 0 ? (
        <p class="utrecht-paragraph">{t('moderation.item.noReports')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {vm.reasons.map((r) => (
            <li>
              {r.text} <span class="bk-meta">({r.at})</span>
            </li>
          ))}
        </ul>
      )}
      {vm.published ? (
        <>
          <h2 class="utrecht-heading-2">{t('moderation.item.hideTitle')}</h2>
          <Form ctx={ctx} action={`${vm.action}/verbergen`} errors={state.errors}>
            <TextArea
              name="reason"
              label={t('moderation.item.hideReason')}
              description={t('moderation.item.hideHint')}
              value={state.values?.reason}
              error={state.errors?.reason}
              rows={3}
              maxLength={1000}
            />
            <SubmitButton variant="danger">{t('moderation.item.hide')}</SubmitButton>
          </Form>
          {vm.reasons.length === 0 ? null : (
            <>
              <h2 class="utrecht-heading-2">{t('moderation.item.keepTitle')}</h2>
              <p class="utrecht-paragraph">{t('moderation.item.keepHint')}</p>
              <form method="post" action={`${vm.action}/laten-staan`} class="bk-inline-form">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <SubmitButton variant="secondary">{t('moderation.item.keep')}</SubmitButton>
              </form>
            </>
          )}
        </>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.back}>
          {t('moderation.item.back')}
        </a>
      </p>
    </Layout>
  );
}
