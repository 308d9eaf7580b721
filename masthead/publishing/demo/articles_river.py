"""Demo stories: environment and health. Fiction written for Masthead; ``{publication}`` is replaced at seed time."""

from masthead.publishing.demo.people import Story

STORIES = [
    Story(
        slug="wend-river-e-coli-swimming-advisory",
        headline="High bacteria levels close the Wend to swimmers at three beaches",
        standfirst="Samples taken after last weekend's storm found E. coli at up to nine times the safe limit. "
                   "The county says the advisory could last a week.",
        topics=["environment", "health"],
        authors=["ingrid-solberg"],
        hours_ago=70,
        caption="Illustrative image. The Wend River at dusk, as drawn for {publication}.",
        body="""\
Wend County's health department has advised against swimming or wading at Heron Point, Millrace Beach and the
Tanner's Quay steps after water samples found E. coli bacteria at up to nine times the level considered safe for
swimming.

The samples, taken on Monday morning, followed a storm that dropped 58 millimetres of rain on Aldine in 14 hours,
according to the National Weather Service station at the regional airport.

Heavy rain overwhelms the city's older sewers, which carry storm water and sewage in the same pipes. When they
fill, the overflow goes into the river through 23 outfalls between Northgate and Lowmarsh. The city reported
overflows at 17 of them on Sunday, according to its public notification page.

"This is the system working as it was designed in 1910," said Oscar Fennimore, director of the Wend River Keepers,
a non-profit that tests the river weekly. "That's the problem."

County health officer Dr Leona Marsh said the advisory would be lifted after two consecutive clean samples, "most
likely by the end of next week." She said boating and fishing were safe, but that anglers should wash their hands
and cook fish thoroughly.

The city is two years into a $190 million, 15-year project to separate its sewers. Public works says the first
section, under Northgate, will be finished in 2027.
""",
    ),
    Story(
        slug="heat-island-map-eastbank",
        headline="Eastbank runs up to 6 degrees hotter than Cedar Heights on summer afternoons",
        standfirst="Volunteers with thermometers on their bikes mapped the city's heat. The hottest streets are "
                   "the ones with the fewest trees.",
        topics=["environment", "health"],
        authors=["ingrid-solberg"],
        hours_ago=110,
        drawing="rooftops",
        caption="Illustrative image: rooftops on a summer evening, as drawn for {publication}.",
        body="""\
On the afternoon of July 19, the hottest day of the year, the air on Water Street in Eastbank reached 38.1°C. At
the same moment, on a leafy street in Cedar Heights three kilometres away, it was 32.4°C.

Those readings come from a heat mapping project run this summer by the Wend River Keepers and Aldine Community
College. Forty-two volunteers fixed thermometers to their bicycles and car windows and drove set routes three times
on each of four hot days, recording the temperature every second.

The resulting map, published this week, shows a clear pattern. The hottest areas, in Eastbank, Lowmarsh and along
the Foundry Row car parks, have tree canopy over less than 10 percent of the ground. The coolest, in Cedar Heights
and around Millrace Park, have more than 40 percent.

Dr Sunita Varma, a climate scientist at the college who led the analysis, said the difference matters for health.
"Heat kills more people in this country than any other kind of weather," she said. "It does it quietly, indoors,
to people who are old or alone."

## What the city plans

The city's forestry office says it plants about 600 trees a year. Its urban forest plan, adopted in 2022, set a
goal of 25 percent canopy city-wide by 2040, but does not say where the trees should go first.

Councillor Dev Pillai said he would ask the council to direct new planting to the five hottest neighbourhoods first.
"We have the map now," he said. "No excuses."
""",
    ),
    Story(
        slug="flood-wall-test-raised",
        headline="The new flood wall faced its first real test, and the water stayed out",
        standfirst="The Wend rose to 6.2 metres at the Market Street gauge, its highest level since 2019. "
                   "Tanner's Quay stayed dry.",
        topics=["environment", "city-hall"],
        authors=["ingrid-solberg"],
        hours_ago=220,
        body="""\
The Wend River crested at 6.2 metres at the Market Street Bridge gauge at 4 a.m. on Sunday, according to the
US Geological Survey, its highest level since the floods of May 2019, when the same reading put a metre of water
into the shops on Tanner's Quay.

This time, the quay stayed dry behind the 1.8-kilometre flood wall the city finished last year. Crews closed its
four steel flood gates on Saturday afternoon, the first time they have been used outside a drill.

"I stood on the wall at three in the morning and watched the river go past at the level of my knees," said the
city's emergency manager, Harriet Cole. "I have waited five years to see that."

The wall, designed for a 100-year flood, cost $24 million, two-thirds of it paid for by a federal grant. Critics,
including the Wend River Keepers, argued at the time that it would push water onto the unprotected west bank.
Residents of River Road, on the west bank in Old Ferry, reported water in basements on Sunday. The city said it
was sending inspectors to assess the damage and whether the wall played a part.

The National Weather Service expects the river to fall below flood stage by Tuesday evening.
""",
    ),
    Story(
        slug="lead-pipes-replacement-progress",
        headline="Aldine has replaced a third of its lead water pipes. The rest will take until 2033",
        standfirst="About 7,200 homes still get their water through a lead service line. A new map lets you check "
                   "your own address.",
        topics=["environment", "health"],
        authors=["ingrid-solberg"],
        hours_ago=310,
        drawing="chart",
        caption="Illustrative image: a chart in the style of the water utility's progress report. "
                "It shows no real figures.",
        body="""\
Aldine Water has replaced 3,650 of the roughly 10,900 lead service lines that connected homes to its mains when it
began a replacement programme in 2021, according to the utility's annual report.

Service lines run from the water main under the street to a home's meter. The utility replaces the whole line, on
public and private land, at no cost to the owner.

At the current pace of about 900 lines a year, the work will be finished in 2033, general manager Bernard Kowal
told the utility board on Tuesday. A federal rule adopted last year requires most utilities to finish by 2037.

Aldine's water meets federal limits for lead, according to its most recent testing. But lead can leach from a
service line into water that sits in the pipe, especially after the tap has not been used for several hours.

## What you can do

- Check your address on the utility's new service line map, published on Tuesday.
- If your home has a lead line, run the cold tap for a minute or two before drinking, and use cold water for
  cooking and baby formula.
- The utility will send a free filter and test kit on request.

Dr Leona Marsh, the county health officer, said families with young children should request the filter "today,
not when the crew arrives."
""",
    ),
    Story(
        slug="millrace-park-wetland-restored",
        headline="Herons are back in Millrace Park, three years after the wetland was dug out",
        standfirst="A restored wetland on an old factory site is now home to 96 bird species, according to a "
                   "volunteer count. It also soaks up storm water from 400 homes.",
        topics=["environment"],
        authors=["ingrid-solberg"],
        hours_ago=430,
        body="""\
On a grey Saturday morning in Millrace Park, Beatriz Almeida lowers her binoculars and points at a grey shape
standing perfectly still in the reeds. "Great blue heron," she whispers. "He's here every morning now."

Three years ago the spot was a gravel car park on top of the foundations of a tannery that closed in 1967. The
city removed 14,000 tonnes of contaminated soil, dug a shallow basin and planted 30,000 native plants, in a project
that cost $5.6 million.

The wetland was designed to collect rain from the streets of the surrounding neighbourhood, about 400 homes, so
that it soaks into the ground instead of flooding basements and overflowing the sewers. City engineers estimate it
holds about 9 million litres in a heavy storm.

It has also drawn wildlife. The Aldine Bird Club, of which Almeida is secretary, has counted 96 species at the site
since 2022, including nesting wood ducks and a pair of green herons.

The club leads free walks on the first Saturday of every month at 8 a.m., starting from the park's boardwalk
entrance on Mill Street. Binoculars are available to borrow.
""",
    ),
    Story(
        slug="st-brennans-emergency-wait-times",
        headline="Emergency room waits at St. Brennan's are the longest in the state",
        standfirst="Patients waited a median of 5 hours 40 minutes before being seen or sent home. The hospital "
                   "says it is short of beds, not doctors.",
        topics=["health"],
        authors=["june-castellanos"],
        hours_ago=62,
        caption="Illustrative image. The wait times are in the story.",
        body="""\
Patients at the emergency department of St. Brennan's Medical Center, Aldine's only hospital, spent a median of 5
hours and 40 minutes there before being discharged last year, the longest wait of any hospital in the state,
according to data published by the federal Centers for Medicare & Medicaid Services.

The state median is 2 hours 50 minutes.

The hospital's chief medical officer, Dr Ansel Whitford, said the problem is not in the emergency room itself. On an
average day this autumn, he said, 31 patients who had been admitted were still waiting in the emergency department
for a bed upstairs, because the hospital's 280 inpatient beds were full.

"We have patients who are ready to go home but are waiting for a nursing home place or home care," Whitford said.
"Each one of them is holding a bed, and each of those beds is holding a stretcher in the emergency room."

## What patients told us

{publication} asked readers about their experience. More than 140 replied. Many praised the staff; almost all
described long waits. Gloria Pettersen, 74, said she spent 19 hours on a stretcher in a corridor with a broken hip
in August. "The nurses were angels," she said. "But nobody should have to spend a night in a hallway."

The hospital plans to open 24 new beds in a converted wing next spring, and is recruiting 60 nurses.
""",
    ),
    Story(
        slug="free-dental-clinic-opens-lowmarsh",
        headline="A free dental clinic opens in Lowmarsh, and the first month is already booked",
        standfirst="Volunteer dentists will see adults without insurance two evenings a week. More than 300 "
                   "people called in the first three days.",
        topics=["health"],
        authors=["june-castellanos"],
        hours_ago=160,
        body="""\
The phone at the new Lowmarsh Community Dental Clinic started ringing at 8 a.m. on Monday. By Wednesday
afternoon, clinic coordinator Esperanza Ruiz had taken 318 calls and filled every appointment until the middle of
next month.

The clinic, in two converted rooms at the Lowmarsh Family Health Center on Reed Lane, will see adults without dental
insurance on Tuesday and Thursday evenings, free of charge. It has two chairs, donated by a retiring dentist in
Cedar Heights, and a rota of 14 volunteer dentists and hygienists.

Adult dental care is not covered by the state's Medicaid programme except in emergencies. A 2023 survey by the
county health department found that 38 percent of adults in Lowmarsh had not seen a dentist in the previous three
years.

"People come in when the pain is so bad they cannot sleep," said Dr Mei-Ling Foster, who organised the volunteers.
"By then the only thing anyone can do is pull the tooth. We want to see them a year earlier."

The clinic is run by the health centre and paid for with a $180,000 grant from the Wend Valley Community Foundation.
Appointments can be requested by phone; the clinic keeps a waiting list for cancellations.
""",
    ),
    Story(
        slug="measles-case-confirmed-school",
        headline="A measles case is confirmed in Aldine. Here is what you need to know",
        standfirst="The county says a child who attends Kettle Creek Middle School was infectious last week. "
                   "Unvaccinated contacts are being asked to stay home for 21 days.",
        topics=["health", "schools"],
        authors=["june-castellanos", "theo-abernathy"],
        hours_ago=250,
        body="""\
Wend County's health department on Friday confirmed a case of measles in a child who attends Kettle Creek Middle
School in Eastbank, the county's first case since 2019.

The child was infectious between the 3rd and the 7th of this month, health officer Dr Leona Marsh said at a news
conference, and was at school on three of those days. The child had not been vaccinated and is recovering at home.

Measles spreads through the air and can linger in a room for up to two hours after an infected person leaves. About
nine in ten unvaccinated people who are exposed will catch it.

## What the county is doing

- Letters went to every Kettle Creek family on Friday. Students and staff who cannot show proof of vaccination or
  immunity have been asked to stay home for 21 days after their last exposure.
- The county will run a free vaccination clinic at the school on Saturday and Sunday, 10 a.m. to 3 p.m.
- Anyone who develops a fever and rash should call their doctor before going in, so they do not expose others in
  the waiting room.

According to state data, 91 percent of Kettle Creek's students had received two doses of the measles vaccine last
year, below the 95 percent that public health experts say prevents outbreaks.

"Two doses are 97 percent effective," Marsh said. "If you are not sure whether you had them, get a dose. It is safe
to have another."
""",
    ),
    Story(
        slug="mental-health-crisis-line-teams",
        headline="Mental health workers, not police, now answer some 911 calls",
        standfirst="In its first six months, the city's crisis response team handled 1,430 calls. Officers were "
                   "called in to help 41 times.",
        topics=["health", "city-hall"],
        authors=["june-castellanos"],
        hours_ago=360,
        body="""\
When someone calls 911 in Aldine about a person in a mental health crisis, the dispatcher can now send a
two-person team, a counsellor and a paramedic, in an unmarked van instead of a police car.

The programme, called CARE, began in April. In its first six months, it handled 1,430 calls, according to a report
to the council's public safety committee on Monday. Team members asked police for help 41 times, and nobody was
seriously hurt.

Most calls were for people who were suicidal, disoriented or intoxicated in public. About a third ended with the
person taken to a crisis centre or the hospital; the rest were resolved on the spot or with a referral.

Program director Rashida Greenway said the teams work from 7 a.m. to 11 p.m., and that dispatchers had to send
police to about 600 calls overnight that CARE could have handled. She has asked for money to run around the clock,
which would cost about $1.2 million a year.

Police Chief Arthur Kell supports the request. "My officers are not counsellors," he said. "Every hour they spend
waiting in an emergency room with someone in crisis is an hour they are not on the street."
""",
    ),
    Story(
        slug="pharmacy-desert-northgate",
        headline="Northgate's last pharmacy closes, leaving 11,000 people without one within walking distance",
        standfirst="The chain says the store lost money for three years. Residents, many of them older, now face "
                   "a bus ride to fill a prescription.",
        topics=["health", "business"],
        authors=["june-castellanos", "nadia-farouk"],
        hours_ago=470,
        body="""\
The pharmacy at the corner of Northgate Avenue and Alder Street closed on Saturday, leaving the neighbourhood's
roughly 11,000 residents without a pharmacy within two kilometres.

The chain that ran it said in a statement that the store had been "unprofitable for three consecutive years" and
that prescriptions had been transferred to its branch on Market Street, downtown. That is a 25-minute ride on the
Route 7 bus.

Of Northgate's residents, 22 percent are over 65 and about one in five households has no car, according to census
estimates.

Pastor Evelyn Mbeki of Northgate Methodist, whose congregation has organised lifts to the downtown pharmacy for
older members, said the church fielded 40 requests in the first two days. "We are happy to do it," she said. "But
a church van is not a health system."

Independent pharmacist Karim Haddad said he had looked at opening a shop in the neighbourhood but could not make the
numbers work because of how insurers pay for prescriptions. The county health department said it is exploring a
mobile pharmacy service and expects to report back in January.
""",
    ),
]
