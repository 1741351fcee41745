using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

public enum UserState
{
    Active,
    Invited,
    Locked,
}

public static class UserStates
{
    public static UserState Of(SportelloUser user, DateTimeOffset now) =>
        user.LockoutEnd is { } end && end > now ? UserState.Locked
        : user.IsInvited ? UserState.Invited
        : UserState.Active;

    public static string Display(UserState state) => state switch
    {
        UserState.Locked => "Bloccato",
        UserState.Invited => "Invitato",
        _ => "Attivo",
    };
}
