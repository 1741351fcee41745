namespace Sportello.Bench.Commerce;

/// <summary>Made-up Italian names and shop domains for the generated accounts.</summary>
public static class Names
{
    public static readonly string[] First =
    [
        "Marco", "Giulia", "Luca", "Sara", "Paolo", "Chiara", "Davide", "Anna", "Matteo", "Elena", "Francesco", "Martina",
        "Alessandro", "Francesca", "Andrea", "Valentina", "Stefano", "Silvia", "Giorgio", "Federica", "Roberto", "Laura",
        "Simone", "Alessia", "Nicola", "Ilaria", "Fabio", "Serena", "Antonio", "Roberta",
    ];

    public static readonly string[] Last =
    [
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
        "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana",
        "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli",
        "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
    ];

    public static readonly string[] Domains = ["example.it", "posta.example", "studio.example", "azienda.example"];
}
