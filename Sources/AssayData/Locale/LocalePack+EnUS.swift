extension LocalePack {
    static let enUSSpec = LocaleSpec(
        identifier: "en_US", countryCode: "US", currencyCode: "USD", countryName: "United States",
        languageTag: "en-US", timeZone: "America/New_York", nameOrder: .givenFirst, transliteration: .latin,
        femaleNames: """
            Mary, Patricia, Jennifer, Linda, Elizabeth, Barbara, Susan, Jessica, Sarah, Karen, Lisa, Nancy, Betty,
            Sandra, Margaret, Ashley, Kimberly, Emily, Donna, Michelle, Carol, Amanda, Melissa, Deborah, Stephanie,
            Dorothy, Rebecca, Sharon, Laura, Cynthia, Amy, Kathleen, Angela, Shirley, Brenda, Emma, Anna, Pamela,
            Nicole, Samantha, Katherine, Christine, Helen, Debra, Rachel, Carolyn, Janet, Maria, Catherine, Heather,
            Diane, Olivia, Julie, Joyce, Victoria, Ruth, Virginia, Lauren, Kelly, Christina, Joan, Evelyn, Judith,
            Andrea, Hannah, Megan, Cheryl, Jacqueline, Martha, Madison, Teresa, Gloria, Sara, Janice, Ann, Kathryn,
            Abigail, Sophia, Frances, Jean, Alice, Judy, Isabella, Julia, Grace, Amber, Denise, Danielle, Marilyn,
            Beverly, Charlotte, Natalie, Theresa, Diana, Brittany, Doris, Kayla, Alexis, Lori, Marie, Ava, Mia,
            Harper, Chloe, Zoe, Lily, Ella, Aria, Avery
            """,
        maleNames: """
            James, Robert, John, Michael, David, William, Richard, Joseph, Thomas, Christopher, Charles, Daniel,
            Matthew, Anthony, Mark, Donald, Steven, Andrew, Paul, Joshua, Kenneth, Kevin, Brian, George, Timothy,
            Ronald, Jason, Edward, Jeffrey, Ryan, Jacob, Gary, Nicholas, Eric, Jonathan, Stephen, Larry, Justin,
            Scott, Brandon, Benjamin, Samuel, Gregory, Alexander, Patrick, Frank, Raymond, Jack, Dennis, Jerry,
            Tyler, Aaron, Jose, Adam, Nathan, Henry, Zachary, Douglas, Peter, Kyle, Noah, Ethan, Jeremy, Walter,
            Christian, Keith, Roger, Terry, Austin, Sean, Gerald, Carl, Harold, Dylan, Arthur, Lawrence, Jordan,
            Jesse, Bryan, Billy, Bruce, Gabriel, Joe, Logan, Alan, Juan, Albert, Willie, Elijah, Wayne, Randy,
            Vincent, Mason, Roy, Ralph, Bobby, Russell, Bradley, Philip, Eugene, Liam, Lucas, Carlos, Luis
            """,
        familyNames: """
            Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Rodriguez, Martinez, Hernandez, Lopez,
            Gonzalez, Wilson, Anderson, Thomas, Taylor, Moore, Jackson, Martin, Lee, Perez, Thompson, White, Harris,
            Sanchez, Clark, Ramirez, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Torres, Nguyen,
            Hill, Flores, Green, Adams, Nelson, Baker, Hall, Rivera, Campbell, Mitchell, Carter, Roberts, Gomez,
            Phillips, Evans, Turner, Diaz, Parker, Cruz, Edwards, Collins, Reyes, Stewart, Morris, Morales, Murphy,
            Cook, Rogers, Gutierrez, Ortiz, Morgan, Cooper, Peterson, Bailey, Reed, Kelly, Howard, Ramos, Kim, Cox,
            Ward, Richardson, Watson, Brooks, Chavez, Wood, James, Bennett, Gray, Mendoza, Ruiz, Hughes, Price,
            Alvarez, Castillo, Sanders, Patel, Myers, Long, Ross, Foster, Jimenez, Powell, Jenkins, Perry, Russell,
            Sullivan, Bell, Coleman, Butler, Henderson, Barnes, Gonzales, Fisher, Vasquez, Simmons, Romero, Jordan,
            Patterson, Alexander, Hamilton, Graham, Reynolds, Griffin, Wallace, Moreno, West, Cole, Hayes, Bryant,
            Herrera, Gibson, Ellis, Tran, Medina, Aguilar, Stevens, Murray, Ford, Castro, Marshall, Owens, Harrison,
            Fernandez, McDonald, Woods, Washington, Kennedy, Wells, Vargas, Henry, Chen, Freeman, Webb, Tucker,
            Guzman, Burns, Crawford, Olson, Simpson, Porter, Hunter, Gordon, Mendez, Silva, Shaw, Snyder, Mason,
            Dixon, Munoz, Hunt, Hicks, Holmes, Palmer, Wagner, Black, Robertson, Boyd, Rose, Stone, Salazar, Fox,
            Warren, Mills, Meyer, Rice, Schmidt, Garza, Daniels, Ferguson, Nichols, Stephens, Soto, Weaver, Ryan,
            Gardner, Payne, Grant, Dunn, Kelley, Spencer, Hawkins, Arnold, Pierce, Hansen, Peters, Santos, Hart,
            Bradley, Knight, Elliott, Cunningham, Duncan, Armstrong, Hudson, Carroll, Lane, Riley, Andrews, Ray,
            Berry, Perkins, Hoffman, Johnston, Matthews, Richards, Willis, Carpenter, Lawrence, O'Brien, O'Connor
            """,
        streetNames: """
            Oak, Maple, Pine, Cedar, Elm, Washington, Lake, Hill, Park, Main, Church, Walnut, Spruce, Willow,
            Chestnut, Highland, Lincoln, Jefferson, Madison, Jackson, Franklin, Adams, Sunset, Ridge, Meadow, River,
            Forest, Valley, Spring, Cherry, Birch, Magnolia, Dogwood, Hickory, Lakeview, Fairview, Woodland, Center,
            Mill, Pleasant, Prospect, Union, Broad, Market, Second, Third, Fourth, Fifth, Sixth, Seventh, Hillcrest,
            Grant, Kennedy, Cypress, Sycamore, Laurel, Aspen, Juniper, Harbor, Meadowbrook, Orchard, Summit
            """,
        streetSuffixes: "Street, Avenue, Road, Drive, Lane, Boulevard, Court, Place, Way, Circle, Terrace, Parkway",
        addressLayout: .numberFirst, houseNumbers: 1...9999,
        cities: """
            New York|New York|NY|10001-10282|212,646,332
            Los Angeles|California|CA|90001-90089|213,323,310|America/Los_Angeles
            Chicago|Illinois|IL|60601-60661|312,773,872|America/Chicago
            Houston|Texas|TX|77001-77099|713,281,832|America/Chicago
            Phoenix|Arizona|AZ|85001-85054|602,480|America/Phoenix
            Philadelphia|Pennsylvania|PA|19102-19154|215,267
            San Antonio|Texas|TX|78201-78266|210,726|America/Chicago
            San Diego|California|CA|92101-92199|619,858|America/Los_Angeles
            Dallas|Texas|TX|75201-75398|214,469,972|America/Chicago
            San Jose|California|CA|95110-95139|408,669|America/Los_Angeles
            Austin|Texas|TX|78701-78759|512,737|America/Chicago
            Jacksonville|Florida|FL|32202-32277|904
            Columbus|Ohio|OH|43201-43235|614,380
            Charlotte|North Carolina|NC|28202-28290|704,980
            Indianapolis|Indiana|IN|46201-46260|317,463|America/Indiana/Indianapolis
            Seattle|Washington|WA|98101-98199|206|America/Los_Angeles
            Denver|Colorado|CO|80201-80249|303,720|America/Denver
            Boston|Massachusetts|MA|02108-02137|617,857
            Nashville|Tennessee|TN|37201-37250|615,629|America/Chicago
            Portland|Oregon|OR|97201-97239|503,971|America/Los_Angeles
            Las Vegas|Nevada|NV|89101-89199|702,725|America/Los_Angeles
            Detroit|Michigan|MI|48201-48243|313|America/Detroit
            Atlanta|Georgia|GA|30301-30363|404,470,678
            Miami|Florida|FL|33101-33199|305,786
            Minneapolis|Minnesota|MN|55401-55488|612|America/Chicago
            Baltimore|Maryland|MD|21201-21239|410,443
            Milwaukee|Wisconsin|WI|53202-53233|414|America/Chicago
            Albuquerque|New Mexico|NM|87101-87123|505|America/Denver
            Kansas City|Missouri|MO|64101-64199|816|America/Chicago
            Salt Lake City|Utah|UT|84101-84199|801,385|America/Denver
            Washington|District of Columbia|DC|20001-20099|202
            Pittsburgh|Pennsylvania|PA|15201-15244|412
            New Orleans|Louisiana|LA|70112-70131|504|America/Chicago
            Omaha|Nebraska|NE|68102-68164|402,531|America/Chicago
            Raleigh|North Carolina|NC|27601-27617|919,984
            """,
        postalStyle: .numeric(digits: 5, dashAfter: nil),
        phone: PhoneSpec(
            callingCode: "1", style: .northAmerican, landlineLength: 10, mobilePrefixes: "", mobileLength: 10,
            mobileShare: 0),
        companyTemplates: """
            {F} {S} Inc.
            {F} {S} LLC
            {F} & {G} LLC
            {F} {S}
            {F} Corp.
            {F} & Co.
            {F}-{G} Inc.
            {F} {S} Group
            """,
        companyStems: """
            Systems, Solutions, Industries, Technologies, Logistics, Holdings, Partners, Consulting, Foods, Media,
            Labs, Manufacturing, Supply, Energy, Dynamics, Analytics, Capital, Health, Networks, Software, Builders,
            Design, Ventures, Brothers
            """,
        emailDomains: "example.com, example.net, example.org, mail.example.com, us.example"
    )
}
