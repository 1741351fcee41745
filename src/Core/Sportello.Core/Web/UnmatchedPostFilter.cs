using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sportello.Core.Web;

/// <summary>
/// A post that names no handler the page has (a crafted request, an old bookmark) would run the page without the
/// state its handlers load: it is refused with 400 instead, on every page of every module.
/// </summary>
internal sealed class UnmatchedPostFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            context.Result = new BadRequestResult();
            return Task.CompletedTask;
        }

        return next();
    }
}
