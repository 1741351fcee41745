using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sportello.Themes.Storefront.Pages;

/// <summary>The tenant-branded error page the kernel re-executes to; it never shows exception details.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = string.Empty;
    public string Message { get; private set; } = string.Empty;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Requested directly, the page describes the code asked for; re-executed, the status is already set.
        var status = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null
            ? code ?? StatusCodes.Status404NotFound
            : Response.StatusCode;
        if (status is < 400 or > 599)
        {
            status = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = status;
        (Title, Message) = status switch
        {
            404 => ("Pagina non trovata", "La pagina che cerchi non esiste o è stata spostata."),
            403 => ("Accesso non consentito", "Non hai i permessi per vedere questa pagina."),
            400 => ("Richiesta non valida", "La richiesta non è stata compresa. Controlla i dati e riprova."),
            409 => ("Dati cambiati nel frattempo", "Qualcun altro ha modificato gli stessi dati nello stesso momento. Torna indietro, ricarica la pagina e riprova."),
            429 => ("Troppe richieste", "Hai inviato troppe richieste in poco tempo. Attendi un minuto e riprova."),
            503 => ("Servizio non disponibile", "Il servizio è momentaneamente non disponibile. Riprova tra poco."),
            >= 500 => ("Si è verificato un errore", "Qualcosa non ha funzionato da parte nostra. Riprova tra qualche minuto; se il problema continua, contatta l'assistenza."),
            _ => ("Richiesta non completata", "Non è stato possibile completare la richiesta."),
        };
    }
}
