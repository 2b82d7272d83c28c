// The coordinator's queue of items waiting to be shared beyond the network.
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface ApprovalsViewModel {
  network: { id: number; name: string };
  items: {
    id: number;
    href: string;
    title: string;
    kind: string;
    asked: string;
    /** The visibility asked for, sent back with the decision (a changed request is not decided). */
    askedLevel: string;
  }[];
}

export function ApprovalsPage({ ctx, vm }: { ctx: ViewContext; vm: ApprovalsViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('library.approvals')}>
      <h1 class="utrecht-heading-1">{t('library.approvals')}</h1>
      <p class="utrecht-paragraph">{vm.network.name}</p>
      {vm.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('library.approvalsNone')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {vm.items.map((item) => (
            <li class="utrecht-unordered-list__item" key={item.id}>
              <a class="utrecht-link" href={item.href}>
                {item.title}
              </a>{' '}
              ({item.kind}) — {item.asked}
              <Form ctx={ctx} action={`/netwerk/${vm.network.id}/bibliotheek/${item.id}/besluit`}>
                <input type="hidden" name="asked" value={item.askedLevel} />
                <SubmitButton name="decision" value="approve">
                  {t('library.approve')}
                </SubmitButton>{' '}
                <SubmitButton name="decision" value="decline" variant="secondary">
                  {t('library.decline')}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
