import { ApiException } from '@/lib/api/generated';
import { fieldMessages, toApiError } from '@/lib/errors';

describe('toApiError', () => {
  it('turns a ValidationProblemDetails into a validation error with its field map', () => {
    const problem = {
      type: '/problems/validation',
      title: 'One or more fields are invalid.',
      status: 400,
      errors: { 'customer.name': ['Required.'] },
    };
    const error = toApiError(new ApiException('x', 400, JSON.stringify(problem), {}, problem));
    expect(error.kind).toBe('validation');
    expect(fieldMessages(error.fieldErrors, 'Customer.Name')).toEqual(['Required.']);
  });

  it('recognises an invalid transition by its problem type', () => {
    const problem = {
      type: '/problems/invalid-transition',
      title: 'Invalid transition',
      status: 409,
      detail: 'Pending cannot move to Delivered.',
    };
    const error = toApiError(new ApiException('x', 409, JSON.stringify(problem), {}, null));
    expect(error.kind).toBe('invalid-transition');
    expect(error.userMessage).toBe('Pending cannot move to Delivered.');
  });

  it('treats anything that is not an API answer as a network failure', () => {
    expect(toApiError(new TypeError('Failed to fetch')).kind).toBe('network');
  });
});
