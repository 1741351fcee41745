global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
