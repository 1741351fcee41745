using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Modules;
using Sportello.Core.Storage;
using Sportello.Identity;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Recipes;
using Sportello.Organizations.Security;

namespace Sportello.Organizations;

/// <summary>
/// Customers as organizations: people, sole traders, companies and public bodies, with members in roles and always a
/// legal representative. Other modules know them only through <c>Sportello.Organizations.Contracts</c>.
/// </summary>
public sealed class OrganizationsModule : Module
{
    public const string ModuleId = "organizations";

    public override string Id => ModuleId;
    public override string Name => "Organizzazioni";
    public override string Description => "I clienti come organizzazioni: dati legali, membri e ruoli, sempre con un legale rappresentante.";
    public override IReadOnlyList<string> Dependencies => [IdentityModuleId, MailModuleId];
    public override IEnumerable<Permission> Permissions => OrganizationsPermissions.All;
    public override IEnumerable<Sportello.Core.Audit.AuditAction> AuditActions => OrganizationAuditActions.All;
    public override Type SettingsType => typeof(OrganizationsSettings);

    public override IEnumerable<Type> RecipeSteps => [typeof(OrganizationsStep)];

    public override IEnumerable<CustomerMenuEntry> CustomerMenu => [new("La mia organizzazione", "/area/organization", Order: 10)];

    public override IEnumerable<AdminMenuEntry> AdminMenu =>
    [
        new("Organizzazioni", "/admin/organizations", OrganizationsPermissions.View, 15),
        new("Partner", "/admin/partners", OrganizationsPermissions.Partners, 16),
        new("Verifiche d'identità", "/admin/identity-checks", OrganizationsPermissions.IdentityChecks, 17),
    ];

    public override IEnumerable<SiteLink> SiteLinks => [new("Partner", "/partners", 20)];

    public override IEnumerable<Type> CustomerAreaBar => [typeof(Pages.Area.OrganizationSwitcher)];

    /// <summary>Identity's and Mail's ids, which this module may name but not reference: only their contracts.</summary>
    private const string IdentityModuleId = "identity";

    private const string MailModuleId = "mail";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<OrganizationsDbContext>();
        services.AddScoped<Memberships>();
        services.AddScoped<Sportello.Core.Recipes.ITenantExportContributor, OrganizationsExport>();
        services.AddScoped<Invitations>();
        services.AddScoped<ProductRights>();
        services.AddScoped<Teams>();
        services.AddScoped<IOrganizationAccess, OrganizationAccess>();
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        services.AddScoped<IPartnerTerms, PartnerTermsReader>();
        services.AddScoped<IAccountRecords, AccountRecords>();
        services.AddScoped<IAuthorizationHandler, ProductRightHandler>();
        services.AddScoped<SupportGrants>();
        services.AddScoped<Partners>();
        services.AddScoped<PartnerClients>();
        services.AddScoped<ISupportAccess, SupportAccess>();
        services.AddScoped<IAuthorizationHandler, SupportAccessHandler>();
        services.AddSingleton(Mail.InvitationMail.Default);
        services.AddSingleton(Mail.ClientProposalMail.Default);
        services.AddSingleton(Mail.QuoteRequestMail.Default);
        services.AddSingleton(Mail.IdentityCheckMail.Default);
        services.AddSingleton(Mail.IdentityCheckOutcomeMail.Default);
        services.AddScoped<IdentityChecks>();
        services.AddScoped<IIdentityChecks>(sp => sp.GetRequiredService<IdentityChecks>());
        services.AddScoped<IdentityCheckLinks>();
        Handle<TwoFactorRecoveryRequested, IdentityCheckRules>(services);
        Handle<IdentityCheckDecided, IdentityCheckRules>(services);
        Handle<IdentityCheckDecided, IdentityCheckOutcome>(services);
        services.AddScoped<ICurrentOrganization, CurrentOrganization>();
        services.AddScoped<IAuthorizationHandler, OrganizationRequirementHandler>();
        services.AddHttpContextAccessor();
        Handle<UserSignedUp, CreatePersonalOrganization>(services);
    }
}
