using Sportello.Core.Modules;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages;

/// <summary>The access choice's fields as the partial shows them; <see cref="Prefix"/> keeps ids unique when a page shows several.</summary>
public sealed record AccessChoiceForm(string Prefix, IReadOnlyList<ProductArea> Areas, ClientAccess Access, IReadOnlyCollection<string> Chosen, bool Billing)
{
    /// <summary>The product areas a limited access chooses among: billing has its own box.</summary>
    public static IReadOnlyList<ProductArea> Choosable(IEnumerable<ProductArea> areas) => areas.Where(a => a.Key != PartnerClient.BillingArea).ToList();
}
