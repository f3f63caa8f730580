using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Documents;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Opportunities;
using Touchpoint.Core.Segments;

namespace Touchpoint.Core.Demo;

// Synthetic data: a plain seeded Random, so that it is the same every time.
#pragma warning disable CA5394

/// <summary>
/// The demo company's year of work, so that a new user finds the log, the statistics and the campaigns filled: about
/// five interactions a weekday over the twelve months up to today (calls, meetings, letters, the golf invitations, and
/// the sales documents the ERP reported), the open opportunities' interactions, a logged segment with its follow-up
/// segment, a few postponed interactions and some canceled entries. Everything goes through the use cases the app
/// uses: the wizard's lines are built by <see cref="CreateInteraction"/>'s rules, the documents' by
/// <see cref="DocumentResolver"/>, and all of them are written by the one logging pipeline (<see cref="LogInteraction"/>),
/// so the statistics and the campaign entries agree with the log. The same every time (fixed random seed), relative
/// to today. Descriptions are in the contact's language where there is one to take: the letter templates' languages,
/// and the subjects below for calls and meetings.
/// </summary>
public sealed class DemoHistory(
    ITouchpointDb db,
    LogInteraction log,
    CreateSegment createSegment,
    ApplySegmentCriteria segmentCriteria,
    LogSegment logSegment,
    CancelInteractionLogEntries cancel,
    CreateOpportunityFromEntry opportunityFromEntry,
    TimeProvider clock)
{
    /// <summary>Who logged the demo's interactions.</summary>
    public const string UserId = "demo";

    public const int Seed = 5065;

    /// <summary>The golf campaign's invitations, logged as a segment (with a follow-up segment).</summary>
    public const string GolfSegmentDescription = "Golf day invitations";

    private const int InvitedPerCountry = 4;

    /// <summary>What the seeding made of the company's contacts and campaigns, as the history needs them.</summary>
    public sealed record Company(
        IReadOnlyList<Contact> Companies,
        IReadOnlyList<Contact> Persons,
        IReadOnlyDictionary<string, string> CustomerNos,
        IReadOnlyDictionary<string, string> VendorNos,
        IReadOnlyList<Campaign> Campaigns,
        string GolfCampaignNo,
        IReadOnlyList<Opportunity> Opportunities);

    // Each template the wizard logs day to day, by weight.
    private static readonly (string Template, int Weight)[] Daily =
    [
        ("OUTGOING", 30), ("INCOME", 22), ("INHOUSE", 8), ("ONSITE", 9), ("BUS", 10), ("ABSTRACT", 6),
    ];

    // The documents the ERP reports, by weight; purchase orders go to vendors.
    private static readonly (DocumentType Type, string Prefix, int Weight)[] Documents =
    [
        (DocumentType.SalesQuote, "SQ", 6), (DocumentType.SalesOrderConfirmation, "SO", 4), (DocumentType.SalesInvoice, "SI", 8),
        (DocumentType.PurchaseOrder, "PO", 2),
    ];

    private static readonly (Evaluation Evaluation, int Weight)[] Evaluations =
    [
        (Evaluation.None, 45), (Evaluation.VeryPositive, 8), (Evaluation.Positive, 20), (Evaluation.Neutral, 14),
        (Evaluation.Negative, 9), (Evaluation.VeryNegative, 4),
    ];

    // Subjects of calls and meetings in the languages of the UI; contacts in English-speaking countries and Germany get English.
    // What a salesperson notes after a call or a meeting (BC's Inter. Log Entry Comment Lines, at most 80 characters).
    private static readonly Dictionary<string, string[]> Notes = new(StringComparer.Ordinal)
    {
        [DemoLetters.English] = ["Wants a quote before the end of the month.", "Send the new catalogue.", "Decision maker is on holiday until the 20th.", "Call back next week."],
        [DemoLetters.Dutch] = ["Wil voor het einde van de maand een offerte.", "Nieuwe catalogus sturen.", "Beslisser is tot de 20e met vakantie.", "Volgende week terugbellen."],
        [DemoLetters.Swedish] = ["Vill ha en offert före månadens slut.", "Skicka den nya katalogen.", "Beslutsfattaren är på semester till den 20:e.", "Ring tillbaka nästa vecka."],
        [DemoLetters.Russian] = ["Просит предложение до конца месяца.", "Отправить новый каталог.", "Руководитель в отпуске до 20-го числа.", "Перезвонить на следующей неделе."],
    };

    private static readonly Dictionary<string, Dictionary<string, string[]>> Subjects = new(StringComparer.Ordinal)
    {
        ["OUTGOING"] = new(StringComparer.Ordinal)
        {
            [DemoLetters.English] = ["Follow-up call on our quote", "Call about delivery dates", "Introduction call", "Call to plan a visit"],
            [DemoLetters.Dutch] = ["Nabellen over onze offerte", "Gesprek over levertijden", "Kennismakingsgesprek", "Afspraak voor een bezoek gemaakt"],
            [DemoLetters.Swedish] = ["Uppföljning av vår offert", "Samtal om leveranstider", "Introduktionssamtal", "Samtal för att boka ett besök"],
            [DemoLetters.Russian] = ["Звонок по нашему предложению", "Звонок о сроках поставки", "Знакомство по телефону", "Договорились о встрече"],
        },
        ["INCOME"] = new(StringComparer.Ordinal)
        {
            [DemoLetters.English] = ["Question about an invoice", "Request for a quote", "Question about our service", "Change to an order"],
            [DemoLetters.Dutch] = ["Vraag over een factuur", "Offerteaanvraag", "Vraag over onze service", "Wijziging van een bestelling"],
            [DemoLetters.Swedish] = ["Fråga om en faktura", "Offertförfrågan", "Fråga om vår service", "Ändring av en order"],
            [DemoLetters.Russian] = ["Вопрос по счёту", "Запрос коммерческого предложения", "Вопрос по обслуживанию", "Изменение заказа"],
        },
        ["INHOUSE"] = new(StringComparer.Ordinal)
        {
            [DemoLetters.English] = ["Product demonstration in our showroom", "Contract negotiation", "Meeting about the new collection"],
            [DemoLetters.Dutch] = ["Productdemonstratie in onze showroom", "Contractbespreking", "Bespreking van de nieuwe collectie"],
            [DemoLetters.Swedish] = ["Produktdemonstration i vår utställning", "Avtalsförhandling", "Möte om den nya kollektionen"],
            [DemoLetters.Russian] = ["Демонстрация продукции в нашем шоуруме", "Переговоры по договору", "Встреча о новой коллекции"],
        },
        ["ONSITE"] = new(StringComparer.Ordinal)
        {
            [DemoLetters.English] = ["Visit to discuss the office layout", "Yearly account review", "Measuring up the new premises"],
            [DemoLetters.Dutch] = ["Bezoek om de kantoorindeling te bespreken", "Jaarlijkse klantbespreking", "Opmeten van het nieuwe pand"],
            [DemoLetters.Swedish] = ["Besök för att diskutera kontorets planlösning", "Årlig kundgenomgång", "Uppmätning av de nya lokalerna"],
            [DemoLetters.Russian] = ["Визит для обсуждения планировки офиса", "Ежегодная встреча с клиентом", "Замеры в новом офисе"],
        },
    };

    public async Task HandleAsync(Company company, CancellationToken ct)
    {
        var random = new Random(Seed);
        var now = clock.GetLocalNow();
        var today = DateOnly.FromDateTime(now.DateTime);
        var latestTime = TimeOnly.FromDateTime(now.DateTime);
        var persons = company.Persons.Where(p => !p.PrivacyBlocked).ToList();
        var languages = await db.InteractionTemplateLanguages.AsNoTracking()
            .ToDictionaryAsync(l => (l.InteractionTemplateCode, l.LanguageCode), l => l.Description, ct);

        var requests = new List<CreateInteractionRequest>();
        var events = new List<DocumentEvent>();
        var documentNos = 1000;
        for (var date = today.AddYears(-1).AddDays(1); date <= today; date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            var campaign = company.Campaigns.FirstOrDefault(c => c.Activated && c.StartingDate <= date && date <= c.EndingDate);
            for (var n = random.Next(3, 8); n > 0; n--)
            {
                var person = persons[random.Next(persons.Count)];
                var time = OfficeTime(random, date, today, latestTime);
                if (random.Next(100) < 20)
                {
                    events.Add(Document(random, company, person, date, time, ++documentNos));
                    continue;
                }
                var template = Pick(random, Daily, d => d.Weight).Template;
                // In the golf campaign's months some of the letters are its invitations.
                if (campaign?.No == company.GolfCampaignNo && template == "BUS" && random.Next(2) == 0)
                {
                    template = "GOLF";
                }
                var inCampaign = campaign is not null && (template == "GOLF" || random.Next(100) < 35);
                requests.Add(Wizard(random, person, template, date, time, languages) with
                {
                    CampaignNo = inCampaign ? campaign!.No : null,
                    CampaignTarget = inCampaign && template != "INCOME",
                    CampaignResponse = inCampaign && template == "INCOME",
                });
            }
        }
        // The open opportunities' story: the call that found them, the meeting, the offer letter and its summary.
        foreach (var opportunity in company.Opportunities.Where(o => !o.Closed))
        {
            var person = company.Persons.First(p => p.No == opportunity.ContactNo);
            (string Template, int Days)[] steps = [("OUTGOING", 0), ("ONSITE", 6), ("ABSTRACT", 7), ("BUS", 12), ("INCOME", 20)];
            foreach (var (template, days) in steps)
            {
                var date = opportunity.CreationDate.AddDays(days);
                if (date <= today)
                {
                    requests.Add(Wizard(random, person, template, date, OfficeTime(random, date, today, latestTime), languages) with
                    {
                        OpportunityNo = opportunity.No,
                    });
                }
            }
        }
        // Rule 25: a few interactions saved to be finished later.
        foreach (var (template, daysAgo) in new[] { ("OUTGOING", 0), ("BUS", 1), ("ABSTRACT", 2), ("ONSITE", 3) })
        {
            var date = today.AddDays(-daysAgo);
            requests.Add(Wizard(random, persons[random.Next(persons.Count)], template, date, OfficeTime(random, date, today, latestTime), languages) with
            {
                Postpone = true,
                Evaluation = null,
            });
        }

        var lines = await WizardLinesAsync(requests, ct);
        lines.AddRange(await DocumentLinesAsync(events, ct));
        // In the order they happened, so that the entries' numbers follow the calendar.
        lines.Sort((a, b) => (a.Line.Date, a.Line.TimeOfInteraction).CompareTo((b.Line.Date, b.Line.TimeOfInteraction)));
        var run = log.Begin();
        var entries = await run.WriteAsync(lines, ct);
        await run.CompleteAsync(ct);

        await GolfSegmentAsync(company, today, ct);

        // Some entries logged by mistake, canceled (they stay in the log and count in no statistic).
        var logged = entries.Where(e => !e.Postponed).ToList();
        var canceled = Enumerable.Range(0, 24).Select(_ => logged[random.Next(logged.Count)].EntryNo).Distinct().ToList();
        await cancel.HandleAsync(canceled, cancel: true, UserId, ct: ct);

        // Rule 32: opportunities that came out of recent meetings.
        var meetings = logged.Where(e => e.InteractionTemplateCode is "INHOUSE" or "ONSITE" && e.OpportunityNo is null
            && e.CampaignNo is null && !canceled.Contains(e.EntryNo) && e.Date >= today.AddDays(-30)).ToList();
        foreach (var meeting in meetings.Take(3))
        {
            await opportunityFromEntry.HandleAsync(meeting.EntryNo, ct);
        }
    }

    /// <summary>The wizard's request for a contact and template, described in the contact's language.</summary>
    private static CreateInteractionRequest Wizard(Random random, Contact person, string template, DateOnly date, TimeOnly time,
        Dictionary<(string, string), string> languages)
    {
        var language = person.LanguageCode is DemoLetters.Dutch or DemoLetters.Swedish or DemoLetters.Russian ? person.LanguageCode : DemoLetters.English;
        var description = Subjects.TryGetValue(template, out var subjects)
            ? subjects[language][random.Next(subjects[language].Length)]
            : languages.GetValueOrDefault((template, language));
        return new CreateInteractionRequest
        {
            ContactNo = person.No,
            InteractionTemplateCode = template,
            // Rule 8: the contact's salesperson.
            SalespersonCode = person.SalespersonCode,
            Date = date,
            TimeOfInteraction = time,
            Description = description,
            Evaluation = Pick(random, Evaluations, e => e.Weight).Evaluation,
            AttemptFailed = template == "OUTGOING" && random.Next(100) < 10,
            // About every fourth call or meeting has a note of what was said, as the wizard's Comments step keeps it;
            // chosen by the moment, not by the random sequence, so that the rest of the demo stays as it was.
            Comments = template is "OUTGOING" or "INCOME" or "ONSITE" or "INHOUSE" && (date.DayNumber + time.Minute) % 4 == 0
                ? [Notes[language][(date.DayNumber + time.Hour) % Notes[language].Length]]
                : null,
        };
    }

    /// <summary>A document the ERP reported for the person's company, as a customer (a purchase order: as a vendor); to a prospect's person.</summary>
    private static DocumentEvent Document(Random random, Company company, Contact person, DateOnly date, TimeOnly time, int no)
    {
        var (type, prefix, _) = Pick(random, Documents, d => d.Weight);
        string? vendor = null;
        if (type == DocumentType.PurchaseOrder && !company.VendorNos.TryGetValue(person.CompanyNo!, out vendor))
        {
            (type, prefix) = (DocumentType.SalesQuote, "SQ");
        }
        var customer = vendor is null ? company.CustomerNos.GetValueOrDefault(person.CompanyNo!) : null;
        return new DocumentEvent
        {
            DocumentType = type,
            DocumentNo = prefix + no.ToString(CultureInfo.InvariantCulture),
            CustomerNo = customer,
            VendorNo = vendor,
            ContactNo = vendor is null && customer is null ? person.No : null,
            Date = date,
            TimeOfInteraction = time,
        };
    }

    /// <summary>The wizard's lines (rules 10–19), built from the rows all of them refer to, read once.</summary>
    private async Task<List<LineToLog>> WizardLinesAsync(List<CreateInteractionRequest> requests, CancellationToken ct)
    {
        var sources = await InteractionSources.ReadAsync(db, requests, ct);
        return requests.Select(r => CreateInteraction.Build(new InteractionToBuild(r, UserId), sources, clock).ToLog).ToList();
    }

    /// <summary>The documents' lines (rules 51–55), as POST /documentEvents makes them.</summary>
    private async Task<List<LineToLog>> DocumentLinesAsync(List<DocumentEvent> events, CancellationToken ct)
    {
        var resolver = new DocumentResolver(db);
        await resolver.ReadAsync(events, ct);
        var now = clock.GetLocalNow();
        var lines = new List<LineToLog>(events.Count);
        foreach (var e in events)
        {
            var errors = new FieldErrors();
            var (type, documentNo) = LogDocument.Validate(e, errors);
            errors.ThrowIfAny();
            if (LogDocument.ToLog(new DocumentToResolve(e, type, documentNo, UserId), resolver.Resolve(e, type, documentNo, now), out _) is { } line)
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    /// <summary>
    /// The golf day's invitations as a segment (rules 37–45): persons of every country, the GOLF letter in their
    /// language (else the template's default), logged in the campaign's first weeks, with a follow-up segment for the
    /// replies.
    /// </summary>
    private async Task GolfSegmentAsync(Company company, DateOnly today, CancellationToken ct)
    {
        var campaign = company.Campaigns.First(c => c.No == company.GolfCampaignNo);
        var date = campaign.StartingDate!.Value.AddDays(14);
        var segment = await createSegment.HandleAsync(null, new SegmentFields
        {
            Description = GolfSegmentDescription,
            InteractionTemplateCode = "GOLF",
            SalespersonCode = campaign.SalespersonCode,
            Date = date <= today ? date : today,
            CampaignNo = campaign.No,
            CampaignTarget = true,
        }, UserId, ct);
        var invited = company.Persons.Where(p => !p.PrivacyBlocked).GroupBy(p => p.CountryRegionCode)
            .SelectMany(g => g.Take(InvitedPerCountry)).Select(p => p.No).ToList();
        await segmentCriteria.AddAsync(segment.No, new ContactCriteria { ContactNos = invited }, allowExistingContacts: false, ct);
        await logSegment.HandleAsync(segment.No, send: false, createFollowUpSegment: true, UserId, ct: ct);
    }

    /// <summary>Between 8:00 and 18:00, on the minute; today only up to now.</summary>
    private static TimeOnly OfficeTime(Random random, DateOnly date, DateOnly today, TimeOnly latest)
    {
        var time = new TimeOnly(8, 0).AddMinutes(random.Next(10 * 60));
        return date == today && time > latest ? new TimeOnly(latest.Hour, latest.Minute) : time;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var pick = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            if ((pick -= weight(item)) < 0)
            {
                return item;
            }
        }
        return items[^1];
    }
}
