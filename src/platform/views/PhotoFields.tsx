// The optional photo of what a person writes (a spark, a budget proposal, a logbook entry, a
// story): the file and what it shows, its alt text (issue 12, item 14). On a change form the
// photo there now is shown, with a way to remove it; a new file replaces it. The form around
// it must be multipart (enctype="multipart/form-data"). Also the one way a photo is shown.
import type { FormState } from '../forms.js';
import type { ViewContext } from './context.js';
import { Checkbox, FileField, TextField } from './forms.js';

/** A stored photo as a page shows it; `alt` is the sender's description (Dutch content). */
export interface ShownPhoto {
  url: string;
  alt: string;
  /** In pixels, so the page does not jump while it loads. */
  width: number;
  height: number;
}

/**
 * The photo field (`photo`) and its description (`photoDescription`), with their errors and
 * the description kept; with `current`, the photo there now and a box to remove it
 * (`removePhoto`). `descriptionHint` gives an example that fits the form.
 * `descriptionRequired`: the description is needed whenever there is a photo (the route
 * checks it); otherwise it is optional and a general alt text stands in.
 */
export function PhotoFields({
  ctx,
  state,
  megapixels,
  descriptionHint,
  descriptionRequired = false,
  current,
}: {
  ctx: ViewContext;
  state: FormState;
  megapixels: number;
  descriptionHint: string;
  descriptionRequired?: boolean;
  current?: ShownPhoto | undefined;
}) {
  const { t } = ctx;
  const error = state.errors?.photo;
  return (
    <>
      {current ? (
        <div class="bk-photo-current">
          <p class="utrecht-paragraph">{t('photo.current')}</p>
          <Photo photo={current} class="bk-photo bk-photo--small" lazy={false} />
          <Checkbox
            name="removePhoto"
            label={t('photo.remove')}
            checked={state.values?.removePhoto === 'on'}
            error={state.errors?.removePhoto}
          />
        </div>
      ) : null}
      <FileField
        name="photo"
        label={current ? t('photo.replace') : t('photo.field')}
        optionalLabel={t('form.optional')}
        description={t('photo.hint', { megapixels })}
        error={error}
        accept="image/jpeg,image/png,image/webp"
      />
      <TextField
        name="photoDescription"
        label={t('photo.description')}
        optionalLabel={descriptionRequired ? t('photo.descriptionNeeded') : t('form.optional')}
        description={descriptionHint}
        value={state.values?.photoDescription}
        error={state.errors?.photoDescription}
        maxLength={200}
      />
    </>
  );
}

/**
 * A stored photo: its size given, loaded only when it comes into view (unless `lazy` is
 * false: the one photo of a form), alt text in Dutch.
 */
export function Photo({
  photo,
  class: className,
  lazy = true,
}: {
  photo: ShownPhoto;
  class?: string;
  lazy?: boolean;
}) {
  return (
    <img
      class={className ?? 'bk-photo'}
      src={photo.url}
      alt={photo.alt}
      lang="nl"
      width={photo.width}
      height={photo.height}
      loading={lazy ? 'lazy' : undefined}
      decoding="async"
    />
  );
}
