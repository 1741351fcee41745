using Sportello.Core.Tenancy;

namespace Sportello.Core.Tests.Tenancy;

public sealed class TenantActivityTests
{
    private static readonly DateTime Noon = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_tenant_is_inactive_until_its_first_request()
    {
        var activity = new TenantActivity();
        Assert.False(activity.IsActive);
        Assert.Null(activity.LastRequestUtc);

        activity.Touch(Noon);

        Assert.True(activity.IsActive);
        Assert.Equal(Noon, activity.LastRequestUtc);
    }

    [Fact]
    public void Only_a_tenant_idle_since_the_cut_off_is_released_and_only_once()
    {
        var activity = new TenantActivity();
        activity.Touch(Noon);

        Assert.False(activity.TryRelease(Noon));
        Assert.True(activity.TryRelease(Noon.AddMinutes(1)));
        Assert.False(activity.IsActive);
        Assert.False(activity.TryRelease(Noon.AddMinutes(2)));

        activity.Touch(Noon.AddMinutes(3));
        Assert.True(activity.IsActive);
    }

    [Fact]
    public void A_last_request_is_handed_over_for_the_catalog_once_per_granularity()
    {
        var minute = TimeSpan.FromMinutes(1);
        var activity = new TenantActivity();
        Assert.Null(activity.TakeUnflushed(minute));

        activity.Touch(Noon);
        Assert.Equal(Noon, activity.TakeUnflushed(minute));
        Assert.Null(activity.TakeUnflushed(minute));

        activity.Touch(Noon.AddSeconds(5));
        Assert.Null(activity.TakeUnflushed(minute));

        activity.Touch(Noon.AddMinutes(1));
        Assert.Equal(Noon.AddMinutes(1), activity.TakeUnflushed(minute));
    }
}
