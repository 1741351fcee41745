using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sportello.Core.Storage;

/// <summary>
/// Points a connection from the server's shared pool at the tenant's schema as it is opened. Npgsql resets session
/// state when a connection goes back to the pool, so a tenant never inherits another's search path.
/// </summary>
internal sealed class SearchPathInterceptor(string schema) : DbConnectionInterceptor
{
    private readonly string _command = $"SET search_path TO \"{schema.Replace("\"", "\"\"")}\"";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _command;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _command;
        await command.ExecuteNonQueryAsync(ct);
    }
}
