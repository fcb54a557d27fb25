import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * Where webhooks may be sent (issue 15): only http(s); in production not to loopback, link-local,
 * private or other non-public ranges (the gateway's own network, the cloud metadata endpoint at
 * 169.254.169.254) unless configured. Checked when a subscription is created and again, on the
 * resolved address, before every delivery; the delivery then connects to exactly that address, so
 * a name that resolves elsewhere a moment later (DNS rebinding) does not reach a refused one.
 */
export interface WebhookAddressPolicy {
  /** Development and test: loopback and private addresses are allowed (local receivers). */
  allowPrivate: boolean;
  /** Host names (lower case) allowed whatever they resolve to: WEBHOOK_ALLOWED_HOSTS. */
  allowedHosts: ReadonlySet<string>;
}

export class WebhookAddressRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookAddressRefused";
  }
}

/** The ranges ipaddr.js names that are the public internet; every other one is refused. */
const PUBLIC_RANGES = new Set(["unicast"]);

/** Why `address` is not a public address, or null when it is. An IPv4-mapped IPv6 address is judged as the IPv4 one. */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return PUBLIC_RANGES.has(range) ? null : range;
}

/** The URL's form: http(s), a host, no credentials in it. A message for the caller, or null. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Must be an absolute URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Must be an http or https URL";
  if (!url.hostname) return "Must name a host";
  // A user and password in the URL would be stored and shown with the subscription.
  if (url.username || url.password) return "Must not carry a user name or password";
  if (raw.length > 2048) return "Must be at most 2048 characters";
  return null;
}

export interface ResolvedTarget {
  url: URL;
  /** The checked address the connection must use. */
  address: string;
  family: 4 | 6;
}

type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;
const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Resolves the URL's host and checks every address it has (one refused address refuses the URL:
 * which one a connection would take is the resolver's choice). Returns the first, to pin.
 */
export async function resolveTarget(raw: string, policy: WebhookAddressPolicy, resolve: Resolve = systemResolve): Promise<ResolvedTarget> {
  const problem = urlProblem(raw);
  if (problem) throw new WebhookAddressRefused(problem);
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: ipaddr.parse(host).kind() === "ipv6" ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new WebhookAddressRefused("The host name does not resolve");
    }
    if (addresses.length === 0) throw new WebhookAddressRefused("The host name does not resolve");
  }
  const trusted = policy.allowPrivate || policy.allowedHosts.has(host);
  if (!trusted) {
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range) throw new WebhookAddressRefused(`The host resolves to a ${range} address, which is refused (WEBHOOK_ALLOWED_HOSTS or WEBHOOK_ALLOW_PRIVATE allow it)`);
    }
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
