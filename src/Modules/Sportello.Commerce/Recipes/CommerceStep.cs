using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Recipes;
using Sportello.Core.Validation;
using Sportello.Identity;

namespace Sportello.Commerce.Recipes;

/// <param name="Deactivated">E-mail addresses of customer accounts (created by the <c>users</c> step) that cannot sign in.</param>
public sealed record CommerceStepModel(IReadOnlyList<string>? Deactivated = null);

/// <summary>
/// "commerce": the state of shop accounts a demo shows, such as a deactivated one. Running it again changes
/// nothing; which records an account reaches is the <c>organizations</c> step's business.
/// </summary>
public sealed class CommerceStep : RecipeStep<CommerceStepModel>
{
    public override string Name => "commerce";
    public override string ModuleId => CommerceModule.ModuleId;

    protected override async Task ExecuteAsync(CommerceStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var users = context.Services.GetRequiredService<IUserDirectory>();
        var accounts = context.Services.GetRequiredService<ICustomerAccounts>();
        var deactivated = step.Deactivated ?? [];
        for (var i = 0; i < deactivated.Count; i++)
        {
            var account = await users.FindByEmailAsync(deactivated[i], ct) is { } user ? await accounts.FindAsync(user.Id, ct) : null;
            if (account is null)
            {
                throw new SportelloValidationException($"$.deactivated[{i}]", $"Nessun cliente con l'indirizzo {deactivated[i]}: crealo prima con il passo \"users\" (il personale si blocca dalla pagina degli utenti).");
            }

            if (account.Active)
            {
                await accounts.SetActiveAsync(account.Id, active: false, ct);
            }
        }
    }
}
