using System.Globalization;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>
/// Text people wrote (an API key's name, a file's column name, in any script, braces included) is an argument of a
/// stored audit detail or row rejection, never part of its template: it comes back whole from storage, and each
/// language's wording is that language's fixed text with the argument put in as written.
/// </summary>
public sealed class StoredTextArgumentProperties(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    /// <summary>Names in Latin, Han, Cyrillic, Arabic and emoji, with placeholders and braces mixed in.</summary>
    private static readonly Gen<string> AnyScript = Gen.OneOf(
            Gen.Char['a', 'z'], Gen.Char['\u4e00', '\u9fa5'], Gen.Char['\u0400', '\u04ff'], Gen.Char['\u0600', '\u06ff'],
            Gen.Const('{'), Gen.Const('}'), Gen.Const('0'), Gen.Const(' '))
        .Array[0, 24].Select(chars => new string(chars))
        .SelectMany(s => Gen.Bool.Select(emoji => emoji ? s + "🎁" : s));

    [Fact]
    public void AnAuditDetailsName_IsAnArgument_InStorageAndInEveryLanguage()
    {
        var words = console.Services.GetRequiredService<MessageWords>();
        Gen.Select(AnyScript, AnyScript).Sample((name, prefix) =>
        {
            var entry = new AuditEntry().WithDetail(AuditDetail.ApiKeyCreated, name, prefix, AuditDetails.Role(Roles.Viewer));
            Assert.Equal("AuditDetail.ApiKeyCreated", entry.DetailCode);
            Assert.Equal($"{name} ({prefix}), role Viewer", entry.Detail);
            var read = AuditDetails.Read(entry.DetailCode, entry.DetailArgs);
            Assert.Equal(CodedMessage.Of(AuditDetail.ApiKeyCreated, name, prefix, CodedMessage.Of(AuditDetail.RoleViewer)), read);
            Assert.Equal($"{name}（{prefix}），角色：查看者", InChinese(() => words.Word(read!)));
        });
    }

    [Fact]
    public void ARejectedRowsColumnName_IsAnArgument_InStorageAndInEveryLanguage()
    {
        var text = console.Services.GetRequiredService<IStringLocalizer<QuestionsText>>();
        Gen.Select(AnyScript, Gen.Int[1, 100_000]).Sample((column, limit) =>
        {
            var rejection = ParsedRow.Reject(7, QuestionRowMessage.FieldTooLong, column, limit).Rejection;
            Assert.Equal($"{column} longer than {limit} characters", rejection.Reason);
            var (code, args) = CodedMessageJson.Write(rejection.Code);
            Assert.Equal("QuestionRowMessage.FieldTooLong", code);
            var read = MessageCodes.Read(code, args)!;
            Assert.Equal(column, read.Args[0]);
            Assert.Equal($"{column} 超过 {limit} 个字符", InChinese(() => text.Word(read)));
        });
    }

    private static string InChinese(Func<string> word)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try { return word(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }
}
