using Microsoft.AspNetCore.Identity;
using Sportello.Core.Events;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>
/// Sends the account e-mails that anonymous forms ask for, after those forms have answered: the answer then takes
/// the same time whether or not the address has an account. A repeated delivery sends the message again, which is
/// harmless (each link replaces none of the others).
/// </summary>
internal sealed class AccountMailHandler(UserManager<SportelloUser> users, AccountMail mail)
    : IDomainEventHandler<PasswordResetRequested>, IDomainEventHandler<ConfirmationRequested>, IDomainEventHandler<SignUpRepeated>
{
    public async Task HandleAsync(PasswordResetRequested domainEvent, EventContext context, CancellationToken ct)
    {
        if (await users.FindByIdAsync(domainEvent.UserId) is { EmailConfirmed: true } user)
        {
            await mail.SendPasswordResetAsync(user, ct);
        }
    }

    public async Task HandleAsync(ConfirmationRequested domainEvent, EventContext context, CancellationToken ct)
    {
        if (await users.FindByIdAsync(domainEvent.UserId) is { EmailConfirmed: false } user)
        {
            await mail.SendEmailConfirmationAsync(user, ct);
        }
    }

    public async Task HandleAsync(SignUpRepeated domainEvent, EventContext context, CancellationToken ct)
    {
        if (await users.FindByIdAsync(domainEvent.UserId) is { } user)
        {
            await mail.SendAlreadyRegisteredAsync(user, ct);
        }
    }
}
