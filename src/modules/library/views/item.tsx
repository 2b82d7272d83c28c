// One item of the library: its text, who may see it (and sharing it wider), and for a case
// the responses of other networks with what helped.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SelectField, SubmitButton, TextArea } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Paragraphs } from '../../../platform/views/Paragraphs.js';
import { Photo, type ShownPhoto } from '../../../platform/views/PhotoFields.js';
import type { Option } from './shared.js';

export interface ResponseViewModel {
  id: number;
  paragraphs: string[];
  byline: string;
  helped: boolean;
}

export interface ItemViewModel {
  id: number;
  kind: string;
  title: string;
  body: string[];
  /** A story's photo, if it has one. */
  photo: ShownPhoto | null;
  extraLabel: string | null;
  extra: string[];
  themes: string[];
  byline: string;
  source: { text: string; href: string | null } | null;
  visibility: string;
  pending: string | null;
  isCase: boolean;
  responses: ResponseViewModel[];
  canRespond: boolean;
  canMarkHelped: boolean;
  share: { options: Option[]; value: string } | null;
  lessonFromCaseHref: string | null;
  /** Where the author or the coordinator changes it (null: the viewer may not). */
  editHref: string | null;
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
  const base = `/bibliotheek/${vm.id}`;
  return (
    <Layout ctx={ctx} title={vm.title}>
      <p class="utrecht-paragraph bk-kicker">{vm.kind}</p>
      <h1 class="utrecht-heading-1" lang="nl">
        {vm.title}
      </h1>
      <p class="utrecht-paragraph">{vm.byline}</p>
      {vm.source ? (
        <p class="utrecht-paragraph">
          {vm.source.href ? (
            <a class="utrecht-link" href={vm.source.href}>
              {vm.source.text}
            </a>
          ) : (
            vm.source.text
          )}
        </p>
      ) : null}
      {vm.photo ? <Photo photo={vm.photo} /> : null}
      <Paragraphs text={vm.body} lang="nl" />
      {vm.extraLabel && vm.extra.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{vm.extraLabel}</h2>
          <Paragraphs text={vm.extra} lang="nl" />
        </>
      ) : null}
      {vm.themes.length > 0 ? (
        <p class="utrecht-paragraph">
          {t('library.theme')}: {vm.themes.join(', ')}
        </p>
      ) : null}
      {vm.editHref ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={vm.editHref}>
            {t('library.edit')}
          </a>
        </p>
      ) : null}
      <p class="utrecht-paragraph">{vm.visibility}</p>
      {vm.pending ? <p class="utrecht-paragraph">{vm.pending}</p> : null}
      {vm.share ? (
        <Form ctx={ctx} action={`${base}/delen`}>
          <SelectField
            name="visibility"
            label={t('library.share')}
            description={t('library.visibilityHint')}
            options={vm.share.options}
            value={vm.share.value}
          />
          <SubmitButton variant="secondary">{t('library.shareSubmit')}</SubmitButton>
        </Form>
      ) : null}
      {vm.isCase ? (
        <section aria-labelledby="responses">
          <h2 class="utrecht-heading-2" id="responses">
            {t('library.responses')}
          </h2>
          {vm.responses.length === 0 ? (
            <p class="utrecht-paragraph">{t('library.noResponses')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {vm.responses.map((r) => (
                <li class="utrecht-unordered-list__item" key={r.id} id={`reactie-${r.id}`}>
                  <Paragraphs text={r.paragraphs} lang="nl" />
                  <p class="utrecht-paragraph">
                    {r.byline}
                    {r.helped ? <strong> · {t('library.helped')}</strong> : null}
                  </p>
                  {vm.canMarkHelped ? (
                    <Form ctx={ctx} action={`${base}/reacties/${r.id}/hielp`}>
                      <input type="hidden" name="helped" value={r.helped ? 'no' : 'yes'} />
                      <SubmitButton variant="secondary">
                        {r.helped ? t('library.unmarkHelped') : t('library.markHelped')}
                      </SubmitButton>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {vm.canRespond ? (
            <Form ctx={ctx} action={`${base}/reacties`} errors={state.errors}>
              <TextArea
                name="text"
                label={t('library.respond')}
                description={t('library.respondHint')}
                value={state.values?.text}
                error={state.errors?.text}
                maxLength={4000}
              />
              <SubmitButton>{t('library.respondSubmit')}</SubmitButton>
            </Form>
          ) : null}
          {vm.lessonFromCaseHref ? (
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={vm.lessonFromCaseHref}>
                {t('library.lessonFromCase')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
