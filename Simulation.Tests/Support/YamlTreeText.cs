using System.Reflection;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Tests.Support;

/// <summary>A YAML tree written node by node in its order, with everything a node holds that the binders or writing it back could read, to compare two trees as text.</summary>
public static class YamlTreeText
{
    /// <summary>
    /// Every node's type, where it starts and (with <paramref name="ends"/>) ends, tag, anchor and
    /// style, a scalar's value and YamlDotNet's mark of a plain null; a mapping's keys in order.
    /// </summary>
    public static string Of(YamlNode root, bool ends = true)
    {
        var written = new StringBuilder();
        Write(root);
        return written.ToString();

        void Write(YamlNode node)
        {
            written.Append($"{node.NodeType} {M(node.Start)}{(ends ? "-" + M(node.End) : "")} a={node.Anchor} t={node.Tag} ");
            switch (node)
            {
                case YamlScalarNode s:
                    written.AppendLine($"{s.Style} [{s.Value}] implicit-plain={ImplicitPlain.GetValue(s)}");
                    break;
                case YamlSequenceNode list:
                    written.AppendLine($"{list.Style} [");
                    foreach (var child in list.Children)
                    {
                        Write(child);
                    }

                    written.AppendLine("]");
                    break;
                case YamlMappingNode map:
                    written.AppendLine($"{map.Style} {{");
                    foreach (var (key, value) in map.Children)
                    {
                        Write(key);
                        Write(value);
                    }

                    written.AppendLine("}");
                    break;
            }
        }

        static string M(Mark m) => $"{m.Line}:{m.Column}:{m.Index}";
    }

    // The mark YamlDotNet's load gives a plain null scalar (it decides how the node is written back).
    private static readonly FieldInfo ImplicitPlain =
        typeof(YamlScalarNode).GetField("forceImplicitPlain", BindingFlags.NonPublic | BindingFlags.Instance)!;
}
