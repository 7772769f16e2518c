import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { EgressPolicy, EgressRefusedError } from './egress-policy';

export interface EgressOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange, connecting included. */
  timeoutMs: number;
  /** The most response body read; a longer one fails the request. */
  maxBytes: number;
  policy: EgressPolicy;
}

export interface EgressResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One outbound HTTP(S) request that cannot be pointed inside the network.
 * The host name is resolved here and every address it has is checked
 * against the policy; the connection then goes to the address that was
 * checked (the socket's lookup is this check), so a name that resolves
 * differently a moment later (DNS rebinding) changes nothing. Redirects are
 * answered as they are, never followed: a caller that follows one makes a
 * new, newly checked request. Time and response size are capped.
 */
export function egressRequest(url: string, o: EgressOptions): Promise<EgressResponse> {
  const target = parseTarget(url);
  const refusal = literalRefusal(target, o.policy);
  if (refusal) return Promise.reject(new EgressRefusedError(refusal));
  return new Promise<EgressResponse>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(err);
    };
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(
      {
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/gu, ''),
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: o.method ?? 'GET',
        headers: o.headers,
        agent: false,
        lookup: checkedLookup(o.policy),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) {
            fail(
              new EgressRefusedError(
                `the response is larger than the limit of ${o.maxBytes} bytes`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          });
        });
      },
    );
    const timer = setTimeout(
      () => fail(new Error(`no complete answer within ${o.timeoutMs} ms`)),
      o.timeoutMs,
    );
    req.on('error', fail);
    req.end(o.body);
  });
}

/**
 * Check a target before storing it (a webhook at subscription time): the
 * reason it is refused, as an EgressRefusedError, or nothing.
 */
export async function checkTarget(url: string, policy: EgressPolicy): Promise<void> {
  const target = parseTarget(url);
  if (literalAddress(target.hostname)) {
    const refusal = literalRefusal(target, policy);
    if (refusal) throw new EgressRefusedError(refusal);
    return;
  }
  const addresses = await resolveAll(target.hostname);
  const refusal = refusalOfAll(policy, target.hostname, addresses);
  if (refusal) throw new EgressRefusedError(refusal);
}

function parseTarget(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new EgressRefusedError(`${url} is not a URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new EgressRefusedError(`only http and https are sent to, not ${target.protocol}`);
  }
  return target;
}

/**
 * The address a URL's host names literally: WHATWG URL parsing has already
 * turned decimal, octal and hexadecimal IPv4 spellings into dotted form.
 */
function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/gu, '');
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare))
    ? bare
    : null;
}

/** Why a URL whose host is an address is refused (null: allowed, or a host name to resolve). */
function literalRefusal(target: URL, policy: EgressPolicy): string | null {
  const literal = literalAddress(target.hostname);
  return literal ? policy.refusal(target.hostname, literal) : null;
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) =>
      err
        ? reject(new EgressRefusedError(`${host} does not resolve (${err.code ?? err.message})`))
        : resolve(addresses),
    ),
  );
}

/** Every address a name has must be allowed: one public record beside a private one is no excuse. */
function refusalOfAll(
  policy: EgressPolicy,
  host: string,
  addresses: LookupAddress[],
): string | null {
  if (addresses.length === 0) return `${host} has no address`;
  for (const a of addresses) {
    const refusal = policy.refusal(host, a.address);
    if (refusal) return refusal;
  }
  return null;
}

/** The socket's lookup: resolve, check every address, hand back only checked ones. */
function checkedLookup(policy: EgressPolicy): LookupFunction {
  return (host, options, callback) => {
    resolveAll(host).then(
      (addresses) => {
        const refusal = refusalOfAll(policy, host, addresses);
        if (refusal)
          return callback(new EgressRefusedError(refusal) as NodeJS.ErrnoException, '', 0);
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) {
          return callback(
            new EgressRefusedError(`${host} has no IPv${family} address`) as NodeJS.ErrnoException,
            '',
            0,
          );
        }
        if (options.all)
          return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        return callback(null, usable[0].address, usable[0].family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
}
