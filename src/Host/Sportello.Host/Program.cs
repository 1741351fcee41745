using Sportello.Core.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSportello();

var app = builder.Build();
app.UseSportello();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
