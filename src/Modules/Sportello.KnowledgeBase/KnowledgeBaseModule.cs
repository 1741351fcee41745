using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Cluster;
using Sportello.Core.Modules;
using Sportello.Core.Recipes;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;
using Sportello.KnowledgeBase.Pages.Help;
using Sportello.KnowledgeBase.Recipes;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase;

/// <summary>
/// Help guides for the tenant's customers: categories, Markdown guides with revisions, public help pages, full-text
/// search with a per-node Lucene index, readers' feedback and the editor in the back office.
/// </summary>
public sealed class KnowledgeBaseModule : Module
{
    public const string ModuleId = "knowledge-base";

    public override string Id => ModuleId;
    public override string Name => "Guide";
    public override string Description => "Centro assistenza: guide per i clienti divise per categoria, con ricerca, valutazioni dei lettori ed editor.";
    public override IEnumerable<Type> RecipeSteps => [typeof(KnowledgeBaseStep)];

    public override IEnumerable<Permission> Permissions => KnowledgeBasePermissions.All;

    public override IEnumerable<AdminMenuEntry> AdminMenu => [new("Guide", "/admin/help", KnowledgeBasePermissions.Manage, 50)];

    public override IEnumerable<SiteLink> SiteLinks => [new("Assistenza", "/help", 10)];

    public override IEnumerable<CustomerMenuEntry> CustomerMenu => [new("Guide e assistenza", "/help", Order: 80)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<KnowledgeBaseDbContext>();
        services.AddScoped<HelpCenter>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<CategoryEditor>();
        services.AddScoped<FeedbackBox>();
        services.AddOptions<KnowledgeBaseOptions>().Bind(configuration.GetSection(KnowledgeBaseOptions.Section));
        services.AddSingleton<IndexQueue>();
        services.AddSingleton<ITenantContentListener>(sp => sp.GetRequiredService<IndexQueue>());
        services.AddSingleton<SearchIndexes>();
        services.AddSingleton<ITenantCache>(sp => sp.GetRequiredService<SearchIndexes>());
        services.AddScoped<HelpSearch>();
        services.AddHostedService<SearchIndexWorker>();
        services.AddSingleton<ArticleViews>();
        services.AddHostedService<ArticleViewsFlush>();
        services.AddSingleton<FeedbackLimiter>();
        services.AddOutputCache(o => o.AddPolicy(ArticlePagePolicy.Name, new ArticlePagePolicy()));
        services.AddScoped<ITenantExportContributor, KnowledgeBaseExport>();
    }
}
