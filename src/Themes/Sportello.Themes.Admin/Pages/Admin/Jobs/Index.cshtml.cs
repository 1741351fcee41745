using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sportello.Core.Audit;
using Sportello.Core.Jobs;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Themes.Admin.Pages.Admin.Jobs;

/// <summary>
/// "Attività pianificate": the jobs that run for this tenant (and, on the Default tenant, for the platform), when they
/// run next, how their recent runs went, and "Esegui ora" to start one at once.
/// </summary>
[RequirePermission(KernelPermissions.ManageJobs)]
public sealed class IndexModel(TenantContext tenant, ScheduledJobs jobs, JobRunLog log, JobRequests requests, IAuditLog audit, IStringLocalizer<AdminStrings> L) : PageModel
{
    public const int RecentRuns = 50;

    [BindProperty(SupportsGet = true)] public string? Job { get; set; }

    public IReadOnlyList<JobView> Jobs { get; private set; } = [];
    public IReadOnlyList<JobRun> Runs { get; private set; } = [];
    public string? Message { get; private set; }

    public sealed record JobView(ScheduledJob Scheduled, DateTimeOffset? NextRun, JobRun? LastRun);

    public async Task OnGetAsync(string? started, string? waiting, CancellationToken ct)
    {
        var visible = jobs.VisibleTo(tenant.Tenant);
        var list = new List<JobView>();
        foreach (var job in visible)
        {
            var last = (await log.RecentAsync(RunsOf(job), job.Job.Key, 1, ct)).FirstOrDefault();
            list.Add(new(job, await requests.NextRunAsync(job, ct), last));
        }

        Jobs = list;
        var filter = visible.FirstOrDefault(j => j.Job.Key == Job);
        Runs = filter is not null
            ? await log.RecentAsync(RunsOf(filter), filter.Job.Key, RecentRuns, ct)
            : (await log.RecentAsync(tenant.Name, null, RecentRuns, ct))
                .Concat(tenant.Name == TenantNames.Default ? await log.RecentAsync(null, null, RecentRuns, ct) : [])
                .OrderByDescending(r => r.StartedUtc).Take(RecentRuns).ToList();
        if (visible.FirstOrDefault(j => j.Job.Key == started) is { } startedJob)
        {
            Message = L["«{0}» è stata avviata: l'esecuzione compare qui sotto appena finisce.", startedJob.Job.Name.ToString()];
        }
        else if (visible.FirstOrDefault(j => j.Job.Key == waiting) is { } waitingJob)
        {
            Message = L["«{0}» è già stata chiesta e partirà appena possibile.", waitingJob.Job.Name.ToString()];
        }
    }

    public async Task<IActionResult> OnPostRunAsync(string key, CancellationToken ct)
    {
        // Only what this tenant's page lists can be started from it: a disabled module's job, or the platform's from a reseller, is not found.
        var job = jobs.VisibleTo(tenant.Tenant).FirstOrDefault(j => j.Job.Key == key);
        if (job is null)
        {
            return NotFound();
        }

        var name = User.DisplayName() ?? "?";
        if (!await requests.RunNowAsync(job, tenant.Tenant, name, ct))
        {
            return RedirectToPage(new { waiting = job.Job.Key });
        }

        await audit.RecordAsync(new AuditRecord(KernelAuditActions.JobRunRequested) { SubjectType = "job", SubjectId = job.Job.Key, SubjectName = job.Job.Name.Italian }, ct);
        return RedirectToPage(new { started = job.Job.Key });
    }

    /// <summary>
    /// A failure as this page shows it: the platform's staff read the error; a reseller's read that it failed and the
    /// run's id, which the platform finds in its logs, since an error's text may name servers and stores.
    /// </summary>
    public string? ErrorOf(JobRun run) =>
        run.Error is null ? null
        : tenant.Name == TenantNames.Default ? run.Error
        : L["Dettagli nel registro della piattaforma, esecuzione {0}.", run.Id.ToString()];

    /// <summary>Whose runs a job records here: the tenant's, or the platform's for a platform job.</summary>
    private string? RunsOf(ScheduledJob job) => job.Job.Scope == JobScope.Tenant ? tenant.Name : null;

    public string NameOf(string jobKey) => jobs.Find(jobKey)?.Job.Name.ToString() ?? jobKey;
}
