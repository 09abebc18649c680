/** Shared by the server harness and the journeys (kept apart so journeys do not load the server code). */
export const COUNTY = '520527';
export const PASSWORD = 'journey-password-1';
