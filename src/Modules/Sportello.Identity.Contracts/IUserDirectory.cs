using Sportello.Core.Modules;

namespace Sportello.Identity;

/// <summary>The tenant's users as other modules may see them: who someone is, never how they sign in.</summary>
[ModuleContract("identity")]
public interface IUserDirectory
{
    Task<UserSummary?> FindByEmailAsync(string email, CancellationToken ct = default);

    Task<UserSummary?> FindByIdAsync(string userId, CancellationToken ct = default);
}

/// <summary>A user's id, address and name.</summary>
public sealed record UserSummary(string Id, string Email, string DisplayName);
