import './messages.js';

export { parseDivisionCode, levelOfPrefix, ancestorPrefixes, toCode12, shortVillageName, LEVEL_NAMES, type DivisionLevel, type DivisionKey } from './domain/division-code.js';
export type { Division } from './store/division-store.js';
export { loadDivisions, type DivisionPart, type LoadDivisionsReport, type LoadProgress } from './use-cases/load-divisions.js';
export { getDivision, type DivisionDetail } from './use-cases/get-division.js';
export { listDivisionChildren } from './use-cases/list-division-children.js';
export { listDivisionSubtree, countDivisionSubtree } from './use-cases/list-division-subtree.js';
export { searchDivisions, type DivisionHit } from './use-cases/search-divisions.js';
export { resolveDivision } from './use-cases/resolve-division.js';
export { registerDivisionRoutes } from './http.js';
export { registerDivisionCommands } from './cli.js';
