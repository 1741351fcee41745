using Sportello.Core.Modules;

namespace Sportello.Organizations;

/// <summary>
/// The tenant's support inside a customer's content: only in the product areas the organization opened to it, for
/// seven days at most, each opening recorded in the organization's activity log where the customer reads it.
/// </summary>
[ModuleContract("organizations")]
public interface ISupportAccess
{
    /// <summary>Whether support may open the organization's content in <paramref name="area"/> now.</summary>
    Task<bool> IsOpenAsync(Guid organizationId, string area, CancellationToken ct = default);

    /// <summary>
    /// Records that the signed-in operator is opening <paramref name="what"/> (a PEC mailbox, an SMS alias) in the
    /// area; false, recording nothing, when the organization has not opened it.
    /// </summary>
    Task<bool> OpenAsync(Guid organizationId, string area, string what, CancellationToken ct = default);
}
