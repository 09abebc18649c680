import type { FastifyInstance } from 'fastify';

/**
 * Each module's HTTP routes, registered in this order. A module adds one line here: its
 * `registerXxxRoutes` from `modules/<m>/http.ts`. (Access routes are registered first by app.ts.)
 */
export const routeModules: Array<(app: FastifyInstance) => Promise<void>> = [];
