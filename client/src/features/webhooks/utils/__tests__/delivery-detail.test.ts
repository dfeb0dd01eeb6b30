import { describe, expect, it } from 'vitest';
import { attemptOutcome, readableBody } from '../delivery-detail';

describe('readableBody', () => {
  it('lays a JSON body out to read and leaves anything else as it came', () => {
    expect(readableBody('{"type":"endpoint.test","data":{"ok":true}}')).toBe(
      '{\n  "type": "endpoint.test",\n  "data": {\n    "ok": true\n  }\n}',
    );
    expect(readableBody('not json {')).toBe('not json {');
    expect(readableBody('')).toBe('');
  });
});

describe('attemptOutcome', () => {
  it('names the status the receiver answered with and how long it took', () => {
    expect(attemptOutcome({ statusCode: 200, durationMs: 45 })).toBe('Answered 200 in 45 ms');
    expect(attemptOutcome({ statusCode: 503, durationMs: 12 })).toBe('Refused with 503 in 12 ms');
  });

  it('says why no answer came', () => {
    expect(attemptOutcome({ error: 'The receiver did not answer within 10 s.', durationMs: 10000 })).toBe(
      'No answer after 10000 ms: The receiver did not answer within 10 s.',
    );
  });
});
