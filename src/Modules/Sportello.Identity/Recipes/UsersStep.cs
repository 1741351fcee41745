using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sportello.Core.Recipes;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Recipes;

public sealed record UsersStepModel
{
    public required IReadOnlyList<UserModel> Users { get; init; }
}

public sealed record UserModel
{
    public required string Email { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>Usually a recipe variable ("{{ adminPassword }}"), so the secret stays out of the recipe file.</summary>
    public string? Password { get; init; }

    /// <summary>Instead of a password: e-mail the user a one-time link to choose one.</summary>
    public bool Invite { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];
}

/// <summary>
/// "users": creates users with a password, or invites them (a one-time link to choose it is e-mailed), and gives them
/// roles. A user who already exists keeps their password (it may have been changed since) and only gains the roles
/// listed, so running the recipe again changes nothing and invites nobody twice.
/// </summary>
public sealed class UsersStep(TimeProvider time, IOptions<IdentityOptions> identity) : RecipeStep<UsersStepModel>
{
    public override string Name => "users";
    public override string ModuleId => IdentityModule.ModuleId;

    protected override IEnumerable<ValidationProblem> Validate(UsersStepModel step, RecipePlan plan)
    {
        var roles = RolesStep.PlannedRoleNames(plan);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < step.Users.Count; i++)
        {
            var user = step.Users[i];
            if (EmailAddress.Check(user.Email) is { } emailError)
            {
                yield return new($"$.users[{i}].email", emailError);
            }
            else if (!seen.Add(user.Email))
            {
                yield return new($"$.users[{i}].email", $"L'utente '{user.Email}' è ripetuto.");
            }

            if (user.Password is null == !user.Invite)
            {
                yield return new($"$.users[{i}].password", "Indica una password oppure \"invite\": true (il collegamento per sceglierla arriva per e-mail), non entrambi.");
            }

            foreach (var problem in user.Password is null ? [] : PasswordRules.Check(user.Password, identity.Value.Password))
            {
                yield return new($"$.users[{i}].password", problem);
            }

            for (var r = 0; r < user.Roles.Count; r++)
            {
                if (!roles.Contains(user.Roles[r]))
                {
                    yield return new($"$.users[{i}].roles[{r}]", $"Il ruolo '{user.Roles[r]}' non esiste: usa {string.Join(", ", roles.Order())} o definiscilo in un passo \"roles\" precedente.");
                }
            }
        }
    }

    protected override async Task ExecuteAsync(UsersStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var users = context.Services.GetRequiredService<UserManager<SportelloUser>>();
        await RoleSeeding.EnsureDefaultRolesAsync(context.Services.GetRequiredService<RoleManager<SportelloRole>>());
        foreach (var model in step.Users)
        {
            var user = await users.FindByEmailAsync(model.Email);
            if (user is null)
            {
                user = new SportelloUser
                {
                    UserName = model.Email,
                    Email = model.Email,
                    EmailConfirmed = true,
                    DisplayName = model.DisplayName ?? string.Empty,
                    CreatedUtc = time.GetUtcNow().UtcDateTime,
                };
                Check(model.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, model.Password), model.Email);
                if (model.Invite)
                {
                    await context.Services.GetRequiredService<AccountMail>().SendSetPasswordAsync(user, ct);
                }
            }

            var held = await users.GetRolesAsync(user);
            var missing = model.Roles.Except(held, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                Check(await users.AddToRolesAsync(user, missing), model.Email);
            }
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Utente '{email}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
