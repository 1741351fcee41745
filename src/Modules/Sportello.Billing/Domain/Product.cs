namespace Sportello.Billing.Domain;

/// <summary>
/// Something the tenant sells: a catalog product of a module's <see cref="ProductType"/>, with its VAT and a price for
/// each term it offers (list prices, and each agreement's own).
/// </summary>
public sealed class Product
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The tenant's code for it (<c>assistenza-annuale</c>), what orders name; unique in the catalog.</summary>
    public required string Code { get; init; }

    /// <summary>The product type's code (<c>billing.servizio</c>), which says which module fulfils it.</summary>
    public required string Type { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public decimal VatPercent { get; set; } = 22m;

    /// <summary>The legal nature of an exempt line (N2.2, N4...), required when the rate is zero.</summary>
    public string? VatNature { get; set; }

    /// <summary>Withdrawn products stay on past orders but cannot be ordered.</summary>
    public bool Active { get; set; } = true;

    public int Position { get; set; }

    /// <summary>
    /// For the generic "servizio": an operator starts it by hand after payment (a set-up, a training day), so the order
    /// stays paid until they do; otherwise it is active as soon as it is paid.
    /// </summary>
    public bool ManualActivation { get; set; }
}

/// <summary>A product's price for one term: the list price (no agreement) or an agreement's.</summary>
public sealed class ProductPrice
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid ProductId { get; init; }

    public Guid? AgreementId { get; init; }

    /// <summary>A <see cref="Term"/> code: 1y, 2y, 3y, 1m, one-off.</summary>
    public required string Term { get; init; }

    /// <summary>Net of VAT, in the tenant's currency.</summary>
    public decimal Amount { get; set; }
}
