extension LocalePack {
    static let ptBRSpec = LocaleSpec(
        identifier: "pt_BR", countryCode: "BR", currencyCode: "BRL", countryName: "Brasil",
        languageTag: "pt-BR", timeZone: "America/Sao_Paulo", nameOrder: .givenFirst, transliteration: .latin,
        femaleNames: """
            Maria, Ana, Francisca, Antônia, Adriana, Juliana, Márcia, Fernanda, Patrícia, Aline, Sandra, Camila,
            Amanda, Bruna, Jéssica, Letícia, Júlia, Luciana, Vanessa, Mariana, Gabriela, Vera, Cláudia, Beatriz,
            Larissa, Alice, Sophia, Helena, Valentina, Laura, Isabella, Manuela, Heloísa, Luiza, Lorena, Lívia,
            Giovanna, Rafaela, Carolina, Débora, Simone, Renata, Tatiana, Priscila, Raquel, Daniela, Natália,
            Cristina, Rosana, Luana, Yasmin, Sabrina, Bianca, Elaine, Regina, Sônia, Lúcia, Rita, Teresa, Conceição
            """,
        maleNames: """
            José, João, Antônio, Francisco, Carlos, Paulo, Pedro, Lucas, Luiz, Marcos, Gabriel, Rafael, Daniel,
            Marcelo, Bruno, Eduardo, Felipe, Raimundo, Rodrigo, Manoel, Mateus, André, Fernando, Fábio, Leonardo,
            Gustavo, Guilherme, Leandro, Tiago, Anderson, Ricardo, Márcio, Jorge, Sebastião, Alexandre, Roberto,
            Sérgio, Diego, Vítor, Arthur, Davi, Bernardo, Heitor, Miguel, Enzo, Lorenzo, Théo, Samuel, Murilo, Caio,
            Igor, Vinícius, Thiago, Otávio, Henrique, Renato, Júlio, Cauã, Benício, Joaquim
            """,
        familyNames: """
            Silva, Santos, Oliveira, Souza, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes, Costa, Ribeiro,
            Martins, Carvalho, Almeida, Lopes, Soares, Fernandes, Vieira, Barbosa, Rocha, Dias, Nascimento, Andrade,
            Moreira, Nunes, Marques, Machado, Mendes, Freitas, Cardoso, Ramos, Gonçalves, Santana, Teixeira, Araújo,
            Pinto, Cavalcanti, Monteiro, Moura, Correia, Batista, Campos, Barros, Reis, Castro, Miranda, Duarte,
            Medeiros, Cunha, Sales, Farias, Azevedo, Fonseca, Brito, Leite, Borges, Melo, Pires, Xavier, Guimarães,
            Coelho, Tavares, Magalhães, Vasconcelos, Macedo, Sampaio, Bezerra, Nogueira, Siqueira, Queiroz,
            Peixoto, Damasceno, Rezende, Aguiar, Viana, Lacerda, Mota, Brandão, Prado, Caldeira, Pacheco, Assis,
            Bastos, Camargo, Toledo, Paiva, Leal, Amaral, Neves, Morais, Figueiredo, Sousa, Cruz, Matos, Garcia,
            Bueno, Serra, Fontes, Pimentel, Cordeiro, Ventura, Lins, Holanda, Falcão, Rangel, Loureiro, Diniz
            """,
        streetNames: """
            Rua das Flores, Avenida Paulista, Rua Sete de Setembro, Rua XV de Novembro, Avenida Brasil,
            Rua São João, Rua Tiradentes, Rua Dom Pedro II, Avenida Getúlio Vargas, Rua Santos Dumont,
            Rua Marechal Deodoro, Rua Rui Barbosa, Avenida Presidente Vargas, Rua da Paz, Rua Bahia, Rua Amazonas,
            Rua Pernambuco, Rua Minas Gerais, Avenida Atlântica, Rua Augusta, Rua Barão do Rio Branco,
            Avenida Rio Branco, Rua Duque de Caxias, Rua José Bonifácio, Rua Castro Alves, Rua Machado de Assis,
            Rua das Palmeiras, Rua das Acácias, Rua dos Andradas, Avenida Independência, Rua Frei Caneca,
            Rua Benjamin Constant, Rua Floriano Peixoto, Travessa São José, Rua Voluntários da Pátria,
            Avenida Afonso Pena, Rua do Comércio, Rua Bela Vista, Rua Primeiro de Maio, Alameda dos Anjos
            """,
        streetSuffixes: "",
        addressLayout: .numberLastComma, houseNumbers: 1...3000,
        cities: """
            São Paulo|São Paulo|SP|01000000-05999999,08000000-08499999|11
            Rio de Janeiro|Rio de Janeiro|RJ|20000000-23799999|21
            Belo Horizonte|Minas Gerais|MG|30000000-31999999|31
            Brasília|Distrito Federal|DF|70000000-72799999|61
            Salvador|Bahia|BA|40000000-42599999|71|America/Bahia
            Fortaleza|Ceará|CE|60000000-61599999|85|America/Fortaleza
            Recife|Pernambuco|PE|50000000-52999999|81|America/Recife
            Curitiba|Paraná|PR|80000000-82999999|41
            Porto Alegre|Rio Grande do Sul|RS|90000000-91999999|51
            Manaus|Amazonas|AM|69000000-69099999|92|America/Manaus
            Belém|Pará|PA|66000000-66999999|91|America/Belem
            Goiânia|Goiás|GO|74000000-74899999|62
            Campinas|São Paulo|SP|13000000-13139999|19
            Florianópolis|Santa Catarina|SC|88000000-88099999|48
            São Luís|Maranhão|MA|65000000-65109999|98|America/Fortaleza
            Natal|Rio Grande do Norte|RN|59000000-59139999|84|America/Fortaleza
            Maceió|Alagoas|AL|57000000-57099999|82|America/Maceio
            João Pessoa|Paraíba|PB|58000000-58099999|83|America/Fortaleza
            Teresina|Piauí|PI|64000000-64099999|86|America/Fortaleza
            Vitória|Espírito Santo|ES|29000000-29099999|27
            Santos|São Paulo|SP|11000000-11099999|13
            Ribeirão Preto|São Paulo|SP|14000000-14114999|16
            Uberlândia|Minas Gerais|MG|38400000-38415999|34
            Cuiabá|Mato Grosso|MT|78000000-78099999|65|America/Cuiaba
            Campo Grande|Mato Grosso do Sul|MS|79000000-79124999|67|America/Campo_Grande
            """,
        postalStyle: .numeric(digits: 8, dashAfter: 5),
        // Mobile numbers keep the city's area code (DDD) and add a leading 9: (11) 91234-5678.
        phone: PhoneSpec(
            callingCode: "55", style: .brazilian, landlineLength: 10, mobilePrefixes: "*9", mobileLength: 11,
            mobileShare: 0.7),
        companyTemplates: """
            {F} {S} Ltda.
            {F} & {G} Ltda.
            {F} S.A.
            {S} {F} Ltda.
            {F} e {G} Associados
            {F} {S} ME
            {F} {S} S.A.
            Grupo {F}
            """,
        companyStems: """
            Comércio, Construções, Transportes, Alimentos, Tecnologia, Serviços, Engenharia, Distribuidora,
            Consultoria, Indústria, Logística, Importadora, Materiais de Construção, Informática
            """,
        emailDomains: "example.com, example.net, example.org, mail.br.example, correio.br.example"
    )
}
