// Realisation (uitvoering) of funded projects: the coordinator's updates with progress and
// money spent, shown publicly until a project is done; and the coordinator's update form.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { PhotoFields } from '../../../platform/views/PhotoFields.js';

export interface RealisationUpdate {
  id: number;
  date: string;
  text: string;
  progress: number;
  spent: string;
  /** `alt` empty: the general alt text. */
  photo: { url: string; alt: string } | null;
}

export interface RealisationProject {
  id: number;
  title: string;
  cost: string;
  /** The latest update's progress (0 without updates). */
  progress: number;
  spent: string;
  done: boolean;
  /** Newest first. */
  updates: RealisationUpdate[];
}

function Updates({ ctx, updates }: { ctx: ViewContext; updates: RealisationUpdate[] }) {
  const { t } = ctx;
  return (
    <ul class="utrecht-unordered-list">
      {updates.map((u) => (
        <li class="utrecht-unordered-list__item" key={u.id}>
          <p class="utrecht-paragraph">
            <strong>{u.date}</strong> ·{' '}
            {t('budget.realisation.state', { progress: u.progress, spent: u.spent })}
          </p>
          <p class="utrecht-paragraph">{u.text}</p>
          {u.photo ? (
            <img
              class="bk-spark__photo"
              src={u.photo.url}
              alt={u.photo.alt || t('budget.realisation.photoAlt')}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The public block: funded projects under way (a project leaves it when it is done). */
export function Realisation({
  ctx,
  projects,
}: {
  ctx: ViewContext;
  projects: RealisationProject[];
}) {
  const { t } = ctx;
  if (projects.length === 0) return null;
  return (
    <section aria-labelledby="uitvoering">
      <h2 class="utrecht-heading-2" id="uitvoering">
        {t('budget.realisation.title')}
      </h2>
      {projects.map((p) => (
        <section class="bk-proposal" key={p.id}>
          <h3 class="utrecht-heading-3">{p.title}</h3>
          <p class="utrecht-paragraph">
            {t('budget.realisation.summary', {
              progress: p.progress,
              spent: p.spent,
              cost: p.cost,
            })}
          </p>
          <Updates ctx={ctx} updates={p.updates} />
        </section>
      ))}
    </section>
  );
}

/** The coordinator's part of the member round page: every funded project with its form. */
export function RealisationManager({
  ctx,
  base,
  projects,
  updateState,
  megapixels,
}: {
  ctx: ViewContext;
  /** The member round page's path. */
  base: string;
  projects: RealisationProject[];
  updateState?: { proposalId: number; state: FormState } | undefined;
  megapixels: number;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="uitvoering">
      <h2 class="utrecht-heading-2" id="uitvoering">
        {t('budget.realisation.title')}
      </h2>
      <p class="utrecht-paragraph">{t('budget.realisation.intro')}</p>
      {projects.map((p) => {
        const state = updateState?.proposalId === p.id ? updateState.state : {};
        const v = state.values ?? {};
        const e = state.errors ?? {};
        return (
          <section class="bk-proposal" key={p.id} id={`uitvoering-${p.id}`}>
            <h3 class="utrecht-heading-3">{p.title}</h3>
            <p class="utrecht-paragraph">
              {t('budget.realisation.summary', {
                progress: p.progress,
                spent: p.spent,
                cost: p.cost,
              })}
            </p>
            <Updates ctx={ctx} updates={p.updates} />
            <details open={Object.keys(e).length > 0}>
              <summary>{t('budget.realisation.add')}</summary>
              <Form
                ctx={ctx}
                action={`${base}/voorstellen/${p.id}/uitvoering`}
                errors={e}
                enctype="multipart/form-data"
              >
                <TextArea
                  name="text"
                  label={t('budget.realisation.text')}
                  value={v.text}
                  error={e.text}
                  required
                  maxLength={2000}
                  rows={3}
                />
                <TextField
                  name="progress"
                  label={t('budget.realisation.progress')}
                  description={t('budget.realisation.progressHint')}
                  value={v.progress ?? String(p.progress)}
                  error={e.progress}
                  inputMode="numeric"
                  required
                />
                <TextField
                  name="spent"
                  label={t('budget.realisation.spent')}
                  description={t('budget.realisation.spentHint')}
                  value={v.spent}
                  error={e.spent}
                  required
                />
                <PhotoFields
                  ctx={ctx}
                  state={state}
                  megapixels={megapixels}
                  descriptionHint={t('budget.field.photoDescriptionHint')}
                />
                <SubmitButton>{t('budget.realisation.save')}</SubmitButton>
              </Form>
            </details>
          </section>
        );
      })}
    </section>
  );
}
