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
