using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sportello.Identity.Data;

using Sportello.Identity.Domain;

namespace Sportello.Identity.Security;

/// <summary>
/// On every request of a signed-in user, the security stamp in the cookie is compared with the user's stamp in the
/// store (one indexed read). Locking, a password change or reset, a two-factor reset or a change of roles rotates
/// the stamp, so every other session of that user ends with its next request, not up to half an hour later.
/// Identity's own validator still runs after it, to refresh the claims from time to time.
/// </summary>
internal static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || !services.GetRequiredService<IOptions<SessionOptions>>().Value.CheckEveryRequest)
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
            return;
        }

        var stamp = await services.GetRequiredService<IdentityStoreDbContext>().Users
            .Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (stamp is null || stamp != principal.FindFirstValue(stampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
