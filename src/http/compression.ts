import compression from "compression";
import type { RequestHandler } from "express";
import { constants } from "node:zlib";

export interface CompressionSettings {
  /** COMPRESSION=off: a proxy in front compresses (the gateway then spends no CPU on it). */
  enabled: boolean;
  /** COMPRESSION_THRESHOLD_BYTES: smaller answers go as they are (a few hundred bytes gain nothing). */
  thresholdBytes: number;
}

/**
 * Brotli quality for dynamic answers: 4 compresses a page of clients about as well as gzip -6 or
 * better at similar CPU; 11 (zlib's default) is made for static assets and costs many times more.
 */
export const BROTLI_QUALITY = 4;

/** Brotli or gzip by Accept-Encoding (brotli preferred), above the threshold; adds Vary: Accept-Encoding. */
export function compressionMiddleware(settings: CompressionSettings): RequestHandler {
  if (!settings.enabled) return (_req, _res, next) => next();
  return compression({
    threshold: settings.thresholdBytes,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  });
}
