global using System.Net;
global using PuoAiOps.Web.Tests.Infrastructure;
