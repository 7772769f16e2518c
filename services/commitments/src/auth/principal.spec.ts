import { mayChange, type Principal } from './principal';

const coordinator = (...actors: string[]): Principal => ({
  id: 'u',
  name: 'c@example.org',
  role: 'coordinator',
  actors,
  via: 'token',
});

describe('mayChange', () => {
  it('lets a coordinator change the items of an actor written as they are', () => {
    expect(
      mayChange(coordinator('Secretariat'), { actor: 'the Secretariat', actorKey: 'secretariat' }),
    ).toBe(true);
    expect(
      mayChange(coordinator('Secretariat'), { actor: 'Working Group', actorKey: 'working group' }),
    ).toBe(false);
  });

  it('lets a coordinator of a state change the items that state stands in, however it is written', () => {
    const joint = { actor: 'Kazakhstan and Kyrgyzstan', actorKey: '@KG+KZ' };
    expect(mayChange(coordinator('Kyrgyzstan'), joint)).toBe(true);
    expect(mayChange(coordinator('Кыргызстан'), joint)).toBe(true);
    expect(mayChange(coordinator('KG'), joint)).toBe(true);
    expect(mayChange(coordinator('Uzbekistan'), joint)).toBe(false);
    expect(
      mayChange(coordinator('Armenia'), {
        actor: 'foreign ministries of Armenia and Georgia',
        actorKey: 'foreign ministries of armenia and georgia',
      }),
    ).toBe(true);
  });

  it('lets viewers change nothing and admins everything', () => {
    const item = { actor: 'Kazakhstan', actorKey: '@KZ' };
    expect(mayChange({ ...coordinator('Kazakhstan'), role: 'viewer' }, item)).toBe(false);
    expect(mayChange({ ...coordinator(), role: 'admin' }, item)).toBe(true);
  });
});
