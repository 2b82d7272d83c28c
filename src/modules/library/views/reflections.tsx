// Private reflections: only their person reads them.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, RadioGroup, SubmitButton, TextArea } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Paragraphs } from '../../../platform/views/Paragraphs.js';
import type { Option } from './shared.js';

export interface ReflectionsViewModel {
  questions: Option[];
  entries: { id: number; question: string; paragraphs: string[]; date: string }[];
}

export function ReflectionsPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ReflectionsViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('library.reflect.title')}>
      <h1 class="utrecht-heading-1">{t('library.reflect.title')}</h1>
      <p class="utrecht-paragraph">{t('library.reflect.intro')}</p>
      <Form ctx={ctx} action="/reflecties" errors={state.errors}>
        <RadioGroup
          name="question"
          label={t('library.reflect.question')}
          options={vm.questions}
          value={v.question ?? 'patterns'}
          error={e.question}
        />
        <TextArea
          name="text"
          label={t('library.reflect.text')}
          value={v.text}
          error={e.text}
          rows={8}
          maxLength={10000}
        />
        <SubmitButton>{t('library.reflect.save')}</SubmitButton>
      </Form>
      {vm.entries.length === 0 ? (
        <p class="utrecht-paragraph">{t('library.reflect.none')}</p>
      ) : (
        vm.entries.map((entry) => (
          <article key={entry.id} class="bk-reflection">
            <h2 class="utrecht-heading-3">{entry.question}</h2>
            <p class="utrecht-paragraph">{entry.date}</p>
            <Paragraphs text={entry.paragraphs} />
            <Form ctx={ctx} action={`/reflecties/${entry.id}/verwijderen`}>
              <SubmitButton variant="secondary">{t('library.reflect.delete')}</SubmitButton>
            </Form>
          </article>
        ))
      )}
    </Layout>
  );
}
