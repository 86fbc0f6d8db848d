using Mono.Cecil;

namespace NasPlatform.Tools.TorchScalarBans;

/// <summary>C# documentation comment IDs (the BannedSymbols.txt format) of Cecil methods.</summary>
internal static class DocumentationId
{
    public static string Of(MethodDefinition method)
    {
        var name = TypeName(method.DeclaringType) + "." + (method.IsConstructor ? "#ctor" : method.Name);
        if (method.HasGenericParameters)
        {
            name += "``" + method.GenericParameters.Count;
        }

        if (method.HasParameters)
        {
            name += "(" + string.Join(",", method.Parameters.Select(p => TypeName(p.ParameterType))) + ")";
        }

        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            name += "~" + TypeName(method.ReturnType);
        }

        return "M:" + name;
    }

    private static string TypeName(TypeReference type) => type switch
    {
        ByReferenceType byReference => TypeName(byReference.ElementType) + "@",
        ArrayType array => TypeName(array.ElementType) + "[]",
        GenericInstanceType generic => Plain(generic.ElementType).Split('`')[0] + "{" + string.Join(",", generic.GenericArguments.Select(TypeName)) + "}",
        GenericParameter parameter => (parameter.Owner is MethodReference ? "``" : "`") + parameter.Position,
        _ => Plain(type),
    };

    private static string Plain(TypeReference type) => type.FullName.Replace('/', '.');
}
