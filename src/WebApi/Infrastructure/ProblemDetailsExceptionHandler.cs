using System.Data.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Infrastructure;

/// <summary>
/// The one place where exceptions become HTTP answers. Expected outcomes (validation, not found, conflicts)
/// are not logged as errors; anything else is a 500 whose body says nothing about the cause.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetailsService, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path, exception);
        }
        else if (StorageRefusedValue(exception))
        {
            // A 400 all the same, but it means a validator let a value through: worth a look.
            LogRefusedByStorage(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => Validation(validation.Errors.GroupBy(e => JsonPath.CamelCase(e.PropertyName), e => e.ErrorMessage)),
        DomainValidationException domain => Validation(new[] { domain.Message }.GroupBy(_ => JsonPath.CamelCase(domain.PropertyName))),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found", notFound.Message),
        UnauthenticatedException unauthenticated => Problem(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Unauthorized", unauthenticated.Message),
        ForbiddenAccessException or OrderActionForbiddenException => Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden", exception.Message),
        InvalidTransitionException invalid => InvalidTransition(invalid),
        ConcurrencyConflictException { PreconditionSent: true } stale =>
            Problem(StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "Precondition failed", stale.Message),
        ConcurrencyConflictException conflict => Problem(StatusCodes.Status409Conflict, ProblemTypes.ConcurrencyConflict, "Conflict", conflict.Message),
        DuplicateException duplicate => Problem(StatusCodes.Status409Conflict, ProblemTypes.Duplicate, "Already exists", duplicate.Message),
        DomainRuleException rule => Problem(StatusCodes.Status409Conflict, ProblemTypes.RuleViolation, "Not possible now", rule.Message),
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} while serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string method, PathString path, Exception exception);
}
