// A network's overview after sign-in (/netwerk/:id): what waits, for the council, the person's
// own part and what comes next (blocks from every module's overview provider, decision 0014),
// recent activity, and the links to every part of the network.
import type { OverviewBlock, OverviewPart } from '../../../platform/module.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';

/** One part of the overview page with its blocks (never empty). */
export interface OverviewPartView {
  part: OverviewPart;
  title: string;
  blocks: OverviewBlock[];
}

export interface NetworkHomeViewModel {
  network: { id: number; name: string; slug: string };
  roleLabel: string;
  canManage: boolean;
  parts: OverviewPartView[];
  /** Newest first; shown only when there is something. */
  activity: { when: string; label: string; href: string }[];
}

function Block({ block }: { block: OverviewBlock }) {
  return (
    <li class="bk-card bk-overview__block">
      <h3 class="utrecht-heading-3">{block.title}</h3>
      <ul class="bk-overview__items">
        {block.items.map((item) => {
          const words = (
            <>
              <span class="bk-overview__label">{item.label}</span>
              {item.count !== undefined ? <span class="bk-count">{item.count}</span> : null}
            </>
          );
          return (
            <li key={`${item.label}-${item.href ?? ''}`}>
              {item.href ? (
                <a class="utrecht-link bk-overview__link" href={item.href}>
                  {words}
                </a>
              ) : (
                <span class="bk-overview__link">{words}</span>
              )}
              {item.detail ? <span class="bk-overview__detail">{item.detail}</span> : null}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

function Link({ href, children }: { href: string; children: string }) {
  return (
    <li class="utrecht-link-list__item">
      <a class="utrecht-link" href={href}>
        {children}
      </a>
    </li>
  );
}

export function NetworkHomePage({ ctx, vm }: { ctx: ViewContext; vm: NetworkHomeViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}`;
  return (
    <Layout ctx={ctx} title={vm.network.name}>
      <h1 class="utrecht-heading-1">{vm.network.name}</h1>
      <p class="utrecht-paragraph">{t('myNetworks.role', { role: vm.roleLabel })}</p>
      {vm.parts.map((part) => (
        <section class="bk-overview" aria-labelledby={`overview-${part.part}`} key={part.part}>
          <h2 class="utrecht-heading-2" id={`overview-${part.part}`}>
            {part.title}
          </h2>
          <ul class="bk-cards">
            {part.blocks.map((block) => (
              <Block block={block} key={block.title} />
            ))}
          </ul>
        </section>
      ))}
      {vm.activity.length > 0 ? (
        <section aria-labelledby="overview-activity">
          <h2 class="utrecht-heading-2" id="overview-activity">
            {t('overview.activity')}
          </h2>
          <ul class="bk-overview__activity">
            {vm.activity.map((a, i) => (
              <li key={i}>
                <span class="bk-overview__detail">{a.when}</span>{' '}
                <a class="utrecht-link" href={a.href}>
                  {a.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 class="utrecht-heading-2">{t('networkHome.listen')}</h2>
      <ul class="utrecht-link-list utrecht-link-list--html-ul bk-links">
        <Link href={`${base}/signalen`}>{t('networkHome.signals')}</Link>
        <Link href={`${base}/signalen/patroon`}>{t('networkHome.pattern')}</Link>
        <Link href={`${base}/vonkjes`}>{t('networkHome.sparks')}</Link>
        <Link href={`${base}/bijeenkomsten`}>{t('networkHome.meetings')}</Link>
        <Link href={`${base}/besluiten`}>{t('networkHome.decisions')}</Link>
        <Link href={`${base}/puls`}>{t('networkHome.pulse')}</Link>
      </ul>
      <h2 class="utrecht-heading-2">{t('networkHome.network')}</h2>
      <ul class="utrecht-link-list utrecht-link-list--html-ul bk-links">
        <Link href={`${base}/leden`}>{t('networkHome.members')}</Link>
        {vm.canManage ? (
          <>
            <Link href={`${base}/uitnodigen`}>{t('networkHome.invite')}</Link>
            <Link href={`${base}/moderatie`}>{t('networkHome.moderation')}</Link>
            <Link href={`${base}/signalen/themas`}>{t('networkHome.themes')}</Link>
            <Link href={`${base}/logboek`}>{t('networkHome.audit')}</Link>
            <Link href={`${base}/instellingen`}>{t('networkHome.settings')}</Link>
          </>
        ) : null}
        <Link href={`/buurt/${vm.network.slug}`}>{t('networkHome.publicPage')}</Link>
      </ul>
    </Layout>
  );
}
