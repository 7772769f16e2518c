import helmet from 'helmet';

/**
 * The page's browser protections: a strict Content-Security-Policy (scripts
 * and styles from this origin only, no inline script, no framing, API calls
 * only to the services the page is configured with), nosniff, no referrer
 * across origins, and the rest of helmet's defaults. A script injected into
 * an item's text could neither run nor send what it read elsewhere.
 */
export function securityHeaders(apiOrigins: string[]) {
  const origins = [...new Set(apiOrigins.map((u) => new URL(u).origin))];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...origins],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // The dashboard may be served over plain HTTP on a private network; HSTS is the proxy's call.
    strictTransportSecurity: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
