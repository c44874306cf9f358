/** Where "now" comes from. Tests pass a fixed or steppable clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
