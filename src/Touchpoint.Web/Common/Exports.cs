using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using SpreadCheetah;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Common;

/// <summary>
/// The list exports (docs/api.md "Export"): a list asked for with <c>Accept: text/csv</c> or the Excel type answers
/// every row its filters select, as a file. Rows are written as they are read, page after page of the list
/// (<see cref="Core.Common.Paged.AllAsync"/>), so memory stays flat however many rows there are. The columns are the
/// list's JSON fields, in their order and with their names; values as the JSON has them (dates yyyy-MM-dd, enums
/// camelCase), numbers as numbers.
/// </summary>
internal static class Exports
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The export asked for, or null for the ordinary JSON list: on the pages' export routes (<see cref="MapPageExports"/>)
    /// the <c>format</c> query value, which a link can carry; on the API the Accept header.
    /// </summary>
    public static string? Requested(HttpRequest request)
    {
        if (request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<PageExport>() is not null)
        {
            return Query.RequiredEnum<ExportFormat>(request.Query["format"], "format") == ExportFormat.Xlsx ? Xlsx : Csv;
        }
        foreach (var value in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (value.MediaType.Equals(Csv, StringComparison.OrdinalIgnoreCase))
            {
                return Csv;
            }
            if (value.MediaType.Equals(Xlsx, StringComparison.OrdinalIgnoreCase))
            {
                return Xlsx;
            }
            if (value.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || value.MediaType.Equals("*/*", StringComparison.Ordinal))
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// The pages' downloads of the four exportable lists: <c>GET /export/{list}?format=csv|xlsx&amp;</c> the list's API
    /// filters. The API is bearer-only and a link sends the browser's cookie, so these routes sit outside /api; each is
    /// the API list's own handler (the same filters, use case and refusals) under the API group's read policy.
    /// </summary>
    public static IEndpointRouteBuilder MapPageExports(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var exports = app.MapGroup("/export").RequireAuthorization(Roles.ReadPolicy).AddEndpointFilter(Query.RefuseNulAsync)
            .WithMetadata(new PageExport()).ExcludeFromDescription();
        exports.MapGet("/contacts", Contacts.ContactsApi.ListAsync);
        exports.MapGet("/interactionLogEntries", Interactions.InteractionsApi.ListEntriesAsync);
        exports.MapGet("/campaignEntries", Campaigns.CampaignsApi.ListEntriesAsync);
        exports.MapGet("/loggedSegments", Segments.SegmentsApi.ListLoggedAsync);
        return app;
    }

    /// <summary>
    /// The page export route of <paramref name="list"/> in <paramref name="format"/> (csv or xlsx) with the filters as the
    /// API names and writes them; empty ones are left out.
    /// </summary>
    public static string PageUrl(string list, string format, IEnumerable<KeyValuePair<string, object?>> filters)
    {
        var query = new StringBuilder("/export/").Append(list).Append("?format=").Append(format);
        foreach (var (name, value) in filters)
        {
            var text = value is string s ? s.Trim() : Text(value);
            if (text.Length > 0)
            {
                query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(text));
            }
        }
        return query.ToString();
    }

    /// <summary>A value as the API's JSON and query strings write it: dates yyyy-MM-dd, enums camelCase, numbers invariant.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => JsonSerializer.Serialize(e, e.GetType(), EnumJson).Trim('"'),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Enums as the JSON of the API writes them.
    private static readonly JsonSerializerOptions EnumJson = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The file types of the pages' export routes, as their <c>format</c> query value names them.</summary>
    private enum ExportFormat
    {
        Csv,
        Xlsx,
    }

    /// <summary>Marks an endpoint as a page export route: the format comes from the query, not the Accept header.</summary>
    private sealed class PageExport;

    /// <summary>The rows as the requested file, named <paramref name="name"/>.csv or .xlsx.</summary>
    public static IResult File<T>(string format, string name, IAsyncEnumerable<T> rows) => new ExportResult<T>(format, name, rows);

    /// <summary>Adds the two export types to the endpoint's description.</summary>
    public static RouteHandlerBuilder ProducesExports(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status200OK, contentType: Csv, additionalContentTypes: [Xlsx]);

    /// <summary>
    /// A text cell that a spreadsheet would take for a formula (=, +, -, @, and tab or carriage return before them) gets a
    /// leading apostrophe, so opening the file runs nothing (CSV injection).
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private sealed class ExportResult<T>(string format, string name, IAsyncEnumerable<T> rows) : IResult
    {
        private static readonly PropertyInfo[] Columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0).ToArray();

        private static readonly string[] Names = Columns.Select(c => JsonNamingPolicy.CamelCase.ConvertName(c.Name)).ToArray();

        public async Task ExecuteAsync(HttpContext context)
        {
            var ct = context.RequestAborted;
            var response = context.Response;
            // The first page is read before anything is sent: a filter the list refuses is still a problem response (400),
            // not a broken file.
            await using var rowsEnumerator = rows.GetAsyncEnumerator(ct);
            var any = await rowsEnumerator.MoveNextAsync();
            response.ContentType = format == Csv ? "text/csv; charset=utf-8; header=present" : Xlsx;
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileName = name + (format == Csv ? ".csv" : ".xlsx"),
            }.ToString();
            // Sent now: the caller sees the answer start before the last row is read.
            await response.StartAsync(ct);
            if (format == Csv)
            {
                await WriteCsvAsync(response.Body, rowsEnumerator, any, ct);
            }
            else
            {
                await WriteXlsxAsync(context, rowsEnumerator, any, ct);
            }
        }

        private static async Task WriteCsvAsync(Stream body, IAsyncEnumerator<T> rows, bool any, CancellationToken ct)
        {
            // RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled.
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
            await writer.WriteLineAsync(string.Join(',', Names.Select(Quote)));
            var line = new StringBuilder();
            var count = 0;
            for (var more = any; more; more = await rows.MoveNextAsync())
            {
                var row = rows.Current;
                line.Clear();
                for (var i = 0; i < Columns.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }
                    var value = Columns[i].GetValue(row);
                    line.Append(value is string text ? Quote(Neutralise(text)) : Quote(Text(value)));
                }
                await writer.WriteLineAsync(line, ct);
                if (++count % 1000 == 0)
                {
                    await writer.FlushAsync(ct);
                }
            }
            await writer.FlushAsync(ct);
        }

        private async Task WriteXlsxAsync(HttpContext context, IAsyncEnumerator<T> rows, bool any, CancellationToken ct)
        {
            // The zip container may write its central directory synchronously at the end.
            if (context.Features.Get<IHttpBodyControlFeature>() is { } bodyControl)
            {
                bodyControl.AllowSynchronousIO = true;
            }
            await using var spreadsheet = await Spreadsheet.CreateNewAsync(context.Response.Body, cancellationToken: ct);
            await spreadsheet.StartWorksheetAsync(name, token: ct);
            var cells = new DataCell[Columns.Length];
            for (var i = 0; i < Names.Length; i++)
            {
                cells[i] = new DataCell(Names[i]);
            }
            await spreadsheet.AddRowAsync(cells, ct);
            for (var more = any; more; more = await rows.MoveNextAsync())
            {
                for (var i = 0; i < Columns.Length; i++)
                {
                    cells[i] = Cell(Columns[i].GetValue(rows.Current));
                }
                await spreadsheet.AddRowAsync(cells, ct);
            }
            await spreadsheet.FinishAsync(ct);
        }

        private static DataCell Cell(object? value) => value switch
        {
            null => new DataCell((string?)null),
            int i => new DataCell(i),
            long l => new DataCell(l),
            decimal d => new DataCell(d),
            bool b => new DataCell(b),
            // Text in a spreadsheet cell is never evaluated; neutralised all the same, as the CSV is.
            string s => new DataCell(Neutralise(s)),
            _ => new DataCell(Text(value)),
        };

        private static string Quote(string text) =>
            text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
