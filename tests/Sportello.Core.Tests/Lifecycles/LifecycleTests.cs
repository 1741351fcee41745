using System.Globalization;
using Sportello.Core.Audit;
using Sportello.Core.Lifecycles;
using Sportello.Core.Storage;
using Sportello.Core.Text;
using Sportello.Testing;
using Stateless;

namespace Sportello.Core.Tests.Lifecycles;

public enum SampleOrderState { Pending, Paid, Cancelled, Refunded }

public enum SampleOrderTrigger { Pay, Cancel, Refund }

/// <summary>An order as a product module would write it: a refund needs the payment to be less than 60 days old.</summary>
public sealed class SampleOrderLifecycle(Func<bool> refundable) : Lifecycle<SampleOrderState, SampleOrderTrigger>
{
    protected override void Configure(StateMachine<SampleOrderState, SampleOrderTrigger> machine)
    {
        var withinTerm = When(refundable, "il pagamento ha più di 60 giorni: non si può più rimborsare", "the payment is over 60 days old: it can no longer be refunded");
        machine.Configure(SampleOrderState.Pending)
            .Permit(SampleOrderTrigger.Pay, SampleOrderState.Paid)
            .Permit(SampleOrderTrigger.Cancel, SampleOrderState.Cancelled);
        machine.Configure(SampleOrderState.Paid)
            .PermitIf(SampleOrderTrigger.Refund, SampleOrderState.Refunded, withinTerm.Check, withinTerm.Description);
    }

    protected override LocalizedText Refusal(SampleOrderState state, SampleOrderTrigger trigger) => (state, trigger) switch
    {
        (SampleOrderState.Paid, SampleOrderTrigger.Pay) => new("l'ordine è già pagato", "the order is already paid"),
        (SampleOrderState.Paid, SampleOrderTrigger.Cancel) => new("l'ordine è pagato: va rimborsato, non annullato", "the order is paid: refund it instead of cancelling it"),
        (SampleOrderState.Cancelled, _) => new("l'ordine è annullato", "the order is cancelled"),
        (SampleOrderState.Refunded, _) => new("l'ordine è già stato rimborsato", "the order has already been refunded"),
        _ => new("l'ordine non è ancora pagato", "the order is not paid yet"),
    };
}

public sealed class LifecycleRulesTests
{
    [Fact]
    public void Named_triggers_move_between_states()
    {
        var lifecycle = new SampleOrderLifecycle(() => true);
        Assert.Equal(SampleOrderState.Paid, lifecycle.Next(SampleOrderState.Pending, SampleOrderTrigger.Pay));
        Assert.Equal(SampleOrderState.Refunded, lifecycle.Next(SampleOrderState.Paid, SampleOrderTrigger.Refund));
        Assert.Equal([SampleOrderTrigger.Pay, SampleOrderTrigger.Cancel], lifecycle.Permitted(SampleOrderState.Pending).Order());
    }

    [Fact]
    public void A_refused_trigger_says_why_in_both_languages()
    {
        var refused = Assert.Throws<LifecycleRefusedException>(() => new SampleOrderLifecycle(() => true).Next(SampleOrderState.Paid, SampleOrderTrigger.Pay));
        Assert.Equal("l'ordine è già pagato", refused.Reason.Italian);
        Assert.Equal("the order is already paid", refused.Reason.For(CultureInfo.GetCultureInfo("en")));
        Assert.Equal(("Paid", "Pay"), (refused.State, refused.Trigger));
    }

    [Fact]
    public void An_unmet_guard_gives_its_own_reason_and_is_not_offered()
    {
        var lifecycle = new SampleOrderLifecycle(() => false);
        var refused = Assert.Throws<LifecycleRefusedException>(() => lifecycle.Next(SampleOrderState.Paid, SampleOrderTrigger.Refund));
        Assert.StartsWith("il pagamento ha più di 60 giorni", refused.Reason.Italian);
        Assert.Empty(lifecycle.Permitted(SampleOrderState.Paid));
    }
}

public abstract class LifecycleTransitionTests(StoreKind kind) : IAsyncLifetime
{
    private SportelloApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SportelloApp.StartAsync(kind, provision: false);
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("alfa", "alfa", ["notes"]));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_transition_is_audited_with_its_reason_in_the_callers_save_and_a_refusal_writes_nothing()
    {
        var state = SampleOrderState.Pending;
        await _app.InTenantAsync("alfa", async sp =>
        {
            var db = sp.GetRequiredService<KernelDbContext>();
            var transitions = sp.GetRequiredService<LifecycleTransitions>();
            var lifecycle = new SampleOrderLifecycle(() => true);
            var order = AuditRecord.Of("billing.order", "order", "ORD-2026-0042") with { OrganizationId = "org-3" };
            transitions.Apply(db, lifecycle, state, s => state = s, SampleOrderTrigger.Pay, order, "bonifico ricevuto");
            Assert.Throws<LifecycleRefusedException>(() => transitions.Apply(db, lifecycle, state, s => state = s, SampleOrderTrigger.Pay, order));
            Assert.Empty(await db.Set<AuditEntry>().AsNoTracking().ToListAsync()); // nothing until the caller saves
            await db.SaveChangesAsync();
            return 0;
        });

        Assert.Equal(SampleOrderState.Paid, state);
        var entry = Assert.Single(await _app.InTenantAsync("alfa", sp => sp.GetRequiredService<KernelDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync()));
        Assert.Equal(("billing.order.pay", "ORD-2026-0042", "org-3"), (entry.Action, entry.SubjectId, entry.OrganizationId));
        Assert.Equal("Pending · Paid · bonifico ricevuto", entry.DetailText());
    }
}

public sealed class LifecycleTransitionTestsOnSqlite() : LifecycleTransitionTests(StoreKind.Sqlite);

public sealed class LifecycleTransitionTestsOnPostgres() : LifecycleTransitionTests(StoreKind.Postgres);
