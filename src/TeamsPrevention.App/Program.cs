using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Graph;
using TeamsPrevention.App.Hosting;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.App.Resources;
using TeamsPrevention.App.Sealing;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.App.Situations;
using TeamsPrevention.App.Statistics;
using TeamsPrevention.App.SubjectAccess;
using TeamsPrevention.App.Tab;

var builder = WebApplication.CreateBuilder(args);

builder.AddHosting();
builder.AddEmbeddedSandbox();
builder.AddData();
builder.AddSealing();
builder.AddAudit();
builder.AddDirectory();
builder.AddGraphGateway();
builder.AddBot();
builder.AddSecrecy();
builder.AddTab();
builder.AddSituations();
builder.AddAlerts();
builder.AddMeetings();
builder.AddStatistics();
builder.AddResources();
builder.AddSubjectAccess();

var app = builder.Build();

app.UseHosting();
app.MapHealth();
app.MapApiDocument();
app.MapEmbeddedSandbox();
app.MapBot();
app.MapDirectory();
app.MapAudit();
app.MapTab();
app.MapSituations();
app.MapAlerts();
app.MapMeetings();
app.MapStatistics();
app.MapResources();
app.MapSubjectAccess();

app.Run();

/// <summary>Lets tests start the real application.</summary>
public partial class Program;
