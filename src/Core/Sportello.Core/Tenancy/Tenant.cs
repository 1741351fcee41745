using System.Collections.Frozen;
using System.Globalization;
using TimeZoneConverter;

namespace Sportello.Core.Tenancy;

/// <summary>
/// A tenant as the running node sees it: its catalog settings plus what is derived from them once
/// (culture, time zone, the set used for module gating) so that no request has to derive it again.
/// </summary>
public sealed class Tenant
{
    public Tenant(TenantSettings settings, bool needsUpgrade = false)
    {
        Settings = settings;
        Culture = CultureInfo.GetCultureInfo(settings.Culture);
        TimeZone = TZConvert.GetTimeZoneInfo(settings.TimeZone);
        EnabledModules = settings.EnabledModules.ToFrozenSet(StringComparer.Ordinal);
        NeedsUpgrade = needsUpgrade;
        LogScope = new TenantLogScope(settings.Name);
        DisplayName = string.IsNullOrWhiteSpace(settings.Branding.DisplayName) ? settings.Name : settings.Branding.DisplayName;
    }

    public TenantSettings Settings { get; }
    public string Name => Settings.Name;
    public string DisplayName { get; }
    public CultureInfo Culture { get; }
    public TimeZoneInfo TimeZone { get; }
    public FrozenSet<string> EnabledModules { get; }

    /// <summary>True when an enabled module has migrations newer than the tenant's store.</summary>
    public bool NeedsUpgrade { get; }

    internal TenantLogScope LogScope { get; }

    public bool IsEnabled(string moduleId) => EnabledModules.Contains(moduleId);
}
