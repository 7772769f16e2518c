import type { Clock } from '../src/clock/clock';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(private t: Date) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}
