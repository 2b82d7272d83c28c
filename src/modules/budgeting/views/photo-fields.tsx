// The optional photo of a proposal or a realisation update: the file and what it shows (its
// alt text). The form around it must be multipart (enctype="multipart/form-data").
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { TextField } from '../../../platform/views/forms.js';

/** The photo field and its description field, with their errors and the description kept. */
export function PhotoFields({
  ctx,
  state,
  megapixels,
}: {
  ctx: ViewContext;
  state: FormState;
  megapixels: number;
}) {
  const { t } = ctx;
  const error = state.errors?.photo;
  return (
    <>
      <div
        class={`utrecht-form-field utrecht-form-field--distanced ${error ? 'utrecht-form-field--invalid' : ''}`}
      >
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="field-photo">
            {t('budget.field.photo')}
            <span class="bk-optional"> {t('budget.optional')}</span>
          </label>
        </div>
        <div class="utrecht-form-field-description" id="field-photo-description">
          {t('budget.field.photoHint', { megapixels })}
        </div>
        {error ? (
          <div class="utrecht-form-field-error-message" id="field-photo-error">
            {error}
          </div>
        ) : null}
        <div class="utrecht-form-field__input">
          <input
            type="file"
            id="field-photo"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={`field-photo-description${error ? ' field-photo-error' : ''}`}
          />
        </div>
      </div>
      <TextField
        name="photoDescription"
        label={t('budget.field.photoDescription')}
        optionalLabel={t('budget.optional')}
        description={t('budget.field.photoDescriptionHint')}
        value={state.values?.photoDescription}
        error={state.errors?.photoDescription}
        maxLength={200}
      />
    </>
  );
}
