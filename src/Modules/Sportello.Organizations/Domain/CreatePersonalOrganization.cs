using Microsoft.EntityFrameworkCore;
using Sportello.Core.Events;
using Sportello.Identity;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>
/// Someone who signs up alone gets an organization in their own name, as its legal representative; someone invited
/// signs up to join the inviting organization instead. Delivered again (after a crash), it finds them already a
/// member and does nothing.
/// </summary>
internal sealed class CreatePersonalOrganization(OrganizationsDbContext db, Memberships memberships, Invitations invitations) : IDomainEventHandler<UserSignedUp>
{
    public async Task HandleAsync(UserSignedUp e, EventContext context, CancellationToken ct)
    {
        if (await db.Members.AnyAsync(m => m.UserId == e.UserId, ct) || await invitations.PendingForAsync(e.Email, ct))
        {
            return;
        }

        await memberships.CreatePersonalAsync(new Person(e.UserId, e.Email, e.DisplayName), e.Culture?.StartsWith("en", StringComparison.Ordinal) == true ? "en" : "it", ct);
    }
}
