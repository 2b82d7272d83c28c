// Places and networks: regions, municipalities, areas, their neighbourhood networks and
// organisations, and each network's public page.
export { networkMessages } from './messages.js';
export {
  type AreaKind,
  type ListedMember,
  type MemberRole,
  type NetworkDetails,
  type NetworkOrganisation,
  type NetworkRepository,
  type NetworkWithPlace,
  networkRepository,
  type OrganisationType,
} from './repository.js';
export { type NetworkDeps, networkRoutes, type PublicSectionProvider } from './routes.js';
export {
  DEMO_PASSWORD,
  type DemoAccount,
  type DemoRole,
  demoAccounts,
  demoEmail,
  seedNetworkDemo,
} from './seed.js';
export type { NetworkPageSection } from './service.js';
