namespace Sportello.Organizations;

/// <summary>What kind of customer an organization is; it decides which tax codes it needs.</summary>
public enum OrganizationKind
{
    Person,
    SoleTrader,
    Company,
    PublicBody,
}
