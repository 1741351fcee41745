using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;

namespace Sportello.Core.Storage;

/// <summary>Absolute locations under App_Data; one place decides where files go.</summary>
public sealed class StorePaths(IOptions<SportelloOptions> options, IHostEnvironment environment)
{
    public string AppData { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.AppData));

    /// <summary>Where the Data Protection key ring is kept on a single node.</summary>
    public string Keys => Path.Combine(AppData, "keys");

    public string HostDatabase => Path.Combine(AppData, "host.db");

    /// <summary>Uploads unpacked for the length of one request (a recipe archive), each in a folder of its own.</summary>
    public string Uploads => Path.Combine(AppData, "uploads");

    /// <summary>The folder of a tenant's files (SQLite store, search index, uploads).</summary>
    public string TenantFolder(string tenant) => Path.Combine(AppData, "tenants", tenant);

    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(AppData, relative));
}
