using Sportello.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Events;
using Sportello.Core.Storage;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Data;

/// <summary>Users, roles, tokens and passkeys of the current tenant, in the tenant's own store (Identity schema version 3).</summary>
public sealed class IdentityStoreDbContext(DbContextOptions<IdentityStoreDbContext> options)
    : IdentityDbContext<SportelloUser, SportelloRole, string>(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcDateTimeConverter.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ConfigureOutbox().ConfigureAudit();
        builder.Entity<SportelloUser>(e =>
        {
            e.ToTable("Identity_Users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Culture).HasMaxLength(10);
        });
        builder.Entity<SportelloRole>(e =>
        {
            e.ToTable("Identity_Roles");
            e.Property(r => r.Description).HasMaxLength(500);
        });
        builder.Entity<IdentityUserRole<string>>().ToTable("Identity_UserRoles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("Identity_UserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("Identity_UserLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("Identity_UserTokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("Identity_RoleClaims");
        builder.Entity<IdentityUserPasskey<string>>().ToTable("Identity_UserPasskeys");
    }
}
