extension LocalePack {
    static let enGBSpec = LocaleSpec(
        identifier: "en_GB", countryCode: "GB", currencyCode: "GBP", countryName: "United Kingdom",
        languageTag: "en-GB", timeZone: "Europe/London", nameOrder: .givenFirst, transliteration: .latin,
        femaleNames: """
            Olivia, Amelia, Isla, Ava, Mia, Ivy, Lily, Isabella, Rosie, Sophia, Grace, Freya, Willow, Florence,
            Emily, Ella, Poppy, Evie, Elsie, Charlotte, Evelyn, Sophie, Alice, Ruby, Phoebe, Harriet, Matilda,
            Imogen, Eleanor, Jessica, Lucy, Hannah, Emma, Sarah, Rebecca, Laura, Gemma, Claire, Joanne, Nicola,
            Helen, Karen, Susan, Margaret, Elizabeth, Catherine, Victoria, Rachel, Amy, Chloe, Megan, Bethany,
            Georgia, Abigail, Katie, Zoe, Holly, Fiona, Kirsty, Siobhan
            """,
        maleNames: """
            Oliver, George, Noah, Arthur, Muhammad, Leo, Harry, Oscar, Archie, Henry, Theodore, Freddie, Jack,
            Charlie, Theo, Alfie, Jacob, Thomas, William, Joshua, James, Daniel, Samuel, Benjamin, Edward,
            Alexander, Joseph, Luke, Matthew, Harrison, Lewis, Ethan, Max, Adam, Callum, Ryan, Liam, Connor, Jamie,
            Ross, Craig, Gareth, Owen, Rhys, Dylan, Aidan, Sean, Niall, Fraser, Hamish, Euan, Angus, Robert, David,
            Andrew, Paul, Mark, Stuart, Neil, Ian, Graham, Simon
            """,
        familyNames: """
            Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, Roberts, Robinson,
            Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, Lewis, Harris, Clarke, Patel, Jackson,
            Wood, Turner, Martin, Cooper, Hill, Ward, Morris, Moore, Clark, Lee, King, Baker, Harrison, Morgan,
            Allen, James, Scott, Phillips, Watson, Davis, Parker, Price, Bennett, Young, Griffiths, Mitchell, Kelly,
            Cook, Carter, Richardson, Bailey, Collins, Bell, Shaw, Murphy, Miller, Cox, Richards, Khan, Marshall,
            Anderson, Simpson, Ellis, Adams, Singh, Wilkinson, Foster, Chapman, Powell, Webb, Rogers, Gray, Mason,
            Ali, Hunt, Hussain, Campbell, Matthews, Owen, Palmer, Holmes, Mills, Barnes, Knight, Lloyd, Butler,
            Russell, Barker, Fisher, Stevens, Jenkins, Murray, Dixon, Harvey, Graham, Pearson, Ahmed, Fletcher,
            Walsh, Gibson, Howard, Andrews, Stewart, Elliott, Reynolds, Saunders, Payne, Fox, Ford, Pearce, Day,
            Brooks, West, Lawrence, Cole, Atkinson, Bradley, Spencer, Gill, Dawson, Ball, Burton, O'Brien, Watts,
            Rose, Booth, Perry, Ryan, Grant, Wells, Armstrong, Francis, Rees, Hayes, Hart, Hudson, Newman, Barrett,
            Webster, Hunter, Gregory, Carr, Lowe, Page, Marsh, Riley, Dunn, Woods, Parsons, Berry, Stone, Reid,
            Holland, Hawkins, Harding, Porter, Robertson, Newton, Oliver, Reed, Kennedy, Williamson, Bird, Gardner,
            Shah, Dean, Lane, Cooke, Bates, Henderson, Parry, Burgess, Bishop, Walton, Burns, Nicholson, Shepherd,
            Ross, Cross, Long, Freeman, Warren, Hamilton, Byrne, Sutton, McDonald, Yates, Hodgson, Robson, Curtis,
            Hopkins, O'Connor, Harper, Coleman, Watkins, Moss, McCarthy, Chambers, O'Neill, Griffin, Sharp, Hardy
            """,
        streetNames: """
            High, Station, Church, Victoria, Park, Green, Manor, Kings, Queens, Mill, School, London, York,
            Grange, Windsor, Albert, Richmond, Springfield, Meadow, Orchard, Chestnut, Oak, Beech, Willow, Elm,
            Cedar, Alexandra, Stanley, Salisbury, Highfield, Westfield, Mount, North, South, West, Castle, Bridge,
            Market, Abbey, Chapel, Riverside, Hillside, Woodland, Clarence, Cromwell, Nelson, Wellington
            """,
        streetSuffixes: "Road, Street, Lane, Avenue, Close, Gardens, Crescent, Drive, Way, Grove, Place, Terrace, Row",
        addressLayout: .numberFirst, houseNumbers: 1...250,
        cities: """
            London|Greater London|LND|SW1A,SW3,SE1,SE10,E1,E14,EC1A,EC2M,N1,N7,NW1,NW3,W1D,W2,WC1E,WC2N|20
            Manchester|Greater Manchester|MAN|M1,M2,M4,M13,M14,M20|161
            Birmingham|West Midlands|BIR|B1,B2,B5,B15,B29|121
            Leeds|West Yorkshire|LDS|LS1,LS2,LS6,LS11|113
            Glasgow|Scotland|GLG|G1,G2,G3,G11,G12|141
            Edinburgh|Scotland|EDH|EH1,EH2,EH3,EH6,EH10|131
            Liverpool|Merseyside|LIV|L1,L2,L3,L8,L17|151
            Bristol|Bristol|BST|BS1,BS2,BS6,BS8|117
            Sheffield|South Yorkshire|SHF|S1,S2,S10,S11|114
            Cardiff|Wales|CRF|CF10,CF11,CF14,CF24|29
            Belfast|Northern Ireland|BFS|BT1,BT2,BT7,BT9|28
            Newcastle upon Tyne|Tyne and Wear|NET|NE1,NE2,NE4,NE6|191
            Nottingham|Nottinghamshire|NGM|NG1,NG2,NG7|115
            Leicester|Leicestershire|LCE|LE1,LE2,LE3|116
            Southampton|Hampshire|STH|SO14,SO15,SO17|23
            Oxford|Oxfordshire|OXF|OX1,OX2,OX4|1865
            Cambridge|Cambridgeshire|CAM|CB1,CB2,CB4|1223
            Brighton|East Sussex|BNH|BN1,BN2,BN3|1273
            York|North Yorkshire|YOR|YO1,YO10,YO31|1904
            Aberdeen|Scotland|ABE|AB10,AB11,AB24|1224
            """,
        postalStyle: .british,
        phone: PhoneSpec(
            callingCode: "44", style: .british, landlineLength: 10, mobilePrefixes: "74, 75, 77, 78, 79",
            mobileLength: 10, mobileShare: 0.6),
        companyTemplates: """
            {F} Ltd
            {F} {S} Ltd
            {F} & Sons Ltd
            {F} & {G} LLP
            {F} {S} plc
            {F} {S} Group plc
            {F} {S}
            """,
        companyStems: """
            Solutions, Consulting, Engineering, Logistics, Holdings, Services, Construction, Developments, Design,
            Media, Partners, Trading, Foods, Systems, Estates, Motors
            """,
        emailDomains: "example.com, example.net, example.org, mail.uk.example, uk.example"
    )
}
