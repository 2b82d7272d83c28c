import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

type Option = { value: string; label: string; hint?: string };
type Link = { href: string; label: string };
type NetworkRef = { id: number; name: string };

/** One decision in a list. */
export interface DecisionSummary {
  id: number;
  href: string;
  title: string;
  status: string;
  statusKey: string;
  date: string;
  kind: string;
  check: string;
  effectKey: string;
  involvement: string;
  notInvolved: boolean;
  notInvolvedReason: string;
  awaitingConsent: boolean;
  reviewDue: string | null;
}

/** Everything a decision (or one version of it) says. */
export interface DecisionFacts {
  title: string;
  status: string;
  statusKey: string;
  kind: string;
  decidedBy: string;
  date: string;
  meeting: Link | null;
  body: string[];
  reasons: string[];
  involvement: string;
  involvementWho: string[];
  notInvolved: boolean;
  notInvolvedReason: string;
  check: string;
  effectKey: string;
  reasoning: string[];
  dissent: { line: string; response: string }[];
  dissentNone: string[];
  links: Link[];
  reviewOn: string;
  isInternal: boolean;
  review: { line: string; text: string[]; on: string } | null;
}

function Paragraphs({ text }: { text: string[] }) {
  return (
    <>
      {text.map((p, n) => (
        <p class="utrecht-paragraph" key={n}>
          {p}
        </p>
      ))}
    </>
  );
}

/** The flag shown wherever a decision without residents appears. */
export function NotInvolvedFlag({ ctx, reason }: { ctx: Pick<ViewContext, 't'>; reason: string }) {
  return (
    <div class="utrecht-alert utrecht-alert--warning bk-flag" role="note">
      <p class="utrecht-paragraph">
        <strong>{ctx.t('decisions.notInvolvedFlag')}</strong> {reason}
      </p>
    </div>
  );
}

function SummaryItem({ ctx, d }: { ctx: ViewContext; d: DecisionSummary }) {
  const { t } = ctx;
  return (
    <li class="utrecht-unordered-list__item bk-decision" key={d.id}>
      <a class="utrecht-link" href={d.href}>
        {d.title}
      </a>{' '}
      <span class={`bk-status bk-status--${d.statusKey}`}>{d.status}</span>
      <br />
      {d.date} · {d.kind} · <span class={`bk-effect bk-effect--${d.effectKey}`}>{d.check}</span>
      <br />
      {d.involvement}
      {d.awaitingConsent ? (
        <>
          <br />
          <strong>{t('decisions.consentWaiting')}</strong>
        </>
      ) : null}
      {d.reviewDue ? (
        <>
          <br />
          <strong>{d.reviewDue}</strong>
        </>
      ) : null}
      {d.notInvolved ? <NotInvolvedFlag ctx={ctx} reason={d.notInvolvedReason} /> : null}
    </li>
  );
}

export interface ListViewModel {
  network: NetworkRef;
  decisions: DecisionSummary[];
  dueCount: number;
  canPropose: boolean;
  canManage: boolean;
}

export function DecisionsPage({ ctx, vm }: { ctx: ViewContext; vm: ListViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/besluiten`;
  const title = t('decisions.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('decisions.intro')}</p>
      <ul class="utrecht-link-list utrecht-link-list--html-ul bk-links">
        {vm.canPropose ? (
          <li class="utrecht-link-list__item">
            <a class="utrecht-link" href={`${base}/nieuw`}>
              {t('decisions.new')}
            </a>
          </li>
        ) : null}
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href={`${base}/te-herzien`}>
            {t('decisions.toReview')} ({vm.dueCount})
          </a>
        </li>
        {vm.canManage ? (
          <li class="utrecht-link-list__item">
            <a class="utrecht-link" href={`${base}/instellingen`}>
              {t('decisions.settingsTitle')}
            </a>
          </li>
        ) : null}
      </ul>
      {vm.decisions.length === 0 ? (
        <p class="utrecht-paragraph">{t('decisions.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list bk-decisions">
          {vm.decisions.map((d) => (
            <SummaryItem ctx={ctx} d={d} key={d.id} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface ReviewListViewModel {
  network: NetworkRef;
  decisions: DecisionSummary[];
}

export function ReviewListPage({ ctx, vm }: { ctx: ViewContext; vm: ReviewListViewModel }) {
  const { t } = ctx;
  const title = t('decisions.toReviewTitle', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/besluiten`}>
          {t('decisions.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('decisions.toReviewIntro')}</p>
      {vm.decisions.length === 0 ? (
        <p class="utrecht-paragraph">{t('decisions.toReviewNone')}</p>
      ) : (
        <ul class="utrecht-unordered-list bk-decisions">
          {vm.decisions.map((d) => (
            <SummaryItem ctx={ctx} d={d} key={d.id} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface DecisionFormViewModel {
  network: NetworkRef;
  /** Set when changing an existing decision. */
  decision?: { id: number; version: number; title: string };
  kinds: Option[];
  bodies: Option[];
  involvement: Option[];
  effects: Option[];
  meetings: Option[];
  dissentRows: number;
  /** May record it as taken (the coordinator); others save a proposal. */
  canDecide: boolean;
}

/** The form to record or change a decision, with the check explained in plain Dutch. */
export function DecisionFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: DecisionFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const base = `/netwerk/${vm.network.id}/besluiten`;
  const heading = vm.decision ? t('decisions.edit') : t('decisions.new');
  const action = vm.decision ? `${base}/${vm.decision.id}/bewerken` : `${base}/nieuw`;
  const rows = Array.from({ length: vm.dissentRows }, (_, i) => i + 1);
  return (
    <Layout ctx={ctx} title={heading}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.decision ? `${base}/${vm.decision.id}` : base}>
          {t('decisions.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{heading}</h1>
      <p class="utrecht-paragraph">{vm.decision ? vm.decision.title : vm.network.name}</p>
      <Form ctx={ctx} action={action} errors={state.errors}>
        {vm.decision ? (
          <input type="hidden" name="version" value={String(vm.decision.version)} />
        ) : null}
        <TextField
          name="title"
          label={t('decisions.field.title')}
          value={v.title}
          error={e.title}
          maxLength={200}
        />
        <TextArea
          name="body"
          label={t('decisions.field.body')}
          value={v.body}
          error={e.body}
          maxLength={4000}
          rows={4}
        />
        <TextArea
          name="reasons"
          label={t('decisions.field.reasons')}
          value={v.reasons}
          error={e.reasons}
          maxLength={4000}
          rows={4}
        />
        <SelectField
          name="kind"
          label={t('decisions.field.kind')}
          options={vm.kinds}
          value={v.kind}
          error={e.kind}
        />
        <RadioGroup
          name="decidedBy"
          label={t('decisions.field.decidedBy')}
          options={vm.bodies}
          value={v.decidedBy}
          error={e.decidedBy}
        />
        <TextField
          name="decidedByName"
          label={t('decisions.field.decidedByName')}
          optionalLabel={t('decisions.optional')}
          value={v.decidedByName}
          error={e.decidedByName}
          maxLength={200}
        />
        <TextField
          name="decidedOn"
          type="date"
          label={t('decisions.field.decidedOn')}
          description={t('decisions.field.decidedOnHint')}
          optionalLabel={t('decisions.optional')}
          value={v.decidedOn}
          error={e.decidedOn}
        />
        <SelectField
          name="meetingId"
          label={t('decisions.field.meeting')}
          options={vm.meetings}
          placeholder={t('decisions.field.noMeeting')}
          value={v.meetingId}
          error={e.meetingId}
        />

        <h2 class="utrecht-heading-2">{t('decisions.involvement')}</h2>
        <RadioGroup
          name="involvement"
          label={t('decisions.field.involvement')}
          options={vm.involvement}
          value={v.involvement}
          error={e.involvement}
        />
        <TextArea
          name="involvementWho"
          label={t('decisions.field.involvementWho')}
          description={t('decisions.field.involvementWhoHint')}
          value={v.involvementWho}
          error={e.involvementWho}
          maxLength={2000}
          rows={3}
        />
        <TextField
          name="involvementCount"
          type="number"
          inputMode="numeric"
          label={t('decisions.field.involvementCount')}
          optionalLabel={t('decisions.optional')}
          value={v.involvementCount}
          error={e.involvementCount}
        />

        <h2 class="utrecht-heading-2">{t('decisions.check')}</h2>
        <p class="utrecht-paragraph">{t('decisions.checkIntro')}</p>
        <RadioGroup
          name="effect"
          label={t('decisions.field.effect')}
          options={vm.effects}
          value={v.effect}
          error={e.effect}
        />
        <TextArea
          name="effectReasoning"
          label={t('decisions.field.effectReasoning')}
          value={v.effectReasoning}
          error={e.effectReasoning}
          maxLength={4000}
          rows={4}
        />

        <h2 class="utrecht-heading-2">{t('decisions.field.dissent')}</h2>
        <p class="utrecht-paragraph">{t('decisions.field.dissentHint')}</p>
        {rows.map((n) => (
          <fieldset
            class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced"
            key={n}
          >
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('decisions.field.dissentRow', { n })}
            </legend>
            <TextField
              name={`dissent${n}RaisedBy`}
              label={t('decisions.field.raisedBy')}
              value={v[`dissent${n}RaisedBy`]}
              error={e[`dissent${n}RaisedBy`]}
              maxLength={200}
            />
            <TextArea
              name={`dissent${n}Objection`}
              label={t('decisions.field.objection')}
              value={v[`dissent${n}Objection`]}
              error={e[`dissent${n}Objection`]}
              maxLength={2000}
              rows={2}
            />
            <TextArea
              name={`dissent${n}Response`}
              label={t('decisions.field.response')}
              value={v[`dissent${n}Response`]}
              error={e[`dissent${n}Response`]}
              maxLength={2000}
              rows={2}
            />
          </fieldset>
        ))}
        <Checkbox
          name="dissentNoneCame"
          label={t('decisions.field.dissentNoneCame')}
          checked={v.dissentNoneCame === 'on'}
          error={e.dissentNoneCame}
        />
        <TextArea
          name="dissentInvited"
          label={t('decisions.field.dissentInvited')}
          value={v.dissentInvited}
          error={e.dissentInvited}
          maxLength={2000}
          rows={2}
        />

        <h2 class="utrecht-heading-2">{t('decisions.links')}</h2>
        {(['signals', 'experiments', 'lessons'] as const).map((name) => (
          <TextField
            key={name}
            name={name}
            label={t(`decisions.field.${name}`)}
            description={t('decisions.field.linksHint')}
            value={v[name]}
            error={e[name]}
            maxLength={200}
          />
        ))}

        <h2 class="utrecht-heading-2">{t('decisions.reviewOn')}</h2>
        <TextField
          name="reviewOn"
          type="date"
          label={t('decisions.field.reviewOn')}
          description={t('decisions.field.reviewOnHint')}
          value={v.reviewOn}
          error={e.reviewOn}
        />
        <Checkbox
          name="isInternal"
          label={t('decisions.field.isInternal')}
          checked={v.isInternal === 'on'}
          error={e.isInternal}
        />
        {vm.decision ? (
          <SubmitButton>{t('decisions.saveChanges')}</SubmitButton>
        ) : (
          <div class="bk-actions">
            {vm.canDecide ? (
              <SubmitButton name="intent" value="decide">
                {t('decisions.saveDecided')}
              </SubmitButton>
            ) : null}{' '}
            <SubmitButton
              name="intent"
              value="propose"
              variant={vm.canDecide ? 'secondary' : 'primary'}
            >
              {t('decisions.saveProposal')}
            </SubmitButton>
          </div>
        )}
      </Form>
    </Layout>
  );
}

/** A decision's facts as a definition list and sections (the page and each version). */
export function Facts({ ctx, f, level }: { ctx: ViewContext; f: DecisionFacts; level: 2 | 3 }) {
  const { t } = ctx;
  const H = level === 2 ? 'h2' : 'h3';
  const hc = level === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3';
  return (
    <>
      {f.notInvolved ? <NotInvolvedFlag ctx={ctx} reason={f.notInvolvedReason} /> : null}
      <dl class="bk-facts">
        <dt>{t('decisions.status')}</dt>
        <dd class={`bk-status bk-status--${f.statusKey}`}>{f.status}</dd>
        <dt>{t('decisions.decidedBy')}</dt>
        <dd>{f.decidedBy}</dd>
        <dt>{t('decisions.decidedOn')}</dt>
        <dd>{f.date}</dd>
        <dt>{t('decisions.kind')}</dt>
        <dd>{f.kind}</dd>
        {f.meeting ? (
          <>
            <dt>{t('decisions.meeting')}</dt>
            <dd>
              <a class="utrecht-link" href={f.meeting.href}>
                {f.meeting.label}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('decisions.reviewOn')}</dt>
        <dd>{f.reviewOn}</dd>
        {f.isInternal ? (
          <>
            <dt>{t('decisions.internal')}</dt>
            <dd>✓</dd>
          </>
        ) : null}
      </dl>
      <H class={hc}>{t('decisions.what')}</H>
      <Paragraphs text={f.body} />
      <H class={hc}>{t('decisions.why')}</H>
      <Paragraphs text={f.reasons} />
      <H class={hc}>{t('decisions.involvement')}</H>
      <p class="utrecht-paragraph">{f.involvement}</p>
      <Paragraphs text={f.involvementWho} />
      <H class={hc}>{t('decisions.check')}</H>
      <p class="utrecht-paragraph">
        <strong class={`bk-effect bk-effect--${f.effectKey}`}>{f.check}</strong>
      </p>
      <Paragraphs text={f.reasoning} />
      <H class={hc}>{t('decisions.dissent')}</H>
      {f.dissent.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {f.dissent.map((d, n) => (
            <li class="utrecht-unordered-list__item" key={n}>
              {d.line}
              <br />
              {d.response}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraphs text={f.dissentNone} />
      )}
      {f.links.length > 0 ? (
        <>
          <H class={hc}>{t('decisions.links')}</H>
          <ul class="utrecht-unordered-list">
            {f.links.map((l) => (
              <li class="utrecht-unordered-list__item" key={l.href}>
                <a class="utrecht-link" href={l.href}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {f.review ? (
        <>
          <H class={hc}>{t('decisions.review')}</H>
          <p class="utrecht-paragraph">
            <strong>{f.review.line}</strong> {f.review.on}
          </p>
          <Paragraphs text={f.review.text} />
        </>
      ) : null}
    </>
  );
}

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
      <h1 class="utrecht-heading-1">{vm.facts.title}</h1>
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
