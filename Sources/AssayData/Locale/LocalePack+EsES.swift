extension LocalePack {
    static let esESSpec = LocaleSpec(
        identifier: "es_ES", countryCode: "ES", currencyCode: "EUR", countryName: "España",
        languageTag: "es-ES", timeZone: "Europe/Madrid", nameOrder: .givenFirst, transliteration: .latin,
        femaleNames: """
            María, Carmen, Ana, Isabel, Laura, Cristina, Marta, Lucía, Pilar, Elena, Dolores, Paula, Sara, Raquel,
            Rosa, Manuela, Mercedes, Teresa, Concepción, Julia, Rocío, Patricia, Beatriz, Silvia, Nuria, Irene,
            Alba, Andrea, Encarnación, Montserrat, Alicia, Sofía, Claudia, Carla, Noelia, Inmaculada, Verónica,
            Ángela, Eva, Lorena, Marina, Natalia, Susana, Yolanda, Esther, Nerea, Ainhoa, Lidia, Inés, Martina,
            Daniela, Valeria, Olivia, Emma, Carlota, Aitana, Vega, Blanca, Miriam, Rebeca
            """,
        maleNames: """
            Antonio, José, Manuel, Francisco, David, Juan, Javier, Daniel, Carlos, Jesús, Alejandro, Miguel,
            Rafael, Pedro, Pablo, Ángel, Sergio, Fernando, Jorge, Luis, Alberto, Álvaro, Adrián, Diego, Raúl,
            Enrique, Ramón, Vicente, Andrés, Joaquín, Santiago, Víctor, Eduardo, Mario, Roberto, Jaime, Marcos,
            Ignacio, Hugo, Rubén, Iván, Óscar, Alfonso, Gonzalo, Mateo, Martín, Lucas, Leo, Nicolás, Gabriel, Íker,
            Unai, Jordi, Xavier, Emilio, Agustín, Salvador, Julián, Tomás, Héctor
            """,
        familyNames: """
            García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín, Jiménez, Ruiz,
            Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Alonso, Gutiérrez, Navarro, Torres, Domínguez,
            Vázquez, Ramos, Gil, Ramírez, Serrano, Blanco, Molina, Morales, Suárez, Ortega, Delgado, Castro, Ortiz,
            Rubio, Marín, Sanz, Núñez, Iglesias, Medina, Garrido, Cortés, Castillo, Santos, Lozano, Guerrero, Cano,
            Prieto, Méndez, Cruz, Calvo, Gallego, Vidal, León, Márquez, Herrera, Peña, Flores, Cabrera, Campos,
            Vega, Fuentes, Carrasco, Díez, Caballero, Reyes, Nieto, Aguilar, Pascual, Santana, Herrero, Lorenzo,
            Montero, Hidalgo, Giménez, Ibáñez, Ferrer, Durán, Santiago, Benítez, Mora, Vicente, Vargas, Arias,
            Carmona, Crespo, Román, Pastor, Soto, Sáez, Velasco, Moya, Soler, Parra, Esteban, Bravo, Gallardo,
            Rojas, Pardo, Merino, Franco, Espinosa, Izquierdo, Lara, Rivas, Silva, Rivera, Casado, Arroyo, Redondo
            """,
        streetNames: """
            Calle Mayor, Calle Real, Calle de Alcalá, Gran Vía, Avenida de la Constitución, Plaza de España,
            Calle Nueva, Calle del Sol, Calle de la Iglesia, Paseo de la Castellana, Avenida de Andalucía,
            Calle San José, Calle Santa María, Calle del Carmen, Calle de Cervantes, Avenida de América,
            Calle de Velázquez, Calle de Goya, Calle de Serrano, Calle del Pilar, Calle de la Paz, Calle Ancha,
            Calle de Colón, Avenida del Puerto, Calle de la Luna, Calle de Sevilla, Calle de Valencia,
            Calle de Toledo, Calle de los Olivos, Calle de los Rosales, Avenida de la Libertad, Calle de Castilla,
            Calle de Lope de Vega, Plaza Mayor, Calle de la Princesa, Camino Viejo, Ronda de San Pedro,
            Paseo del Prado, Travesía del Mar, Calle de Atocha
            """,
        streetSuffixes: "",
        addressLayout: .numberLastComma, houseNumbers: 1...220,
        cities: """
            Madrid|Comunidad de Madrid|MD|28001-28055|91
            Barcelona|Cataluña|CT|08001-08042|93
            Valencia|Comunidad Valenciana|VC|46001-46026|96
            Sevilla|Andalucía|AN|41001-41020|954
            Zaragoza|Aragón|AR|50001-50021|976
            Málaga|Andalucía|AN|29001-29018|952
            Murcia|Región de Murcia|MC|30001-30012|968
            Palma|Illes Balears|IB|07001-07015|971
            Las Palmas de Gran Canaria|Canarias|CN|35001-35019|928|Atlantic/Canary
            Bilbao|País Vasco|PV|48001-48015|944
            Alicante|Comunidad Valenciana|VC|03001-03016|965
            Córdoba|Andalucía|AN|14001-14014|957
            Valladolid|Castilla y León|CL|47001-47016|983
            Vigo|Galicia|GA|36201-36216|986
            Gijón|Principado de Asturias|AS|33201-33213|985
            A Coruña|Galicia|GA|15001-15011|981
            Granada|Andalucía|AN|18001-18015|958
            Vitoria-Gasteiz|País Vasco|PV|01001-01015|945
            Oviedo|Principado de Asturias|AS|33001-33013|985
            Pamplona|Navarra|NC|31001-31016|948
            Santander|Cantabria|CB|39001-39012|942
            Salamanca|Castilla y León|CL|37001-37008|923
            Toledo|Castilla-La Mancha|CM|45001-45008|925
            """,
        postalStyle: .numeric(digits: 5, dashAfter: nil),
        phone: PhoneSpec(
            callingCode: "34", style: .spanish, landlineLength: 9, mobilePrefixes: "6, 7", mobileLength: 9,
            mobileShare: 0.6),
        companyTemplates: """
            {S} {F} S.L.
            {F} y {G} S.A.
            {F} {S} S.L.
            Grupo {F}
            {F} e Hijos S.L.
            {F} S.A.
            """,
        companyStems: """
            Construcciones, Transportes, Consultoría, Distribuciones, Inmobiliaria, Servicios, Tecnología,
            Alimentación, Logística, Ingeniería, Reformas, Talleres
            """,
        emailDomains: "example.com, example.net, example.org, mail.es.example, correo.es.example"
    )
}
