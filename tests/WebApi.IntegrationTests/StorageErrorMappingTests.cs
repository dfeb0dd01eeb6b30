using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderTracking.WebApi.Http;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The safety net behind the validators: a PostgreSQL data exception (SQLSTATE class 22) is the client's value, a
/// 400, never a 500. No HTTP route reaches the database with such a value any more (the validators and the
/// control-character checks stop them first), so this holds the one exception handler's mapping directly.
/// </summary>
public sealed class StorageErrorMappingTests
{
    [Theory]
    [InlineData("22003", "numeric field overflow")]
    [InlineData("22021", "invalid byte sequence for encoding \"UTF8\": 0x00")]
    [InlineData("22P02", "invalid input syntax")]
    [InlineData("22008", "timestamp out of range")]
    public void Data_exceptions_are_400_whether_raised_by_a_query_or_wrapped_by_a_save(string sqlState, string message)
    {
        var raised = new PostgresException(message, "ERROR", "ERROR", sqlState);
        var wrapped = new DbUpdateException("An error occurred while saving the entity changes.", raised);

        foreach (var exception in new Exception[] { raised, wrapped, new InvalidOperationException("reading", raised) })
        {
            var problem = ProblemDetailsExceptionHandler.ToProblem(exception);
            Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
            Assert.Equal(ProblemTypes.Validation, problem.Type);
            Assert.DoesNotContain(message, problem.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("23505")]
    [InlineData("40001")]
    [InlineData("42P01")]
    public void Other_database_errors_stay_server_errors(string sqlState)
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new PostgresException("boom", "ERROR", "ERROR", sqlState));

        Assert.Equal(StatusCodes.Status500InternalServerError, problem.Status);
    }

    [Theory]
    [InlineData("53300")]
    [InlineData("57P01")]
    [InlineData("57P03")]
    public void Too_many_connections_and_a_server_shutting_down_are_503(string sqlState)
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new PostgresException("boom", "FATAL", "FATAL", sqlState));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.Status);
    }
}
