import type { RequestHandler } from "express";

/** The API versions this server answers, oldest first; the last is the current one. */
export const API_VERSIONS = ["1"] as const;
export const CURRENT_API_VERSION = API_VERSIONS[API_VERSIONS.length - 1];

/**
 * `X-Api-Version`: absent means the current version; a known one is answered; an unknown one is
 * refused (UNSUPPORTED_API_VERSION, HTTP 400) before anything else runs. Every response names
 * the version that answered in its own `X-Api-Version`.
 */
export function apiVersion(refuse: (res: Parameters<RequestHandler>[1], message: string, extra: Record<string, unknown>) => void): RequestHandler {
  return (req, res, next) => {
    const asked = req.get("x-api-version")?.trim();
    if (asked !== undefined && asked !== "" && !(API_VERSIONS as readonly string[]).includes(asked)) {
      refuse(res, `API version "${asked.slice(0, 20)}" is not supported`, { supportedVersions: [...API_VERSIONS] });
      return;
    }
    res.locals.apiVersion = asked || CURRENT_API_VERSION;
    res.setHeader("X-Api-Version", res.locals.apiVersion as string);
    next();
  };
}
