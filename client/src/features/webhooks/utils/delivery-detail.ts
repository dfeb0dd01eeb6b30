import type { WebhookAttemptDto } from '@/lib/api/generated';

/** A JSON body laid out to read (two-space indents); anything else as it came. Copying uses the exact bytes. */
export function readableBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One attempt in a line: the receiver's status and how long it took, or why no answer came. */
export function attemptOutcome(attempt: Pick<WebhookAttemptDto, 'statusCode' | 'error' | 'durationMs'>): string {
  const took = `${attempt.durationMs ?? 0} ms`;
  if (attempt.statusCode != null) {
    const accepted = attempt.statusCode >= 200 && attempt.statusCode < 300;
    return `${accepted ? 'Answered' : 'Refused with'} ${attempt.statusCode} in ${took}`;
  }
  return `No answer after ${took}: ${attempt.error ?? 'the request failed'}`;
}
