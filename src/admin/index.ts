export { ACTION_NAMES, perform, targetOf, type ActionName, type AdminAction, type AdminDeps } from './actions.ts';
export { createToken, endSession, revokeToken, sessionToken, startSession, tokenForSecret } from './access.ts';
export { csrfToken, hashSecret, newSecret, sameSecret } from './tokens.ts';
