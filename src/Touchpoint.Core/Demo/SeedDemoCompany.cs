using Bogus;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.NoSeries;
using Touchpoint.Core.Opportunities;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Core.Demo;

/// <summary>
/// Fills an empty database with a demo company: salespeople, 200 companies with 3 persons each across six
/// countries and languages, business relations to customers and vendors, campaigns, opportunities, and the
/// interaction groups, templates and template setup of BC's demo data (domain rules 62–64), and Word letters in four
/// languages for its letter templates (<see cref="DemoLetters"/>), then a year of interactions up to today
/// (<see cref="DemoHistory"/>), all in one transaction. The data is the same on every run (fixed random seed, dates
/// relative to today), so screenshots and tests can rely on it.
/// </summary>
public sealed class SeedDemoCompany(ITouchpointDb db, BaseSetup baseSetup, DemoHistory history, TimeProvider clock)
{
    public const int Companies = 200;
    public const int PersonsPerCompany = 3;

    private static readonly (string Country, string Locale, string Language, string Phone)[] Countries =
    [
        ("NL", "nl", "NLD", "+31"), ("SE", "sv", "SVE", "+46"), ("RU", "ru", "RUS", "+7"),
        ("GB", "en_GB", "ENG", "+44"), ("US", "en_US", "ENU", "+1"), ("DE", "de", "DEU", "+49"),
    ];

    /// <summary>True when the database has no contacts yet (the only case in which demo data is added).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) => !await db.Contacts.AnyAsync(ct);

    public async Task<bool> HandleAsync(CancellationToken ct = default)
    {
        await baseSetup.EnsureAsync(ct);
        if (!await IsEmptyAsync(ct))
        {
            return false;
        }
        // The letters (about 40 ms of work on a cold start) are built on another thread while this one makes the contacts.
        var letters = Task.Run(() => DemoLetters.All.Select(l => l.Build()).ToArray(), ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var salespeople = AddSalespeople();
        var (companies, persons) = AddContacts(salespeople, now);
        var (customers, vendors) = AddBusinessRelations(companies);
        var campaigns = AddCampaigns(today);
        var opportunities = AddOpportunities(persons, campaigns, today);
        AddInteractionSetup();
        var letterLanguages = AddLetters(await letters, now);
        await db.SaveChangesAsync(ct);
        // The attachments' numbers come from the database.
        foreach (var (language, attachment) in letterLanguages)
        {
            language.SetAttachment(attachment.No);
        }
        await db.SaveChangesAsync(ct);
        // The history's use cases save as they go: they need not look through the 800 contacts added above each time.
        ((DbContext)db).ChangeTracker.Clear();

        // The series continue after the numbers the demo used (the history takes opportunities and segments from them).
        await SetLastNoAsync(NoSeriesLine.Contacts, companies.Count + persons.Count, ct);
        await SetLastNoAsync(NoSeriesLine.Campaigns, campaigns.Count, ct);
        await SetLastNoAsync(NoSeriesLine.Opportunities, opportunities.Count, ct);
        await history.HandleAsync(new DemoHistory.Company(companies, persons, customers, vendors, campaigns, campaigns[1].No, opportunities), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private Task<int> SetLastNoAsync(string code, int last, CancellationToken ct) =>
        db.NoSeries.Where(s => s.Code == code).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNoUsed, last), ct);

    private List<Salesperson> AddSalespeople()
    {
        (string Code, string Name, string Email)[] people =
        [
            ("JR", "Jim Olive", "jim.olive@touchpoint.example"),
            ("LM", "Linda Martin", "linda.martin@touchpoint.example"),
            ("PS", "Peter Saddow", "peter.saddow@touchpoint.example"),
            ("HR", "Hanna Ramsey", "hanna.ramsey@touchpoint.example"),
            ("OF", "Otis Falls", "otis.falls@touchpoint.example"),
            ("BD", "Benjamin Chiu", "benjamin.chiu@touchpoint.example"),
        ];
        var list = people.Select(p => Salesperson.Create(p.Code,
            new SalespersonFields { Name = p.Name, Email = p.Email, Blocked = false }, new FieldErrors())).ToList();
        db.Salespeople.AddRange(list);
        return list;
    }

    private (List<Contact> Companies, List<Contact> Persons) AddContacts(List<Salesperson> salespeople, DateTimeOffset now)
    {
        var companies = new List<Contact>();
        var persons = new List<Contact>();
        var next = 0;
        string NextNo() => "CT" + (++next).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < Companies; i++)
        {
            var country = Countries[i % Countries.Length];
            var faker = new Faker(country.Locale) { Random = new Randomizer(1000 + i) };
            var companyName = faker.Company.CompanyName();
            var domain = new string(Latin(companyName).Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
            if (domain.Length < 3)
            {
                domain = "company" + i;
            }
            var salesperson = salespeople[i % salespeople.Count].Code;
            var company = Contact.Create(NextNo(), new ContactFields
            {
                Type = ContactType.Company,
                Name = Truncate(companyName, Contact.NameLength),
                Email = $"info@{domain}.example",
                PhoneNo = $"{country.Phone} {faker.Random.Number(10, 99)} {faker.Random.Number(100, 999)} {faker.Random.Number(1000, 9999)}",
                Address = Truncate(faker.Address.StreetAddress(), Contact.AddressLength),
                PostCode = Truncate(faker.Address.ZipCode(), Contact.PostCodeLength),
                City = Truncate(faker.Address.City(), Contact.CityLength),
                CountryRegionCode = country.Country,
                LanguageCode = country.Language,
                SalespersonCode = salesperson,
                CorrespondenceType = (i % 3) switch { 0 => CorrespondenceType.Email, 1 => CorrespondenceType.HardCopy, _ => CorrespondenceType.None },
            }, null, now, new FieldErrors());
            company.AssignNo(company.No);
            companies.Add(company);
            for (var p = 0; p < PersonsPerCompany; p++)
            {
                var first = faker.Name.FirstName();
                var last = faker.Name.LastName();
                var email = new string(Latin($"{first}.{last}").Where(c => char.IsAsciiLetterOrDigit(c) || c == '.').ToArray());
                persons.Add(Contact.Create(NextNo(), new ContactFields
                {
                    Type = ContactType.Person,
                    Name = Truncate($"{first} {last}", Contact.NameLength),
                    CompanyNo = company.No,
                    Email = $"{(email.Length > 1 ? email : "contact" + p)}@{domain}.example",
                    PhoneNo = company.PhoneNo,
                    MobilePhoneNo = $"{country.Phone} 6{faker.Random.Number(10000000, 99999999)}",
                    Address = company.Address,
                    PostCode = company.PostCode,
                    City = company.City,
                    CountryRegionCode = country.Country,
                    LanguageCode = country.Language,
                    SalespersonCode = salesperson,
                    CorrespondenceType = company.CorrespondenceType,
                    PrivacyBlocked = i == 7 && p == 0,
                }, company, now, new FieldErrors()));
            }
        }
        db.Contacts.AddRange(companies);
        db.Contacts.AddRange(persons);
        return (companies, persons);
    }

    /// <summary>Returns the customer and vendor no. of each company that has one.</summary>
    private (Dictionary<string, string> Customers, Dictionary<string, string> Vendors) AddBusinessRelations(List<Contact> companies)
    {
        var customers = new Dictionary<string, string>(StringComparer.Ordinal);
        var vendors = new Dictionary<string, string>(StringComparer.Ordinal);
        // Most companies are customers, every fifth a vendor, a few both; some are prospects with no relation.
        for (var i = 0; i < companies.Count; i++)
        {
            if (i % 10 != 9)
            {
                customers[companies[i].No] = $"C{10000 + i * 10}";
                db.ContactBusinessRelations.Add(new ContactBusinessRelation(companies[i].No, LinkToTable.Customer, customers[companies[i].No]));
            }
            if (i % 5 == 0)
            {
                vendors[companies[i].No] = $"V{10000 + i * 10}";
                db.ContactBusinessRelations.Add(new ContactBusinessRelation(companies[i].No, LinkToTable.Vendor, vendors[companies[i].No]));
            }
        }
        return (customers, vendors);
    }

    /// <summary>
    /// The spring, summer and autumn campaigns of the last twelve months (each the latest one that has begun), which the
    /// history's interactions belong to, and the coming winter mailing, not activated yet.
    /// </summary>
    private List<Campaign> AddCampaigns(DateOnly today)
    {
        DateOnly Latest(int month) => new DateOnly(today.Year, month, 1) <= today ? new DateOnly(today.Year, month, 1) : new DateOnly(today.Year - 1, month, 1);
        var spring = Latest(3);
        var summer = Latest(6);
        var autumn = Latest(9);
        var winter = new DateOnly(today.Month == 1 ? today.Year - 1 : today.Year, 12, 1);
        (string Description, DateOnly Start, DateOnly End, string Salesperson, bool Activated)[] campaigns =
        [
            ("Spring trade fair", spring, spring.AddMonths(2).AddDays(-1), "LM", true),
            ("Summer golf event", summer, summer.AddMonths(3).AddDays(-1), "JR", true),
            ("Autumn product launch", autumn, autumn.AddMonths(3).AddDays(-1), "PS", true),
            ("Winter loyalty mailing", winter, winter.AddMonths(2).AddDays(-1), "HR", false),
        ];
        var list = campaigns.Select((c, i) => Campaign.Create($"CP{i + 1:D4}", new CampaignFields
        {
            Description = c.Description, StartingDate = c.Start, EndingDate = c.End, SalespersonCode = c.Salesperson,
            Activated = c.Activated,
        }, new FieldErrors())).ToList();
        db.Campaigns.AddRange(list);
        return list;
    }

    private List<Opportunity> AddOpportunities(List<Contact> persons, List<Campaign> campaigns, DateOnly today)
    {
        var list = new List<Opportunity>();
        string[] subjects = ["New office furniture", "Conference room fit-out", "Yearly service contract", "Bulk order of chairs", "Showroom redesign"];
        for (var i = 0; i < 20; i++)
        {
            var person = persons[i * 29 % persons.Count];
            var created = today.AddDays(-i * 9);
            var opportunity = Opportunity.Create($"OP{i + 1:D6}", created, new OpportunityFields
            {
                Description = $"{subjects[i % subjects.Length]} – {person.CompanyName}".Length > Opportunity.DescriptionLength
                    ? subjects[i % subjects.Length]
                    : $"{subjects[i % subjects.Length]} – {person.CompanyName}",
                ContactNo = person.No,
                SalespersonCode = person.SalespersonCode,
                CampaignNo = i % 4 == 0 ? campaigns[i / 4 % campaigns.Count].No : null,
                SalesCycleStage = 1,
                EstimatedValueLcy = 4_000m + i * 3_750m,
                EstimatedClosingDate = created.AddDays(60),
            }, new FieldErrors());
            opportunity.SetContactCompany(person.CompanyNo);
            db.Opportunities.Add(opportunity);
            // A pipeline with a history (rule 68): each opportunity started at stage 1 and has moved on since; every
            // sixth was won or lost.
            db.OpportunityEntries.Add(OpportunityEntry.Record(opportunity.No, created, opportunity.Pipeline, null));
            var stage = 1 + i % SalesCycle.Stages.Count;
            if (stage > 1 || i % 6 == 5)
            {
                var change = new OpportunityFields { SalesCycleStage = stage };
                if (i % 6 == 5)
                {
                    change = change with { Status = i % 12 == 5 ? OpportunityStatus.Won : OpportunityStatus.Lost };
                }
                opportunity.Apply(change, new FieldErrors(), created.AddDays(Math.Min(i * 9, 7 * stage)));
                var entry = OpportunityEntry.Record(opportunity.No, created.AddDays(Math.Min(i * 9, 7 * stage)), opportunity.Pipeline, null);
                db.OpportunityEntries.Local.First(e => e.OpportunityNo == opportunity.No).Deactivate();
                db.OpportunityEntries.Add(entry);
            }
            list.Add(opportunity);
        }
        return list;
    }

    private void AddInteractionSetup()
    {
        db.InteractionGroups.AddRange(
            new InteractionGroup("LETTER", "Letters"),
            new InteractionGroup("MEETING", "Meetings"),
            new InteractionGroup("PHONE", "Telephone conversations"),
            new InteractionGroup("PURCHASES", "Purchase Documents"),
            new InteractionGroup("SALES", "Sales Documents"),
            new InteractionGroup("SYSTEM", "System Generated Entries"));

        var o = InformationFlow.Outbound;
        var us = InitiatedBy.Us;
        Template("ABSTRACT", "LETTER", "Abstract of Meeting", 8, 90, o, InitiatedBy.None, CorrespondenceType.HardCopy, language: "ENU");
        Template("BUS", "LETTER", "Business Letter", 8, 30, o, us, CorrespondenceType.HardCopy, language: "ENU");
        // English by default, as ABSTRACT and BUS: a contact whose language the letter lacks gets the English one. Without
        // a default such a contact's e-mail had no letter, and the wizard refused it (rule 19).
        Template("GOLF", "LETTER", "Golf Event", 8, 1, o, us, CorrespondenceType.Email, WizardAction.Merge, language: "ENU");
        Template("INCOME", "PHONE", "Incoming phone call", 0, 15, InformationFlow.Inbound, InitiatedBy.Them);
        Template("OUTGOING", "PHONE", "Outgoing phone call", 1, 15, o, us);
        Template("INHOUSE", "MEETING", "Meeting at our place", 25, 120);
        Template("ONSITE", "MEETING", "Meeting at the contact's", 45, 180);
        Template("COVERSH", "SYSTEM", "Cover sheet", 8, 1);
        Template("EMAIL", "SYSTEM", "Emails", 8, 1);
        Template("EMAIL_D", "SYSTEM", "Email draft", 8, 1);
        Template("MEETINV", "SYSTEM", "Meeting invitation", 8, 1);
        (string Code, string Description)[] sales =
        [
            ("S_INVOICE", "Sales Invoice"), ("S_C_MEMO", "Sales Credit Memo"), ("S_ORDER_CF", "Sales Order Confirmation"),
            ("S_QUOTE", "Sales Quote"), ("S_B_ORDER", "Sales Blanket Order"), ("S_SHIP", "Sales Shipment Note"),
            ("S_STATM", "Sales Statement"), ("S_REMIND", "Sales Reminder"), ("S_RET_ORD", "Sales Return Order"),
            ("S_RET_RCP", "Sales Return Receipt"), ("S_FIN_CHG", "Sales Finance Charge Memo"), ("S_DRAFT_IN", "Sales Draft Invoice"),
        ];
        (string Code, string Description)[] purchases =
        [
            ("P_INVOICE", "Purchase Invoice"), ("P_C_MEMO", "Purchase Credit Memo"), ("P_ORDER", "Purchase Order"),
            ("P_QUOTE", "Purchase Quote"), ("P_B_ORDER", "Purchase Blanket Order"), ("P_RECEIPT", "Purchase Receipt"),
            ("P_RT_SHIP", "Purchase Return Shipment"), ("P_RT_ORD_C", "Purchase Return Order Confirmation"),
        ];
        foreach (var (code, description) in sales)
        {
            Template(code, "SALES", description, 8, 1, o, us);
        }
        foreach (var (code, description) in purchases)
        {
            Template(code, "PURCHASES", description, 8, 1, o, us);
        }

        // Rule 64: the setup of BC's demo company; service documents stay blank.
        var setup = db.InteractionTemplateSetup.Find(InteractionTemplateSetup.SingletonId)!;
        setup.SalesInvoice = "S_INVOICE";
        setup.SalesCreditMemo = "S_C_MEMO";
        setup.SalesOrderConfirmation = "S_ORDER_CF";
        setup.SalesQuote = "S_QUOTE";
        setup.PurchaseInvoice = "P_INVOICE";
        setup.PurchaseCreditMemo = "P_C_MEMO";
        setup.PurchaseOrder = "P_ORDER";
        setup.PurchaseQuote = "P_QUOTE";
        setup.Emails = "EMAIL";
        setup.CoverSheets = "COVERSH";
        setup.OutgoingCalls = "OUTGOING";
        setup.SalesBlanketOrder = "S_B_ORDER";
        setup.SalesShipmentNote = "S_SHIP";
        setup.SalesStatement = "S_STATM";
        setup.SalesReminder = "S_REMIND";
        setup.PurchaseBlanketOrder = "P_B_ORDER";
        setup.PurchaseReceipt = "P_RECEIPT";
        setup.SalesReturnOrder = "S_RET_ORD";
        setup.SalesReturnReceipt = "S_RET_RCP";
        setup.SalesFinanceChargeMemo = "S_FIN_CHG";
        setup.PurchaseReturnShipment = "P_RT_SHIP";
        setup.PurchaseReturnOrderConfirmation = "P_RT_ORD_C";
        setup.MeetingInvitation = "MEETINV";
        setup.EmailDraft = "EMAIL_D";
        setup.SalesDraftInvoice = "S_DRAFT_IN";
    }

    /// <summary>
    /// A template; its languages, the default <paramref name="language"/> among them (rule 1), come with the letters.
    /// Every demo template ignores the contact's correspondence type, not only the letters as in BC's demo: BC's demo
    /// contacts have none, while a third of these prefer e-mail, and rule 15 would then make a call, a meeting or a
    /// document an e-mail without a letter, which the wizard refuses (rule 19).
    /// </summary>
    private void Template(string code, string group, string description, decimal cost, decimal minutes,
        InformationFlow flow = InformationFlow.None, InitiatedBy initiatedBy = InitiatedBy.None,
        CorrespondenceType correspondenceType = CorrespondenceType.None, WizardAction wizardAction = WizardAction.None,
        bool ignoreContactType = true, string? language = null)
    {
        db.InteractionTemplates.Add(new InteractionTemplate(code, group, description)
        {
            UnitCostLcy = cost,
            UnitDurationMin = minutes,
            InformationFlow = flow,
            InitiatedBy = initiatedBy,
            CorrespondenceTypeDefault = correspondenceType,
            WizardAction = wizardAction,
            IgnoreContactCorresType = ignoreContactType,
            LanguageCodeDefault = language,
        });
    }

    /// <summary>
    /// The letter templates' languages, the default one among them, each with its Word letter (<paramref name="contents"/>:
    /// the bytes of <see cref="DemoLetters.All"/>, in that order). The database is new, so every file is new: added
    /// without the look-ups of <see cref="AttachmentStore.AddAsync"/>, each of which costs a query and a scan of the
    /// change tracker with its 800 contacts.
    /// </summary>
    private List<(InteractionTemplateLanguage Language, Attachment Attachment)> AddLetters(byte[][] contents, DateTimeOffset now)
    {
        var added = new List<(InteractionTemplateLanguage, Attachment)>();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < DemoLetters.All.Count; i++)
        {
            var (templateCode, languageCode, description, fileName, _) = DemoLetters.All[i];
            var content = contents[i];
            var hash = AttachmentStore.ContentHash(content);
            if (hashes.Add(hash))
            {
                db.AttachmentContents.Add(new AttachmentContent(hash, content));
            }
            var attachment = new Attachment(fileName, "docx", AttachmentStore.WordContentType, content.LongLength, hash, now);
            var language = new InteractionTemplateLanguage(templateCode, languageCode, description);
            db.Attachments.Add(attachment);
            db.InteractionTemplateLanguages.Add(language);
            added.Add((language, attachment));
        }
        return added;
    }

    // E-mail addresses are ASCII: Russian names are transliterated, Nordic and German letters lose their marks,
    // as people do when they choose an address.
    private static readonly Dictionary<char, string> Transliteration = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh",
        ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
        ['å'] = "a", ['ä'] = "a", ['ö'] = "o", ['ø'] = "o", ['æ'] = "ae", ['ü'] = "u", ['ß'] = "ss", ['é'] = "e", ['ë'] = "e", ['ï'] = "i",
    };

    private static string Latin(string value) =>
        string.Concat(value.ToLowerInvariant().Select(c => Transliteration.TryGetValue(c, out var latin) ? latin : c.ToString()));

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
