using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Modules;
using Sportello.Core.Recipes;
using Sportello.Core.Storage;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;
using Sportello.KnowledgeBase.Recipes;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase;

/// <summary>Help guides for the tenant's customers: categories, Markdown articles with revisions, public help pages.</summary>
public sealed class KnowledgeBaseModule : Module
{
    public const string ModuleId = "knowledge-base";
    public const string ManagePermission = "kb.manage";

    public override string Id => ModuleId;
    public override string Name => "Guide";
    public override string Description => "Centro assistenza con le guide per i clienti, divise per categoria.";
    public override bool HasMigrations => true;
    public override IEnumerable<Type> RecipeSteps => [typeof(KnowledgeBaseStep)];

    public override IEnumerable<Permission> Permissions =>
        [new(ManagePermission, "Gestire le guide", "Scrivere, pubblicare e archiviare le guide del centro assistenza.")];

    public override IEnumerable<AdminMenuEntry> AdminMenu => [new("Guide", "/admin/help", ManagePermission, 50)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<KnowledgeBaseDbContext>();
        services.AddScoped<HelpCenter>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<CategoryEditor>();
        services.AddScoped<FeedbackBox>();
        services.AddSingleton<IndexQueue>();
        services.AddScoped<ITenantExportContributor, KnowledgeBaseExport>();
    }
}
