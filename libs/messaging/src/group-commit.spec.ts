import { GroupCommit } from './group-commit';

describe(GroupCommit.name, () => {
  it('applies chunks handed in together as one, in the order they came', async () => {
    const applied: number[][] = [];
    const commits = new GroupCommit<number>(async (events) => {
      applied.push(events);
    }, 100);
    await Promise.all([commits.submit([1, 2]), commits.submit([3]), commits.submit([4, 5])]);
    expect(applied).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('groups what arrives while a transaction runs into the next one, up to the limit', async () => {
    const applied: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const commits = new GroupCommit<number>(async (events) => {
      applied.push(events);
      if (applied.length === 1) await first;
    }, 3);
    const running = commits.submit([1]);
    await new Promise((r) => setImmediate(r));
    const later = [commits.submit([2, 3]), commits.submit([4]), commits.submit([5, 6])];
    release();
    await Promise.all([running, ...later]);
    expect(applied).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('fails only the chunk that fails when its group is applied again chunk by chunk', async () => {
    const applied: number[][] = [];
    const commits = new GroupCommit<number>(async (events) => {
      if (events.includes(13)) throw new Error('unlucky');
      applied.push(events);
    }, 100);
    const outcomes = await Promise.allSettled([
      commits.submit([1]),
      commits.submit([12, 13]),
      commits.submit([14]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('unlucky'));
    expect(applied).toEqual([[1], [14]]);
  });

  it('takes a chunk larger than the limit on its own', async () => {
    const applied: number[][] = [];
    const commits = new GroupCommit<number>(async (events) => {
      applied.push(events);
    }, 2);
    await Promise.all([commits.submit([1, 2, 3]), commits.submit([4])]);
    expect(applied).toEqual([[1, 2, 3], [4]]);
  });
});
