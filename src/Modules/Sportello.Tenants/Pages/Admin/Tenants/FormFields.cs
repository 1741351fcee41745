namespace Sportello.Tenants.Pages.Admin.Tenants;

/// <summary>
/// Which field of the new-tenant form a refusal concerns: the recipe's own paths ("$.steps[0].branding.primaryColor")
/// and the provisioning's fields ("store.server") become the form's fields, so the operator sees each problem
/// beside what they typed. What no field shows belongs to the recipe.
/// </summary>
internal static class FormFields
{
    public static string Of(string path)
    {
        var field = System.Text.RegularExpressions.Regex.Replace(path, @"^\$(\.steps\[\d+\])?\.?", string.Empty);
        field = System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", string.Empty);
        return field switch
        {
            "name" => nameof(NewModel.Name),
            "prefix" => nameof(NewModel.Prefix),
            "hosts" => nameof(NewModel.Hosts),
            "culture" => nameof(NewModel.Culture),
            "currency" => nameof(NewModel.Currency),
            "store.provider" => nameof(NewModel.StoreProvider),
            "store.server" => nameof(NewModel.StoreServer),
            "store.schema" => nameof(NewModel.StoreSchema),
            "branding.displayName" => nameof(NewModel.DisplayName),
            "branding.primaryColor" => nameof(NewModel.PrimaryColor),
            "branding.accentColor" => nameof(NewModel.AccentColor),
            "branding.supportEmail" => nameof(NewModel.SupportEmail),
            "branding.customerPhone" => nameof(NewModel.CustomerPhone),
            "users.email" or "admin.email" => nameof(NewModel.AdminEmail),
            "users.displayName" or "admin.displayName" => nameof(NewModel.AdminName),
            "recipeUpload" => nameof(NewModel.RecipeUpload),
            _ => nameof(NewModel.Recipe),
        };
    }
}
