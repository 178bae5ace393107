extension LocalePack {
    static let itITSpec = LocaleSpec(
        identifier: "it_IT", countryCode: "IT", currencyCode: "EUR", countryName: "Italia",
        languageTag: "it-IT", timeZone: "Europe/Rome", nameOrder: .givenFirst, transliteration: .latin,
        femaleNames: """
            Maria, Anna, Giuseppina, Rosa, Angela, Giovanna, Teresa, Lucia, Carmela, Caterina, Francesca,
            Antonietta, Carla, Elena, Concetta, Rita, Margherita, Franca, Paola, Laura, Sofia, Giulia, Aurora,
            Alice, Ginevra, Emma, Giorgia, Beatrice, Chiara, Martina, Sara, Valentina, Federica, Silvia, Elisa,
            Alessandra, Roberta, Simona, Cristina, Monica, Barbara, Daniela, Claudia, Stefania, Patrizia, Ilaria,
            Serena, Marta, Noemi, Camilla, Arianna, Bianca, Vittoria, Matilde, Greta, Gaia, Nicoletta, Lorenza, Luisa
            """,
        maleNames: """
            Giuseppe, Giovanni, Antonio, Mario, Luigi, Francesco, Angelo, Vincenzo, Pietro, Salvatore, Carlo,
            Franco, Domenico, Bruno, Paolo, Michele, Giorgio, Aldo, Sergio, Luciano, Marco, Alessandro, Andrea,
            Luca, Matteo, Lorenzo, Leonardo, Gabriele, Riccardo, Tommaso, Edoardo, Davide, Simone, Stefano,
            Roberto, Massimo, Fabio, Claudio, Daniele, Emanuele, Federico, Alberto, Enrico, Nicola, Filippo, Diego,
            Cristian, Gianluca, Maurizio, Raffaele, Niccolò, Mattia, Samuele, Alessio, Jacopo, Giacomo, Fabrizio,
            Gianni, Renato, Ettore
            """,
        familyNames: """
            Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti,
            De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro, Mariani,
            Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile, Martinelli, Vitale, Lombardo, Serra,
            Coppola, De Santis, D'Angelo, Marchetti, Parisi, Villa, Conte, Ferraro, Ferri, Fabbri, Bianco, Marini,
            Grasso, Valentini, Messina, Sala, De Angelis, Gatti, Pellegrini, Palumbo, Sanna, Farina, Rizzi, Monti,
            Cattaneo, Morelli, Amato, Silvestri, Mazza, Testa, Grassi, Pellegrino, Carbone, Giuliani, Benedetti,
            Barone, Rossetti, Caputo, Montanari, Guerra, Palmieri, Bernardi, Martino, Fiore, De Rosa, Ferretti,
            Bellini, Basile, Riva, Donati, Piras, Vitali, Battaglia, Sartori, Neri, Costantini, Milani, Pagano,
            Ruggiero, Sorrentino, D'Amico, Orlando, Negri, Mele, Cirillo, Fumagalli, Longhi, Zanetti, Fiorentino
            """,
        streetNames: """
            Via Roma, Via Garibaldi, Via Mazzini, Via Cavour, Via Dante Alighieri, Via Giuseppe Verdi,
            Via Guglielmo Marconi, Corso Italia, Corso Vittorio Emanuele II, Piazza della Repubblica, Via Nazionale,
            Via XX Settembre, Via Vittorio Veneto, Via Giacomo Matteotti, Via Antonio Gramsci, Via San Francesco,
            Via della Libertà, Via Alessandro Manzoni, Via Giacomo Leopardi, Via Giosuè Carducci, Via Giovanni Pascoli,
            Via Giacomo Puccini, Via Gioachino Rossini, Via Galileo Galilei, Via Fiume, Via Trieste, Via Trento,
            Via Milano, Via Napoli, Via Firenze, Via Torino, Via Venezia, Viale Europa, Via dei Mille,
            Via IV Novembre, Via Aldo Moro, Via della Stazione, Piazza Garibaldi, Via del Corso, Via San Giovanni,
            Via Cristoforo Colombo, Viale dei Pini, Vicolo del Pozzo
            """,
        streetSuffixes: "",
        addressLayout: .numberLastComma, houseNumbers: 1...200,
        cities: """
            Roma|Lazio|RM|00118-00199|06
            Milano|Lombardia|MI|20121-20162|02
            Napoli|Campania|NA|80121-80147|081
            Torino|Piemonte|TO|10121-10156|011
            Palermo|Sicilia|PA|90121-90151|091
            Genova|Liguria|GE|16121-16167|010
            Bologna|Emilia-Romagna|BO|40121-40141|051
            Firenze|Toscana|FI|50121-50145|055
            Bari|Puglia|BA|70121-70132|080
            Catania|Sicilia|CT|95121-95131|095
            Venezia|Veneto|VE|30121-30176|041
            Verona|Veneto|VR|37121-37142|045
            Messina|Sicilia|ME|98121-98168|090
            Padova|Veneto|PD|35121-35143|049
            Trieste|Friuli-Venezia Giulia|TS|34121-34151|040
            Brescia|Lombardia|BS|25121-25136|030
            Parma|Emilia-Romagna|PR|43121-43126|0521
            Perugia|Umbria|PG|06121-06135|075
            Cagliari|Sardegna|CA|09121-09134|070
            Bergamo|Lombardia|BG|24121-24129|035
            Trento|Trentino-Alto Adige|TN|38121-38123|0461
            Pescara|Abruzzo|PE|65121-65129|085
            Ancona|Marche|AN|60121-60131|071
            Reggio Calabria|Calabria|RC|89121-89135|0965
            Modena|Emilia-Romagna|MO|41121-41126|059
            """,
        postalStyle: .numeric(digits: 5, dashAfter: nil),
        // Italian numbers keep their leading 0 after +39: landline prefixes include it.
        phone: PhoneSpec(
            callingCode: "39", style: .italian, landlineLength: 10,
            mobilePrefixes: "320, 328, 329, 333, 335, 338, 339, 340, 347, 348, 349, 366, 380, 388, 389, 392, 393",
            mobileLength: 10, mobileShare: 0.6),
        companyTemplates: """
            {F} {S} S.r.l.
            {F} & {G} S.p.A.
            {F} S.p.A.
            {F} & Figli S.n.c.
            {S} {F} S.r.l.
            {F} e {G} S.a.s.
            Gruppo {F}
            """,
        companyStems: """
            Costruzioni, Trasporti, Consulting, Servizi, Impianti, Tecnologie, Distribuzione, Alimentari,
            Immobiliare, Logistica, Informatica, Meccanica, Arredamenti, Edilizia
            """,
        emailDomains: "example.com, example.net, example.org, mail.it.example, posta.it.example"
    )
}
