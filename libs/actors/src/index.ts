export * from './types';
export { findActors, findNames, stateOf, actorByKey, keysMeant, ALL_ACTORS } from './matcher';
export { documentActors, actorNames, type DocumentActors } from './parties';
export { BODY_FORMS } from './organisations';
