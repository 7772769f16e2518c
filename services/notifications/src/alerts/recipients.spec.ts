import { recipientsOf } from './recipients';

describe(recipientsOf.name, () => {
  const hook = { channel: 'webhook' as const, target: 'https://hooks.example.org/a', secret: 's' };
  const mail = { channel: 'email' as const, target: 'desk@example.org', secret: null };

  it('gives each alert its matching subscribers and none of another alert’s', () => {
    const sut = recipientsOf(
      [
        { key: 'a', owner: null },
        { key: 'b', owner: null },
      ],
      [{ key: 'a', ...hook }],
      { email: true },
    );
    expect(sut.get('a')).toEqual([hook]);
    expect(sut.get('b')).toEqual([]);
  });

  it('adds an owner who is an email address, once', () => {
    const sut = recipientsOf(
      [
        { key: 'a', owner: ' desk@example.org ' },
        { key: 'b', owner: 'Ministry of Energy' },
      ],
      [{ key: 'a', ...mail }],
      { email: true },
    );
    expect(sut.get('a')).toEqual([mail]);
    expect(sut.get('b')).toEqual([]);
  });

  it('leaves email out without an SMTP server, webhooks in', () => {
    const sut = recipientsOf(
      [{ key: 'a', owner: 'owner@example.org' }],
      [
        { key: 'a', ...mail },
        { key: 'a', ...hook },
      ],
      { email: false },
    );
    expect(sut.get('a')).toEqual([hook]);
  });
});
