import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, refusedAddress, type DestinationPolicy } from './destinations';

/** The outcome of one POST: the receiver's status, or why there is none. */
export type SendOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export type Send = (
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
) => Promise<SendOutcome>;

/**
 * POSTs a body with node:http(s), connecting only to addresses the policy allows (checked on the socket's own
 * lookup), within `timeoutMs`, and never following a redirect: a 3xx is a failure that names where it pointed.
 */
export function sender(policy: DestinationPolicy, timeoutMs: number): Send {
  const lookup = guardedLookup(policy);
  return (url, headers, body, stop) =>
    new Promise((done) => {
      const target = new URL(url);
      const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
      // An address in the URL is connected to without a lookup: checked here instead.
      const why = isIP(host) && !policy.hosts.has(host.toLowerCase()) ? refusedAddress(host, policy) : null;
      if (why) return done({ ok: false, status: null, error: `refused destination: ${why}` });
      const signal = AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]);
      const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup,
          signal,
        },
        (res) => {
          res.resume(); // the answer's body is not read, only drained
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) done({ ok: true, status });
          else if (status >= 300 && status < 400)
            done({
              ok: false,
              status,
              error: `the receiver answered ${status}, a redirect to ${res.headers.location ?? '(no location)'}; redirects are not followed`,
            });
          else done({ ok: false, status, error: `the receiver answered ${status}` });
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => {
        const timedOut = signal.aborted && !stop.aborted;
        done({ ok: false, status: null, error: timedOut ? `no answer within ${timeoutMs} ms` : e.message });
      });
      req.end(body);
    });
}
