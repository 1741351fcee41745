using Sportello.Core.Text;

namespace Sportello.Organizations.Domain;

/// <summary>A change that would leave an organization without a legal representative.</summary>
public sealed class LastLegalRepresentativeException() : Exception(Reason.Italian)
{
    public static readonly LocalizedText Reason = new(
        "L'organizzazione deve avere sempre un legale rappresentante: prima nominane un altro.",
        "The organization must always have a legal representative: appoint another one first.");
}
