import type { MemberRole } from '../../../platform/actor.js';
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { InvitationLanguageChoice } from '../invitation-language.js';

export interface NetworkLink {
  id: number;
  name: string;
  slug: string;
  roleLabel: string;
}

export interface MyNetworksViewModel {
  networks: NetworkLink[];
  /** Leaders see member counts per network in their area; groups under 5 are not shown apart. */
  leaderNetworks: { name: string; members: number | null }[];
}

export function MyNetworksPage({ ctx, vm }: { ctx: ViewContext; vm: MyNetworksViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('myNetworks.title')}>
      <h1 class="utrecht-heading-1">{t('myNetworks.title')}</h1>
      {vm.networks.length === 0 && vm.leaderNetworks.length === 0 ? (
        <p class="utrecht-paragraph">{t('myNetworks.none')}</p>
      ) : null}
      {vm.networks.length > 0 ? (
        <ul class="bk-cards">
          {vm.networks.map((n) => (
            <li class="bk-card" key={n.id}>
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={`/netwerk/${n.id}`}>
                  {n.name}
                </a>
              </h2>
              <p class="utrecht-paragraph">{t('myNetworks.role', { role: n.roleLabel })}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {vm.leaderNetworks.length > 0 ? (
        <section aria-labelledby="leader-title">
          <h2 class="utrecht-heading-2" id="leader-title">
            {t('myNetworks.leader.title')}
          </h2>
          <p class="utrecht-paragraph">{t('myNetworks.leader.intro')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/bestuurder">
              {t('myNetworks.leader.overview')}
            </a>
          </p>
          <table class="utrecht-table utrecht-table--html-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t('login.demo.network')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('myNetworks.leader.members')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {vm.leaderNetworks.map((n) => (
                <tr class="utrecht-table__row" key={n.name}>
                  <td class="utrecht-table__cell">{n.name}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {n.members === null ? t('myNetworks.leader.small') : n.members}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Layout>
  );
}

export interface MemberRow {
  id: number;
  name: string;
  role: MemberRole;
  roleLabel: string;
  organisation: string | null;
  listed: boolean;
}

export interface MembersViewModel {
  network: { id: number; name: string };
  members: MemberRow[];
  canManage: boolean;
  roleOptions: { value: string; label: string }[];
  invitations: { id: number; label: string; until: string }[];
}

export function MembersPage({ ctx, vm }: { ctx: ViewContext; vm: MembersViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/leden`;
  const title = t('members.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <section class="bk-table-wrap" aria-label={title} tabindex={0}>
        <table class="utrecht-table utrecht-table--html-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('members.name')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('members.role')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('members.organisation')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('members.listed')}
              </th>
              {vm.canManage ? (
                <th class="utrecht-table__header-cell" scope="col">
                  {t('members.actions')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {vm.members.map((m) => (
              <tr class="utrecht-table__row" key={m.id}>
                <th class="utrecht-table__header-cell" scope="row">
                  {m.name}
                </th>
                <td class="utrecht-table__cell">{m.roleLabel}</td>
                <td class="utrecht-table__cell">{m.organisation ?? ''}</td>
                <td class="utrecht-table__cell">{m.listed ? t('yes') : t('no')}</td>
                {vm.canManage ? (
                  <td class="utrecht-table__cell bk-member-actions">
                    <form method="post" action={`${base}/${m.id}/rol`} class="bk-inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <label class="utrecht-form-label" for={`role-${m.id}`}>
                        {t('members.changeRole', { name: m.name })}
                      </label>
                      <select
                        class="utrecht-select utrecht-select--html-select"
                        id={`role-${m.id}`}
                        name="role"
                      >
                        {vm.roleOptions.map((o) => (
                          <option value={o.value} selected={o.value === m.role} key={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                        {t('members.saveRole')}
                      </button>
                    </form>
                    <form
                      method="post"
                      action={`${base}/${m.id}/verwijderen`}
                      class="bk-inline-form"
                    >
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <button type="submit" class="utrecht-button utrecht-button--subtle">
                        {t('members.remove', { name: m.name })}
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {vm.canManage && vm.invitations.length > 0 ? (
        <section aria-labelledby="open-invitations">
          <h2 class="utrecht-heading-2" id="open-invitations">
            {t('members.openInvitations')}
          </h2>
          <ul class="utrecht-unordered-list">
            {vm.invitations.map((i) => (
              <li key={i.id}>
                {i.label} ({i.until})
              </li>
            ))}
          </ul>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/netwerk/${vm.network.id}/uitnodigingen`}>
              {t('invitations.manage')}
            </a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}

export interface InviteViewModel extends FormState {
  network: { id: number; name: string };
  roleOptions: { value: string; label: string }[];
  organisationOptions: { value: string; label: string }[];
  /** The letter's language (invitation-language.ts, shared with the administrator's form). */
  languageChoice: InvitationLanguageChoice;
}

export function InvitePage({ ctx, vm }: { ctx: ViewContext; vm: InviteViewModel }) {
  const { t } = ctx;
  const title = t('invite.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Form ctx={ctx} action={`/netwerk/${vm.network.id}/uitnodigen`} errors={vm.errors}>
        <RadioGroup
          name="kind"
          label={t('invite.kind')}
          value={vm.values?.kind ?? 'email'}
          error={vm.errors?.kind}
          options={[
            { value: 'email', label: t('invite.kind.email'), hint: t('invite.kind.email.hint') },
            { value: 'letter', label: t('invite.kind.letter'), hint: t('invite.kind.letter.hint') },
          ]}
        />
        <RadioGroup
          name={vm.languageChoice.name}
          label={vm.languageChoice.label}
          description={vm.languageChoice.description}
          value={vm.values?.language ?? vm.languageChoice.default}
          error={vm.errors?.language}
          options={vm.languageChoice.options}
        />
        <TextField
          name="email"
          type="email"
          label={t('invite.inviteeEmail')}
          description={t('invite.inviteeEmail.hint')}
          value={vm.values?.email}
          error={vm.errors?.email}
          autocomplete="off"
        />
        <TextField
          name="addressee"
          label={t('invite.addressee')}
          description={t('invite.addressee.hint')}
          value={vm.values?.addressee}
          error={vm.errors?.addressee}
          autocomplete="off"
          maxLength={80}
        />
        <SelectField
          name="role"
          label={t('invite.role')}
          value={vm.values?.role ?? 'resident'}
          error={vm.errors?.role}
          options={vm.roleOptions}
        />
        <SelectField
          name="organisationId"
          label={t('invite.organisation')}
          value={vm.values?.organisationId ?? ''}
          error={vm.errors?.organisationId}
          placeholder={t('invite.organisation.none')}
          options={vm.organisationOptions}
        />
        <SubmitButton>{t('invite.create')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export interface LetterViewModel {
  networkName: string;
  addressee: string | null;
  code: string;
  url: string;
  validUntil: string;
  /** From the platform settings: the organisation's name and whether it has a logo. */
  sender?: { organisationName: string; logo: boolean };
  /** Where to get help: the network's phone number and address, when set. */
  help?: { phone: string | null; address: string | null };
  /** The way back from the letter (the open invitations of the network). */
  back?: string;
}

/** The printable invitation letter: the only time the code is ever shown. */
export function LetterPage({ ctx, vm }: { ctx: ViewContext; vm: LetterViewModel }) {
  const { t } = ctx;
  const title = t('letter.title', { network: vm.networkName });
  return (
    <Layout ctx={ctx} title={title}>
      <div class="utrecht-alert utrecht-alert--warning bk-no-print" role="status">
        <p class="utrecht-paragraph">{t('letter.note')}</p>
      </div>
      <div class="bk-no-print bk-letter__actions">
        <button
          type="button"
          class="utrecht-button utrecht-button--primary-action"
          data-print
          hidden
        >
          {t('letter.print')}
        </button>
        <p class="utrecht-paragraph" data-print-hint>
          {t('letter.printNoScript')}
        </p>
        {vm.back ? (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={vm.back}>
              {t('letter.back')}
            </a>
          </p>
        ) : null}
      </div>
      <script src={ctx.asset('print-button.js')} defer />
      <article class="bk-letter">
        {vm.sender?.logo || vm.sender?.organisationName ? (
          <header class="bk-letter__sender">
            {vm.sender.logo ? (
              <img
                class="bk-letter__logo"
                src="/logo.png"
                alt={vm.sender.organisationName || t('letter.logo')}
              />
            ) : null}
            {vm.sender.organisationName && !vm.sender.logo ? (
              <p class="utrecht-paragraph">{vm.sender.organisationName}</p>
            ) : null}
          </header>
        ) : null}
        <h1 class="utrecht-heading-1">{title}</h1>
        <p class="utrecht-paragraph">
          {vm.addressee ? t('letter.greeting', { name: vm.addressee }) : t('letter.greetingNoName')}
        </p>
        <p class="utrecht-paragraph">{t('letter.body1', { network: vm.networkName })}</p>
        <p class="utrecht-paragraph">{t('letter.body2', { url: vm.url })}</p>
        <p class="utrecht-paragraph">{t('letter.code')}:</p>
        <p class="bk-letter__code">{vm.code}</p>
        <p class="utrecht-paragraph">{t('letter.valid', { date: vm.validUntil })}</p>
        <p class="utrecht-paragraph">{t('letter.help')}</p>
        {vm.help?.phone || vm.help?.address ? (
          <dl class="bk-facts">
            {vm.help.phone ? (
              <>
                <dt>{t('letter.phone')}</dt>
                <dd>{vm.help.phone}</dd>
              </>
            ) : null}
            {vm.help.address ? (
              <>
                <dt>{t('letter.address')}</dt>
                <dd>{vm.help.address}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
      </article>
    </Layout>
  );
}
