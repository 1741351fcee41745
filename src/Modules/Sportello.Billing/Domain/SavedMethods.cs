using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;

namespace Sportello.Billing.Domain;

/// <summary>Where a provider keeps reusable methods: what one is, and taking it away.</summary>
public interface IPaymentMethodVault
{
    PaymentProvider Provider { get; }

    Task<SavedMethodFacts> DescribeAsync(string providerMethodId, CancellationToken ct);

    Task DetachAsync(string providerMethodId, CancellationToken ct);
}

public sealed record SavedMethodFacts(PaymentMethod Method, string Label, string? Last4, int? ExpiryMonth, int? ExpiryYear);

/// <summary>
/// The organization's reusable cards and TWINT accounts: remembered when a payment saved one (the first becomes the
/// default), made default, removed (detached at the provider first, so nothing can charge it again).
/// </summary>
public sealed class SavedMethods(BillingDbContext db, IEnumerable<IPaymentMethodVault> vaults, TimeProvider clock)
{
    public Task<List<SavedPaymentMethod>> OfAsync(Guid organizationId, CancellationToken ct) =>
        db.SavedMethods.AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .OrderByDescending(m => m.IsDefault).ThenByDescending(m => m.SavedUtc).ToListAsync(ct);

    public async Task RememberAsync(Guid organizationId, PaymentProvider provider, string providerMethodId, CancellationToken ct)
    {
        if (await db.SavedMethods.AnyAsync(m => m.OrganizationId == organizationId && m.ProviderMethodId == providerMethodId, ct))
        {
            return;
        }

        var facts = await vaults.Single(v => v.Provider == provider).DescribeAsync(providerMethodId, ct);
        await ConflictRetry.RunAsync(db, async () =>
        {
            if (await db.SavedMethods.AnyAsync(m => m.OrganizationId == organizationId && m.ProviderMethodId == providerMethodId, ct))
            {
                return false;
            }

            db.SavedMethods.Add(new SavedPaymentMethod
            {
                OrganizationId = organizationId, Provider = provider, ProviderMethodId = providerMethodId, Method = facts.Method,
                Label = facts.Label.Length > 40 ? facts.Label[..40] : facts.Label, Last4 = facts.Last4, ExpiryMonth = facts.ExpiryMonth, ExpiryYear = facts.ExpiryYear,
                IsDefault = !await db.SavedMethods.AnyAsync(m => m.OrganizationId == organizationId, ct), SavedUtc = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
            return true;
        });
    }

    /// <returns>False when the organization has no such method.</returns>
    public Task<bool> MakeDefaultAsync(Guid organizationId, Guid methodId, CancellationToken ct) => ConflictRetry.RunAsync(db, async () =>
    {
        var methods = await db.SavedMethods.Where(m => m.OrganizationId == organizationId).ToListAsync(ct);
        if (methods.All(m => m.Id != methodId))
        {
            return false;
        }

        methods.ForEach(m => m.IsDefault = m.Id == methodId);
        await db.SaveChangesAsync(ct);
        return true;
    });

    /// <returns>False when the organization has no such method.</returns>
    public async Task<bool> RemoveAsync(Guid organizationId, Guid methodId, CancellationToken ct)
    {
        var method = await db.SavedMethods.FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.Id == methodId, ct);
        if (method is null)
        {
            return false;
        }

        await vaults.Single(v => v.Provider == method.Provider).DetachAsync(method.ProviderMethodId, ct);
        db.SavedMethods.Remove(method);
        if (method.IsDefault && await db.SavedMethods.Where(m => m.OrganizationId == organizationId && m.Id != methodId)
                .OrderByDescending(m => m.SavedUtc).FirstOrDefaultAsync(ct) is { } next)
        {
            next.IsDefault = true;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
