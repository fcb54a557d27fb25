import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";
import { resolveTarget, WebhookAddressPolicy, WebhookAddressRefused } from "./address-guard";
import { signatureHeader } from "./signature";

/** What one attempt gives: delivered, or why not, in words safe to store and show (no response body, no secret). */
export type AttemptResult = { ok: true; status: number } | { ok: false; status: number | null; summary: string; permanent: boolean };

export interface WebhookMessage {
  deliveryId: string;
  url: string;
  secret: string;
  body: string;
}

export interface SenderOptions {
  policy: WebhookAddressPolicy;
  /** How long an attempt may take, connecting and answering (WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
  now?: () => Date;
  /** The resolver the check uses (tests: a name only they know); the system's by default. */
  resolve?: Parameters<typeof resolveTarget>[2];
}

/**
 * One signed POST of a delivery. The URL's host is resolved and checked here, and the connection
 * goes to that checked address (the agent's lookup is pinned to it), so the address checked is
 * the address reached. Redirects are not followed: a 3xx is a failure like any other non-2xx.
 */
export async function sendWebhook(message: WebhookMessage, options: SenderOptions): Promise<AttemptResult> {
  let target;
  try {
    target = await resolveTarget(message.url, options.policy, options.resolve);
  } catch (error) {
    if (error instanceof WebhookAddressRefused) return { ok: false, status: null, summary: `Refused: ${error.message}`, permanent: false };
    throw error;
  }
  const { address, family } = target;
  const agent = new Agent({
    connect: {
      // Node asks for all addresses when it may try several families (autoSelectFamily).
      lookup: ((_host: string, opts: { all?: boolean }, callback: (error: Error | null, ...found: unknown[]) => void) =>
        opts?.all ? callback(null, [{ address, family }]) : callback(null, address, family)) as unknown as LookupFunction,
    },
    pipelining: 0,
  });
  const now = (options.now ?? (() => new Date()))();
  try {
    const response = await request(target.url, {
      method: "POST",
      dispatcher: agent,
      body: message.body,
      headers: {
        "content-type": "application/json",
        "user-agent": "client-data-gateway-webhooks/1",
        "gateway-delivery-id": message.deliveryId,
        "gateway-signature": signatureHeader(message.secret, message.body, now),
      },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // The body is not kept (it could hold anything); read and dropped so the socket is freed.
    await response.body.dump().catch(() => undefined);
    if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, status: response.statusCode };
    return { ok: false, status: response.statusCode, summary: `HTTP ${response.statusCode}`, permanent: false };
  } catch (error) {
    return { ok: false, status: null, summary: describe(error), permanent: false };
  } finally {
    await agent.close().catch(() => undefined);
  }
}

/** A transport failure in a few words: the error's name and code only (messages can echo hosts or data). */
function describe(error: unknown): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return "Timed out";
  const code = e?.code ?? e?.cause?.code;
  return code && /^[A-Z_]+$/.test(code) ? `Connection failed (${code})` : "Connection failed";
}
