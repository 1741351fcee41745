using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Hosting;
using Sportello.Core.Modules;
using Sportello.Core.Recipes;
using Sportello.Core.Storage;
using Sportello.Pages.Data;
using Sportello.Pages.Domain;
using Sportello.Pages.Recipes;

namespace Sportello.Pages;

/// <summary>The tenant's public home page: its name, branding and a welcome text the reseller writes.</summary>
public sealed class PagesModule : Module
{
    public const string ModuleId = "pages";

    public override string Id => ModuleId;

    public override IEnumerable<Permission> Permissions => PagesPermissions.All;
    public override string Name => "Pagine";
    public override string Description => "Pagina iniziale dello sportello, con il marchio e il testo di benvenuto del rivenditore.";
    public override Type SettingsType => typeof(PagesSettings);
    public override IEnumerable<Type> RecipeSteps => [typeof(PagesStep)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<PagesDbContext>();
        Handle<HomeContentChanged, EvictHomePage>(services);
        services.AddScoped<ITenantExportContributor, HomeExport>();
    }
}
