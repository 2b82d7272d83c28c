// The form that records or edits a decision.
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
import type { NetworkRef, Option } from './shared.js';

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
