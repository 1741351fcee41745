using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Sportello.Identity;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Bench.Commerce;

/// <summary>
/// The back office's account search (the query <see cref="AccountSearch"/> builds, as <c>/admin/commerce/users</c>
/// runs it) on 100,000 accounts: a few letters shared by many, an e-mail fragment only one has, and the first page
/// of the unfiltered list. "PostgresWithoutIndexes" is the baseline: the same data before migration 7.
/// </summary>
[MemoryDiagnoser]
public class AccountSearchBenchmark
{
    private IdentityStoreDbContext _db = null!;
    private string? _customerRole;

    [Params("Sqlite", "Postgres", "PostgresWithoutIndexes")]
    public string Store { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _db = AccountStores.Open(Store);
        _customerRole = _db.Roles.Where(r => r.Name == "Customer").Select(r => r.Id).Single();
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(Description = "few letters ('ross')")]
    public Task<int> FewLetters() => SearchAsync("ross");

    [Benchmark(Description = "one account ('.077777@')")]
    public Task<int> OneAccount() => SearchAsync(".077777@");

    [Benchmark(Description = "first page, no text")]
    public Task<int> FirstPage() => SearchAsync(null);

    private async Task<int> SearchAsync(string? text) =>
        (await AccountSearch.Page(AccountSearch.Customers(_db, _customerRole), text, AccountStatusFilter.All, 1, CustomerAccountPage.Size).ToListAsync()).Count;
}
