import { ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

/** A signed-in user, as the commitments service's sign-in describes them. */
export interface TokenUser {
  id: string;
  email: string;
  role: 'viewer' | 'coordinator' | 'admin';
  actors: string[];
}

const ROLES = new Set(['viewer', 'coordinator', 'admin']);
const jwt = new JwtService();

/**
 * Verify a token the commitments service issued (HS256 with the shared
 * JWT_SECRET), so other services accept its users without keeping any.
 * Throws 401 with a message a person can act on.
 */
export async function verifyUserToken(
  token: string | undefined,
  secret: string,
): Promise<TokenUser> {
  if (!token) {
    throw new UnauthorizedException(
      'sign in to the commitments service (POST /auth/login) and send its token as Bearer',
    );
  }
  try {
    const c = await jwt.verifyAsync<{
      sub: string;
      email: string;
      role: string;
      actors?: string[];
    }>(token, {
      secret,
      algorithms: ['HS256'],
    });
    if (!ROLES.has(c.role)) throw new Error('bad role');
    return { id: c.sub, email: c.email, role: c.role as TokenUser['role'], actors: c.actors ?? [] };
  } catch {
    throw new UnauthorizedException('invalid or expired token');
  }
}

/** The token of an `Authorization: Bearer …` header. */
export function bearer(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' ? /^Bearer\s+(\S+)$/iu.exec(header)?.[1] : undefined;
}

interface TokenRequest {
  headers: Record<string, string | string[] | undefined>;
  query?: Record<string, unknown>;
}

/**
 * The signed-in user of an HTTP request, for services that keep no users:
 * the Bearer token, or where a client cannot send headers (EventSource)
 * `access_token` in the query. 503 with `unavailable` when this service has
 * no JWT_SECRET, 401 when the token is missing or bad.
 */
export function requestUser(
  req: TokenRequest,
  secret: string | null,
  o: { unavailable: string; queryToken?: boolean },
): Promise<TokenUser> {
  if (!secret) throw new ServiceUnavailableException(o.unavailable);
  const fromQuery = o.queryToken ? req.query?.access_token : undefined;
  return verifyUserToken(
    bearer(req.headers.authorization) ?? (typeof fromQuery === 'string' ? fromQuery : undefined),
    secret,
  );
}
