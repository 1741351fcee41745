using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Commerce.Domain;
using Sportello.Commerce.Recipes;
using Sportello.Core.Modules;

namespace Sportello.Commerce;

/// <summary>
/// Customers' shop accounts as the back office manages them: find one among many, reset its password, deactivate
/// it, and untie it from one of the customer records it reaches. Accounts belong to Identity and records to
/// Organizations; this module reaches both only through their contracts.
/// </summary>
public sealed class CommerceModule : Module
{
    public const string ModuleId = "commerce";

    /// <summary>Identity's and Organizations' ids, which this module may name but not reference: only their contracts.</summary>
    private const string IdentityModuleId = "identity";

    private const string OrganizationsModuleId = "organizations";

    public override string Id => ModuleId;
    public override string Name => "Utenti e-commerce";
    public override string Description => "Gli account del negozio dei clienti: ricerca, reimpostazione della password, disattivazione e dissociazione dalle anagrafiche.";
    public override IReadOnlyList<string> Dependencies => [IdentityModuleId, OrganizationsModuleId];
    public override IEnumerable<Permission> Permissions => CommercePermissions.All;
    public override IEnumerable<Sportello.Core.Audit.AuditAction> AuditActions => CommerceAuditActions.All;
    public override Type SettingsType => typeof(CommerceSettings);
    public override IEnumerable<Type> RecipeSteps => [typeof(CommerceStep)];

    public override IEnumerable<AdminMenuEntry> AdminMenu => [new("Utenti e-commerce", "/admin/commerce/users", CommercePermissions.Users, 18)];

    public override IEnumerable<CustomerRecordPanel> CustomerRecordPanels => [new(typeof(Pages.Admin.Commerce.Records.AccountsPanel), CommercePermissions.Users, 10)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RecordAccounts>();
    }
}
