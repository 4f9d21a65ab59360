using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Application.Common;

/// <summary>
/// Binding of an options class that refuses a setting naming no value of its enum. The framework's
/// binder throws an error that names neither the allowed values nor (in the command line, which
/// parsed enums itself) anything at all: "Sqlit" silently meant the default. Here it is an
/// <see cref="OptionsValidationException"/>, like every other start-up validation failure, with a
/// message naming the configuration path and the allowed values.
/// </summary>
public static class StrictOptionsBinding
{
    public static OptionsBuilder<TOptions> BindStrictly<TOptions>(this OptionsBuilder<TOptions> builder, IConfiguration section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Configure(options =>
        {
            var errors = EnumErrors(typeof(TOptions), section).ToList();
            if (errors.Count > 0) throw new OptionsValidationException(builder.Name, typeof(TOptions), errors);
            section.Bind(options);
        });
        return builder;
    }

    /// <summary>One message per enum setting whose text is not the name of a value (numbers are refused too).</summary>
    public static IEnumerable<string> EnumErrors(Type optionsType, IConfiguration section)
    {
        var path = section is IConfigurationSection s ? s.Path + ":" : "";
        foreach (var property in optionsType.GetProperties().Where(p => p.CanWrite))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!type.IsEnum) continue;
            var raw = section[property.Name];
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var names = Enum.GetNames(type);
            if (names.Any(n => string.Equals(n, raw.Trim(), StringComparison.OrdinalIgnoreCase))) continue;
            yield return $"{path}{property.Name} is '{raw}'; allowed values: {string.Join(", ", names)}.";
        }
    }
}
