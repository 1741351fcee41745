using System.Text.Json;

namespace Sportello.Core.Tenancy;

/// <summary>
/// The catalog record of one tenant. It is small on purpose: everything a request needs to be
/// routed, gated and branded, and nothing that would make 10,000 of them expensive to hold.
/// </summary>
public sealed record TenantSettings
{
    public required string Name { get; init; }
    public TenantState State { get; init; } = TenantState.Uninitialized;
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public string? Prefix { get; init; }
    public required TenantStoreSettings Store { get; init; }

    /// <summary>Enabled module ids, sorted.</summary>
    public IReadOnlyList<string> EnabledModules { get; init; } = [];

    /// <summary>Last migration applied in the tenant's store, per module id (and "kernel").</summary>
    public IReadOnlyDictionary<string, long> ModuleVersions { get; init; } = new Dictionary<string, long>();

    /// <summary>Per-module settings as JSON, validated by each module's settings type.</summary>
    public IReadOnlyDictionary<string, JsonElement> ModuleSettings { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Plan limits by key (declared by modules, for example "identity.users"); a missing key means no limit.</summary>
    public IReadOnlyDictionary<string, long> Limits { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// Random, set at creation: it is part of every data-protection purpose of the tenant, so removing the tenant
    /// makes whatever was protected for it (cookies, tokens, stored secrets) unreadable, even to a later tenant
    /// of the same name. Never exported.
    /// </summary>
    public string? ProtectionId { get; init; }

    public string Theme { get; init; } = "storefront";
    public string Culture { get; init; } = "it-IT";
    public string TimeZone { get; init; } = "Europe/Rome";
    public string Currency { get; init; } = "EUR";
    public TenantBranding Branding { get; init; } = new();

    /// <summary>Incremented on every change; lets caches and other nodes tell a stale copy.</summary>
    public long Version { get; init; }

    public DateTime CreatedUtc { get; init; }
    public DateTime UpdatedUtc { get; init; }

    public bool IsDefault => Name == TenantNames.Default;
}
