using Microsoft.Extensions.Localization;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages;

/// <summary>Roles and kinds in words (Italian: the localizer's keys), for the customer area and the back office alike.</summary>
public static class OrganizationNames
{
    public static string Of(OrganizationRole role) => role switch
    {
        OrganizationRole.LegalRepresentative => "Legale rappresentante",
        OrganizationRole.Administrator => "Amministratore",
        _ => "Collaboratore",
    };

    public static string Of(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Person => "Persona",
        OrganizationKind.SoleTrader => "Ditta individuale",
        OrganizationKind.Company => "Società",
        _ => "Ente pubblico",
    };

    public static string Of(IdentityCheckPurpose purpose) => purpose switch
    {
        IdentityCheckPurpose.DisableTwoFactor => "Disattivare la verifica in due passaggi",
        IdentityCheckPurpose.UnlockAccount => "Sbloccare l'account",
        IdentityCheckPurpose.HeldOrder => "Ordine trattenuto",
        _ => "Conoscere il cliente",
    };

    public static string Of(IdentityCheckStatus status) => status switch
    {
        IdentityCheckStatus.Open => "In attesa dell'utente",
        IdentityCheckStatus.Submitted => "Da esaminare",
        IdentityCheckStatus.Approved => "Approvata",
        _ => "Respinta",
    };

    /// <summary>A handling time in the largest units that matter: "2 h 15 min", "3 giorni 4 h".</summary>
    public static string Duration(TimeSpan span, IStringLocalizer L) => span switch
    {
        { TotalDays: >= 1 } => L["{0} giorni {1} h", (int)span.TotalDays, span.Hours],
        { TotalHours: >= 1 } => L["{0} h {1} min", (int)span.TotalHours, span.Minutes],
        _ => L["{0} min", Math.Max(1, (int)Math.Round(span.TotalMinutes))],
    };
}
