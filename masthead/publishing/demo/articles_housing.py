"""Demo stories: housing and transport. Fiction written for Masthead; ``{publication}`` is replaced at seed time."""
# ruff: noqa: RUF001 - en dashes in vote tallies are the house typography, not typos

from masthead.publishing.demo.people import Story

STORIES = [
    Story(
        slug="eviction-filings-reach-ten-year-high",
        headline="Eviction filings in Wend County reach a ten-year high",
        standfirst="Landlords filed 2,318 eviction cases in the first nine months of the year. Most tenants had "
                   "no lawyer; most landlords did.",
        topics=["housing"],
        authors=["daniel-reyes-hart"],
        hours_ago=41,
        caption="Illustrative image: rooftops in Eastbank, where most filings are concentrated.",
        body="""\
Landlords in Wend County filed 2,318 eviction cases between January and September, more than in any full year
since 2014, according to court records analysed by {publication}.

Nearly nine in ten of the cases were for unpaid rent. The median amount owed was $2,140, a little more than two
months' rent for a one-bedroom flat in Aldine, where the median asking rent reached $1,045 this summer, according
to listings tracked by the county housing office.

In the cases that reached a hearing, 81 percent of landlords were represented by a lawyer. Three percent of tenants
were. Judge Corinne Whitlock, who hears most of the county's housing cases, said from the bench last month that the
imbalance "is the single biggest fact in this courtroom."

## Who is being evicted

The filings are concentrated. Four ZIP codes, covering Eastbank, Lowmarsh and parts of Northgate, account for 58
percent of cases. Eleven large landlords, each owning more than 200 units, filed 41 percent of all cases.

Ashwin Rao, a lawyer at Wend Valley Legal Aid, said the clinic has two attorneys for housing cases and turns away
"about four out of five" tenants who call. "By the time people reach us, the hearing is often the next morning,"
he said.

The Wend County Landlords' Association did not respond to three requests for comment.

## Help if you have received a notice

- Wend Valley Legal Aid runs a walk-in clinic on Tuesdays from 9 a.m. at the Eastbank library.
- The county's emergency rental assistance fund reopened in October; applications are online and at any library.
- A notice from your landlord is not an eviction. Only a judge can order one, after a hearing you are entitled to
  attend.
""",
    ),
    Story(
        slug="ashgrove-tenants-win-repairs",
        headline="Ashgrove tenants who withheld rent win a court order for repairs",
        standfirst="Residents of the 96-unit Larchmont Court spent a winter without reliable heat. A judge has "
                   "given the owner 60 days to fix the boilers.",
        topics=["housing"],
        authors=["daniel-reyes-hart"],
        hours_ago=120,
        body="""\
A Wend County judge on Monday ordered the owner of Larchmont Court, a 96-unit apartment complex in Ashgrove, to
replace its two boilers within 60 days, siding with tenants who have paid their rent into a court-supervised
account since February.

The tenants' association says the heat failed at least 23 times last winter. City inspectors cited the building
eight times between November and March, according to inspection records.

In a 14-page ruling, Judge Corinne Whitlock found that the owner, Larchmont Holdings LLC, had "treated emergency
repairs as optional" and that the tenants had followed the state's rent escrow law "to the letter."

Rosa Delgado, who has lived at Larchmont Court for 12 years and leads the tenants' association, said residents
were relieved but cautious. "We've had promises before," she said. "We'll believe it when the radiators are hot."

A lawyer for Larchmont Holdings, Vincent Areno, said the company "respects the court's decision" and had already
ordered new boilers, which he said had been delayed by supply problems. He said the company would not appeal.

About $310,000 in rent is held in the escrow account. Under the order, it will be released to the owner in stages as
repairs are completed and inspected.
""",
    ),
    Story(
        slug="northgate-duplex-zoning-change",
        headline="Council votes to allow duplexes on every residential lot in Aldine",
        standfirst="Supporters call it the biggest housing reform in the city in half a century. Opponents say it "
                   "will change neighbourhoods without fixing prices.",
        topics=["housing", "city-hall"],
        authors=["daniel-reyes-hart", "maya-okafor"],
        hours_ago=196,
        body="""\
Homeowners anywhere in Aldine will be able to build a second home on their lot, or split a house into two, under a
zoning change the city council approved 5–4 on Tuesday night.

Until now, about 70 percent of the city's residential land, most of it in Cedar Heights, Northgate and the western
half of Ashgrove, has been zoned for detached single-family houses only.

The change allows duplexes, and small cottages in back gardens, without a public hearing, provided they meet height,
setback and parking limits. It does not allow apartment buildings.

City planning director Leontyne Abara told the council that the city's own forecast calls for 9,000 new homes by
2035 and that current zoning leaves room for "about half that." She said she expected a few hundred duplexes in the
first five years, "not a wave."

## What supporters and opponents said

More than 80 people signed up to speak. Kofi Mensah, a nurse who rents in Eastbank, said he had been outbid on
five houses. "I am not asking for a mansion," he said. "I am asking for half of one."

Helen Grady, president of the Cedar Heights Neighbourhood Association, said the change was "a blanket rule for a
city that isn't a blanket." She said her group would ask for a ballot referendum.

To force a referendum, opponents must collect 4,200 valid signatures within 30 days of the vote, according to the
city clerk's office.
""",
    ),
    Story(
        slug="housing-authority-waitlist-reopens",
        headline="Housing voucher waitlist opens for the first time in six years, for one week",
        standfirst="The Aldine Housing Authority expects 8,000 applications for about 400 vouchers. Places will "
                   "be decided by lottery, not by who applies first.",
        topics=["housing"],
        authors=["daniel-reyes-hart"],
        hours_ago=300,
        body="""\
The Aldine Housing Authority will accept applications for its housing choice voucher waitlist from Monday to
Sunday next week, the first time the list has opened since 2019.

Vouchers pay part of a tenant's rent to a private landlord, so that the tenant pays about 30 percent of their
income. The authority administers 3,460 of them. Executive director Yvette Larkspur said about 400 are expected to
become available over the next two years as current holders move on.

Larkspur said the authority expects about 8,000 applications and will pick 2,000 by random lottery for the
waitlist. "It does not matter what hour you apply, as long as it is inside the week," she said. "Please don't
camp outside our office."

## How to apply

1. Apply online at the authority's website, by phone, or in person at any Aldine library branch, where staff will
   help.
2. You will need the names and birth dates of everyone in your household and an estimate of your yearly income.
3. You do not need documents at this stage.

The authority will notify all applicants of the lottery results by mail within 60 days. Larkspur warned that
scammers have posted fake application pages in past years and that the authority never charges a fee.
""",
    ),
    Story(
        slug="riverfront-towers-affordable-units-cut",
        headline="Riverfront towers will include fewer affordable homes than promised",
        standfirst="Halvard & Price says rising costs mean 12 percent of units will be below market rate, not the "
                   "20 percent in its 2021 agreement with the city.",
        topics=["housing", "city-hall"],
        authors=["daniel-reyes-hart"],
        hours_ago=400,
        body="""\
The developer of two residential towers planned for Aldine's eastern riverfront has asked the city to reduce the
share of affordable apartments in the project from 20 percent to 12 percent, according to a letter sent to the
planning department and obtained by {publication}.

Under its 2021 development agreement with the city, Halvard & Price committed to renting 86 of the towers' 430
apartments to households earning no more than 60 percent of the area's median income, about $46,000 a year for a
family of three. The new proposal would reduce that to 52 apartments.

In the letter, dated October 3, the firm's development director, Simon Halvard, cites a 27 percent increase in
construction costs since 2021 and higher interest rates. "The alternative is a project that does not start," he
wrote.

The city has already spent about $38 million on the flood wall, promenade and utilities that serve the site.

Councillor Marisol Quint called the request "a bait and switch." Mayor Rosalind Achterberg's office said it was
"reviewing the letter" and that any change to the agreement would require a council vote.

Housing advocates at the Wend Valley Housing Coalition said they would ask the council to require the developer to
pay into the city's affordable housing fund for every unit it removes. The coalition's director, Nia Barros, said
that at the city's current in-lieu fee, 34 units would mean about $5.1 million.
""",
    ),
    Story(
        slug="lowmarsh-community-land-trust",
        headline="A community land trust buys its first eight houses in Lowmarsh",
        standfirst="The trust owns the land; families own the homes and agree to sell them on at an affordable "
                   "price. The first residents move in next month.",
        topics=["housing"],
        authors=["daniel-reyes-hart"],
        hours_ago=480,
        body="""\
Eight small houses on Sedge Street and Reed Lane in Lowmarsh will become the first homes of the Wend Community Land
Trust, a non-profit founded two years ago by neighbours worried about rising prices in one of Aldine's last
affordable neighbourhoods.

The trust bought the houses, all built in the 1920s and in need of repair, for a combined $1.26 million, paid for
by a grant from the city's affordable housing fund and a loan from a credit union.

Here is how it works: the trust keeps the land, and sells the houses themselves to families earning below 80
percent of the area median income for about $110,000 each. When a family sells, it keeps a share of any increase in
value, and the trust's formula keeps the price affordable for the next buyer.

"You build some wealth, and the next family gets the same chance you did," said the trust's director, Joaquín
Alvarez, who grew up three streets away.

The first buyers, a school bus driver and her two teenage children, will move in next month. Alvarez said the trust
has 140 families on its interest list and hopes to own 50 homes by 2030.
""",
    ),
    Story(
        slug="route-7-bus-frequency-doubles",
        headline="Route 7 buses will come every ten minutes from January",
        standfirst="Aldine Regional Transit's busiest line gets twice the service, paid for by cutting two routes "
                   "that carry fewer than 100 riders a day.",
        topics=["transport"],
        authors=["nadia-farouk"],
        hours_ago=75,
        body="""\
Buses on Route 7, which runs from Northgate through downtown to St. Brennan's Medical Center, will arrive every 10
minutes on weekdays from January 6, up from every 20 minutes, Aldine Regional Transit announced on Monday.

Route 7 carries about 6,800 riders on an average weekday, a quarter of the whole system's ridership, according to
the agency's ridership report for September. Its buses are full at rush hour, and drivers regularly pass waiting
riders.

To pay for the extra buses, the agency will end Route 15, which loops through the Cedar Heights business park, and
Route 22, an hourly service to the regional airport. Together they carry about 180 riders a day.

General manager Priya Natarajan-Cole said the change follows a year-long review of the network that found the
agency spreading its buses "thin enough to be useless." The airport will still be served by a private shuttle,
she said.

Shift workers at the business park were less pleased. Lena Hofstetter, who packs orders at a warehouse there, said
the nearest remaining stop would be a 25-minute walk away. "The people who run buses don't work night shifts," she
said.

The transit board will hold a hearing on the changes on December 3 at the downtown transit centre.
""",
    ),
    Story(
        slug="old-ferry-bridge-closure",
        headline="Old Ferry Bridge will close to cars for 14 months of repairs",
        standfirst="Inspectors rated the 1958 bridge in poor condition. Pedestrians and cyclists will keep one "
                   "lane; drivers face a detour of up to 20 minutes.",
        topics=["transport"],
        authors=["nadia-farouk"],
        hours_ago=150,
        body="""\
The Old Ferry Bridge, one of three crossings of the Wend River in Aldine, will close to motor traffic from March
for about 14 months while its deck and supports are rebuilt, the state Department of Transportation said on
Thursday.

A 2023 inspection rated the bridge's deck "poor," the second-lowest rating, after engineers found corroded
reinforcing steel and cracks in two of its concrete piers. About 14,000 vehicles cross it on an average day.

## Detours

- Drivers will be directed to the Market Street Bridge, about 2 kilometres upstream. The department estimates
  that rush-hour journeys between Eastbank and downtown will take 10 to 20 minutes longer.
- One lane will stay open for people walking and cycling throughout the work.
- Route 4 buses will detour over the Market Street Bridge and add two stops on Water Street.

Project engineer Agnieszka Wolanin said the department chose a full closure over keeping one lane open to cars
because it cut the work by almost a year. The repairs are expected to cost $42 million, 80 percent of it federal
money.

Eastbank businesses fear a repeat of 2016, when a six-week closure of the same bridge emptied their shops. "Six
weeks nearly killed us," said Tomás Ibarra, who runs a tyre shop just off the bridge. "Fourteen months, I don't
know."
""",
    ),
    Story(
        slug="market-street-bike-lane-data",
        headline="A year after the Market Street bike lane, crashes are down and so is the shouting",
        standfirst="City data shows injury crashes on the corridor fell by a third. Cycling nearly doubled; car "
                   "journey times barely moved.",
        topics=["transport"],
        authors=["nadia-farouk"],
        hours_ago=280,
        drawing="chart",
        caption="Illustrative image: a chart in the style of the city's traffic counts. It shows no real figures.",
        body="""\
Injury crashes on Market Street fell by 34 percent in the twelve months after the city installed a protected bike
lane along its length, according to a report presented to the council's transport committee on Wednesday.

The report, by city traffic engineer Desmond Achebe, compares the 12 months after the lane opened with the average
of the three years before. It counted 19 crashes causing injury, down from an average of 29. There were no deaths
in either period.

Cycling counts on the corridor rose from about 640 trips on an average weekday to 1,190. Average car journey times
along the 2.4-kilometre street rose by 40 seconds at the evening peak and were unchanged at other times.

The lane was bitterly contested. At a 2023 hearing, several Market Street business owners said the loss of 58
parking spaces would drive away customers. Achebe's report does not measure sales. The Downtown Merchants
Association has said it will publish its own survey in the spring.

Committee chair Councillor Dev Pillai said the numbers "speak for themselves" and asked staff to prepare a plan for a
similar lane on Northgate Avenue. Councillor Harold Benn asked for the merchants' survey first. "Let's see all the
numbers," he said.
""",
    ),
    Story(
        slug="school-crossing-guards-shortage",
        headline="Nine school crossings have had no guard this term",
        standfirst="The city pays crossing guards $16 an hour for two short shifts a day. Parents in Eastbank have "
                   "started standing in the road themselves.",
        topics=["transport", "schools"],
        authors=["nadia-farouk", "theo-abernathy"],
        hours_ago=350,
        discussion_open=False,
        body="""\
Nine of Aldine's 46 school crossing posts have had no crossing guard since the school year began in September,
according to figures from the police department, which employs the guards.

Sergeant Olivia Brandt, who runs the programme, said the city has struggled to hire for a job that pays $16 an hour
for about an hour in the morning and an hour in the afternoon. "It's a wonderful job for a retired person," she
said. "We just don't have enough of them."

Five of the empty posts are in Eastbank, around Riverside Elementary and Kettle Creek Middle School, where
children cross four-lane Water Street. Parents there have organised a rota, standing at the crossing in
high-visibility vests bought with their own money.

"I am not trained. I am just a mom with a vest and a loud voice," said Amara Nwosu, who takes the Tuesday and
Thursday shifts.

The police department says the city is raising the hourly rate to $19 from January and will pay for an hour of
training. Anyone aged 18 or over can apply through the city's jobs page.

*Editor's note: comments are closed on this story because it names parents who asked not to be contacted.*
""",
    ),
    Story(
        slug="parking-meters-downtown-evening",
        headline="Downtown parking meters would run until 9 p.m. under a new proposal",
        standfirst="The city says evening spaces are full and turnover is low. Restaurant owners say their diners "
                   "will pay the price.",
        topics=["transport", "business"],
        authors=["nadia-farouk"],
        hours_ago=-20,
        body="""\
Parking meters in downtown Aldine would charge until 9 p.m., rather than 6 p.m., under a proposal the city's
transport department will present to the council next month.

A survey of parking occupancy carried out by the department in September found that 94 percent of downtown
on-street spaces were full between 6 and 8 p.m. on weekdays. The department's own target is 85 percent, which it
says leaves about one free space per block.

The proposal would raise about $700,000 a year, which the department says it would spend on street lighting and
bus shelters downtown.

Restaurant owners said they would push back. Pilar Mendoza, who runs a tapas bar on Vine Street, said her diners
"are not commuters. They come for two hours and they spend money. Charging them is charging me."

The council's transport committee will discuss the proposal on the 15th.
""",
    ),
]
