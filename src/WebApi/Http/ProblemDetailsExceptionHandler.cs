using System.Data.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.WebApi.Security;
using OrderTracking.WebApi.Serialization;

namespace OrderTracking.WebApi.Http;

/// <summary>
/// The one place where exceptions become HTTP answers, and the one place a failed request is logged (EF Core's
/// own error entries are turned down to Debug, see AppDbContextOptions). Expected outcomes (validation, not
/// found, conflicts) are not logged as errors; a client that went away is not an error at all; a database that
/// is down or restarting is a 503 with Retry-After, logged once without a stack trace; anything else is a 500
/// whose body says nothing about the cause.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetailsService, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>A database restart takes a few seconds; asking sooner mostly adds load while it comes back.</summary>
    private const int RetryAfterSecondsWhenUnavailable = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException or IOException && httpContext.RequestAborted.IsCancellationRequested)
        {
            LogClientWentAway(logger, httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        if (exception is TooManyRequestsException tooMany)
        {
            // A handler's budget answers as the limits at the door do: the same problem, Retry-After included.
            await RateLimits.WriteTooManyRequestsAsync(httpContext, tooMany.RetryAfter);
            return true;
        }

        var problem = ToProblem(exception, preconditionSent: httpContext.Request.Headers.IfMatch.Count > 0);
        switch (problem.Status)
        {
            case StatusCodes.Status503ServiceUnavailable when problem.Type == ProblemTypes.TimedOut:
                httpContext.Response.Headers.RetryAfter = RetryAfterSecondsWhenUnavailable.ToString(System.Globalization.CultureInfo.InvariantCulture);
                LogStatementTimedOut(logger, httpContext.Request.Method, httpContext.Request.Path);
                break;
            case StatusCodes.Status503ServiceUnavailable:
                httpContext.Response.Headers.RetryAfter = RetryAfterSecondsWhenUnavailable.ToString(System.Globalization.CultureInfo.InvariantCulture);
                LogDatabaseUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
                break;
            case StatusCodes.Status500InternalServerError:
                LogUnhandled(logger, exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path, exception);
                break;
            case StatusCodes.Status400BadRequest when StorageRefusedValue(exception):
                // A 400 all the same, but it means a validator let a value through: worth a look.
                LogRefusedByStorage(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
                break;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <param name="exception">What went wrong.</param>
    /// <param name="preconditionSent">The request carried <c>If-Match</c>: a conflict then means its precondition failed (412).</param>
    public static ProblemDetails ToProblem(Exception exception, bool preconditionSent = false) => exception switch
    {
        ValidationException validation => Validation(validation.Errors.GroupBy(e => JsonPath.CamelCase(e.PropertyName), e => e.ErrorMessage)),
        DomainValidationException domain => Validation(new[] { domain.Message }.GroupBy(_ => JsonPath.CamelCase(domain.PropertyName))),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found", notFound.Message),
        UnauthenticatedException unauthenticated => Problem(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Unauthorized", unauthenticated.Message),
        ForbiddenAccessException or OrderActionForbiddenException => Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden", exception.Message),
        InvalidTransitionException invalid => InvalidTransition(invalid),
        ConcurrencyConflictException stale when preconditionSent =>
            Problem(StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "Precondition failed", stale.Message),
        ConcurrencyConflictException conflict => Problem(StatusCodes.Status409Conflict, ProblemTypes.ConcurrencyConflict, "Conflict", conflict.Message),
        IdempotencyKeyReusedException reused => Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "Idempotency-Key reused", reused.Message),
        DuplicateException duplicate => Problem(StatusCodes.Status409Conflict, ProblemTypes.Duplicate, "Already exists", duplicate.Message),
        DomainRuleException rule => Problem(StatusCodes.Status409Conflict, ProblemTypes.RuleViolation, "Not possible now", rule.Message),
        _ when StatementTimedOut(exception) => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.TimedOut, "Took too long",
            $"The database took longer than this API allows for one request, so the request was stopped and any change it was making was undone. Narrow it (filters, a shorter period) or retry in {RetryAfterSecondsWhenUnavailable} seconds."),
        _ when DatabaseUnavailability.IsUnavailable(exception) => DatabaseUnavailable(),
        DependencyUnavailableException dependency => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.ServiceUnavailable, "Service unavailable",
            $"{dependency.Message} Retry in {RetryAfterSecondsWhenUnavailable} seconds; an Idempotency-Key makes a retried write safe."),
        BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemTypes.PayloadTooLarge : ProblemTypes.Validation, "Bad request", bad.Message),
        _ when StorageRefusedValue(exception) => Problem(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "Bad request",
            "A value in the request cannot be stored (out of range or not valid text)."),
        _ => Problem(StatusCodes.Status500InternalServerError, ProblemTypes.ServerError, "Server error", "Something went wrong on our side. It has been logged."),
    };

    /// <summary>
    /// PostgreSQL's data exceptions (SQLSTATE class 22: numeric overflow, NUL in text, a bad date) are about a
    /// value the client sent: a 400, never a 500. Validators refuse such values first; this is the safety net.
    /// </summary>
    private static bool StorageRefusedValue(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { SqlState: ['2', '2', _, _, _] })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The server cancelled a statement that outran its <c>statement_timeout</c> (SQLSTATE 57014; a cancellation because
    /// the client went away is an <see cref="OperationCanceledException"/> and answered above): the request's fault or
    /// the database's load, never a bug, and its transaction is rolled back.
    /// </summary>
    private static bool StatementTimedOut(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { SqlState: "57014" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The database is down, restarting or refusing connections, even after the execution strategy's retries. Not
    /// the request's fault and not a bug: the same request is expected to succeed shortly.
    /// </summary>
    private static ProblemDetails DatabaseUnavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.ServiceUnavailable, "Service unavailable",
            $"The database cannot be reached right now. Retry in {RetryAfterSecondsWhenUnavailable} seconds; an Idempotency-Key makes a retried write safe.");

    private static ValidationProblemDetails Validation(IEnumerable<IGrouping<string, string>> errors) =>
        new(errors.ToDictionary(g => g.Key, g => g.Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid.",
        };

    private static ProblemDetails InvalidTransition(InvalidTransitionException invalid)
    {
        var problem = Problem(StatusCodes.Status409Conflict, ProblemTypes.InvalidTransition, "Invalid status transition", invalid.Message);
        problem.Extensions["currentStatus"] = invalid.Current.ToString();
        problem.Extensions["requestedStatus"] = invalid.Requested.ToString();
        problem.Extensions["allowed"] = invalid.Allowed.Select(s => s.ToString()).ToArray();
        return problem;
    }

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database refused a value of {Method} {Path}; a validator should have")]
    private static partial void LogRefusedByStorage(ILogger logger, string method, PathString path, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database unavailable while serving {Method} {Path}, answered 503: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A statement of {Method} {Path} outran the statement timeout, answered 503")]
    private static partial void LogStatementTimedOut(ILogger logger, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client went away during {Method} {Path}")]
    private static partial void LogClientWentAway(ILogger logger, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} while serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string method, PathString path, Exception exception);
}
