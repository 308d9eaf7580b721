"""Demo stories: City Hall and business. Fiction written for Masthead; ``{publication}`` is replaced at seed time."""
# ruff: noqa: RUF001 - en dashes in vote tallies are the house typography, not typos

from masthead.publishing.demo.people import Story

STORIES = [
    Story(
        slug="council-passes-budget-after-late-night-session",
        headline="Council passes $412 million budget after a late-night fight over library hours",
        standfirst="A 6–3 vote keeps branch libraries open on Sundays, paid for by delaying a parking garage "
                   "the mayor had called essential.",
        topics=["city-hall", "culture"],
        authors=["maya-okafor"],
        hours_ago=3,
        caption="Illustrative image: Aldine City Hall at dusk, as drawn for {publication}.",
        body="""\
Aldine's city council passed a $412 million operating budget a little after 1 a.m. on Wednesday, ending a
five-hour session that turned on a line item most residents never see: $1.3 million for Sunday hours at the
city's six branch libraries.

The final vote was 6–3. Councillors Marisol Quint, Dev Pillai and Harold Benn voted against, Benn saying the
budget "spends next year's money to solve this year's arguments."

## Where the money came from

To keep the libraries open on Sundays, the majority delayed the design contract for a 600-space garage on
Foundry Row by one year. Mayor Rosalind Achterberg had described the garage in her March budget address as
"essential to the riverfront's next chapter." Her chief of staff, Gemma Holloway, said after the vote that the
mayor would sign the budget and "revisit the garage in the spring."

Library director Constance Obi told the council that Sunday is the busiest day at the Eastbank and Lowmarsh
branches, with an average of 410 visitors each, according to door counts the library provided to {publication}.
"On Sundays we are the only warm, free, quiet room in the neighbourhood," she said.

## What else is in the budget

- A 3 percent raise for city employees, the first since 2022.
- Eleven new positions in the fire department, eight of them paramedics.
- $2.1 million for sidewalk repairs, up from $800,000 last year.
- A hiring freeze for vacant administrative posts, expected to save $1.9 million.

Finance director Tomasz Wren warned that the city is drawing $6 million from its reserve fund to balance the
books, leaving about 11 percent of annual spending in reserve. The council's own policy sets a floor of 10 percent.

The budget takes effect July 1. A public hearing on next year's property tax rate is scheduled for June 18.
""",
    ),
    Story(
        slug="mayor-achterberg-announces-reelection-bid",
        headline="Mayor Achterberg will seek a second term, promising to finish the riverfront",
        standfirst="The announcement, made on the steps of the old ferry terminal, sets up a likely race against "
                   "Councillor Marisol Quint.",
        topics=["city-hall"],
        authors=["maya-okafor"],
        hours_ago=52,
        body="""\
Mayor Rosalind Achterberg said on Saturday that she will run for a second four-year term, telling about 150
supporters at the old ferry terminal on Tanner's Quay that "the riverfront is half built, and I intend to finish
it."

Achterberg, 58, a former county prosecutor, was elected in 2022 with 54 percent of the vote. Her first term has
been defined by the redevelopment of the eastern riverfront, where the city has spent about $38 million on a
flood wall, a promenade and utility work for housing that has not yet been built.

Councillor Marisol Quint, who represents Ward 5 and has voted against three of the mayor's four budgets, told
{publication} on Saturday afternoon that she is "seriously considering" a run and would decide "before the snow
melts." Quint has criticised the riverfront plan for relying on a single developer, Halvard & Price.

Asked about the delayed parking garage on Foundry Row, Achterberg said the council "made a choice I would not
have made" but that she would not campaign against councillors who backed the library funding.

> "I am not running against anybody. I am running to finish what this city started," the mayor said.

The filing period for the municipal election opens on February 2 and closes on March 1. The election is on
May 6. City clerk Anita Borowski said candidates need 250 valid signatures from registered Aldine voters to
qualify for the ballot.
""",
    ),
    Story(
        slug="audit-finds-overtime-overspend-public-works",
        headline="Audit finds public works overtime ran $2.4 million over budget for two years",
        standfirst="The city auditor says supervisors approved their own overtime and that nobody checked the "
                   "totals against the budget until the money was spent.",
        topics=["city-hall"],
        authors=["maya-okafor"],
        hours_ago=98,
        body="""\
Aldine's public works department spent $2.4 million more on overtime than the council approved over the last two
fiscal years, according to an audit released on Thursday by city auditor Farah Lindqvist.

The 34-page report found that 11 supervisors approved overtime on their own timesheets, something the city's
payroll rules forbid, and that the department's finance office reconciled overtime against its budget only once
a year, after the money had been spent.

"The controls existed on paper," Lindqvist wrote. "In practice, no one was asked to look."

The audit does not allege fraud. Most of the extra hours, it says, went to snow clearing during the storms of
January 2024 and to water main breaks in Northgate, where pipes laid in the 1930s failed 41 times in one winter.
But the auditor found 312 overtime shifts with no work order attached, and recommended that the department
review them.

Public works director Ezra Maddox said in a written response included in the report that he "accepts every
recommendation" and that a new approval system, requiring a second signature for any shift over 10 hours, went
into use on the first of the month.

Councillor Dev Pillai, who chairs the council's finance committee, said the committee will hold a hearing on the
audit on the 24th. "Snow is not a surprise in this city," Pillai said. "We should budget for it honestly, and
then we should know where every hour went."
""",
    ),
    Story(
        slug="council-ward-maps-redrawn-lowmarsh",
        headline="New ward map would split Lowmarsh in two, and residents are not pleased",
        standfirst="The redistricting commission's draft moves 3,100 Lowmarsh residents into Ward 2. A public "
                   "hearing drew more people than the room could hold.",
        topics=["city-hall"],
        authors=["maya-okafor"],
        hours_ago=170,
        body="""\
More than 200 people packed the community room at the Lowmarsh branch library on Monday evening to object to a
draft ward map that would divide their neighbourhood between two council districts for the first time since
1988.

Aldine's nine-member redistricting commission must redraw the city's wards every ten years so that each holds
roughly the same number of residents. The 2020 census showed Ward 4, which includes all of Lowmarsh, with about
2,800 more people than the average ward.

The commission's draft fixes that by moving the streets south of Kettle Creek, about 3,100 residents, into Ward 2.
Commission chair Beatrice Ng said the line follows "a natural boundary" and keeps the ward within 2 percent of the
target size.

Residents saw it differently. "Kettle Creek is a ditch you can step over," said Ramón Ortega, who has lived on
Sedge Street for 31 years. "Our church, our school and our grocery are on both sides of it."

Several speakers asked the commission to move part of Cedar Heights instead, which they said has more in common
with Ward 3. Ng said the commission would "look hard" at alternatives and publish a second draft by the end of
the month.

The commission must submit a final map to the council by April 15. Written comments can be sent to the city
clerk's office until the second draft is published.
""",
    ),
    Story(
        slug="city-hall-public-records-backlog",
        headline="City Hall is taking five months to answer public records requests",
        standfirst="State law gives the city ten working days. An analysis of 1,140 requests shows the median "
                   "wait has tripled since 2021.",
        topics=["city-hall"],
        authors=["maya-okafor", "june-castellanos"],
        hours_ago=262,
        drawing="chart",
        caption="Illustrative image. The figures are in the story.",
        body="""\
Aldine takes a median of 151 days to fulfil a public records request, according to an analysis by {publication} of
the city's own request log, which we obtained, fittingly, through a public records request filed in June.

State law requires agencies to respond within ten working days, though they may extend that deadline if they
explain why in writing. The log shows the city sent an extension notice in 88 percent of cases.

The analysis covers 1,140 requests filed between January 2021 and September of this year. In 2021 the median wait
was 47 days. Requests to the police department took longest, a median of 212 days; requests to the parks
department were fastest, at 19.

## One person, 1,140 requests

The city has one full-time records officer, Lorna Vasquez, who told {publication} she also handles the clerk's
office's filing and council minutes. "I answer them in the order they arrive," she said. "Some of them are
thousands of pages."

City attorney Philip Danforth said the city is "aware of the delays" and has asked the council for a second records
officer in next year's budget. He declined to say whether the city had been sued over missed deadlines. Court
records show two such lawsuits filed since 2023, both settled.

## What it means for you

Anyone can request a city record, and you do not have to say why. You can file by email with the city clerk. If the
city misses its deadline without explanation, you can appeal to the state's open government office, which is free.

We have published our dataset and method alongside this story so readers can check our work.
""",
    ),
    Story(
        slug="police-oversight-board-first-report",
        headline="New police oversight board releases its first report: 64 complaints, four upheld",
        standfirst="Board members say the numbers show the process works. Complainants say it took too long to "
                   "find out.",
        topics=["city-hall"],
        authors=["maya-okafor"],
        hours_ago=330,
        body="""\
Aldine's civilian police oversight board, created by a ballot measure in 2023, released its first annual report
on Tuesday, covering 64 complaints filed against officers in its first twelve months.

The board upheld four complaints, two of them for discourtesy and two for failing to activate a body-worn camera.
It found 21 complaints unfounded, said 17 could not be proven either way, and was still reviewing 22 when the
report went to print.

Board chair Reverend Samuel Oduya said the report showed that "people will come forward when they believe they
will be heard." The board's investigator, Carmen Tsai, has access to body-camera footage and can interview
officers, but the board can only recommend discipline; Police Chief Arthur Kell has final say.

Kell followed the board's recommendation in all four upheld cases, according to the report. Two officers received
written reprimands and two were suspended without pay for one day.

Several people who filed complaints told {publication} the process was slow. Denise Marlow, whose complaint about a
traffic stop in Northgate was found unfounded, said she waited seven months for a letter. "I don't mind that they
disagreed with me," she said. "I mind that nobody called."

The board meets on the first Thursday of each month at City Hall. Its meetings are open to the public.
""",
    ),
    Story(
        slug="foundry-row-bakery-expands-second-site",
        headline="Foundry Row bakery that started in a garage opens a second shop in Northgate",
        standfirst="Rye & Rivet now employs 23 people. Its owners say a city microloan, and a lot of early "
                   "mornings, made the difference.",
        topics=["business"],
        authors=["nadia-farouk"],
        hours_ago=20,
        body="""\
At 5:40 on a Friday morning there is already a queue outside Rye & Rivet's new shop on Northgate Avenue, where
the first loaves of the day come out of a deck oven that cost, co-owner Yusuf Demir says, "more than my first car
and my second car put together."

Demir and his partner, Hanne Kowalczyk, started baking in their garage in Ashgrove in 2019, selling sourdough at
the Saturday market on Tanner's Quay. They opened their first shop on Foundry Row in 2021. The Northgate shop,
which opened last week, is their second.

The expansion was paid for in part by a $60,000 loan from the city's small business microloan fund, which lends at
2 percent to businesses with fewer than 25 employees. Aldine's economic development office says the fund has made
37 loans since 2020, and that three borrowers have defaulted.

"The bank wanted three years of profit we did not have yet," Kowalczyk said. "The city wanted a plan and a
conversation."

The bakery now employs 23 people, up from 9 two years ago. Most start at $18.50 an hour, Demir said, above the
state minimum of $15.

Not everyone on Northgate Avenue is celebrating. Luca Ferraro, whose family has run Ferraro's Deli three doors down
since 1974, said he was glad to see a busy shop on the block but worried about parking. "Ten in the morning, there
is not a space on the street," he said. "My customers are old. They drive."
""",
    ),
    Story(
        slug="riverside-warehouse-conversion-jobs",
        headline="Old Calloway warehouse will become a food hall and 40 small workshops",
        standfirst="The developer says the project will create 180 jobs. The city is being asked for a $4 million "
                   "tax break.",
        topics=["business", "city-hall"],
        authors=["nadia-farouk"],
        hours_ago=140,
        body="""\
The Calloway Brothers warehouse, a brick hulk on the Wend River that once stored grain and has stood empty since
2009, would become a food hall, 40 small workshops and a rooftop event space under a plan presented to the city's
planning commission on Thursday.

The developer, Wend Valley Partners, estimates that the project would cost $31 million and create 180 permanent
jobs. It is asking the city for a ten-year property tax abatement worth about $4 million, according to the
application.

Managing partner Elise Marchetti told the commission that the building "cannot pencil" without the abatement
because of the cost of stabilising its river-facing wall. Engineers hired by the firm found that the wall has
shifted by about 9 centimetres since 1990.

The workshops, between 20 and 60 square metres each, would be leased to makers, repair shops and small
manufacturers, Marchetti said, with a third of them reserved at below-market rents for five years.

Commissioner Ravi Sandoval asked how the city would know whether the jobs materialised. The application does not
include a clawback clause that would require the developer to repay the tax break if job targets are missed.
Marchetti said the firm would "be open to discussing one."

The commission will vote on the site plan on the 12th. The tax abatement requires a separate vote of the city
council.
""",
    ),
    Story(
        slug="downtown-vacancies-survey",
        headline="One in five downtown storefronts is empty, a merchants' survey finds",
        standfirst="Vacancies are highest on Market Street and lowest on Foundry Row. Landlords and tenants "
                   "disagree on why.",
        topics=["business"],
        authors=["nadia-farouk"],
        hours_ago=236,
        drawing="chart",
        caption="Illustrative image: a chart in the style of the merchants' survey. It shows no real figures.",
        body="""\
Twenty-one percent of ground-floor storefronts in downtown Aldine are vacant, according to a street-by-street count
carried out in October by the Downtown Merchants Association and shared with {publication}.

The association's volunteers walked 14 blocks and counted 212 storefronts, 44 of them empty. Vacancies were
highest on Market Street, where 13 of 38 units stood empty, and lowest on Foundry Row, with 2 of 31.

Association president Odile Fontaine, who owns a stationery shop on Vine Street, said rents on Market Street have
not fallen to match the street's foot traffic. "Landlords would rather have an empty window than sign a lease
at a lower number," she said. "It keeps the building's value up on paper."

Gareth Sowerby, who manages eight Market Street buildings for a family trust, disputed that. He said three of his
vacant units have been offered at rents below their 2019 levels and that prospective tenants were put off by
"the state of the street": broken lighting, a closed bus shelter and two long-vacant upper floors.

## What the city is doing

- A vacant storefront registry, passed in 2023, requires owners to register units empty for more than 90 days.
  The city's economic development office says 19 downtown units are registered.
- A pop-up lease programme pays half the rent for six months for new tenants. Eleven shops have used it; seven
  are still open.

Councillor Harold Benn has proposed a fee on storefronts that stay empty for more than a year. The council's
economic development committee will discuss it next month.
""",
    ),
    Story(
        slug="farmers-market-moves-indoors-winter",
        headline="Tanner's Quay market will stay open all winter, inside the old ferry terminal",
        standfirst="For the first time, the Saturday market will not close in November. Vendors say the winter "
                   "months are when they need the income most.",
        topics=["business", "culture"],
        authors=["nadia-farouk"],
        hours_ago=380,
        body="""\
The Tanner's Quay Saturday market, which has closed every November since it began in 1996, will move indoors to
the old ferry terminal this winter and run through March, the market's board announced on Wednesday.

About 30 of the market's 55 regular vendors have signed up for the winter season, market manager Delphine Arkwright
said. The terminal's main hall, restored by the city in 2022, has room for 34 stalls.

For growers, winter is a lean season; for bakers, cheesemakers and the market's three coffee roasters, it is when
they lose their best customers. "Four months with no market is four months of rent with no sales," said Bram
Oosterhout, who makes goat's cheese on a farm 20 kilometres north of the city.

The city is charging the market $400 a week for the hall, a rate set by the parks department for non-profit
groups. Arkwright said the market will cover that from its stall fees, which will stay at $35 a day.

The winter market opens on the first Saturday of December and will run from 9 a.m. to 1 p.m. Route 4 buses stop
outside the terminal every 20 minutes on Saturdays.
""",
    ),
    Story(
        slug="hardware-store-closing-after-ninety-years",
        headline="Pell's Hardware, open since 1934, will close at the end of the year",
        standfirst="The owners say they could not find a buyer. Regulars have been coming in to say goodbye, and "
                   "to buy the last of the loose screws.",
        topics=["business"],
        authors=["nadia-farouk"],
        hours_ago=450,
        body="""\
Pell's Hardware on Cooper Street, where three generations of Aldine residents have bought paint, fuses and single
screws by the pound, will close on December 31, owner Margaret Pell said this week.

Pell, 71, took over the shop from her father in 1989. Her grandfather, Walter Pell, opened it in 1934 with money
borrowed from his brother-in-law. She said she had tried for two years to sell the business, and had two offers,
both of which fell through when buyers saw the cost of replacing the building's roof.

"People say the big stores killed the small ones," she said. "That's only half of it. The other half is that
nobody wants to stand behind a counter for fifty years. I don't blame them."

Since a sign went up in the window last week, the shop has been busy. Tom Haverford, a retired electrician, said he
had come in every Saturday since 1977. "Where else can you buy one bolt?" he asked. "And have someone tell you it's
the wrong bolt?"

The shop's four employees will be paid through January, Pell said. The building, which the family owns, will be
put up for sale in the spring.
""",
    ),
]
