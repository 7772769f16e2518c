import { Serial } from './serial';

describe(Serial.name, () => {
  it('runs tasks one at a time, in order, and a failure does not stop the next', async () => {
    const serial = new Serial();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
      };
    const a = serial.run(task('a', true));
    const b = serial.run(task('b'));
    await expect(a).rejects.toThrow('a');
    await b;
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('makes requests made while one waits into that one run', async () => {
    const serial = new Serial();
    let runs = 0;
    const task = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
    };
    const first = serial.request(task);
    const second = serial.request(task);
    expect(second).toBeUndefined();
    await first;
    await serial.request(task);
    await serial.idle();
    expect(runs).toBe(2);
  });
});
