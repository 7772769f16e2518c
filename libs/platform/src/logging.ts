import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';

/** Structured JSON logs on stdout, one line per entry, tagged with the service name. */
export function loggingModule(service: string, level: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Health probes every few seconds would drown the log.
      autoLogging: { ignore: (req) => req.url === '/health' },
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      serializers: { req: logRequest, res: logResponse },
    },
  });
}

/** A plain pino logger for code outside Nest's container (scripts, kafkajs). */
export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
) {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Headers that carry credentials, in requests and responses. */
const SECRET_HEADERS = new Set([
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'proxy-authorization',
]);

// Where a logged object may hold a credential beyond the HTTP serializers:
// objects logged by hand (`{ headers }`, `{ req }`) and error causes.
const SECRET_PATHS = [
  ...[...SECRET_HEADERS].flatMap((h) => [
    `headers["${h}"]`,
    `req.headers["${h}"]`,
    `res.headers["${h}"]`,
  ]),
  'password',
  '*.password',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
];

const SECRET_PARAMS = /([?&](?:access_token|token|api_key|apikey|key|refresh_token)=)[^&#]*/giu;

/** The URL with the values of credential query parameters replaced, so that logs never hold them. */
export function redactUrlSecrets(url: string | undefined): string | undefined {
  return url?.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Headers without the ones that carry credentials (their presence is still shown). */
export function redactHeaders(
  headers: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!headers) return headers;
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [
      k,
      SECRET_HEADERS.has(k.toLowerCase()) ? '[redacted]' : v,
    ]),
  );
}

interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * What a request log line keeps: the URL with its credentials replaced and
 * the headers without theirs. The parsed query and params are left out: the
 * URL already shows them, and they would carry `access_token` in the clear.
 */
export function logRequest(req: LoggedRequest) {
  return {
    id: req.id,
    method: req.method,
    url: redactUrlSecrets(req.url),
    headers: redactHeaders(req.headers),
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  };
}

export function logResponse(res: { statusCode?: number; headers?: Record<string, unknown> }) {
  return { statusCode: res.statusCode, headers: redactHeaders(res.headers) };
}
