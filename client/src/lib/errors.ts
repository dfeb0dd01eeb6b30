import { ApiException, type ProblemDetails, type ValidationProblemDetails } from './api/generated';

export type ApiErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'invalid-transition'
  | 'precondition-failed'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'network';

/** Field path (camelCase, as the API reports it: `customer.name`, `items[0].quantity`) → messages. */
export type FieldErrors = Record<string, string[]>;

/**
 * Every failure of an API call, normalised from the generated client's ApiException (which carries the
 * RFC 9457 ProblemDetails) or from a network error, so components branch on `kind` and forms read `fieldErrors`.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly type?: string;
  readonly fieldErrors: FieldErrors;

  constructor(init: { kind: ApiErrorKind; status: number; title: string; detail?: string; type?: string; fieldErrors?: FieldErrors }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.fieldErrors = init.fieldErrors ?? {};
  }

  /** The sentence to show a person. */
  get userMessage(): string {
    return this.detail ?? this.title;
  }
}

function kindOf(status: number, type: string | undefined): ApiErrorKind {
  if (type?.endsWith('/invalid-transition')) return 'invalid-transition';
  switch (status) {
    case 400:
    case 422:
      return 'validation';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 412:
      return 'precondition-failed';
    case 429:
      return 'rate-limited';
    default:
      return 'server';
  }
}

const defaultTitles: Record<ApiErrorKind, string> = {
  validation: 'Some fields are not valid.',
  unauthenticated: 'Please sign in again.',
  forbidden: 'You are not allowed to do that.',
  'not-found': 'Not found.',
  'invalid-transition': 'That change is not possible any more.',
  'precondition-failed': 'Someone else changed this in the meantime. Reload and try again.',
  conflict: 'That conflicts with the current state. Reload and try again.',
  'rate-limited': 'Too many requests. Wait a moment and try again.',
  server: 'Something went wrong on our side. Try again in a moment.',
  network: 'Cannot reach the server. Check your connection and try again.',
};

function parseProblem(exception: ApiException): (ProblemDetails & Partial<ValidationProblemDetails>) | undefined {
  if (exception.result && typeof exception.result === 'object') return exception.result as ProblemDetails;
  try {
    const parsed: unknown = exception.response ? JSON.parse(exception.response) : undefined;
    return parsed && typeof parsed === 'object' ? (parsed as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ApiException || ApiException.isApiException(error as object)) {
    const exception = error as ApiException;
    const problem = parseProblem(exception);
    const status = exception.status;
    const kind = kindOf(status, problem?.type);
    const fieldErrors = problem?.errors && typeof problem.errors === 'object' ? (problem.errors as FieldErrors) : {};
    return new ApiError({
      kind,
      status,
      title: problem?.title ?? defaultTitles[kind],
      detail: problem?.detail ?? (problem?.title ? undefined : defaultTitles[kind]),
      type: problem?.type,
      fieldErrors,
    });
  }
  return new ApiError({ kind: 'network', status: 0, title: defaultTitles.network });
}

/** The messages for one field, matching the API's path case-insensitively (`Customer.Name` = `customer.name`). */
export function fieldMessages(errors: FieldErrors | undefined, path: string): string[] | undefined {
  if (!errors) return undefined;
  if (errors[path]) return errors[path];
  const wanted = path.toLowerCase();
  const key = Object.keys(errors).find((k) => k.toLowerCase() === wanted);
  return key ? errors[key] : undefined;
}

/** Runs a generated-client call and rethrows any failure as an ApiError. */
export async function apiCall<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw toApiError(error);
  }
}
