using System.Reflection;
using System.Reflection.Emit;

namespace IsdnSim.Tests.Architecture;

/// <summary>
/// Inside each assembly the namespaces point one way (docs/architecture.md): the compiler keeps
/// the assemblies in order, this test keeps their namespaces so. It reads every type's
/// signatures and the IL of every method body, and fails on any cycle between namespaces.
/// </summary>
public sealed class NamespaceCycleTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static TheoryData<string> Assemblies() =>
        new() { "IsdnSim.Kernel", "IsdnSim.Scenario", "IsdnSim.Analysis", "IsdnSim.Presentation", "IsdnSim.Grains", "isdnsim" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NamespacesOfAnAssembly_HaveNoCycles(string name)
    {
        var assembly = Assembly.Load(name);
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var used in Used(type).Where(t => t.Assembly == assembly))
            {
                if (NamespaceOf(used) is { } to && to != from)
                {
                    var targets = edges.TryGetValue(from, out var known) ? known : edges[from] = new(StringComparer.Ordinal);
                    targets.TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        Cycles(edges).Should().BeEmpty($"the namespaces of {name} must point one way");
    }

    private static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace is { } ns && ns.StartsWith("IsdnSim", StringComparison.Ordinal) ? ns : null;
    }

    private static IEnumerable<Type> Used(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        void Add(Type? t)
        {
            if (t is null)
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }

            found.Add(t.IsGenericType ? t.GetGenericTypeDefinition() : t);
            if (t.IsGenericType)
            {
                foreach (var a in t.GetGenericArguments())
                {
                    Add(a);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var f in type.GetFields(all))
        {
            Add(f.FieldType);
        }

        foreach (var p in type.GetProperties(all))
        {
            Add(p.PropertyType);
        }

        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            if (m.GetMethodBody() is not { } body)
            {
                continue;
            }

            foreach (var local in body.LocalVariables)
            {
                Add(local.LocalType);
            }

            foreach (var t in TypesInIl(m, body.GetILAsByteArray() ?? []))
            {
                Add(t);
            }
        }

        return found;
    }

    /// <summary>The types the instructions of a method body name: members' declaring types and type operands.</summary>
    private static IEnumerable<Type> TypesInIl(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    Type? named = null;
                    try
                    {
                        named = op.OperandType == OperandType.InlineType
                            ? module.ResolveType(token, typeArgs, methodArgs)
                            : module.ResolveMember(token, typeArgs, methodArgs) switch
                            {
                                Type t => t,
                                MemberInfo member => member.DeclaringType,
                                _ => null,
                            };
                    }
                    catch (ArgumentException)
                    {
                    }

                    if (named is not null)
                    {
                        yield return named;
                    }

                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    /// <summary>Each cycle between namespaces, as the uses that close it (Tarjan's strongly connected components).</summary>
    private static List<string> Cycles(Dictionary<string, Dictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<string>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.TryGetValue(v, out var targets) ? targets.Keys.ToList() : [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] != index[v])
            {
                return;
            }

            var component = new List<string>();
            string x;
            do
            {
                x = stack.Pop();
                onStack.Remove(x);
                component.Add(x);
            }
            while (x != v);

            if (component.Count > 1)
            {
                var uses = component.SelectMany(a => edges.TryGetValue(a, out var t) ? t.Where(e => component.Contains(e.Key)).Select(e => e.Value).ToList() : []);
                cycles.Add(string.Join(" <-> ", component.Order(StringComparer.Ordinal)) + ": " + string.Join("; ", uses));
            }
        }

        foreach (var v in edges.Keys.ToList())
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return cycles;
    }
}
