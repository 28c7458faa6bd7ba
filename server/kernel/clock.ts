/** The clock is a port: every rule reads `ctx.clock`, so tests and the dev clock can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The local server's `--dev` clock. Set, it either flows from the given instant (so that reading
 * timers still advance) or stands still when frozen; reset, it follows the system clock again.
 */
export class DevClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    if (this.frozenAt !== null) return new Date(this.frozenAt);
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  set(now: Date, freeze = false): void {
    if (freeze) {
      this.frozenAt = now.getTime();
      this.offsetMs = 0;
    } else {
      this.frozenAt = null;
      this.offsetMs = now.getTime() - this.base.now().getTime();
    }
  }

  reset(): void {
    this.frozenAt = null;
    this.offsetMs = 0;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }
}
