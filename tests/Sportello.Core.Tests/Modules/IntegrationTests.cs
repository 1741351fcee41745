using Sportello.Core.Modules;
using Sportello.Mail;

namespace Sportello.Core.Tests.Modules;

/// <summary>An optional integration hands out another module's contract only where that module is on.</summary>
public sealed class IntegrationTests : IAsyncLifetime
{
    private SportelloApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SportelloApp.StartAsync(StoreKind.Sqlite, provision: false);
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("senza", "senza", ["pages"]));
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("con", "con", ["pages", "mail"]));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_contract_is_there_only_where_its_module_is_enabled()
    {
        Assert.Equal("mail", Integration<IMailSender>.ModuleId);
        Assert.Null(await _app.InTenantAsync("senza", sp => Task.FromResult(sp.GetRequiredService<Integration<IMailSender>>().Service)));
        Assert.False(await _app.InTenantAsync("senza", sp => Task.FromResult(sp.GetRequiredService<Integration<IMailSender>>().Available)));
        Assert.NotNull(await _app.InTenantAsync("con", sp => Task.FromResult(sp.GetRequiredService<Integration<IMailSender>>().Service)));
    }

    [Fact]
    public void A_type_that_is_no_contract_is_refused() =>
        Assert.IsType<InvalidOperationException>(Assert.Throws<TypeInitializationException>(() => Integration<IDisposable>.ModuleId).InnerException);
}
