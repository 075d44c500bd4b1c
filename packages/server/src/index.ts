/**
 * `@jiceng/server`: one live record for many users. A Hono API over `@jiceng/store` and the
 * core — commands decided by the core and appended with optimistic concurrency and an
 * idempotent command id; queries through the core's scope and masking; a live feed over
 * Server-Sent Events; an OpenAPI 3.1 document and a typed client (`@jiceng/server/client`).
 * @packageDocumentation
 */
export { createApp, DEFAULT_LIMITS, type AppOptions, type Limits, type ApiEnv } from './app.js';
export { ApiError, errorSchema, SERVER_MESSAGES, type ApiErrorBody, type ServerCode, type ErrorStatus } from './errors.js';
export { issueToken, verifyToken, parseGrant, loadOrCreateKeys, keysFromConfig, type AuthConfig } from './auth.js';
export { LiveRecord, caseStream, discoveredCaseId, fromStored, toNewEvent, issuesText, type CitySetup, type CommandOutcome, type FeedItem, type RecordObserver } from './record.js';
export { loadConfig, type ServerConfig } from './config.js';
export { startServer, type RunningServer } from './node.js';
export { putianDemo, demoLines, seedDemo, demoClock, PUTIAN_AS_OF, type PutianDemo } from './demo.js';
export { peopleAt, personById, type DemoPerson } from './people.js';
export { referencePage, signinPage } from './pages.js';
export * from './schemas.js';
export { mountOpen311, type Open311Options, type Open311Deps } from './routes/open311.js';
export {
  open311KeyHash, open311Status, defaultPublic, EXTENDED_STATUS, URGENCY_ATTRIBUTE,
  type Open311Key, type Open311Jurisdiction, type Open311ServiceOptions, type Open311Attribute, type ExtendedStatus,
} from './open311/model.js';
export type { Open311Geometry } from './open311/locate.js';
export * from './routes/alerts.js';
export * from './routes/engagement.js';
