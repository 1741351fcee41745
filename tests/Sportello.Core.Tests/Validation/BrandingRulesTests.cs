using Sportello.Core.Recipes.Steps;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Tests.Validation;

public sealed class BrandingRulesTests
{
    private static IReadOnlyList<ValidationProblem> Check(TenantBranding branding) => TenantSettingsRules.CheckBranding(branding, "$").ToList();

    [Fact]
    public void Realistic_branding_passes()
    {
        Assert.Empty(Check(new TenantBranding
        {
            DisplayName = "Fiducia Digitale", LogoUrl = "https://www.fiducia.example/logo.svg", CustomerPhone = "02 8088 1234", PartnerPhone = "+41 44 668 18 00",
            SupportEmail = "assistenza@fiducia.example", BusinessHours = "Lun/Ven 08.30-18.00", PrivacyUrl = "/help/informazioni-legali/informativa-privacy",
            TermsUrl = "https://www.fiducia.example/condizioni", Tagline = "Identità digitale e posta certificata per chi lavora.",
        }));
    }

    [Theory]
    [InlineData("displayName", "")]
    [InlineData("displayName", "   ")]
    [InlineData("supportEmail", "non-una-mail")]
    [InlineData("customerPhone", "abc<b>")]
    [InlineData("customerPhone", "123")]
    [InlineData("partnerPhone", "02 1234 5678 int. 3")]
    [InlineData("logoUrl", "/\\evil.example/logo.png")]
    [InlineData("logoUrl", "//evil.example/logo.png")]
    [InlineData("logoUrl", "http://insicuro.example/logo.png")]
    [InlineData("logoUrl", "javascript:alert(1)")]
    [InlineData("privacyUrl", "/\\evil.example")]
    public void Each_bad_field_is_refused_by_name(string field, string value)
    {
        var branding = field switch
        {
            "displayName" => new TenantBranding { DisplayName = value },
            "supportEmail" => new TenantBranding { SupportEmail = value },
            "customerPhone" => new TenantBranding { CustomerPhone = value },
            "partnerPhone" => new TenantBranding { PartnerPhone = value },
            "logoUrl" => new TenantBranding { LogoUrl = value },
            _ => new TenantBranding { PrivacyUrl = value },
        };
        Assert.Equal($"$.{field}", Assert.Single(Check(branding)).Field);
    }

    [Fact]
    public void Long_values_are_refused_not_cut()
    {
        var problems = Check(new TenantBranding { DisplayName = new string('a', 101), BusinessHours = new string('b', 101), Tagline = new string('c', 161) });
        Assert.Equal(["$.displayName", "$.tagline", "$.businessHours"], problems.Select(p => p.Field));
        Assert.Contains("al massimo 100 caratteri", problems[0].Message);
    }

    [Theory]
    [InlineData("02 0000 1234")]
    [InlineData("02 0000 5678")]
    [InlineData("06 1234 5678")]
    public void The_demo_numbers_are_numbers(string phone) => Assert.Null(PhoneNumber.Check(phone));
}
