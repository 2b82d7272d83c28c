// The site itself: home page, accessibility statement, privacy page and health check.
// The pages every visitor can read, whatever network they belong to.
export { siteMessages } from './messages.js';
export { type SiteDeps, siteRoutes } from './routes.js';
