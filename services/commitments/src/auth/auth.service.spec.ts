import { HttpException, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { TOKEN_ALGORITHM } from '@ct/contracts';
import { publicKeyOf } from '@ct/platform';
import { mockOf, TEST_KEYS } from '@ct/testing';
import { hashWith } from '../../test/weak-hash';
import type { AccountsRepository } from './accounts.repository';
import { AuthService } from './auth.service';
import type { AuthOptions } from './auth.tokens';
import type { UserEntity } from './entities/user.entity';

const jwt = new JwtService({
  privateKey: TEST_KEYS.privateKey,
  publicKey: publicKeyOf(TEST_KEYS.privateKey),
  signOptions: { algorithm: TOKEN_ALGORITHM },
});
const options = {
  tokenTtlSeconds: 900,
  refreshTtlSeconds: 3600,
  loginFailuresPerAccount: 5,
  loginLockSeconds: 60,
} as AuthOptions;

describe(AuthService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  let user: UserEntity;
  let accounts: {
    loginLockedFor: jest.MockedFunction<AccountsRepository['loginLockedFor']>;
    userByEmail: jest.MockedFunction<AccountsRepository['userByEmail']>;
    user: jest.MockedFunction<AccountsRepository['user']>;
    recordLoginFailure: jest.MockedFunction<AccountsRepository['recordLoginFailure']>;
    clearLoginFailures: jest.MockedFunction<AccountsRepository['clearLoginFailures']>;
    rehash: jest.MockedFunction<AccountsRepository['rehash']>;
    createRefreshToken: jest.MockedFunction<AccountsRepository['createRefreshToken']>;
    activeKey: jest.MockedFunction<AccountsRepository['activeKey']>;
  };
  let sut: AuthService;

  beforeAll(async () => {
    // A cheap hash (N=2^10): signing in with it also shows the rehash to today's cost.
    user = {
      id: 'u-1',
      email: 'coord@example.org',
      passwordHash: await hashWith(2 ** 10, 'a-long-password-1'),
      role: 'coordinator',
      actors: ['Georgia'],
      version: 3,
      disabledAt: null,
    } as UserEntity;
  });

  beforeEach(() => {
    accounts = {
      loginLockedFor: mockOf<AccountsRepository['loginLockedFor']>(async () => 0),
      userByEmail: mockOf<AccountsRepository['userByEmail']>(async (email) =>
        email.toLowerCase() === user.email ? user : null,
      ),
      user: mockOf<AccountsRepository['user']>(async (id) => (id === user.id ? user : null)),
      recordLoginFailure: mockOf<AccountsRepository['recordLoginFailure']>(async () => undefined),
      clearLoginFailures: mockOf<AccountsRepository['clearLoginFailures']>(async () => undefined),
      rehash: mockOf<AccountsRepository['rehash']>(async () => undefined),
      createRefreshToken: mockOf<AccountsRepository['createRefreshToken']>(async () => undefined),
      activeKey: mockOf<AccountsRepository['activeKey']>(async () => null),
    };
    sut = new AuthService(accounts as unknown as AccountsRepository, jwt, options);
  });

  it('signs a user in: an ES256 token carrying the account version, a stored refresh token, a stronger hash', async () => {
    const session = await sut.login('Coord@Example.org', 'a-long-password-1');
    expect(session).toMatchObject({ expiresIn: 900, role: 'coordinator' });
    expect(session.refreshToken).toMatch(/^ctr_/);
    const claims = jwt.decode<{ sub: string; ver: number }>(session.token);
    expect(claims).toMatchObject({ sub: 'u-1', ver: 3 });
    expect(accounts.clearLoginFailures).toHaveBeenCalledWith('coord@example.org');
    expect(accounts.createRefreshToken).toHaveBeenCalledWith(
      'u-1',
      3,
      expect.any(String),
      expect.any(Date),
    );
    // The stored digest is not the token itself.
    expect(accounts.createRefreshToken.mock.calls[0][2]).not.toContain(session.refreshToken);
    expect(accounts.rehash).toHaveBeenCalledWith('u-1', expect.stringMatching(/^scrypt\$131072\$/));
  });

  it('counts a wrong password and an unknown email alike, and says the same for both', async () => {
    await expect(sut.login(user.email, 'wrong password')).rejects.toThrow(
      new UnauthorizedException('wrong email or password'),
    );
    await expect(sut.login('nobody@example.org', 'a-long-password-1')).rejects.toThrow(
      new UnauthorizedException('wrong email or password'),
    );
    expect(accounts.recordLoginFailure.mock.calls.map((c) => c[0])).toEqual([
      'coord@example.org',
      'nobody@example.org',
    ]);
    expect(accounts.createRefreshToken).not.toHaveBeenCalled();
  });

  it('refuses a locked account with 429 before looking at the password', async () => {
    accounts.loginLockedFor.mockResolvedValue(42);
    const refused = sut.login(user.email, 'a-long-password-1');
    await expect(refused).rejects.toThrow(HttpException);
    await expect(sut.login(user.email, 'x')).rejects.toThrow('try again in 42 s');
    expect(accounts.userByEmail).not.toHaveBeenCalled();
  });

  it('takes a token only while its account is as it was when signed in', async () => {
    const { token } = await sut.login(user.email, 'a-long-password-1');
    expect(await sut.fromToken(token)).toEqual({
      id: 'u-1',
      name: 'coord@example.org',
      role: 'coordinator',
      actors: ['Georgia'],
      via: 'token',
    });
    user.version = 4; // a role or actors change since
    sut = new AuthService(accounts as unknown as AccountsRepository, jwt, options); // no cached state
    await expect(sut.fromToken(token)).rejects.toThrow('your account changed since you signed in');
    user.version = 3;
    await expect(sut.fromToken(`${token.slice(0, -2)}xx`)).rejects.toThrow(
      'invalid or expired token',
    );
  });

  it('refuses an unknown or revoked API key', async () => {
    await expect(sut.fromApiKey('ctk_unknown')).rejects.toThrow(
      new UnauthorizedException('unknown or revoked API key'),
    );
    // Looked up by digest, never by the key itself.
    expect(accounts.activeKey.mock.calls[0][0]).not.toBe('ctk_unknown');
  });
});
