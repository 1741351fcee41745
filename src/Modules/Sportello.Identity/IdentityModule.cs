using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Hosting;
using Sportello.Core.Modules;
using Sportello.Core.Recipes;
using Sportello.Core.Tenancy;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;
using Sportello.Identity.Security;
using Sportello.Identity.Recipes;

namespace Sportello.Identity;

/// <summary>
/// Users, roles and sign-in for each tenant, on ASP.NET Core Identity. One registration serves every tenant:
/// the stores live in the tenant's database, cookies carry the tenant in their name and path, and data protection
/// is scoped to the tenant, so a user or cookie of one tenant means nothing to another.
/// </summary>
public sealed class IdentityModule : Module
{
    public const string ModuleId = "identity";

    public override string Id => ModuleId;
    public override string Name => "Utenti e accessi";
    public override string Description => "Utenti, ruoli, permessi e accesso allo sportello.";
    public override IReadOnlyList<string> Dependencies => ["mail"];
    public override Type SettingsType => typeof(IdentitySettings);
    public override IEnumerable<Type> RecipeSteps => [typeof(RolesStep), typeof(UsersStep)];

    public override IEnumerable<Permission> Permissions => IdentityPermissions.All;

    public override IEnumerable<Sportello.Core.Audit.AuditAction> AuditActions => AuditActionNames.All;

    public override IEnumerable<AdminMenuEntry> AdminMenu =>
    [
        new("Utenti", "/admin/users", IdentityPermissions.ManageUsers, 10),
        new("Ruoli", "/admin/roles", IdentityPermissions.ManageRoles, 20),
    ];

    public override IEnumerable<CustomerMenuEntry> CustomerMenu =>
    [
        new("Il mio account", "/account", Order: 90),
        new("Back office", "/admin", KernelPermissions.AdminAccess, 100),
    ];

    public override IEnumerable<CustomerCard> CustomerCards => [new("Il tuo account", typeof(Pages.Area.AccountCard), Order: 90)];

    public override IEnumerable<PlanLimit> Limits =>
        [new(UserCount.LimitKey, "Utenti", "Account di clienti e personale dello sportello.")];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<IdentityStoreDbContext>();
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section));
        services.AddScoped<AccountMail>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<RoleGuard>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IAccountRecovery, AccountRecovery>();
        services.AddScoped<ICustomerAccounts, CustomerAccounts>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<PasswordChangeRequired>());
        services.AddScoped<SignInThrottle>();
        services.AddScoped<PasskeySignIn>();
        Handle<PasswordResetRequested, AccountMailHandler>(services);
        Handle<ConfirmationRequested, AccountMailHandler>(services);
        Handle<SignUpRepeated, AccountMailHandler>(services);
        services.AddScoped<IPlanUsage, UserCount>();
        services.AddScoped<ITenantExportContributor, RolesExport>();
        services.AddScoped<ITenantExportContributor, UsersExport>(); // after the roles it names
        services.AddHttpContextAccessor();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AdminTwoFactorRule>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<SportelloUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedEmail = true;
                o.Tokens.PasswordResetTokenProvider = TimedTokenProvider.ProviderName;
                o.Tokens.EmailConfirmationTokenProvider = TimedTokenProvider.ProviderName;
                o.Tokens.ChangeEmailTokenProvider = TimedTokenProvider.ProviderName;
                o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.ProviderName;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3; // passkeys
            })
            .AddRoles<SportelloRole>()
            .AddEntityFrameworkStores<IdentityStoreDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TimedTokenProvider>(TimedTokenProvider.ProviderName)
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.ProviderName)
            .AddClaimsPrincipalFactory<PermissionClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
        });
        // Claims (roles, permissions, two-factor) are rebuilt from the store at most a minute after they change.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        foreach (var (scheme, cookie) in new[]
        {
            (IdentityConstants.ApplicationScheme, ".sportello.auth"),
            (IdentityConstants.ExternalScheme, ".sportello.ext"),
            (IdentityConstants.TwoFactorUserIdScheme, ".sportello.2fa"),
            (IdentityConstants.TwoFactorRememberMeScheme, ".sportello.2fa-remember"),
        })
        {
            services.PostConfigure<CookieAuthenticationOptions>(scheme, o => o.Cookie = new TenantCookieBuilder(o.Cookie, cookie));
        }
    }

    // API clients get a status code, not a redirect to the sign-in page. Pages get a redirect within the site: the
    // framework builds an absolute one from the request's Host, which a client chooses.
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
