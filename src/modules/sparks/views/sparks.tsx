import type { FormState } from '../../../platform/forms.js';
import type { PageModel } from '../../../platform/pagination.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  PublicFormGuard,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Pagination } from '../../../platform/views/Pagination.js';
import { PhotoFields } from '../../../platform/views/PhotoFields.js';
import { MAX_PHOTO_PIXELS } from '../photos.js';

export interface SparkCardModel {
  id: number;
  text: string;
  author: string;
  when: string;
  isPublic: boolean;
  /** A member's spark waiting for the coordinator before it shows on the public page. */
  waitsForPublic: boolean;
  photoUrl: string | null;
  /** The photo's alt text: the sender's description, or a general one. */
  photoAlt: string;
  /** Moderation links for the one who looks (decision 0009); none in a print or a feed. */
  actions?: { report: string; withdraw: string | null; moderate: string | null };
}

/** Report, withdraw (own) and hide (coordinator) under a spark. */
function SparkActions({
  ctx,
  actions,
}: {
  ctx: Pick<ViewContext, 't'> & Partial<Pick<ViewContext, 'csrfToken'>>;
  actions: NonNullable<SparkCardModel['actions']>;
}) {
  const { t } = ctx;
  return (
    <p class="utrecht-paragraph bk-spark__actions">
      <a class="utrecht-link" href={actions.report}>
        {t('moderation.report.link')}
      </a>
      {actions.moderate ? (
        <>
          {' · '}
          <a class="utrecht-link" href={actions.moderate}>
            {t('moderation.moderate')}
          </a>
        </>
      ) : null}
      {actions.withdraw && ctx.csrfToken ? (
        <>
          {' · '}
          <form method="post" action={actions.withdraw} class="bk-inline-form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <button
              type="submit"
              class="utrecht-link-button utrecht-link-button--html-button"
              aria-label={t('moderation.withdrawLabel')}
            >
              {t('moderation.withdraw')}
            </button>
          </form>
        </>
      ) : null}
    </p>
  );
}

export function SparkCard({ ctx, spark }: { ctx: ViewContext; spark: SparkCardModel }) {
  return (
    <li class="bk-spark" id={`vonkje-${spark.id}`}>
      <p class="utrecht-paragraph bk-spark__text" lang="nl">
        {spark.text}
      </p>
      {spark.photoUrl ? (
        <img class="bk-spark__photo" src={spark.photoUrl} alt={spark.photoAlt} lang="nl" />
      ) : null}
      <p class="utrecht-paragraph bk-spark__meta">
        {spark.author} · {spark.when}
        {spark.isPublic ? ` · ${ctx.t('sparks.isPublic')}` : ''}
        {spark.waitsForPublic ? ` · ${ctx.t('sparks.waitsForPublic')}` : ''}
      </p>
      {spark.actions ? <SparkActions ctx={ctx} actions={spark.actions} /> : null}
    </li>
  );
}

/** The add-a-spark form: on the wall and in the sparks round. */
export function SparkForm({
  ctx,
  action,
  state,
}: {
  ctx: ViewContext;
  action: string;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={action} errors={state.errors} enctype="multipart/form-data">
      <TextArea
        name="text"
        label={t('sparks.form.text')}
        description={t('sparks.form.textHint')}
        value={state.values?.text}
        error={state.errors?.text}
        rows={3}
      />
      <PhotoFields
        ctx={ctx}
        state={state}
        megapixels={MAX_PHOTO_PIXELS / 1_000_000}
        descriptionHint={t('sparks.form.photoDescriptionHint')}
      />
      <Checkbox
        name="isPublic"
        label={t('sparks.form.public')}
        description={t('sparks.form.publicHint')}
        checked={state.values?.isPublic === 'on'}
      />
      <SubmitButton>{t('sparks.form.submit')}</SubmitButton>
    </Form>
  );
}

export interface WallViewModel {
  network: { id: number; name: string };
  sparks: SparkCardModel[];
  /** The pages of the wall (newest first). */
  pages: PageModel;
  /** The moderation page (sparks) and how many wait there, for coordinators; else null. */
  moderation: { href: string; count: number } | null;
}

export function WallPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: WallViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/vonkjes`;
  const title = t('sparks.wall.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('sparks.wall.intro')}</p>
      {vm.moderation ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={vm.moderation.href}>
            {t('sparks.moderation.link', { count: vm.moderation.count })}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="add-spark" class="bk-spark-add">
        <h2 class="utrecht-heading-2" id="add-spark">
          {t('sparks.add.title')}
        </h2>
        <SparkForm ctx={ctx} action={base} state={state} />
      </section>
      <section aria-labelledby="wall-list">
        <h2 class="utrecht-heading-2" id="wall-list">
          {t('sparks.wall.list')}
        </h2>
        {vm.sparks.length === 0 ? (
          <p class="utrecht-paragraph">{t('sparks.wall.empty')}</p>
        ) : (
          <ul class="bk-sparks">
            {vm.sparks.map((s) => (
              <SparkCard ctx={ctx} spark={s} key={s.id} />
            ))}
          </ul>
        )}
        <Pagination ctx={ctx} model={vm.pages} />
      </section>
    </Layout>
  );
}

export interface PublicSparkViewModel {
  network: { name: string; slug: string };
  stamp: string;
}

/** The form on the public side: anyone can send the network a spark, for moderation. */
export function PublicSparkPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: PublicSparkViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const title = t('sparks.public.formTitle', { network: vm.network.name });
  const action = `/buurt/${vm.network.slug}/vonkje`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('sparks.public.formIntro')}</p>
      <Form ctx={ctx} action={action} errors={state.errors}>
        <TextArea
          name="text"
          label={t('sparks.form.text')}
          description={t('sparks.form.textHint')}
          value={state.values?.text}
          error={state.errors?.text}
          rows={3}
        />
        <TextField
          name="name"
          label={t('sparks.public.name')}
          optionalLabel={t('sparks.optional')}
          description={t('sparks.public.nameHint')}
          value={state.values?.name}
          error={state.errors?.name}
          autocomplete="name"
        />
        <PublicFormGuard ctx={ctx} stamp={vm.stamp} />
        <SubmitButton>{t('sparks.public.submit')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/buurt/${vm.network.slug}`}>
          {t('sparks.public.back', { network: vm.network.name })}
        </a>
      </p>
    </Layout>
  );
}

export function PublicSparksList({
  ctx,
  sparks,
  slug,
}: {
  ctx: ViewContext | { t: ViewContext['t'] };
  sparks: SparkCardModel[];
  slug: string;
}) {
  return (
    <div>
      {sparks.length > 0 ? (
        <ul class="bk-sparks">
          {sparks.map((s) => (
            <li class="bk-spark" key={s.id}>
              <p class="utrecht-paragraph bk-spark__text" lang="nl">
                {s.text}
              </p>
              {s.photoUrl ? (
                <img class="bk-spark__photo" src={s.photoUrl} alt={s.photoAlt} lang="nl" />
              ) : null}
              <p class="utrecht-paragraph bk-spark__meta">{s.when}</p>
              {s.actions ? <SparkActions ctx={ctx} actions={s.actions} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph">{ctx.t('sparks.public.none')}</p>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/buurt/${slug}/vonkje`}>
          {ctx.t('sparks.public.send')}
        </a>
      </p>
    </div>
  );
}
