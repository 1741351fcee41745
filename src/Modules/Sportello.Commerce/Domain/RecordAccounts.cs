using Sportello.Core.Audit;
using Sportello.Core.Tenancy;
using Sportello.Identity;
using Sportello.Organizations;

namespace Sportello.Commerce.Domain;

/// <summary>What an operator does from a customer record to the shop accounts that reach it, each audited with the record.</summary>
public sealed class RecordAccounts(IAccountRecords records, IOrganizationDirectory directory, ICustomerAccounts accounts, IAuditLog audit, TenantContext tenant)
{
    /// <summary>What the tenant's setting makes "Reset password" send.</summary>
    public PasswordDelivery Delivery => tenant.GetModuleSettings<CommerceSettings>(CommerceModule.ModuleId).OperatorReset;

    /// <summary>The record and the account, when the account reaches the record; null otherwise.</summary>
    public async Task<(OrganizationProfile Record, RecordAccount Account)?> FindAsync(Guid organizationId, string userId, CancellationToken ct)
    {
        if (await directory.FindAsync(organizationId, ct) is not { } record
            || (await records.AccountsOfAsync(organizationId, ct)).FirstOrDefault(a => a.UserId == userId) is not { } account)
        {
            return null;
        }

        return (record, account);
    }

    /// <summary>E-mails the account the link or the generated password; returns why nothing went out, null when sent.</summary>
    public async Task<string?> SendPasswordAsync(OrganizationProfile record, RecordAccount account, CancellationToken ct)
    {
        var delivery = Delivery;
        if (await accounts.SendPasswordAsync(account.UserId, delivery, ct) is { } problem)
        {
            return problem;
        }

        await audit.RecordAsync(CommerceAuditActions.Record(CommerceAuditActions.PasswordSent, account.UserId, account.Email, record.Id, record.LegalName,
            new Dictionary<string, object?> { ["delivery"] = delivery == PasswordDelivery.Link ? "link" : "generated password" }), ct);
        return null;
    }

    public async Task<Dissociation> DissociateAsync(OrganizationProfile record, RecordAccount account, CancellationToken ct)
    {
        var outcome = await records.DissociateAsync(record.Id, account.UserId, ct);
        if (outcome == Dissociation.Dissociated)
        {
            await audit.RecordAsync(CommerceAuditActions.Record(CommerceAuditActions.Dissociated, account.UserId, account.Email, record.Id, record.LegalName), ct);
        }

        return outcome;
    }
}
