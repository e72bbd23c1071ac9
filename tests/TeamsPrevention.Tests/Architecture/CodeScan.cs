using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TeamsPrevention.Tests.Architecture;

/// <summary>
/// What the compiled code of an assembly uses, read from its IL with Mono.Cecil: every type a type names in its
/// declaration, its members' signatures and its method bodies (calls, fields, <c>new</c>, casts, string literals), its
/// nested types included (async state machines and lambdas are compiler-generated nested types). Types are grouped by
/// folder: the namespace segment after the assembly's root (<c>TeamsPrevention.App.Alerts.AlertSender</c> → <c>Alerts</c>).
/// </summary>
internal sealed class CodeScan
{
    private static readonly Lazy<CodeScan> LazyApp = new(() => new CodeScan(typeof(Program).Assembly.Location, "TeamsPrevention.App"));

    private readonly string _root;

    public CodeScan(string assemblyPath, string rootNamespace)
    {
        _root = rootNamespace;
        Module = ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { ReadSymbols = false });
    }

    /// <summary>The App's assembly, read once.</summary>
    public static CodeScan App => LazyApp.Value;

    public ModuleDefinition Module { get; }

    /// <summary>The top-level types of the assembly (nested ones are read with their outermost type).</summary>
    public IEnumerable<TypeDefinition> TopLevelTypes => Module.Types.Where(t => t.Namespace.StartsWith(_root, StringComparison.Ordinal));

    /// <summary>The folder of a type: <c>Alerts</c> for <c>TeamsPrevention.App.Alerts.X</c>, "" at the root (Program).</summary>
    public string FolderOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        var ns = type.Namespace;
        if (!ns.StartsWith(_root, StringComparison.Ordinal))
        {
            return "";
        }

        var rest = ns[_root.Length..].TrimStart('.');
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>A top-level type with all its nested types.</summary>
    public static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];

    /// <summary>Every type the type (and its nested types) uses, by full name (generic arguments, arrays and by-refs unwrapped).</summary>
    public static IEnumerable<TypeReference> TypesUsedBy(TypeDefinition type) =>
        WithNested(type).SelectMany(TypesUsedDirectlyBy).SelectMany(Unwrap);

    /// <summary>The instructions of every method body of the type and its nested types, with the method they are in.</summary>
    public static IEnumerable<(MethodDefinition Method, Instruction Instruction)> Instructions(TypeDefinition type) =>
        WithNested(type).SelectMany(t => t.Methods).Where(m => m.HasBody).SelectMany(m => m.Body.Instructions.Select(i => (m, i)));

    /// <summary>A type reference and every type inside it (generic arguments, element types), each once.</summary>
    public static IEnumerable<TypeReference> Unwrap(TypeReference? type)
    {
        switch (type)
        {
            case null:
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var inner in generic.GenericArguments.SelectMany(Unwrap))
                {
                    yield return inner;
                }

                yield break;
            case TypeSpecification specification:
                foreach (var inner in Unwrap(specification.ElementType))
                {
                    yield return inner;
                }

                yield break;
            default:
                yield return type;
                break;
        }
    }

    /// <summary>The types of a method's signature (return, parameters, generic arguments of a generic instance).</summary>
    public static IEnumerable<TypeReference> SignatureOf(MethodReference method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
        }

        if (method is GenericInstanceMethod generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                yield return argument;
            }
        }
    }

    private static IEnumerable<TypeReference> TypesUsedDirectlyBy(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var contract in type.Interfaces)
        {
            yield return contract.InterfaceType;
        }

        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
        }

        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.Methods)
        {
            foreach (var used in SignatureOf(method))
            {
                yield return used;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var local in method.Body.Variables)
            {
                yield return local.VariableType;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference operandType:
                        yield return operandType;
                        break;
                    case MethodReference called:
                        yield return called.DeclaringType;
                        foreach (var used in SignatureOf(called))
                        {
                            yield return used;
                        }

                        break;
                    case FieldReference field:
                        yield return field.DeclaringType;
                        yield return field.FieldType;
                        break;
                }
            }
        }
    }
}
