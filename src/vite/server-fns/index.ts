export { serverFunctions } from './plugin.js';
export { serverOnlyGuard } from './guard.js';
