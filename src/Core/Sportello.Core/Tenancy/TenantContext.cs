namespace Sportello.Core.Tenancy;

/// <summary>
/// The tenant of the current request, job or recipe step. Scoped: the resolution middleware (or the job and
/// recipe runners) sets it once at the start of a scope, and services read it from then on.
/// </summary>
public sealed class TenantContext
{
    private static readonly AsyncLocal<Tenant?> Ambient = new();
    private Tenant? _tenant;

    /// <summary>
    /// The tenant of the code running now, for the few framework extension points that get no scope or
    /// HttpContext (data protection, cookie names). It flows with the async context from where
    /// <see cref="Set"/> was called, and never back out to the caller's caller.
    /// </summary>
    public static Tenant? Current => Ambient.Value;

    public bool HasTenant => _tenant is not null;

    public Tenant Tenant => _tenant ?? throw new InvalidOperationException("No tenant in this scope.");

    public TenantSettings Settings => Tenant.Settings;

    public string Name => Tenant.Name;

    public void Set(Tenant tenant)
    {
        if (_tenant is not null && _tenant.Name != tenant.Name)
        {
            throw new InvalidOperationException($"This scope already belongs to tenant '{_tenant.Name}'.");
        }

        _tenant = tenant;
        Ambient.Value = tenant;
    }

    /// <summary>The module's settings for this tenant, or a new instance with defaults when none were set.</summary>
    public T GetModuleSettings<T>(string moduleId) where T : class, new() => Tenant.ModuleSettings<T>(moduleId);
}
