namespace Touchpoint.Core.Demo;

/// <summary>One language of a demo letter template: the language's description, its Word letter's file name and words.</summary>
public sealed record DemoLetter(string TemplateCode, string LanguageCode, string Description, string FileName, SampleLetterTexts Texts)
{
    /// <summary>The Word letter, with its merge fields.</summary>
    public byte[] Build() => SampleLetter.Build(Texts);
}

/// <summary>
/// The Word letters of the demo's letter templates (ABSTRACT, BUS, GOLF), each in the languages of the UI: English
/// (ENU), Dutch (NLD), Swedish (SVE) and Russian (RUS), the language codes the demo's contacts have. Rule 12 gives a
/// contact the letter in their own language, so a new user sees a Dutch, Swedish or Russian letter merged for a
/// contact of that country. The address, date, subject, sender and signature are merge fields; so are the names and
/// the e-mail address in the text (<see cref="SampleLetterTexts.Body"/>).
/// </summary>
public static class DemoLetters
{
    public const string English = "ENU";
    public const string Dutch = "NLD";
    public const string Swedish = "SVE";
    public const string Russian = "RUS";

    public static IReadOnlyList<string> LanguageCodes { get; } = [English, Dutch, Swedish, Russian];

    public static IReadOnlyList<string> TemplateCodes { get; } = ["ABSTRACT", "BUS", "GOLF"];

    public static IReadOnlyList<DemoLetter> All { get; } =
    [
        new("ABSTRACT", English, "Abstract of Meeting", "Abstract of Meeting.docx", new("Dear",
        [
            "Thank you for taking the time to meet with us. As agreed, I am writing to summarize what we discussed and the next steps.",
            "We went through the current situation and needs of {ContactCompanyName}, and how {CompanyName} can support you. We agreed "
                + "that we will send you a detailed proposal within two weeks and then arrange a follow-up meeting to go through it together.",
            "If anything in this summary differs from your notes, or if you have any questions in the meantime, please contact me at "
                + "{SalespersonEmail}.",
        ], "Kind regards,", "en-US")),
        new("ABSTRACT", Dutch, "Verslag van bespreking", "Verslag van bespreking.docx", new("Geachte",
        [
            "Hartelijk dank voor het prettige gesprek. Zoals afgesproken stuur ik u hierbij een korte samenvatting van wat we hebben "
                + "besproken en van de vervolgstappen.",
            "We hebben de huidige situatie en de wensen van {ContactCompanyName} doorgenomen, en besproken hoe {CompanyName} u daarbij "
                + "kan ondersteunen. We hebben afgesproken dat wij u binnen twee weken een uitgewerkt voorstel sturen en dat we daarna een "
                + "vervolgafspraak maken om het samen door te nemen.",
            "Wijkt deze samenvatting af van uw aantekeningen, of heeft u in de tussentijd vragen? Neemt u dan gerust contact met mij op "
                + "via {SalespersonEmail}.",
        ], "Met vriendelijke groet,", "nl-NL")),
        new("ABSTRACT", Swedish, "Mötessammanfattning", "Mötessammanfattning.docx", new("Hej",
        [
            "Tack för ett givande möte. Som vi kom överens om skickar jag här en kort sammanfattning av vad vi diskuterade och hur vi "
                + "går vidare.",
            "Vi gick igenom nuläget och behoven hos {ContactCompanyName} och hur {CompanyName} kan stödja er. Vi kom överens om att vi "
                + "skickar ett utförligt förslag inom två veckor och att vi därefter bokar ett uppföljningsmöte för att gå igenom det "
                + "tillsammans.",
            "Om något i sammanfattningen inte stämmer med dina anteckningar, eller om du har frågor under tiden, är du välkommen att "
                + "kontakta mig på {SalespersonEmail}.",
        ], "Med vänliga hälsningar", "sv-SE")),
        new("ABSTRACT", Russian, "Резюме встречи", "Резюме встречи.docx", new("Здравствуйте,",
        [
            "Благодарю вас за встречу. Как мы и договорились, направляю краткое резюме нашей беседы и дальнейших шагов.",
            "Мы обсудили текущую ситуацию и задачи {ContactCompanyName}, а также то, как {CompanyName} может помочь вам в их решении. "
                + "Мы договорились, что в течение двух недель направим вам подробное предложение, а затем назначим повторную встречу, "
                + "чтобы обсудить его вместе.",
            "Если что-то в этом резюме расходится с вашими записями или у вас появятся вопросы, пожалуйста, напишите мне по адресу "
                + "{SalespersonEmail}.",
        ], "С уважением,", "ru-RU", "!")),

        new("BUS", English, "Business Letter", "Business Letter.docx", new("Dear",
        [
            "Thank you for your interest in {CompanyName} and for our pleasant conversation.",
            "I would be glad to tell you more about what we can do for {ContactCompanyName}. We support our customers every step of the "
                + "way, from the first advice to delivery and after-sales service.",
            "I will call you in the next few days to arrange a meeting at a time that suits you. Of course, you are also welcome to "
                + "contact me directly at {SalespersonEmail}.",
            "We look forward to working with you.",
        ], "Sincerely,", "en-US")),
        new("BUS", Dutch, "Zakelijke brief", "Zakelijke brief.docx", new("Geachte",
        [
            "Hartelijk dank voor uw belangstelling voor {CompanyName} en voor ons prettige gesprek.",
            "Graag vertel ik u meer over wat wij voor {ContactCompanyName} kunnen betekenen. Wij staan onze klanten bij in elke fase, "
                + "van het eerste advies tot de levering en de service daarna.",
            "In de komende dagen bel ik u om een afspraak te maken op een moment dat u schikt. Uiteraard kunt u mij ook rechtstreeks "
                + "bereiken via {SalespersonEmail}.",
            "Wij zien uit naar een prettige samenwerking.",
        ], "Met vriendelijke groet,", "nl-NL")),
        new("BUS", Swedish, "Affärsbrev", "Affärsbrev.docx", new("Hej",
        [
            "Tack för ditt intresse för {CompanyName} och för vårt trevliga samtal.",
            "Jag berättar gärna mer om vad vi kan göra för {ContactCompanyName}. Vi finns med våra kunder hela vägen, från de första "
                + "råden till leverans och service.",
            "Jag ringer dig under de närmaste dagarna för att boka ett möte vid en tid som passar dig. Du är förstås också välkommen att "
                + "kontakta mig direkt på {SalespersonEmail}.",
            "Vi ser fram emot ett gott samarbete.",
        ], "Med vänliga hälsningar", "sv-SE")),
        new("BUS", Russian, "Деловое письмо", "Деловое письмо.docx", new("Здравствуйте,",
        [
            "Благодарю вас за интерес к компании {CompanyName} и за приятную беседу.",
            "Я с удовольствием расскажу подробнее, что мы можем предложить для {ContactCompanyName}. Мы сопровождаем наших клиентов "
                + "на всех этапах — от первой консультации до поставки и сервисного обслуживания.",
            "В ближайшие дни я вам позвоню, чтобы договориться о встрече в удобное для вас время. Вы также можете связаться со мной "
                + "напрямую по адресу {SalespersonEmail}.",
            "Надеемся на плодотворное сотрудничество.",
        ], "С уважением,", "ru-RU", "!")),

        new("GOLF", English, "Golf Event", "Golf Event.docx", new("Dear",
        [
            "This summer, {CompanyName} is once again holding its annual golf day for customers and business partners, and we would be "
                + "delighted if you could join us. You are welcome to bring a colleague from {ContactCompanyName}.",
            "No experience is needed: beginners can try the game in a clinic with a golf professional, while experienced players take "
                + "part in the tournament. Equipment is available on site, and the day ends with dinner at the clubhouse.",
            "Please reply to {SalespersonEmail} by the end of the month to let us know whether you can come, and whether you would like "
                + "to play in the tournament or join the clinic. Everyone who registers will receive the full program with the date, "
                + "venue and times.",
            "We look forward to seeing you on the course!",
        ], "Best regards,", "en-US")),
        new("GOLF", Dutch, "Golfdag", "Golfdag.docx", new("Beste",
        [
            "Ook deze zomer organiseert {CompanyName} weer de jaarlijkse golfdag voor klanten en relaties, en we zouden het erg leuk "
                + "vinden als u erbij bent. Neemt u gerust een collega van {ContactCompanyName} mee.",
            "Ervaring is niet nodig: beginners maken onder leiding van een golfprofessional kennis met het spel in een clinic, terwijl "
                + "ervaren spelers meedoen aan het toernooi. Golfmateriaal is ter plaatse aanwezig en we sluiten de dag af met een diner "
                + "in het clubhuis.",
            "Laat u ons vóór het einde van de maand via {SalespersonEmail} weten of u komt, en of u liever meedoet aan het toernooi of "
                + "aan de clinic? Iedereen die zich aanmeldt, ontvangt het volledige programma met de datum, de locatie en de tijden.",
            "Graag tot ziens op de golfbaan!",
        ], "Met vriendelijke groet,", "nl-NL")),
        new("GOLF", Swedish, "Golfdag", "Golfdag.docx", new("Hej",
        [
            "I sommar bjuder {CompanyName} återigen in kunder och samarbetspartner till vår årliga golfdag, och vi skulle bli mycket "
                + "glada om du vill vara med. Ta gärna med en kollega från {ContactCompanyName}.",
            "Du behöver inte ha spelat golf tidigare: nybörjare får prova på spelet tillsammans med en golfpro, medan erfarna spelare "
                + "deltar i tävlingen. Utrustning finns på plats, och dagen avslutas med middag i klubbhuset.",
            "Svara gärna till {SalespersonEmail} före månadens slut och berätta om du kommer och om du vill spela tävlingen eller prova "
                + "på golf. Alla som anmäler sig får hela programmet med datum, plats och tider.",
            "Varmt välkommen!",
        ], "Med vänliga hälsningar", "sv-SE")),
        new("GOLF", Russian, "Гольф-день", "Гольф-день.docx", new("Добрый день,",
        [
            "Этим летом компания {CompanyName} вновь проводит традиционный гольф-день для клиентов и партнёров, и мы будем очень рады "
                + "видеть вас среди гостей. Приходите вместе с коллегой из {ContactCompanyName}.",
            "Опыт игры не нужен: новички смогут попробовать свои силы на мастер-классе с профессиональным тренером, а опытные игроки "
                + "примут участие в турнире. Всё необходимое снаряжение предоставляется на месте, а завершится день ужином в клубе.",
            "Пожалуйста, до конца месяца сообщите нам по адресу {SalespersonEmail}, сможете ли вы прийти и что вы выберете — турнир или "
                + "мастер-класс. Всем зарегистрировавшимся мы пришлём полную программу с датой, местом и временем проведения.",
            "До встречи на поле!",
        ], "С уважением,", "ru-RU", "!")),
    ];
}
