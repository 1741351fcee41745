using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Globalization;
using TimeZoneConverter;

namespace Sportello.Core.Tenancy;

/// <summary>
/// A tenant as the running node sees it: its catalog settings plus what is derived from them once
/// (culture, time zone, the set used for module gating) so that no request has to derive it again.
/// </summary>
public sealed class Tenant
{
    public Tenant(TenantSettings settings, bool needsUpgrade = false, TenantActivity? activity = null)
    {
        Activity = activity ?? new TenantActivity();
        ProtectionPurpose = settings.ProtectionId is null ? "tenant:" + settings.Name : $"tenant:{settings.Name}:{settings.ProtectionId}";
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

    public TenantActivity Activity { get; }

    /// <summary>The data-protection purpose that isolates this tenant's protected payloads.</summary>
    public string ProtectionPurpose { get; }

    /// <summary>True when an enabled module has migrations newer than the tenant's store.</summary>
    public bool NeedsUpgrade { get; }

    internal TenantLogScope LogScope { get; }

    // Settings records are immutable and a Tenant is replaced whenever its settings change, so each module's
    // settings are deserialized once per Tenant rather than on every request that reads them.
    private readonly ConcurrentDictionary<(string ModuleId, Type Type), object> _moduleSettings = new();

    /// <summary>Drops what was derived lazily; it is derived again on next use.</summary>
    public void ReleaseCaches() => _moduleSettings.Clear();

    public bool IsEnabled(string moduleId) => EnabledModules.Contains(moduleId);

    /// <summary>The module's settings, or a new instance with defaults when none were set.</summary>
    public T ModuleSettings<T>(string moduleId) where T : class, new() =>
        (T)_moduleSettings.GetOrAdd((moduleId, typeof(T)), key => Settings.ModuleSettingsOf<T>(key.ModuleId));
}
