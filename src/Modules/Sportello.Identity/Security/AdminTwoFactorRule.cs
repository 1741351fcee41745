using Microsoft.AspNetCore.Authorization;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

using Sportello.Identity.Domain;

namespace Sportello.Identity.Security;

/// <summary>
/// Where the tenant requires it, an Administrator without an authenticator app holds none of their permissions
/// until they enrol one: back-office pages send them to enrol, APIs refuse with the reason. Because it fails the
/// permission requirement itself, no page, API or later module can forget to apply it.
/// </summary>
internal sealed class AdminTwoFactorRule(TenantContext tenant) : AuthorizationHandler<PermissionRequirement>
{
    public const string EnrolPath = "/account/two-factor/enable?required=true";
    public const string Reason = "Per usare il back office di questo sportello gli amministratori devono attivare la verifica in due passaggi.";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (tenant.HasTenant
            && user.IsInRole(DefaultRoles.Administrator)
            && !user.HasClaim(c => c.Type == PermissionClaimsFactory.TwoFactorClaim)
            && tenant.GetModuleSettings<IdentitySettings>(IdentityModule.ModuleId).RequireTwoFactorForAdministrators)
        {
            context.Fail(new AuthorizationRemedy(this, Reason, EnrolPath));
        }

        return Task.CompletedTask;
    }
}
