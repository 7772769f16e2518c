import {
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AUTH_OPTIONS, type AuthOptions } from './auth.tokens';
import { ApiKeyEntity } from './entities/api-key.entity';
import { UserEntity } from './entities/user.entity';
import { hashPassword, verifyPassword } from './password';
import { ROLES, type Principal, type Role } from './principal';

interface TokenClaims {
  sub: string;
  email: string;
  role: Role;
  actors: string[];
}

// Compared against when the email is unknown, so both paths cost one scrypt.
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /** Create the first admin from the environment, once, if there is no admin yet. */
  async onApplicationBootstrap(): Promise<void> {
    const users = this.dataSource.getRepository(UserEntity);
    if (await users.existsBy({ role: 'admin' })) return;
    const { adminEmail, adminPassword } = this.options;
    if (!adminEmail || !adminPassword) {
      this.logger.warn(
        'no admin exists; set ADMIN_EMAIL and ADMIN_PASSWORD to create one on start',
      );
      return;
    }
    await this.createUser(adminEmail, adminPassword, 'admin', []);
    this.logger.log({ email: adminEmail }, 'first admin created');
  }

  async login(
    email: string,
    password: string,
  ): Promise<{ token: string; expiresIn: number; role: Role }> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new UnauthorizedException('wrong email or password');
    const claims: TokenClaims = {
      sub: user.id,
      email: user.email,
      role: user.role,
      actors: user.actors,
    };
    return {
      token: await this.jwt.signAsync(claims, { expiresIn: this.options.tokenTtlSeconds }),
      expiresIn: this.options.tokenTtlSeconds,
      role: user.role,
    };
  }

  async fromToken(token: string): Promise<Principal> {
    try {
      const c = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
      if (!ROLES.includes(c.role)) throw new Error('bad role');
      return { id: c.sub, name: c.email, role: c.role, actors: c.actors ?? [], via: 'token' };
    } catch {
      throw new UnauthorizedException('invalid or expired token');
    }
  }

  async fromApiKey(key: string): Promise<Principal> {
    const found = await this.dataSource
      .getRepository(ApiKeyEntity)
      .findOneBy({ keyHash: sha256(key), revokedAt: IsNull() });
    if (!found) throw new UnauthorizedException('unknown or revoked API key');
    return {
      id: found.id,
      name: `api-key:${found.name}`,
      role: found.role,
      actors: found.actors,
      via: 'api-key',
    };
  }

  async createUser(
    email: string,
    password: string,
    role: Role,
    actors: string[],
  ): Promise<UserEntity> {
    const users = this.dataSource.getRepository(UserEntity);
    return users.save(
      users.create({ email, passwordHash: await hashPassword(password), role, actors }),
    );
  }

  /** A new API key; the key itself is shown once and only its hash is kept. */
  async createApiKey(
    name: string,
    role: Role,
    actors: string[],
  ): Promise<{ id: string; key: string }> {
    const key = `ctk_${randomBytes(24).toString('base64url')}`;
    const repo = this.dataSource.getRepository(ApiKeyEntity);
    const saved = await repo.save(repo.create({ name, keyHash: sha256(key), role, actors }));
    return { id: saved.id, key };
  }

  listUsers(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ order: { createdAt: 'ASC' } });
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
