using Microsoft.EntityFrameworkCore;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>
/// The back office's search of customer accounts, as one query: customers only, by a few letters of the name or
/// the e-mail, by state, by name, a page at a time. Public so the benchmark measures this very query.
/// </summary>
public static class AccountSearch
{
    /// <summary>Users who hold no role but the customer's (<paramref name="customerRoleId"/>): staff never show up here.</summary>
    public static IQueryable<SportelloUser> Customers(IdentityStoreDbContext db, string? customerRoleId) =>
        db.Users.AsNoTracking().Where(u => !db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId != customerRoleId));

    /// <summary>One page (of <paramref name="size"/>, plus one row telling whether another follows).</summary>
    public static IQueryable<SportelloUser> Page(IQueryable<SportelloUser> customers, string? text, AccountStatusFilter status, int page, int size)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            // Upper case on both sides, as NormalizedEmail already is: on PostgreSQL the trigram indexes of M0007
            // answer these LIKEs; SQLite scans, which stays fast at a single reseller's size.
            var pattern = "%" + Escape(text.Trim().ToUpperInvariant()) + "%";
            customers = customers.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern, "\\") || EF.Functions.Like(u.DisplayName.ToUpper(), pattern, "\\"));
        }

        customers = status switch
        {
            AccountStatusFilter.Active => customers.Where(u => u.LockoutEnd == null || u.LockoutEnd != DateTimeOffset.MaxValue),
            AccountStatusFilter.Deactivated => customers.Where(u => u.LockoutEnd == DateTimeOffset.MaxValue),
            _ => customers,
        };

        return customers.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip((Math.Clamp(page, 1, 10_000) - 1) * size).Take(size + 1);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
