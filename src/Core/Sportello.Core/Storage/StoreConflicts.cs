using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sportello.Core.Storage;

/// <summary>
/// Failures that mean "someone else changed the same data at the same moment": an optimistic-concurrency check, a
/// serialization failure or deadlock, a duplicate inserted by a parallel request, a store busy with another writer.
/// They answer 409 with "try again" instead of a 500.
/// </summary>
public static class StoreConflicts
{
    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        PostgresException pg => pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 || sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        InvalidOperationException { InnerException: { } inner } => IsConflict(inner),
        _ => false,
    };

    /// <summary>For the exception handlers: 409 for a conflict, otherwise the usual 500.</summary>
    public static int StatusCode(Exception exception) => IsConflict(exception) ? 409 : 500;
}
