// The form of a new story, case or lesson, and of a change to one; a story may have a photo.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Form,
  RadioGroup,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { PhotoFields, type ShownPhoto } from '../../../platform/views/PhotoFields.js';
import type { Option } from './shared.js';

export interface ItemFormViewModel {
  network: { id: number; name: string };
  kinds: Option[];
  visibilities: Option[];
  fromCaseId: number | null;
  /**
   * Set when an existing item is changed: its id (kind and visibility are not asked), whether
   * it is a story (only a story has a photo) and the story's photo now.
   */
  editing?: { itemId: number; shared: boolean; story: boolean; photo?: ShownPhoto | undefined };
  /** The photo's pixel limit, in megapixels. */
  megapixels: number;
}

export function ItemFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ItemFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const editing = vm.editing;
  const title = editing ? t('library.editTitle') : t('library.newTitle');
  const action = editing
    ? `/bibliotheek/${editing.itemId}/bewerken`
    : `/netwerk/${vm.network.id}/bibliotheek/nieuw`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{vm.network.name}</p>
      {editing?.shared ? <p class="utrecht-paragraph">{t('library.editSharedHint')}</p> : null}
      <Form ctx={ctx} action={action} errors={state.errors} enctype="multipart/form-data">
        {vm.fromCaseId ? <input type="hidden" name="casus" value={String(vm.fromCaseId)} /> : null}
        {editing ? null : (
          <RadioGroup
            name="kind"
            label={t('library.kind')}
            options={vm.kinds}
            value={v.kind}
            error={e.kind}
          />
        )}
        <TextField
          name="title"
          label={t('library.field.title')}
          value={v.title}
          error={e.title}
          maxLength={200}
        />
        <TextArea
          name="body"
          label={t('library.field.body')}
          description={t('library.field.bodyHint')}
          value={v.body}
          error={e.body}
          rows={8}
          maxLength={10000}
        />
        <TextArea
          name="extra"
          label={t('library.field.extra')}
          description={t('library.field.extraHint')}
          value={v.extra}
          error={e.extra}
          maxLength={4000}
        />
        <TextField
          name="themes"
          label={t('library.field.themes')}
          description={t('library.field.themesHint')}
          value={v.themes}
          error={e.themes}
          maxLength={300}
        />
        {editing && !editing.story ? null : (
          <>
            {editing ? null : <p class="utrecht-paragraph">{t('library.photoOnlyStory')}</p>}
            <PhotoFields
              ctx={ctx}
              state={state}
              megapixels={vm.megapixels}
              descriptionHint={t('library.photoDescriptionHint')}
              descriptionRequired
              current={editing?.photo}
            />
          </>
        )}
        {editing ? null : (
          <RadioGroup
            name="visibility"
            label={t('library.field.visibility')}
            description={t('library.visibilityHint')}
            options={vm.visibilities}
            value={v.visibility ?? 'network'}
            error={e.visibility}
          />
        )}
        <SubmitButton>{t('library.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}
