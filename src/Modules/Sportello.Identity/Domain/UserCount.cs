using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>Usage of the "identity.users" plan limit: the tenant's user accounts.</summary>
public sealed class UserCount(IdentityStoreDbContext db) : IPlanUsage
{
    public const string LimitKey = "identity.users";

    public string Key => LimitKey;

    public Task<long> CountAsync(CancellationToken ct) => db.Users.LongCountAsync(ct);
}
