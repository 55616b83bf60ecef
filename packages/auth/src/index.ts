export { createAuth } from './auth.js';
export type { Auth, AuthOptions } from './auth.js';
export { createActorResolver, toWebHeaders } from './session.js';
export type { SessionActor, ActorResolver } from './session.js';
export { authSchemaSql } from './schema-sql.js';
export { toNodeHandler } from 'better-auth/node';
