using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Segments;

/// <summary>Many persons in a city of their own, through the bulk path (the API would take minutes for them).</summary>
internal static class VolumeContacts
{
    public static Task AddAsync(TouchpointApp app, string city, int count, string name) =>
        app.WithScopeAsync(async sp =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var contacts = Enumerable.Range(1, count).Select(i =>
            {
                var no = $"{city}{i:D6}";
                var contact = Contact.Create(no, new ContactFields { Type = ContactType.Person, Name = $"{name} {i}", City = city }, null, now, new FieldErrors());
                contact.AssignNo(no);
                return contact;
            });
            await sp.GetRequiredService<IDatabaseProvider>().BulkInsertContactsAsync(sp.GetRequiredService<DatabaseSettings>().ConnectionString, contacts);
            return 0;
        });
}
