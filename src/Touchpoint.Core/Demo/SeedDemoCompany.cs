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
/// languages for its letter templates (<see cref="DemoLetters"/>). The data is the same on every run (fixed random
/// seed), so screenshots and tests can rely on it.
/// </summary>
public sealed class SeedDemoCompany(ITouchpointDb db, BaseSetup baseSetup, TimeProvider clock)
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
        AddBusinessRelations(companies);
        var campaigns = AddCampaigns(today);
        AddOpportunities(persons, campaigns, today);
        AddInteractionSetup();
        var letterLanguages = AddLetters(await letters, now);
        await db.SaveChangesAsync(ct);
        // The attachments' numbers come from the database.
        foreach (var (language, attachment) in letterLanguages)
        {
            language.SetAttachment(attachment.No);
        }
        await db.SaveChangesAsync(ct);

        // The series continue after the numbers the demo used.
        await SetLastNoAsync(NoSeriesLine.Contacts, companies.Count + persons.Count, ct);
        await SetLastNoAsync(NoSeriesLine.Campaigns, campaigns.Count, ct);
        await SetLastNoAsync(NoSeriesLine.Opportunities, 20, ct);
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

    private void AddBusinessRelations(List<Contact> companies)
    {
        // Most companies are customers, every fifth a vendor, a few both; some are prospects with no relation.
        for (var i = 0; i < companies.Count; i++)
        {
            if (i % 10 != 9)
            {
                db.ContactBusinessRelations.Add(new ContactBusinessRelation(companies[i].No, LinkToTable.Customer, $"C{10000 + i * 10}"));
            }
            if (i % 5 == 0)
            {
                db.ContactBusinessRelations.Add(new ContactBusinessRelation(companies[i].No, LinkToTable.Vendor, $"V{10000 + i * 10}"));
            }
        }
    }

    private List<Campaign> AddCampaigns(DateOnly today)
    {
        var year = today.Year;
        (string Description, DateOnly Start, DateOnly End, string Salesperson, bool Activated)[] campaigns =
        [
            ("Spring trade fair", new DateOnly(year, 3, 1), new DateOnly(year, 4, 30), "LM", true),
            ("Summer golf event", new DateOnly(year, 6, 1), new DateOnly(year, 8, 31), "JR", true),
            ("Autumn product launch", new DateOnly(year, 9, 1), new DateOnly(year, 11, 30), "PS", true),
            ("Winter loyalty mailing", new DateOnly(year, 12, 1), new DateOnly(year + 1, 1, 31), "HR", false),
        ];
        var list = campaigns.Select((c, i) => Campaign.Create($"CP{i + 1:D4}", new CampaignFields
        {
            Description = c.Description, StartingDate = c.Start, EndingDate = c.End, SalespersonCode = c.Salesperson,
            Activated = c.Activated,
        }, new FieldErrors())).ToList();
        db.Campaigns.AddRange(list);
        return list;
    }

    private void AddOpportunities(List<Contact> persons, List<Campaign> campaigns, DateOnly today)
    {
        string[] subjects = ["New office furniture", "Conference room fit-out", "Yearly service contract", "Bulk order of chairs", "Showroom redesign"];
        for (var i = 0; i < 20; i++)
        {
            var person = persons[i * 29 % persons.Count];
            var opportunity = Opportunity.Create($"OP{i + 1:D6}", today.AddDays(-i * 9), new OpportunityFields
            {
                Description = $"{subjects[i % subjects.Length]} – {person.CompanyName}".Length > Opportunity.DescriptionLength
                    ? subjects[i % subjects.Length]
                    : $"{subjects[i % subjects.Length]} – {person.CompanyName}",
                ContactNo = person.No,
                SalespersonCode = person.SalespersonCode,
                CampaignNo = i % 4 == 0 ? campaigns[i / 4 % campaigns.Count].No : null,
                Closed = i % 6 == 5,
            }, new FieldErrors());
            opportunity.SetContactCompany(person.CompanyNo);
            db.Opportunities.Add(opportunity);
        }
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
        Template("ABSTRACT", "LETTER", "Abstract of Meeting", 8, 90, o, InitiatedBy.None, CorrespondenceType.HardCopy, ignoreContactType: true, language: "ENU");
        Template("BUS", "LETTER", "Business Letter", 8, 30, o, us, CorrespondenceType.HardCopy, ignoreContactType: true, language: "ENU");
        Template("GOLF", "LETTER", "Golf Event", 8, 1, o, us, CorrespondenceType.Email, WizardAction.Merge, ignoreContactType: true);
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

    /// <summary>A template; its languages, the default <paramref name="language"/> among them (rule 1), come with the letters.</summary>
    private void Template(string code, string group, string description, decimal cost, decimal minutes,
        InformationFlow flow = InformationFlow.None, InitiatedBy initiatedBy = InitiatedBy.None,
        CorrespondenceType correspondenceType = CorrespondenceType.None, WizardAction wizardAction = WizardAction.None,
        bool ignoreContactType = false, string? language = null)
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
