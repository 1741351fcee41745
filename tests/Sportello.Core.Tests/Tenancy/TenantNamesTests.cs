using Sportello.Core.Tenancy;

namespace Sportello.Core.Tests.Tenancy;

public class TenantNamesTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("rivenditore-42")]
    [InlineData("a1")]
    public void Accepts_lower_case_letters_digits_and_hyphens(string name) => Assert.Null(TenantNames.Check(name));

    [Theory]
    [InlineData("", "obbligatorio")]
    [InlineData("a", "da 2 a 63")]
    [InlineData("Demo", "minuscole")]
    [InlineData("-demo", "trattino")]
    [InlineData("demo-", "trattino")]
    [InlineData("de_mo", "minuscole")]
    [InlineData("admin", "riservato")]
    [InlineData("api", "riservato")]
    public void Refuses_with_a_reason(string name, string reason) =>
        Assert.Contains(reason, TenantNames.Check(name));

    [Fact]
    public void Refuses_names_longer_than_63() =>
        Assert.Contains("da 2 a 63", TenantNames.Check(new string('a', 64)));

    [Fact]
    public void Schema_names_replace_hyphens() => Assert.Equal("t_my_shop", TenantNames.DefaultSchema("my-shop"));

    [Theory]
    [InlineData("clienti.esempio.it", true)]
    [InlineData("localhost:5001", true)]
    [InlineData("*.esempio.it", true)]
    [InlineData("esempio.it:70000", false)]
    [InlineData("bad host", false)]
    [InlineData("a.*.it", false)]
    public void Host_entries(string host, bool valid) => Assert.Equal(valid, TenantHosts.Check(host) is null);
}
