/**
 * The security headers of every answer of a surface, built one way; each surface says its own policy
 * (admin: lambdas/admin/router.ts, upload: lambdas/handlers/upload-handler.ts). `nosniff`, no referrer
 * (links carry tokens and signatures) and no caching (pages show personal data) hold everywhere.
 */
export interface SecurityPolicy {
  /** Content-Security-Policy directives, in order (`"default-src 'self'"`, …). */
  readonly contentSecurityPolicy: readonly string[];
  /** `X-Frame-Options: DENY` for browsers older than `frame-ancestors`. @default false */
  readonly denyFraming?: boolean;
  /** `Strict-Transport-Security` (only ever sent over HTTPS). @default false */
  readonly strictTransportSecurity?: boolean;
}

export function securityHeaders(policy: SecurityPolicy): Record<string, string> {
  return {
    'content-security-policy': policy.contentSecurityPolicy.join('; '),
    ...(policy.denyFraming ? { 'x-frame-options': 'DENY' } : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...(policy.strictTransportSecurity ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
