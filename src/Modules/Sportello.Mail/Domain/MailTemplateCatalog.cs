using Microsoft.Extensions.Localization;
using Sportello.Core.Tenancy;

namespace Sportello.Mail.Domain;

/// <summary>
/// The messages a tenant's mail settings list and the texts they start from: Mail's own account messages and those
/// the tenant's enabled modules contribute (<see cref="MailTemplateDefault"/>).
/// </summary>
public sealed class MailTemplateCatalog(IEnumerable<MailTemplateDefault> contributed, TenantContext tenant, IStringLocalizer<MailStrings> L)
{
    private readonly IReadOnlyList<MailTemplateDefault> _contributed = contributed.ToList();

    /// <summary>Key and title, in the request's language, of every message this tenant may edit.</summary>
    public IEnumerable<KeyValuePair<string, string>> Titles =>
        DefaultTemplates.Titles.Select(t => KeyValuePair.Create(t.Key, L[t.Value].Value))
            .Concat(Enabled.Select(t => KeyValuePair.Create(t.Key, t.Title.ToString())));

    public string TitleOf(string key) =>
        DefaultTemplates.Titles.TryGetValue(key, out var title) ? L[title].Value : Find(key)?.Title.ToString() ?? key;

    public bool IsEditable(string key) => DefaultTemplates.Titles.ContainsKey(key) || Find(key) is not null;

    /// <summary>The default for a key and language; Italian when the language has none.</summary>
    public (string Subject, string Body) Get(string key, string language)
    {
        if (Find(key) is not { } template)
        {
            return DefaultTemplates.Get(key, language);
        }

        var text = template.Texts.GetValueOrDefault(language) ?? template.Texts["it"];
        return (text.Subject, text.Body);
    }

    /// <summary>Preview values for a message: the shared ones and the module's own.</summary>
    public IReadOnlyDictionary<string, object?> SampleOf(string key) =>
        Find(key) is { } template ? SampleModel.Values.Concat(template.Sample).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value) : SampleModel.Values;

    private IEnumerable<MailTemplateDefault> Enabled => _contributed.Where(t => tenant.Tenant.IsEnabled(t.ModuleId));

    private MailTemplateDefault? Find(string key) => Enabled.FirstOrDefault(t => t.Key == key);
}
