using Bellwether.Data.Sources;
using Bellwether.TestSupport.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>An API key echoed in an error body never shows, wherever the shortening of the body cuts.</summary>
public sealed class RedactionTests : SourceTests
{
    private const int Cut = 160;

    /// <summary>Every run of 4 characters of the key: none may appear in anything shown or stored.</summary>
    private static void AssertNoPieceOf(string key, string text)
    {
        for (int i = 0; i + 4 <= key.Length; i++) Assert.DoesNotContain(key.Substring(i, 4), text);
    }

    private static string BodyWithKeyAt(int position, string key) => new string('x', position) + key + " tail of the answer";

    [Fact]
    public void The_excerpt_blanks_the_key_at_every_position_before_cutting()
    {
        var key = Fakes.Key;
        for (int position = 0; position <= Cut + 2; position++)
        {
            var excerpt = ResponseErrors.Excerpt(BodyWithKeyAt(position, key), key);
            AssertNoPieceOf(key, excerpt);
            Assert.True(excerpt.Length <= Cut + 1, $"{excerpt.Length} characters at position {position}");
        }
        // URL-encoded too (a key echoed from the query string).
        var special = "k3y/with+special=chars";
        for (int position = Cut - Uri.EscapeDataString(special).Length; position <= Cut; position++)
            AssertNoPieceOf(Uri.EscapeDataString(special), ResponseErrors.Excerpt(BodyWithKeyAt(position, Uri.EscapeDataString(special)), special));
    }

    [Fact]
    public void A_key_straddling_the_cut_reaches_neither_the_message_nor_the_store()
    {
        using var fake = Start(new FredFake(key: Fakes.Key));
        var key = Fakes.Key;
        for (int position = Cut - key.Length; position <= Cut; position++)
        {
            fake.Server.Inject((_, _) => Reply.Text(BodyWithKeyAt(position, key), 404));
            var outcome = Bed.Run(fake);
            Assert.Equal(SourceFailure.NotFound, outcome.Failure);
            AssertNoPieceOf(key, outcome.Error!);
            AssertNoPieceOf(key, Bed.Dump()); // source_updates.last_error included
        }
    }
}
