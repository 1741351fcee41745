using System.Net.Http.Json;
using Sportello.Core.Tests.TestModules.Notes;
using Sportello.Testing;

namespace Sportello.Core.Tests.Storage;

public abstract class IsolationTests(StoreKind kind) : ProviderTests(kind)
{
    protected override bool Provision => false;

    [Fact]
    public async Task Two_tenants_writing_the_same_keys_never_read_each_others_rows()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("alfa", "alfa", ["notes"]));
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("beta", "beta", ["notes"]));
        var client = App.ClientFor();

        foreach (var key in new[] { "contratto", "fattura" })
        {
            (await client.PostAsJsonAsync("/alfa/api/notes", new NoteInput(key, "di alfa"))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/beta/api/notes", new NoteInput(key, "di beta"))).EnsureSuccessStatusCode();
        }

        var alfa = await client.GetFromJsonAsync<List<NoteRow>>("/alfa/api/notes");
        var beta = await client.GetFromJsonAsync<List<NoteRow>>("/beta/api/notes");
        Assert.Equal(["contratto", "fattura"], alfa!.Select(n => n.Key));
        Assert.All(alfa!, n => Assert.Equal("di alfa", n.Text));
        Assert.Equal(["contratto", "fattura"], beta!.Select(n => n.Key));
        Assert.All(beta!, n => Assert.Equal("di beta", n.Text));

        // The same through the module's DbContext in each tenant's scope.
        var alfaTexts = await App.InTenantAsync("alfa", sp => sp.GetRequiredService<NotesDbContext>().Notes.Select(n => n.Text).Distinct().ToListAsync());
        Assert.Equal(["di alfa"], alfaTexts);
    }

    [Fact]
    public async Task Each_tenant_has_its_own_store()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("alfa", "alfa", ["notes"]));
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("beta", "beta", ["notes"]));
        var alfa = App.Registry.Find("alfa")!.Settings.Store;
        var beta = App.Registry.Find("beta")!.Settings.Store;
        if (Kind == StoreKind.Sqlite)
        {
            Assert.NotEqual(alfa.Location, beta.Location);
            Assert.True(File.Exists(Path.Combine(App.AppData, alfa.Location!)));
        }
        else
        {
            Assert.Equal("t_alfa", alfa.Schema);
            Assert.Equal("t_beta", beta.Schema);
        }
    }

    private sealed record NoteRow(string Key, string Text, bool Pinned);
}

public sealed class IsolationTestsOnSqlite() : IsolationTests(StoreKind.Sqlite);

public sealed class IsolationTestsOnPostgres() : IsolationTests(StoreKind.Postgres);
