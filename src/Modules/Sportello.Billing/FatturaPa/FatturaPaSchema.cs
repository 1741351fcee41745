using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Sportello.Billing.FatturaPa;

/// <summary>
/// The official FatturaPA 1.2.2 schema, compiled once: a document that does not pass it is never stored as valid.
/// The schemas are embedded, so validation never reaches out for them (its import is satisfied from the set).
/// </summary>
public static class FatturaPaSchema
{
    public const string Namespace = "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Compile);

    /// <summary>The schema's complaints about <paramref name="document"/>, each with its line when known; empty when it passes.</summary>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        // Validating the indented text, not the tree, gives the schema's messages their line numbers.
        using var reader = new StringReader(document.ToString());
        return Validate(reader);
    }

    public static IReadOnlyList<string> Validate(TextReader text)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema, Schemas = Schemas.Value, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add(e.Exception.LineNumber > 0 ? $"{e.Message} (riga {e.Exception.LineNumber})" : e.Message);
        try
        {
            using var reader = XmlReader.Create(text, settings);
            var first = true;
            while (reader.Read())
            {
                // Without warnings a document of another namespace would pass unchecked: its root must be the schema's.
                if (first && reader.NodeType == XmlNodeType.Element)
                {
                    first = false;
                    if (reader.NamespaceURI != Namespace || reader.LocalName != "FatturaElettronica")
                    {
                        problems.Add($"L'elemento radice è «{reader.Name}», non FatturaElettronica di {Namespace}.");
                        break;
                    }
                }
            }
        }
        catch (XmlException broken)
        {
            problems.Add(broken.Message);
        }

        return problems;
    }

    private static XmlSchemaSet Compile()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(Read("xmldsig-core.xsd"));
        set.Add(Read("FatturaPA_v1.2.2.xsd"));
        set.Compile();
        return set;
    }

    private static XmlSchema Read(string name)
    {
        using var stream = typeof(FatturaPaSchema).Assembly.GetManifestResourceStream($"Sportello.Billing.FatturaPa.Schema.{name}")
            ?? throw new InvalidOperationException($"The schema {name} is not embedded.");

        // The signature schema declares its entities in an internal DTD; nothing external is read.
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null });
        return XmlSchema.Read(reader, null) ?? throw new InvalidOperationException($"The schema {name} does not read.");
    }
}
