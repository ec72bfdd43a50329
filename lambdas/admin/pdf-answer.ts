/** A PDF the admin app serves (the waiting room's poster). */
import type { HttpResult } from '../http/app';
import type { Responses } from './router';
import { toHttp, type AdminResult } from './results';

/**
 * The PDF to open or print, or the problem as JSON. Without the pages' CSP: its `object-src 'none'` would
 * keep the browser's own PDF viewer from showing it.
 */
export function pdfAnswer(result: AdminResult<{ date: string; pdf: Uint8Array }>, out: Responses): HttpResult {
  if (!result.ok) return out.problem(toHttp(result).status, result.problem.error, result.problem.message);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="poster-hadir-${result.value.date}.pdf"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: Buffer.from(result.value.pdf).toString('base64'),
    isBase64Encoded: true,
  };
}
