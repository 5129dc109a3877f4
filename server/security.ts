// Security headers (with a per-response script nonce) and the Origin check on every mutation.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const host = req.headers.host ?? "";
  const socketOrigins = host ? `ws://${host} wss://${host}` : "";
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      `connect-src 'self' ${socketOrigins}`.trim(),
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
}

/** The origins a request may come from: the server's own (as the browser addressed it) and ALLOWED_ORIGINS. */
export function isAllowedOrigin(request: IncomingMessage, origin: string, allowedOrigins: string[], protocol: string): boolean {
  const own = `${protocol}://${request.headers.host ?? ""}`;
  return origin === own || allowedOrigins.includes(origin);
}

function requestOrigin(req: Request): string | null {
  if (typeof req.headers.origin === "string" && req.headers.origin !== "null") return req.headers.origin;
  const referer = req.headers.referer;
  if (typeof referer === "string" && URL.canParse(referer)) return new URL(referer).origin;
  return null;
}

/** Cross-site request forgery guard: a form post or other mutation must come from one of our own pages. */
export function originCheck(allowedOrigins: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = requestOrigin(req);
    if (origin && isAllowedOrigin(req, origin, allowedOrigins, req.protocol)) return next();
    res
      .status(403)
      .type("text/plain")
      .send("This form was not sent from a POET Action Planner page, so it was not accepted. Go back to the page, reload it and try again.");
  };
}
