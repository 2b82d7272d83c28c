// One decision: its page, its review form, its history; and the network's settings.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  RadioGroup,
  SubmitButton,
  TextArea,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { type DecisionFacts, Facts, type NetworkRef, type Option } from './shared.js';

export interface DecisionViewModel {
  network: NetworkRef;
  id: number;
  version: number;
  facts: DecisionFacts;
  consent: {
    waiting: boolean;
    noCouncil: boolean;
    council: { name: string; state: string }[];
    canConsent: boolean;
  } | null;
  reviewDue: boolean;
  canEdit: boolean;
  canDecide: boolean;
  canWithdraw: boolean;
  canReview: boolean;
}

export function DecisionPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: DecisionViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/besluiten/${vm.id}`;
  const e = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={vm.facts.title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/besluiten`}>
          {t('decisions.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1" lang="nl">
        {vm.facts.title}
      </h1>
      {e.form ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{e.form}</p>
        </div>
      ) : null}
      <Facts ctx={ctx} f={vm.facts} level={2} />
      {vm.consent ? (
        <section aria-labelledby="consent">
          <h2 class="utrecht-heading-2" id="consent">
            {t('decisions.consentTitle')}
          </h2>
          <p class="utrecht-paragraph">{t('decisions.consentNeeded')}</p>
          {vm.consent.waiting ? (
            <p class="utrecht-paragraph">
              <strong>{t('decisions.consentWaiting')}</strong>
            </p>
          ) : null}
          {vm.consent.noCouncil ? (
            <p class="utrecht-paragraph">{t('decisions.consentNoCouncil')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {vm.consent.council.map((m, n) => (
                <li class="utrecht-unordered-list__item" key={n}>
                  {m.name}: {m.state}
                </li>
              ))}
            </ul>
          )}
          {vm.consent.canConsent ? (
            <Form ctx={ctx} action={`${base}/instemmen`}>
              <input type="hidden" name="version" value={String(vm.version)} />
              <SubmitButton>{t('decisions.consentButton')}</SubmitButton>
            </Form>
          ) : null}
        </section>
      ) : null}
      <ul class="utrecht-link-list utrecht-link-list--html-ul bk-links">
        {vm.canEdit ? (
          <li class="utrecht-link-list__item">
            <a class="utrecht-link" href={`${base}/bewerken`}>
              {t('decisions.edit')}
            </a>
          </li>
        ) : null}
        {vm.canReview ? (
          <li class="utrecht-link-list__item">
            <a class="utrecht-link" href={`${base}/herzien`}>
              {t('decisions.reviewButton')}
            </a>
          </li>
        ) : null}
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href={`${base}/geschiedenis`}>
            {t('decisions.history')}
          </a>
        </li>
      </ul>
      {vm.canDecide || vm.canWithdraw ? (
        <div class="bk-actions">
          {vm.canDecide ? (
            <Form ctx={ctx} action={`${base}/stand`}>
              <input type="hidden" name="to" value="decided" />
              <SubmitButton>{t('decisions.decideButton')}</SubmitButton>
            </Form>
          ) : null}
          {vm.canWithdraw ? (
            <Form ctx={ctx} action={`${base}/stand`}>
              <input type="hidden" name="to" value="withdrawn" />
              <SubmitButton variant="secondary">{t('decisions.withdrawButton')}</SubmitButton>
            </Form>
          ) : null}
        </div>
      ) : null}
    </Layout>
  );
}

export interface ReviewFormViewModel {
  network: NetworkRef;
  id: number;
  title: string;
  check: string;
  effects: Option[];
}

export function ReviewFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ReviewFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const base = `/netwerk/${vm.network.id}/besluiten/${vm.id}`;
  return (
    <Layout ctx={ctx} title={t('decisions.review')}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('decisions.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('decisions.review')}</h1>
      <p class="utrecht-paragraph">
        {vm.title}: {vm.check}
      </p>
      <Form ctx={ctx} action={`${base}/herzien`} errors={state.errors}>
        <p class="utrecht-paragraph">{t('decisions.checkIntro')}</p>
        <RadioGroup
          name="reviewEffect"
          label={t('decisions.field.reviewEffect')}
          options={vm.effects}
          value={v.reviewEffect}
          error={e.reviewEffect}
        />
        <TextArea
          name="reviewText"
          label={t('decisions.field.reviewText')}
          description={t('decisions.field.reviewTextHint')}
          value={v.reviewText}
          error={e.reviewText}
          maxLength={4000}
          rows={6}
        />
        <SubmitButton>{t('decisions.saveReview')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export interface HistoryViewModel {
  network: NetworkRef;
  id: number;
  title: string;
  versions: { version: number; heading: string; changed: string; facts: DecisionFacts }[];
}

export function HistoryPage({ ctx, vm }: { ctx: ViewContext; vm: HistoryViewModel }) {
  const { t } = ctx;
  const title = t('decisions.historyTitle', { title: vm.title });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/besluiten/${vm.id}`}>
          {t('decisions.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('decisions.historyIntro')}</p>
      {vm.versions.map((v) => (
        <section class="bk-version" key={v.version} aria-labelledby={`version-${v.version}`}>
          <h2 class="utrecht-heading-2" id={`version-${v.version}`}>
            {v.heading}
          </h2>
          <p class="utrecht-paragraph">{v.changed}</p>
          <details>
            <summary>{v.facts.title}</summary>
            <Facts ctx={ctx} f={v.facts} level={3} />
          </details>
        </section>
      ))}
    </Layout>
  );
}

export interface SettingsViewModel {
  network: NetworkRef;
  kinds: { value: string; label: string; checked: boolean }[];
}

export function SettingsPage({ ctx, vm }: { ctx: ViewContext; vm: SettingsViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/besluiten`;
  return (
    <Layout ctx={ctx} title={t('decisions.settingsTitle')}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('decisions.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('decisions.settingsTitle')}</h1>
      <p class="utrecht-paragraph">{t('decisions.settingsIntro')}</p>
      <Form ctx={ctx} action={`${base}/instellingen`}>
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('decisions.settingsKinds')}
          </legend>
          {vm.kinds.map((k) => (
            <Checkbox
              key={k.value}
              name={`kind-${k.value}`}
              label={k.label}
              value="on"
              checked={k.checked}
            />
          ))}
        </fieldset>
        <SubmitButton>{t('decisions.settingsSave')}</SubmitButton>
      </Form>
    </Layout>
  );
}
