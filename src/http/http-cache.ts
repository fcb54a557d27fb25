import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";

/** HTTP_CACHE_MAX_AGE="ClientList=30,ClientDetail=10": seconds a browser may reuse a named query's answer. */
export function parseHttpCacheMaxAge(raw: string | undefined): Map<string, number> {
  const ages = new Map<string, number>();
  for (const item of (raw ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const match = /^([_A-Za-z][_0-9A-Za-z]*)=(\d{1,6})$/.exec(item);
    if (!match) throw new Error(`HTTP_CACHE_MAX_AGE: "${item}" is not OperationName=seconds`);
    ages.set(match[1], Number(match[2]));
  }
  return ages;
}


/** Cache-Control per answer: private, max-age=N for a configured, successful query; no-store otherwise. */
export function httpCachePlugin<T extends object>(ages: ReadonlyMap<string, number>): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation, operationName, errors }) {
          const age = operation?.operation === "query" && operationName ? ages.get(operationName) : undefined;
          const ok = response.body.kind === "single" && !response.body.singleResult.errors?.length && !errors?.length;
          response.http.headers.set("cache-control", age !== undefined && age > 0 && ok ? `private, max-age=${age}` : "no-store");
        },
      };
    },
  };
}

/**
 * Vary on the caller's headers, and a weak ETag of a cacheable answer hashed without its per-request
 * `extensions.requestId`; a matching If-None-Match gets 304 with no body.
 */
export function etagMiddleware(): RequestHandler {
  return (req, res, next) => {
    res.vary("Authorization").vary("X-Company-Id").vary("X-Api-Version");
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const cacheControl = String(res.getHeader("cache-control") ?? "");
      if (res.statusCode !== 200 || typeof body !== "string" || !cacheControl.startsWith("private")) return send(body);
      let stable: string;
      try {
        const parsed = JSON.parse(body) as { extensions?: { requestId?: unknown } };
        if (parsed.extensions) delete parsed.extensions.requestId;
        stable = JSON.stringify(parsed);
      } catch {
        return send(body);
      }
      const etag = `W/"${createHash("sha256").update(stable).digest("base64url").slice(0, 27)}"`;
      res.setHeader("ETag", etag);
      const match = req.headers["if-none-match"];
      if (match && match.split(",").some((tag) => tag.trim() === etag || tag.trim() === etag.slice(2))) {
        res.removeHeader("content-type");
        res.status(304).end();
        return res;
      }
      return send(body);
    };
    next();
  };
}
