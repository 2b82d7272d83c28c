import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { DirectoryModel, NetworkPageModel } from '../presenters.js';

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('nl') + text.slice(1);

/** /buurten: every network, by region and municipality. */
export function DirectoryPage({ ctx, vm }: { ctx: ViewContext; vm: DirectoryModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('networks.title')}>
      <h1 class="utrecht-heading-1">{t('networks.title')}</h1>
      <p class="utrecht-paragraph bk-lead">{t('networks.lead')}</p>
      {vm.regions.length === 0 ? (
        <p class="utrecht-paragraph">{t('networks.empty')}</p>
      ) : (
        vm.regions.map((region) => (
          <section key={region.name}>
            <h2 class="utrecht-heading-2">{region.name}</h2>
            {region.municipalities.map((municipality) => (
              <section key={municipality.name}>
                <h3 class="utrecht-heading-3">
                  {t('networks.municipality', { name: municipality.name })}
                </h3>
                <ul class="bk-cards">
                  {municipality.networks.map((network) => (
                    <li class="bk-card" key={network.href}>
                      <h4 class="utrecht-heading-4">
                        <a class="utrecht-link" href={network.href}>
                          {network.name}
                        </a>
                      </h4>
                      <p class="utrecht-paragraph">
                        {t('networks.place', {
                          kind: capitalise(t(`network.areaKind.${network.areaKind}`)),
                          area: network.areaName,
                        })}
                      </p>
                      {network.summary ? (
                        <p class="utrecht-paragraph" lang="nl">
                          {network.summary}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))
      )}
    </Layout>
  );
}

/** /buurt/:slug: who the network is, how to reach it, who takes part. */
export function NetworkPage({ ctx, vm }: { ctx: ViewContext; vm: NetworkPageModel }) {
  const { t } = ctx;
  const { contact } = vm;
  const hasContact = Boolean(contact.email || contact.phone || contact.address);
  return (
    <Layout ctx={ctx} title={vm.name}>
      <h1 class="utrecht-heading-1">{vm.name}</h1>
      <p class="utrecht-paragraph bk-lead">
        {t('network.placeLine', {
          kind: capitalise(t(`network.areaKind.${vm.areaKind}`)),
          area: vm.areaName,
          municipality: vm.municipalityName,
          region: vm.regionName,
        })}
      </p>
      {vm.paragraphs.map((paragraph, i) => (
        <p class="utrecht-paragraph" key={i} lang="nl">
          {paragraph}
        </p>
      ))}

      <section aria-labelledby="network-contact">
        <h2 class="utrecht-heading-2" id="network-contact">
          {t('network.contact.title')}
        </h2>
        {hasContact ? (
          <dl class="utrecht-data-list">
            {contact.email ? (
              <div class="utrecht-data-list__item">
                <dt class="utrecht-data-list__item-key">{t('network.contact.email')}</dt>
                <dd class="utrecht-data-list__item-value">
                  {contact.email.href ? (
                    <a class="utrecht-link" href={contact.email.href}>
                      {contact.email.text}
                    </a>
                  ) : (
                    contact.email.text
                  )}
                </dd>
              </div>
            ) : null}
            {contact.phone ? (
              <div class="utrecht-data-list__item">
                <dt class="utrecht-data-list__item-key">{t('network.contact.phone')}</dt>
                <dd class="utrecht-data-list__item-value">
                  {contact.phone.href ? (
                    <a class="utrecht-link utrecht-link--telephone" href={contact.phone.href}>
                      {contact.phone.text}
                    </a>
                  ) : (
                    contact.phone.text
                  )}
                </dd>
              </div>
            ) : null}
            {contact.address ? (
              <div class="utrecht-data-list__item">
                <dt class="utrecht-data-list__item-key">{t('network.contact.address')}</dt>
                <dd class="utrecht-data-list__item-value">
                  <address>
                    {contact.address.map((line, i) => (
                      <span key={i}>
                        {i > 0 ? <br /> : null}
                        {line}
                      </span>
                    ))}
                  </address>
                </dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p class="utrecht-paragraph">{t('network.contact.none')}</p>
        )}
      </section>

      <section aria-labelledby="network-organisations">
        <h2 class="utrecht-heading-2" id="network-organisations">
          {t('network.organisations.title')}
        </h2>
        {vm.organisations.length > 0 ? (
          <ul class="utrecht-unordered-list">
            {vm.organisations.map((organisation) => (
              <li class="utrecht-unordered-list__item" key={organisation.name}>
                {t('network.organisations.item', {
                  name: organisation.name,
                  type: t(`network.organisationType.${organisation.type}`),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p class="utrecht-paragraph">{t('network.organisations.none')}</p>
        )}
      </section>

      <section aria-labelledby="network-members">
        <h2 class="utrecht-heading-2" id="network-members">
          {t('network.members.title')}
        </h2>
        <p class="utrecht-paragraph">{t('network.members.note')}</p>
        {vm.members.length > 0 ? (
          <ul class="utrecht-unordered-list">
            {vm.members.map((member, i) => {
              const role = t(`network.role.${member.role}`);
              return (
                <li class="utrecht-unordered-list__item" key={i}>
                  {t('network.members.item', {
                    name: member.displayName,
                    role: member.organisation
                      ? t('network.members.withOrganisation', {
                          role,
                          organisation: member.organisation,
                        })
                      : role,
                  })}
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="utrecht-paragraph">{t('network.members.none')}</p>
        )}
      </section>

      {vm.sections.map((section, i) => (
        <section aria-labelledby={`network-section-${i}`} key={i}>
          <h2 class="utrecht-heading-2" id={`network-section-${i}`}>
            {section.title}
          </h2>
          {section.body}
        </section>
      ))}
    </Layout>
  );
}
