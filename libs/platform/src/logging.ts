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
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // Tokens travel in the query where clients cannot send headers (EventSource, calendar apps).
      serializers: { req: (req: { url?: string }) => ({ ...req, url: redactUrlSecrets(req.url) }) },
    },
  });
}

/** A plain pino logger for code outside Nest's container (scripts, kafkajs). */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info') {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

const SECRET_PARAMS = /([?&](?:access_token|token)=)[^&#]*/giu;

/** The URL with the values of token query parameters replaced, so that logs never hold them. */
export function redactUrlSecrets(url: string | undefined): string | undefined {
  return url?.replace(SECRET_PARAMS, '$1[redacted]');
}
