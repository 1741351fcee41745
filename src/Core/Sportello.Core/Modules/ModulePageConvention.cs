using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Sportello.Core.Modules;

/// <summary>Tags every Razor Page compiled into a module's assembly with that module's id, for gating.</summary>
internal sealed class ModulePageConvention(ModuleCatalog modules) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var module = modules.FindByAssembly(model.HandlerType.Assembly) ?? modules.FindByAssembly(model.PageType.Assembly);
        if (module is not null)
        {
            model.EndpointMetadata.Add(new ModuleEndpointMetadata(module.Id));
        }
    }
}
