namespace Sportello.Core.Tenancy;

/// <summary>
/// Times are stored in UTC and shown in the tenant's time zone (Europe/Rome unless its recipe says otherwise):
/// the one conversion every page and e-mail uses.
/// </summary>
public static class TenantTime
{
    public static DateTime Local(this Tenant tenant, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), tenant.TimeZone);

    public static DateOnly Today(this Tenant tenant, TimeProvider time) =>
        DateOnly.FromDateTime(tenant.Local(time.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instant at which a local day begins for the tenant (for "from" filters on dates people type).</summary>
    public static DateTime StartOfDayUtc(this Tenant tenant, DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), tenant.TimeZone);
}
