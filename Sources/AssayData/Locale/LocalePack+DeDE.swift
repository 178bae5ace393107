extension LocalePack {
    static let deDESpec = LocaleSpec(
        identifier: "de_DE", countryCode: "DE", currencyCode: "EUR", countryName: "Deutschland",
        languageTag: "de-DE", timeZone: "Europe/Berlin", nameOrder: .givenFirst, transliteration: .german,
        femaleNames: """
            Maria, Anna, Ursula, Monika, Petra, Elisabeth, Sabine, Renate, Helga, Karin, Brigitte, Ingrid, Erika,
            Andrea, Gisela, Claudia, Susanne, Gabriele, Christa, Christine, Hildegard, Birgit, Barbara, Julia, Ute,
            Stefanie, Jutta, Heike, Nicole, Katharina, Sandra, Martina, Angelika, Daniela, Gertrud, Elke, Melanie,
            Lena, Laura, Lea, Leonie, Sophie, Hannah, Emma, Mia, Marie, Lisa, Johanna, Charlotte, Clara, Greta,
            Lina, Jana, Katrin, Anja, Silke, Tanja, Doris, Annika, Franziska, Kerstin, Ilse, Waltraud, Bärbel,
            Dörte, Jördis, Frauke, Wiebke, Antje, Mareike
            """,
        maleNames: """
            Peter, Michael, Thomas, Andreas, Wolfgang, Klaus, Jürgen, Stefan, Christian, Uwe, Werner, Hans, Frank,
            Bernd, Manfred, Dieter, Horst, Martin, Helmut, Matthias, Gerhard, Markus, Jörg, Sebastian, Alexander,
            Tobias, Jan, Lukas, Leon, Finn, Paul, Felix, Jonas, Maximilian, Elias, Noah, Ben, Luca, Tim, Florian,
            Daniel, Dirk, Sven, Björn, Sören, Günter, Heinz, Karl, Friedrich, Ralf, Holger, Torsten, Kai, Moritz,
            Niklas, Philipp, Julian, Fabian, Simon, David, Johannes, Benedikt, Lars, Oliver, Rainer, Volker, Detlef,
            Jens, Malte, Henrik
            """,
        familyNames: """
            Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch,
            Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann,
            Lange, Schmitt, Werner, Schmitz, Krause, Meier, Lehmann, Schmid, Schulze, Maier, Köhler, Herrmann,
            König, Walter, Mayer, Huber, Kaiser, Fuchs, Peters, Lang, Scholz, Möller, Weiß, Jung, Hahn, Schubert,
            Vogel, Friedrich, Keller, Günther, Frank, Berger, Winkler, Roth, Beck, Lorenz, Baumann, Franke,
            Albrecht, Schuster, Simon, Ludwig, Böhm, Winter, Kraus, Martin, Schumacher, Krämer, Vogt, Stein, Jäger,
            Otto, Sommer, Groß, Seidel, Heinrich, Brandt, Haas, Schreiber, Graf, Schulte, Dietrich, Ziegler, Kuhn,
            Kühn, Pohl, Engel, Horn, Busch, Bergmann, Thomas, Voigt, Sauer, Arnold, Wolff, Pfeiffer, Heß, Ernst,
            Lindner, Kramer, Jansen, Ebert, Frey, Hübner, Fiedler, Böttcher, Brinkmann, Schröter, Kolb, Kruse,
            Günter, Bach, Thiel, Lutz, Dittrich, Reuter, Marx, Kirchner, Sander, Schenk, Wendt, Voß, Ullrich,
            Nowak, Wirth, Schütz, Kurz, Lemke, Brückner, Hesse, Ritter, Stahl, Gerlach, Petersen, Friedrichs
            """,
        streetNames: """
            Hauptstraße, Bahnhofstraße, Schulstraße, Gartenstraße, Dorfstraße, Bergstraße, Lindenstraße,
            Kirchstraße, Waldstraße, Ringstraße, Schillerstraße, Goethestraße, Mühlenweg, Birkenweg, Rosenweg,
            Amselweg, Wiesenweg, Am Markt, Marktplatz, Feldstraße, Jahnstraße, Poststraße, Mozartstraße,
            Beethovenstraße, Kantstraße, Lessingstraße, Uhlandstraße, Eichendorffstraße, Talstraße, Sonnenstraße,
            Blumenstraße, Breslauer Straße, Berliner Straße, Hamburger Straße, Frankfurter Allee, Kaiserstraße,
            Königstraße, Friedrichstraße, Wilhelmstraße, Bismarckstraße, Lindenallee, Kastanienallee, Parkstraße,
            Am Bahnhof, Rathausplatz, Industriestraße, Mittelweg, Neue Straße, Alte Landstraße, Hölderlinweg,
            Fliederweg, Tulpenweg, Eichenweg, Buchenweg, Ahornweg, Tannenweg, Am Sportplatz, Brunnenstraße
            """,
        streetSuffixes: "",
        addressLayout: .numberLast, houseNumbers: 1...180,
        cities: """
            Berlin|Berlin|BE|10115-14199|30
            Hamburg|Hamburg|HH|20095-22769|40
            München|Bayern|BY|80331-81929|89
            Köln|Nordrhein-Westfalen|NW|50667-51149|221
            Frankfurt am Main|Hessen|HE|60306-60599|69
            Stuttgart|Baden-Württemberg|BW|70173-70629|711
            Düsseldorf|Nordrhein-Westfalen|NW|40210-40629|211
            Leipzig|Sachsen|SN|04103-04357|341
            Dortmund|Nordrhein-Westfalen|NW|44135-44388|231
            Essen|Nordrhein-Westfalen|NW|45127-45359|201
            Bremen|Bremen|HB|28195-28779|421
            Dresden|Sachsen|SN|01067-01328|351
            Hannover|Niedersachsen|NI|30159-30669|511
            Nürnberg|Bayern|BY|90402-90491|911
            Duisburg|Nordrhein-Westfalen|NW|47051-47279|203
            Bochum|Nordrhein-Westfalen|NW|44787-44894|234
            Bonn|Nordrhein-Westfalen|NW|53111-53229|228
            Münster|Nordrhein-Westfalen|NW|48143-48167|251
            Karlsruhe|Baden-Württemberg|BW|76131-76229|721
            Mannheim|Baden-Württemberg|BW|68159-68309|621
            Augsburg|Bayern|BY|86150-86199|821
            Wiesbaden|Hessen|HE|65183-65207|611
            Kiel|Schleswig-Holstein|SH|24103-24159|431
            Mainz|Rheinland-Pfalz|RP|55116-55131|6131
            Freiburg im Breisgau|Baden-Württemberg|BW|79098-79117|761
            Rostock|Mecklenburg-Vorpommern|MV|18055-18147|381
            Erfurt|Thüringen|TH|99084-99099|361
            Magdeburg|Sachsen-Anhalt|ST|39104-39130|391
            Potsdam|Brandenburg|BB|14467-14482|331
            Saarbrücken|Saarland|SL|66111-66133|681
            """,
        postalStyle: .numeric(digits: 5, dashAfter: nil),
        phone: PhoneSpec(
            callingCode: "49", style: .german, landlineLength: 10,
            mobilePrefixes: "151, 152, 157, 159, 160, 162, 163, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179",
            mobileLength: 11, mobileShare: 0.6),
        companyTemplates: """
            {F} GmbH
            {F} {S} GmbH
            {F} & {G} GmbH & Co. KG
            {F} AG
            {F} {S} AG
            {F} & Söhne GmbH
            {F} & {G} OHG
            {F} {S} e.K.
            """,
        companyStems: """
            Bau, Technik, Logistik, Elektro, Metallbau, Holzbau, Software, Consulting, Immobilien, Handel,
            Maschinenbau, Medien, Systeme, Energie, Transporte, Service, Druck, Verlag, Gebäudetechnik, Automobile
            """,
        emailDomains: "example.com, example.net, example.org, mail.de.example, post.de.example"
    )
}
