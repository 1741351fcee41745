using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Events;
using Sportello.Core.Files;
using Sportello.Core.Lifecycles;
using Sportello.Core.Messaging;
using Sportello.Core.Tenancy;
using Sportello.Core.Text;
using Sportello.Core.Validation;
using Sportello.Identity;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>
/// Identity checks from opening to decision. The user's steps come through the link's token (they may be unable to
/// sign in: that is often why the check exists); the operator's through the back office. Every step is audited in
/// the user's organization, and the photos are deleted at the decision.
/// </summary>
public sealed class IdentityChecks(
    OrganizationsDbContext db, ITenantFiles files, ITextMessages texts, LifecycleTransitions transitions, IAuditLog audit,
    IUserDirectory users, IAccountRecovery recovery, IdentityCheckLinks links, TenantContext tenant, TimeProvider time) : IIdentityChecks
{
    public const string FilePurpose = "identity-document";
    public const int MaxCodes = 5;

    /// <summary>Checks whose approval changes how the user signs in: for customers only (staff are recovered by an administrator).</summary>
    public static bool ChangesSignIn(IdentityCheckPurpose purpose) => purpose is IdentityCheckPurpose.DisableTwoFactor or IdentityCheckPurpose.UnlockAccount;

    /// <summary>Opened by a module (or a rule) rather than a person.</summary>
    public Task<Guid> OpenAsync(string userId, IdentityCheckPurpose purpose, string note, string? subject = null, CancellationToken ct = default) =>
        OpenByAsync(userId, purpose, note, subject, Text("Sportello (automatica)", "Sportello (automatic)"), automatic: true, ct);

    /// <summary>Opens a check for the user with <paramref name="email"/>, by an operator.</summary>
    public async Task<Guid> OpenForAsync(string? email, IdentityCheckPurpose purpose, string? note, string operatorName, CancellationToken ct = default)
    {
        var found = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim(), ct);
        if (found is null)
        {
            throw new SportelloValidationException("Email", Text("Nessun utente dello sportello ha questo indirizzo e-mail.", "No user of this site has this e-mail address."));
        }

        if (purpose == IdentityCheckPurpose.HeldOrder)
        {
            throw new SportelloValidationException("Purpose", Text("Le verifiche per un ordine trattenuto le apre il modulo che ha trattenuto l'ordine.", "Checks for a held order are opened by the module that held it."));
        }

        return await OpenByAsync(found.Id, purpose, note, null, operatorName, automatic: false, ct);
    }

    private async Task<Guid> OpenByAsync(string userId, IdentityCheckPurpose purpose, string? note, string? subject, string openedBy, bool automatic, CancellationToken ct)
    {
        var clean = note?.Trim();
        if (string.IsNullOrEmpty(clean) || clean.Length > 1000)
        {
            throw new SportelloValidationException("Note", Text("Scrivi perché serve la verifica (al massimo 1000 caratteri).", "Write why the check is needed (1000 characters at most)."));
        }

        var user = await users.FindByIdAsync(userId, ct)
            ?? throw new SportelloValidationException("Email", Text("L'utente non esiste più.", "The user no longer exists."));
        if (ChangesSignIn(purpose) && !await recovery.CanRecoverAsync(userId, ct))
        {
            throw new SportelloValidationException("Email", Text(
                $"{user.DisplayName} fa parte del personale dello sportello: l'accesso lo ripristina un amministratore dalla pagina Utenti.",
                $"{user.DisplayName} is on the site's staff: an administrator restores their access from the Users page."));
        }

        var check = await db.IdentityChecks.FirstOrDefaultAsync(c => c.UserId == userId && c.Purpose == purpose
            && (c.Status == IdentityCheckStatus.Open || c.Status == IdentityCheckStatus.Submitted), ct);
        if (check is not null && automatic && Now - check.LinkSentUtc < TimeSpan.FromDays(1))
        {
            return check.Id; // asked again by the same rule: one e-mail a day, and the link the user may be using stays valid
        }

        var (token, hash) = SecretToken.New();
        if (check is null)
        {
            var organizationId = await (from m in db.Members
                                        where m.UserId == userId
                                        orderby m.Role == OrganizationRole.LegalRepresentative descending, m.JoinedUtc
                                        select (Guid?)m.OrganizationId).FirstOrDefaultAsync(ct);
            check = new IdentityCheck
            {
                Id = Guid.CreateVersion7(), UserId = user.Id, Email = user.Email, DisplayName = user.DisplayName, OrganizationId = organizationId,
                Purpose = purpose, Note = clean, Subject = subject, TokenHash = hash, OpenedByName = openedBy, OpenedByRule = automatic, OpenedUtc = Now,
            };
            db.IdentityChecks.Add(check);
            audit.Add(db, Record(OrganizationAuditActions.IdentityCheckOpened, check, new Dictionary<string, object?> { ["purpose"] = purpose.ToString(), ["note"] = clean }));
        }

        (check.TokenHash, check.LinkSentUtc) = (hash, Now);
        await db.SaveChangesAsync(ct);
        await links.SendAsync(check, token, ct);
        return check.Id;
    }

    /// <summary>A new link for an undecided check (the old one stops working); false when it was decided.</summary>
    public async Task<bool> SendAgainAsync(Guid id, CancellationToken ct = default)
    {
        var check = await db.IdentityChecks.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (check is null || check.IsDecided)
        {
            return false;
        }

        var (token, hash) = SecretToken.New();
        (check.TokenHash, check.LinkSentUtc) = (hash, Now);
        await db.SaveChangesAsync(ct);
        await links.SendAsync(check, token, ct);
        return true;
    }

    /// <summary>The undecided check a link opens; null for an unknown link or a decided check, which the link no longer opens.</summary>
    public async Task<IdentityCheck?> FindOpenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretToken.HashOf(token);
        var check = await db.IdentityChecks.SingleOrDefaultAsync(c => c.TokenHash == hash, ct);
        return check is { IsDecided: false } ? check : null;
    }

    /// <summary>Texts a six-digit code to <paramref name="phone"/>, a mobile number; again at most once a minute.</summary>
    public async Task SendCodeAsync(IdentityCheck check, string? phone, CancellationToken ct = default)
    {
        RequireOpen(check);
        var number = PhoneNumber.Validate(phone);
        if (!number.Valid)
        {
            throw new SportelloValidationException("Phone", number.Message!);
        }

        if (PhoneNumber.KindOf(number.Normalized) != PhoneKind.Mobile)
        {
            throw new SportelloValidationException("Phone", Text("Serve un numero di cellulare: il codice arriva per SMS.", "A mobile number is needed: the code comes by SMS."));
        }

        if (check.CodesSent >= MaxCodes)
        {
            throw new SportelloValidationException("Phone", Text("Hai chiesto troppi codici per questa verifica: contatta l'assistenza.", "Too many codes were asked for this check: contact support."));
        }

        if (check.CodeSentUtc is { } sent && Now - sent < IdentityCheck.CodeResendAfter)
        {
            throw new SportelloValidationException("Phone", Text("Il codice è appena partito: aspetta un minuto prima di chiederne un altro.", "The code has just been sent: wait a minute before asking for another."));
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        (check.Phone, check.CodeHash, check.CodeSentUtc, check.CodeAttempts, check.PhoneConfirmedUtc) = (number.Normalized, CodeHash(check, code), Now, 0, null);
        check.CodesSent++;
        await db.SaveChangesAsync(ct);
        try
        {
            await texts.SendAsync(new TextMessage(number.Normalized,
                Text($"{code} è il codice per verificare la tua identità su {tenant.Tenant.DisplayName}. Vale {IdentityCheck.CodeMinutes} minuti.",
                    $"{code} is the code to check your identity at {tenant.Tenant.DisplayName}. Valid for {IdentityCheck.CodeMinutes} minutes."),
                SenderName(tenant.Tenant.DisplayName)), ct);
        }
        catch (TextMessageDeliveryException)
        {
            (check.CodeHash, check.CodeSentUtc) = (null, null);
            await db.SaveChangesAsync(ct);
            throw new SportelloValidationException("Phone", Text("L'SMS non è partito: riprova tra qualche minuto.", "The SMS could not be sent: try again in a few minutes."));
        }
    }

    /// <summary>The code texted to the user: valid ten minutes, five tries.</summary>
    public async Task ConfirmPhoneAsync(IdentityCheck check, string? code, CancellationToken ct = default)
    {
        RequireOpen(check);
        if (check.CodeHash is null || check.CodeSentUtc is not { } sent || Now - sent > TimeSpan.FromMinutes(IdentityCheck.CodeMinutes))
        {
            throw new SportelloValidationException("Code", Text("Il codice è scaduto: chiedine uno nuovo.", "The code has expired: ask for a new one."));
        }

        // Counted in one statement before comparing, so parallel tries cannot share an attempt.
        if (await db.IdentityChecks.Where(c => c.Id == check.Id && c.CodeAttempts < IdentityCheck.MaxCodeAttempts)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.CodeAttempts, c => c.CodeAttempts + 1), ct) == 0)
        {
            throw new SportelloValidationException("Code", Text("Troppi tentativi: chiedi un nuovo codice.", "Too many attempts: ask for a new code."));
        }

        var typed = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeHash(check, typed)), Encoding.ASCII.GetBytes(check.CodeHash)))
        {
            throw new SportelloValidationException("Code", Text("Il codice non corrisponde a quello inviato.", "The code does not match the one sent."));
        }

        (check.CodeHash, check.PhoneConfirmedUtc) = (null, Now);
        audit.Add(db, Record(OrganizationAuditActions.IdentityCheckPhoneConfirmed, check, new Dictionary<string, object?> { ["phone"] = Masked(check.Phone!) }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Stores the three photos, each kept 72 hours at most, and hands the check to the operators. All or nothing: a
    /// refused photo leaves none of the others stored.
    /// </summary>
    public async Task SubmitAsync(IdentityCheck check, DocumentPhoto? front, DocumentPhoto? back, DocumentPhoto? selfie, CancellationToken ct = default)
    {
        RequireOpen(check);
        if (check.PhoneConfirmedUtc is null)
        {
            throw new SportelloValidationException("Phone", Text("Conferma prima il numero di cellulare.", "Confirm your mobile number first."));
        }

        var problems = new List<ValidationProblem>();
        foreach (var (photo, field) in new[] { (front, "Front"), (back, "Back"), (selfie, "Selfie") })
        {
            if (photo is null || photo.Content.Length == 0)
            {
                problems.Add(new(field, Text("Scegli una foto (JPEG o PNG).", "Choose a photo (JPEG or PNG).")));
            }
        }

        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var stored = new List<TenantFile>();
        var submitted = false;
        try
        {
            foreach (var (photo, field) in new[] { (front!, "Front"), (back!, "Back"), (selfie!, "Selfie") })
            {
                stored.Add(await files.SaveAsync(new FileUpload(photo.FileName, photo.Content, OrganizationsModule.ModuleId, FilePurpose)
                {
                    Field = field,
                    Accept = [FileKind.Jpeg, FileKind.Png],
                    SubjectType = "identity-check",
                    SubjectId = check.Id.ToString(),
                    OrganizationId = check.OrganizationId?.ToString(),
                    ReadPermission = OrganizationsPermissions.IdentityChecks,
                    Retention = TimeSpan.FromHours(IdentityCheck.RetentionHours),
                }, ct));
            }

            (check.FrontFileId, check.BackFileId, check.SelfieFileId, check.SubmittedUtc) = (stored[0].Id, stored[1].Id, stored[2].Id, Now);
            transitions.Apply(db, IdentityCheckLifecycle.Instance, check.Status, s => check.Status = s, IdentityCheckTrigger.Submit, Record(SubjectAction, check));
            await db.SaveChangesAsync(ct);
            submitted = true;
        }
        finally
        {
            // A refused photo, a decision taken meanwhile, a dropped connection: nothing of this upload stays.
            if (!submitted)
            {
                foreach (var file in stored)
                {
                    await files.DeleteAsync(file.Id, "identity check upload incomplete", CancellationToken.None);
                }
            }
        }
    }

    /// <param name="submitted">When the photos the operator looked at arrived: newer ones (asked again meanwhile) are not approved unseen.</param>
    public Task ApproveAsync(Guid id, DateTime? submitted, string operatorName, CancellationToken ct = default) =>
        DecideAsync(id, IdentityCheckTrigger.Approve, null, operatorName, ct, submitted);

    public Task RejectAsync(Guid id, string? reason, string operatorName, CancellationToken ct = default) =>
        DecideAsync(id, IdentityCheckTrigger.Reject, RequireReason(reason), operatorName, ct);

    /// <summary>The photos could not be used (unreadable, or deleted after 72 hours): they go, and the same link asks for new ones.</summary>
    public async Task AskAgainAsync(Guid id, string? reason, string operatorName, CancellationToken ct = default)
    {
        var clean = RequireReason(reason);
        var check = await db.IdentityChecks.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException();
        transitions.Apply(db, IdentityCheckLifecycle.Instance, check.Status, s => check.Status = s, IdentityCheckTrigger.AskAgain, Record(SubjectAction, check), clean);
        var photos = check.FileIds.ToList();
        (check.FrontFileId, check.BackFileId, check.SelfieFileId, check.SubmittedUtc, check.Reason) = (null, null, null, null, clean);
        await db.SaveChangesAsync(ct);
        await DeletePhotosAsync(photos, "identity check asked again", ct);
    }

    /// <summary>Checks for the queue: those waiting for an operator first (oldest first), then those waiting for the user, then the latest decided.</summary>
    public async Task<IReadOnlyList<IdentityCheck>> QueueAsync(CancellationToken ct = default)
    {
        var waiting = await db.IdentityChecks.AsNoTracking().Where(c => c.Status == IdentityCheckStatus.Submitted || c.Status == IdentityCheckStatus.Open).ToListAsync(ct);
        var decided = await db.IdentityChecks.AsNoTracking().Where(c => c.Status == IdentityCheckStatus.Approved || c.Status == IdentityCheckStatus.Rejected)
            .OrderByDescending(c => c.DecidedUtc).Take(20).ToListAsync(ct);
        return [.. waiting.OrderBy(c => c.Status == IdentityCheckStatus.Submitted ? 0 : 1).ThenBy(c => c.SubmittedUtc ?? c.OpenedUtc), .. decided];
    }

    /// <summary>How long operators took, on average, from the photos' arrival to the decision, over the last 90 days; null before the first.</summary>
    public async Task<TimeSpan?> AverageHandlingAsync(CancellationToken ct = default)
    {
        var since = Now.AddDays(-90);
        var spans = await db.IdentityChecks.AsNoTracking()
            .Where(c => c.DecidedUtc != null && c.SubmittedUtc != null && c.DecidedUtc >= since)
            .Select(c => new { c.SubmittedUtc, c.DecidedUtc }).ToListAsync(ct);
        return spans.Count == 0 ? null : TimeSpan.FromTicks((long)spans.Average(s => (s.DecidedUtc!.Value - s.SubmittedUtc!.Value).Ticks));
    }

    private async Task DecideAsync(Guid id, IdentityCheckTrigger trigger, string? reason, string operatorName, CancellationToken ct, DateTime? seen = null)
    {
        var check = await db.IdentityChecks.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException();
        if (trigger == IdentityCheckTrigger.Approve && check.SubmittedUtc is { } arrived && (seen is null || Math.Abs((arrived - seen.Value).TotalSeconds) >= 1))
        {
            throw new SportelloValidationException("Reason", Text("Sono arrivate foto nuove da quando hai aperto la pagina: guardale prima di approvare.",
                "New photos arrived since you opened the page: look at them before approving."));
        }

        transitions.Apply(db, IdentityCheckLifecycle.Instance, check.Status, s => check.Status = s, trigger, Record(SubjectAction, check), reason);
        if (trigger == IdentityCheckTrigger.Approve && !await PhotosPresentAsync(check, ct))
        {
            throw new SportelloValidationException("Reason", Text("Le foto sono state cancellate dopo 72 ore senza esame: chiedi all'utente di inviarle di nuovo.",
                "The photos were deleted after 72 hours without review: ask the user to send them again."));
        }

        var photos = check.FileIds.ToList();
        (check.DecidedByName, check.DecidedUtc, check.Reason, check.CodeHash) = (operatorName, Now, reason, null);
        (check.FrontFileId, check.BackFileId, check.SelfieFileId) = (null, null, null);
        db.Raise(new IdentityCheckDecided(check.Id, check.UserId, check.Purpose, trigger == IdentityCheckTrigger.Approve, check.Subject));
        await db.SaveChangesAsync(ct);
        await DeletePhotosAsync(photos, "identity check decided", ct);
    }

    private async Task<bool> PhotosPresentAsync(IdentityCheck check, CancellationToken ct)
    {
        foreach (var photo in check.FileIds)
        {
            if (await files.FindAsync(photo, ct) is null)
            {
                return false;
            }
        }

        return check.FileIds.Count() == 3;
    }

    // After the decision is saved: a photo the purge job already took is simply not there any more.
    private async Task DeletePhotosAsync(IEnumerable<Guid> photos, string reason, CancellationToken ct)
    {
        foreach (var photo in photos)
        {
            await files.DeleteAsync(photo, reason, ct);
        }
    }

    private static void RequireOpen(IdentityCheck check)
    {
        if (check.Status != IdentityCheckStatus.Open)
        {
            throw new LifecycleRefusedException(check.Status.ToString(), IdentityCheckTrigger.Submit.ToString(),
                new LocalizedText("I documenti sono già stati inviati: aspetta l'esito.", "The documents were already sent: wait for the outcome."));
        }
    }

    private static string RequireReason(string? reason)
    {
        var clean = reason?.Trim();
        if (string.IsNullOrEmpty(clean) || clean.Length > 1000)
        {
            throw new SportelloValidationException("Reason", Text("Scrivi il motivo (al massimo 1000 caratteri): l'utente lo legge.", "Write the reason (1000 characters at most): the user reads it."));
        }

        return clean;
    }

    private const string SubjectAction = "organizations.identity-check";

    private static AuditRecord Record(string action, IdentityCheck check, IReadOnlyDictionary<string, object?>? details = null) =>
        AuditRecord.Of(action, "identity-check", check.Id.ToString(), check.DisplayName) with
        {
            OrganizationId = check.OrganizationId?.ToString(),
            Details = details,
        };

    private static string CodeHash(IdentityCheck check, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{check.Id:N}:{code}")));

    private static string Masked(string phone) => phone.Length <= 4 ? phone : new string('•', phone.Length - 3) + phone[^3..];

    // SMS sender names are at most 11 letters and digits.
    private static string SenderName(string name)
    {
        var letters = new string(name.Where(char.IsAsciiLetterOrDigit).ToArray());
        return letters.Length == 0 ? "Sportello" : letters[..Math.Min(11, letters.Length)];
    }

    private static string Text(string italian, string english) => new LocalizedText(italian, english).ToString();

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}

/// <summary>A photo as the browser sent it.</summary>
public sealed record DocumentPhoto(string FileName, Stream Content);
