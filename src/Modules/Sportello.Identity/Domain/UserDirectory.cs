using Microsoft.AspNetCore.Identity;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

internal sealed class UserDirectory(UserManager<SportelloUser> users) : IUserDirectory
{
    public async Task<UserSummary?> FindByEmailAsync(string email, CancellationToken ct = default) =>
        Summary(await users.FindByEmailAsync(email));

    public async Task<UserSummary?> FindByIdAsync(string userId, CancellationToken ct = default) =>
        Summary(await users.FindByIdAsync(userId));

    private static UserSummary? Summary(SportelloUser? user) =>
        user is null ? null : new(user.Id, user.Email ?? string.Empty, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName);
}
