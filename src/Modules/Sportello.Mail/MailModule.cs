using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Modules;
using Sportello.Core.Storage;
using Sportello.Mail.Data;
using Sportello.Mail.Domain;

namespace Sportello.Mail;

/// <summary>E-mail for every module: per-tenant sender and SMTP server, Liquid templates the tenant can edit.</summary>
public sealed class MailModule : Module
{
    public const string ModuleId = "mail";

    public override string Id => ModuleId;
    public override string Name => "E-mail";
    public override string Description => "Invio di e-mail con mittente e modelli dello sportello.";
    public override Type SettingsType => typeof(MailSettings);

    public override IEnumerable<Permission> Permissions => MailPermissions.All;

    public override IEnumerable<AdminMenuEntry> AdminMenu => [new("E-mail", "/admin/mail", MailPermissions.Manage, 40)];

    /// <summary>The SMTP password is protected with this platform's keys: it cannot travel, the new platform sets its own.</summary>
    public override JsonElement ExportSettings(JsonElement settings)
    {
        var node = JsonNode.Parse(settings.GetRawText())!.AsObject();
        if (node["smtp"] is JsonObject smtp)
        {
            smtp.Remove("protectedPassword");
        }

        return JsonSerializer.SerializeToElement(node);
    }

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlatformMailOptions>().Bind(configuration.GetSection(PlatformMailOptions.Section));
        services.AddTenantDbContext<MailDbContext>();
        services.AddSingleton<MailTransport>();
        services.AddScoped<MailTemplateCatalog>();
        services.AddScoped<MailSender>();
        services.AddScoped<IMailSender>(sp => sp.GetRequiredService<MailSender>());
        services.AddSingleton<SenderVerification>();
    }
}
