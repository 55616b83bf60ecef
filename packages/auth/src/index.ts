export { createAuth } from './auth.js';
export type { Auth, AuthOptions } from './auth.js';
export { createActorResolver, membershipKey, toWebHeaders } from './session.js';
export type { SessionActor, ActorResolver, ActorResolverOptions } from './session.js';
export { authSchemaSql } from './schema-sql.js';
export { toNodeHandler } from 'better-auth/node';
