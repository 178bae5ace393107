extension LocalePack {
    static let frFRSpec = LocaleSpec(
        identifier: "fr_FR", countryCode: "FR", currencyCode: "EUR", countryName: "France",
        languageTag: "fr-FR", timeZone: "Europe/Paris", nameOrder: .givenFirst, transliteration: .latin,
        femaleNames: """
            Marie, Nathalie, Isabelle, Sylvie, Catherine, Françoise, Christine, Monique, Valérie, Sandrine,
            Véronique, Sophie, Nicole, Stéphanie, Céline, Julie, Aurélie, Camille, Léa, Manon, Chloé, Emma, Inès,
            Jade, Louise, Alice, Lina, Rose, Anna, Ambre, Juliette, Zoé, Clara, Margaux, Océane, Laura, Sarah,
            Pauline, Mathilde, Lucie, Charlotte, Élodie, Émilie, Audrey, Caroline, Anne, Hélène, Martine, Brigitte,
            Jacqueline, Chantal, Danielle, Élise, Agathe, Clémence, Anaïs, Noémie, Maëlle, Gabrielle, Josiane
            """,
        maleNames: """
            Jean, Pierre, Michel, Philippe, Alain, Nicolas, Christophe, Patrick, Daniel, Bernard, Éric, Laurent,
            Frédéric, Stéphane, Olivier, Thierry, Sébastien, Julien, David, Pascal, Jacques, François, Guillaume,
            Antoine, Thomas, Maxime, Alexandre, Romain, Hugo, Lucas, Louis, Gabriel, Raphaël, Arthur, Jules, Léo,
            Adam, Nathan, Paul, Théo, Mathis, Ethan, Noah, Victor, Clément, Baptiste, Quentin, Benjamin, Vincent,
            Mathieu, Jérôme, Cédric, Yves, Gérard, René, Didier, Jean-Pierre, Jean-Luc, Marc, Gilles, Hervé
            """,
        familyNames: """
            Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, Moreau, Laurent, Simon, Michel,
            Lefebvre, Leroy, Roux, David, Bertrand, Morel, Fournier, Girard, Bonnet, Dupont, Lambert, Fontaine,
            Rousseau, Vincent, Muller, Lefèvre, Faure, André, Mercier, Blanc, Guérin, Boyer, Garnier, Chevalier,
            François, Legrand, Gauthier, Garcia, Perrin, Robin, Clément, Morin, Nicolas, Henry, Roussel, Mathieu,
            Gautier, Masson, Marchand, Duval, Denis, Dumont, Marie, Lemaire, Noël, Meyer, Dufour, Meunier, Brun,
            Blanchard, Giraud, Joly, Rivière, Lucas, Brunet, Gaillard, Barbier, Arnaud, Martinez, Gérard, Roche,
            Renard, Schmitt, Roy, Leroux, Colin, Vidal, Caron, Picard, Roger, Fabre, Aubert, Lemoine, Renaud, Dumas,
            Lacroix, Olivier, Philippe, Bourgeois, Pierre, Benoît, Rey, Leclerc, Payet, Rolland, Leclercq,
            Guillaume, Lecomte, Lopez, Jean, Dupuis, Guillot, Hubert, Berger, Carpentier, Sanchez, Moulin, Louis,
            Deschamps, Huet, Vasseur, Perez, Boucher, Fleury, Royer, Klein, Jacquet, Adam, Paris, Poirier, Marty,
            Aubry, Guyot, Carré, Charles, Renault, Charpentier, Ménard, Maillard, Baron, Bertin, Bailly, Hervé,
            Schneider, Fernandez, Le Gall, Collet, Léger, Bouvier, Julien, Prévost, Millet, Perrot, Daniel,
            Le Roux, Cousin, Germain, Breton, Besson, Langlois, Rémy, Le Goff, Pelletier, Lévêque, Perrier,
            Leblanc, Barré, Lebrun, Marchal, Weber, Mallet, Hamon, Boulanger, Jacob, Monnier, Michaud, Rodriguez,
            Guichard, Gillet, Étienne, Grondin, Poulain, Tessier, Chevallier, Collin, Chauvin, Da Silva, Bouchet,
            Gay, Lemaître, Bénard, Maréchal, Humbert, Reynaud, Antoine, Hoarau, Perret, Barthélemy, Cordier
            """,
        streetNames: """
            rue de la Paix, rue Victor Hugo, avenue Jean Jaurès, rue de la République, boulevard Saint-Michel,
            place de la Mairie, rue Pasteur, rue de l'Église, avenue de la Gare, rue du Moulin, rue des Écoles,
            rue Nationale, rue Gambetta, avenue Foch, rue Jules Ferry, rue du Général de Gaulle,
            avenue Charles de Gaulle, rue de la Liberté, rue Émile Zola, boulevard Voltaire, rue Carnot,
            rue Jean Moulin, rue Anatole France, place du Marché, rue des Lilas, rue des Roses, chemin des Vignes,
            allée des Tilleuls, impasse des Acacias, rue du Château, rue de Verdun, rue du Stade,
            avenue de la Libération, rue Saint-Honoré, rue La Fayette, rue Molière, rue Racine, rue des Fleurs,
            rue Principale, rue de Paris, avenue de Verdun, rue du Four, rue des Jardins, boulevard Gambetta,
            rue de la Fontaine, quai de la Loire, cours Mirabeau, rue Sainte-Catherine
            """,
        streetSuffixes: "",
        addressLayout: .numberFirst, houseNumbers: 1...160,
        cities: """
            Paris|Île-de-France|IDF|75001-75020|1
            Marseille|Provence-Alpes-Côte d'Azur|PAC|13001-13016|4
            Lyon|Auvergne-Rhône-Alpes|ARA|69001-69009|4
            Toulouse|Occitanie|OCC|31000-31500/100|5
            Nice|Provence-Alpes-Côte d'Azur|PAC|06000-06300/100|4
            Nantes|Pays de la Loire|PDL|44000-44300/100|2
            Montpellier|Occitanie|OCC|34000,34070,34080,34090|4
            Strasbourg|Grand Est|GES|67000-67200/100|3
            Bordeaux|Nouvelle-Aquitaine|NAQ|33000-33300/100,33800|5
            Lille|Hauts-de-France|HDF|59000,59160,59260,59777,59800|3
            Rennes|Bretagne|BRE|35000,35200,35700|2
            Reims|Grand Est|GES|51100|3
            Toulon|Provence-Alpes-Côte d'Azur|PAC|83000,83100,83200|4
            Saint-Étienne|Auvergne-Rhône-Alpes|ARA|42000,42100|4
            Le Havre|Normandie|NOR|76600,76610,76620|2
            Grenoble|Auvergne-Rhône-Alpes|ARA|38000,38100|4
            Dijon|Bourgogne-Franche-Comté|BFC|21000|3
            Angers|Pays de la Loire|PDL|49000,49100|2
            Nîmes|Occitanie|OCC|30000,30900|4
            Clermont-Ferrand|Auvergne-Rhône-Alpes|ARA|63000,63100|4
            Tours|Centre-Val de Loire|CVL|37000,37100,37200|2
            Limoges|Nouvelle-Aquitaine|NAQ|87000,87100,87280|5
            Amiens|Hauts-de-France|HDF|80000,80080,80090|3
            Metz|Grand Est|GES|57000,57050,57070|3
            Besançon|Bourgogne-Franche-Comté|BFC|25000|3
            Orléans|Centre-Val de Loire|CVL|45000,45100|2
            Rouen|Normandie|NOR|76000,76100|2
            Caen|Normandie|NOR|14000|2
            Ajaccio|Corse|COR|20000,20090|4
            Brest|Bretagne|BRE|29200|2
            Perpignan|Occitanie|OCC|66000,66100|4
            Poitiers|Nouvelle-Aquitaine|NAQ|86000|5
            """,
        postalStyle: .numeric(digits: 5, dashAfter: nil),
        phone: PhoneSpec(
            callingCode: "33", style: .french, landlineLength: 9, mobilePrefixes: "6, 7", mobileLength: 9,
            mobileShare: 0.6),
        companyTemplates: """
            {F} SARL
            {F} SA
            {F} et Fils
            {F} & {G} SAS
            {S} {F} SARL
            {F} {S} SAS
            Groupe {F}
            Établissements {F}
            """,
        companyStems: """
            Conseil, Transports, Bâtiment, Informatique, Industries, Services, Immobilier, Distribution, Énergie,
            Technologies, Logistique, Alimentation, Menuiserie, Électricité
            """,
        emailDomains: "example.com, example.net, example.org, mail.fr.example, courriel.fr.example"
    )
}
