// The coordinator's moderation page: what waits for publication (every module's kinds
// together, oldest first, paged), the modules' settings about what waits, and the reports.
import type { FormState } from '../../../platform/forms.js';
import type { PublicationSetting } from '../../../platform/module.js';
import type { PageModel } from '../../../platform/pagination.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  SelectField,
  SubmitButton,
  TextArea,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Pagination } from '../../../platform/views/Pagination.js';
import type { QueueEntryModel, WaitingEntryModel } from '../presenters.js';
import { Quote } from './pages.js';

export interface QueueViewModel {
  network: { id: number; name: string };
  path: string;
  waiting: WaitingEntryModel[];
  waitingTotal: number;
  pages: PageModel;
  /** The kind filter: its options (value '' is every kind) and the chosen one. */
  kinds: { value: string; label: string }[];
  kind: string;
  settings: PublicationSetting[];
  reports: QueueEntryModel[];
  /** The card whose refusal failed (400), with its errors and input. */
  failed?: { key: string; state: FormState } | undefined;
}

/** The field id of a card's reason (several cards share the field name `reason`). */
const reasonKey = (key: string) => `reason-${key}`;

function WaitingCard({
  ctx,
  entry,
  kind,
  state,
}: {
  ctx: ViewContext;
  entry: WaitingEntryModel;
  kind: string;
  state: FormState | undefined;
}) {
  const { t } = ctx;
  const headingId = `wacht-${entry.key}-titel`;
  const reasonError = state?.errors?.[reasonKey(entry.key)];
  return (
    <li class="bk-card bk-waiting" id={`wacht-${entry.key}`}>
      <h3 class="utrecht-heading-3" id={headingId}>
        {entry.kind}
        {entry.title ? `: ${entry.title}` : ''}
      </h3>
      <p class="utrecht-paragraph bk-pre-line">{entry.text}</p>
      {entry.href ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={entry.href} aria-describedby={headingId}>
            {t('moderation.waiting.readAll')}
          </a>
        </p>
      ) : null}
      <p class="utrecht-paragraph bk-meta">{entry.from}</p>
      <div class="bk-waiting__decisions">
        <Form ctx={ctx} action={entry.approveAction}>
          <input type="hidden" name="soort" value={kind} />
          {entry.version !== null ? (
            <input type="hidden" name="version" value={entry.version} />
          ) : null}
          {entry.choice ? (
            <SelectField
              name="choice"
              id={`field-choice-${entry.key}`}
              label={entry.choice.label}
              options={entry.choice.options}
              value={entry.choice.selected}
            />
          ) : null}
          <SubmitButton>{entry.approveLabel}</SubmitButton>
        </Form>
        <Form
          ctx={ctx}
          action={entry.rejectAction}
          errors={reasonError ? { [reasonKey(entry.key)]: reasonError } : undefined}
        >
          <input type="hidden" name="soort" value={kind} />
          {entry.version !== null ? (
            <input type="hidden" name="version" value={entry.version} />
          ) : null}
          <TextArea
            name="reason"
            id={`field-${reasonKey(entry.key)}`}
            label={t('moderation.waiting.reason')}
            description={t(
              entry.reasonRequired
                ? 'moderation.waiting.reasonRequired'
                : 'moderation.waiting.reasonOptional',
            )}
            value={state?.values?.reason}
            error={reasonError}
            required={entry.reasonRequired}
            rows={2}
            maxLength={1000}
          />
          <SubmitButton variant="secondary">{t('moderation.waiting.reject')}</SubmitButton>
        </Form>
      </div>
    </li>
  );
}

function WaitingSection({ ctx, vm }: { ctx: ViewContext; vm: QueueViewModel }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="wacht-op-publicatie">
      <h2 class="utrecht-heading-2" id="wacht-op-publicatie">
        {t('moderation.waiting.title')}
      </h2>
      <p class="utrecht-paragraph">{t('moderation.waiting.intro')}</p>
      {vm.kinds.length > 2 ? (
        <form method="get" action={vm.path} class="utrecht-form bk-form bk-filters">
          <SelectField
            name="soort"
            label={t('moderation.waiting.kind')}
            options={vm.kinds}
            value={vm.kind}
          />
          <SubmitButton variant="secondary">{t('moderation.waiting.show')}</SubmitButton>
        </form>
      ) : null}
      {vm.waiting.length === 0 ? (
        <p class="utrecht-paragraph">{t('moderation.waiting.none')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">
            {t('moderation.waiting.count', { count: vm.waitingTotal })}
          </p>
          <ul class="bk-waiting-list">
            {vm.waiting.map((entry) => (
              <WaitingCard
                ctx={ctx}
                entry={entry}
                kind={vm.kind}
                state={vm.failed?.key === entry.key ? vm.failed.state : undefined}
              />
            ))}
          </ul>
        </>
      )}
      <Pagination ctx={ctx} model={vm.pages} />
      {vm.settings.map((setting) => (
        <>
          <h3 class="utrecht-heading-3">{setting.title}</h3>
          <Form ctx={ctx} action={setting.action}>
            <Checkbox
              name={setting.name}
              label={setting.label}
              description={setting.hint}
              checked={setting.checked}
            />
            <SubmitButton variant="secondary">{t('moderation.settings.save')}</SubmitButton>
          </Form>
        </>
      ))}
    </section>
  );
}

function ReportsSection({ ctx, vm }: { ctx: ViewContext; vm: QueueViewModel }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="meldingen">
      <h2 class="utrecht-heading-2" id="meldingen">
        {t('moderation.reports.title')}
      </h2>
      <p class="utrecht-paragraph">{t('moderation.queue.intro')}</p>
      {vm.reports.length === 0 ? (
        <p class="utrecht-paragraph">{t('moderation.queue.none')}</p>
      ) : (
        <ul class="bk-cards">
          {vm.reports.map((entry) => (
            <li class="bk-card">
              <Quote kind={entry.kind} text={entry.text} />
              <p class="utrecht-paragraph">{entry.summary}</p>
              <a class="utrecht-link" href={entry.href}>
                {t('moderation.queue.look')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function QueuePage({ ctx, vm }: { ctx: ViewContext; vm: QueueViewModel }) {
  const { t } = ctx;
  const title = t('moderation.page.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('moderation.page.intro')}</p>
      <WaitingSection ctx={ctx} vm={vm} />
      <ReportsSection ctx={ctx} vm={vm} />
    </Layout>
  );
}
