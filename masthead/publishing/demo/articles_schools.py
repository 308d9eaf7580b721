"""Demo stories: schools and culture. Fiction written for Masthead; ``{publication}`` is replaced at seed time."""
# ruff: noqa: RUF001 - en dashes in vote tallies are the house typography, not typos

from masthead.publishing.demo.people import Story

STORIES = [
    Story(
        slug="school-board-closes-two-elementaries",
        headline="School board votes to close two elementary schools next year",
        standfirst="Pine Street and Harbor View will close in June. Their 480 pupils will move to three nearby "
                   "schools, and parents say they were told too late.",
        topics=["schools"],
        authors=["theo-abernathy"],
        hours_ago=56,
        body="""\
The Aldine Unified school board voted 4–3 on Thursday night to close Pine Street Elementary and Harbor View
Elementary at the end of the school year, the district's first closures since 2011.

Superintendent Dr Kwame Asante-Bell told the board that the district has lost 2,100 pupils over ten years, about 12
percent of its enrolment, and that keeping half-empty buildings open costs about $2.6 million a year in staff,
heating and maintenance. Pine Street is 48 percent full; Harbor View is 55 percent full.

The 480 children at the two schools will move to Riverside, Alder and Lowmarsh elementary schools. The district
says no child will have to walk more than 1.6 kilometres, and that buses will run for those who live farther.

More than 60 parents spoke before the vote. Many said they first heard of the proposal in October, six weeks ago.
"We found out from a flyer in a backpack," said Harbor View parent Shireen Qadir. "You have been planning this
for two years."

Board member Gloria Ashdown, who voted against, said the district "should have brought parents in at the start,
not the end." Board president Victor Lindholm said the district had held "more meetings than the policy requires"
but acknowledged "we could have done it better."

The district says it will hold open days at the receiving schools in the spring, and will decide by March what to do
with the two buildings.
""",
    ),
    Story(
        slug="teachers-contract-agreement",
        headline="Teachers and district reach a deal: 11 percent over three years, smaller classes",
        standfirst="The agreement ends eight months of talks and a strike authorisation vote. Teachers will vote "
                   "on it next week.",
        topics=["schools"],
        authors=["theo-abernathy"],
        hours_ago=86,
        body="""\
The Aldine Education Association and Aldine Unified reached a tentative contract agreement at 2 a.m. on Saturday,
after a 16-hour bargaining session, both sides said in a joint statement.

The three-year deal raises teacher pay by 4 percent this year and 3.5 percent in each of the next two years, and caps
class sizes at 24 in kindergarten to third grade, down from 28. It also adds one paid planning period a week for
special education teachers.

A starting teacher in Aldine earns $46,200, the lowest of the five districts in Wend County, according to the state
education department. Under the deal, that would rise to $51,300 by the final year.

Union president Marguerite Okonjo said the agreement was "not everything we asked for, but it is the first contract
in a decade that treats class size as a working condition." The union's members had voted 91 percent in favour of
authorising a strike in October.

The district's chief financial officer, Harlan Mitchell, said the deal will cost about $14 million over three years.
He said the district would pay for it in part with savings from closing two elementary schools.

Teachers will vote on the agreement next week. The school board is expected to vote on December 11.
""",
    ),
    Story(
        slug="free-school-meals-all-pupils",
        headline="Every Aldine pupil will get free school meals from January",
        standfirst="A federal programme lets districts with high poverty rates feed everyone at no charge. The "
                   "paperwork, and the stigma, go with it.",
        topics=["schools", "health"],
        authors=["theo-abernathy"],
        hours_ago=178,
        body="""\
All 15,400 pupils in Aldine Unified's 24 schools will be able to eat breakfast and lunch at school for free from
January, the district announced on Tuesday.

Until now, families had to apply each year for free or reduced-price meals. About 58 percent of pupils qualified.
Under a federal programme called the community eligibility provision, districts where enough families already
receive food assistance can offer free meals to everyone, with the federal government paying most of the cost.

Food services director Imani Castellano said the change would end "the lunch line divide, where every child knows
who is paying and who isn't." It will also end school meal debt: families owed the district about $86,000 in unpaid
meal charges at the end of last year.

The district expects the number of meals served to rise by about a fifth, and is hiring nine kitchen staff.

Families do not need to do anything. Castellano asked parents who receive food assistance to keep returning forms
the district sends, because they determine how much federal money the district receives.
""",
    ),
    Story(
        slug="kettle-creek-robotics-team-state",
        headline="A middle-school robotics team built in a storage room is going to the state finals",
        standfirst="Kettle Creek's 'Creek Bots' beat 31 teams at the regional contest with a robot made partly "
                   "from a broken office chair.",
        topics=["schools"],
        authors=["theo-abernathy"],
        hours_ago=290,
        body="""\
The robot that won the regional championship for Kettle Creek Middle School on Saturday has a base made from the
wheels of a broken office chair, an arm cut from aluminium shelving and, according to its builders, "a
personality."

The 12-member team, who call themselves the Creek Bots, beat 31 other schools at the competition in Harlan County,
scoring 212 points in the final round, the most of the day. They will compete at the state finals in February.

Their coach, science teacher Rafael Domínguez, started the team three years ago in a storage room next to the gym,
with $400 from the parent-teacher association. "The first year our robot drove in one direction," he said. "Only
backwards."

Team captain Lucía Ferreira, 13, said the breakthrough came when the team decided to rebuild the robot from scratch
in November. "We had a better idea and we were brave enough to throw away the old one," she said.

The team needs about $3,000 to cover travel and entry fees for the state finals. The parent-teacher association is
collecting donations and selling cookies at home games.
""",
    ),
    Story(
        slug="childcare-waitlists-infant-places",
        headline="Parents in Aldine wait a year, on average, for an infant childcare place",
        standfirst="There are 2.6 babies for every licensed infant place in the city. Providers say they cannot "
                   "pay enough to hire staff.",
        topics=["schools", "business"],
        authors=["theo-abernathy"],
        hours_ago=410,
        drawing="chart",
        caption="Illustrative image: a chart in the style of the state's childcare figures. It shows no real data.",
        body="""\
Aldine has 412 licensed childcare places for children under 18 months, and about 1,070 babies in that age group,
according to state licensing records and census estimates analysed by {publication}.

We contacted all 19 licensed centres that take infants. Fifteen answered. Their average waiting time for an infant
place was 11 months. Four said they had stopped adding names to their lists.

"People call me when they find out they're pregnant," said Adaeze Nnamdi, who runs the Little Acorns centre in
Ashgrove. "Sometimes before they've told their mothers."

Infant care is expensive to provide because state rules require one adult for every four babies. Nnamdi said she pays
her staff $17 an hour, and loses them to warehouses and supermarkets that pay more. Two of her infant rooms are
closed for lack of staff.

The state's childcare subsidy programme pays providers about $1,150 a month per infant. Providers say the true cost
is closer to $1,700. A bill in the state legislature would raise the rate to match a cost study; its sponsor, state
Senator Valerie Quist, said it has a hearing in January.
""",
    ),
    Story(
        slug="library-card-drive-teens",
        headline="The library wants every teenager in Aldine to have a card, and it is dropping fines to do it",
        standfirst="Overdue fines for under-18s are gone, and old debts are forgiven. Teen visits rose by a third "
                   "in the first month.",
        topics=["schools", "culture"],
        authors=["theo-abernathy"],
        hours_ago=0,
        draft=True,
        body="""\
Aldine Public Library has stopped charging overdue fines to readers under 18 and has forgiven about $23,000 in old
fines owed by 2,900 young people, library director Constance Obi said.

Obi said fines kept the children who most need the library away from it. "A seven-dollar fine is nothing to some
families and a locked door to others," she said.

Teen visits to the six branches rose by a third in the first month after the change, according to the library's
door counts.

*Draft: waiting for the library's figures for the second month before publishing.*
""",
    ),
    Story(
        slug="riverside-playhouse-reopens",
        headline="The Riverside Playhouse reopens after a two-year, $9 million restoration",
        standfirst="The 1926 theatre's plaster ceiling has been rebuilt by hand. The first show, a new play about "
                   "the 1937 flood, is already sold out.",
        topics=["culture"],
        authors=["june-castellanos"],
        hours_ago=66,
        body="""\
For two years the Riverside Playhouse on Water Street was a shell of scaffolding. On Friday evening, its doors open
again, and its 640 seats, reupholstered in the original dark green, are sold out for the first two weeks.

The restoration cost $9.2 million, raised from a state historic preservation grant, the city, and about 2,300
individual donors, according to the Playhouse Trust. The most painstaking work was on the auditorium ceiling, where a
team of four plasterers spent eleven months casting and replacing 1,800 decorative panels damaged by a roof leak.

"Every panel was cast from a mould taken from one that survived," said lead plasterer Dorota Wiśniewska. "So the
ceiling is, in a sense, the same ceiling. It has just been reborn."

The opening production, *High Water*, is a new play by Aldine writer Oluwaseun Adeyemi about the 1937 flood, when the
Wend rose 4 metres in two days and the playhouse itself sheltered 300 people from Eastbank. Adeyemi interviewed
descendants of survivors, and several of their stories appear in the play.

The trust's director, Fenella Moss, said a third of every performance's seats would be sold at $15, and that
schools would attend matinees for free. *High Water* runs until December 21.
""",
    ),
    Story(
        slug="millrace-arts-festival-record",
        headline="Millrace Arts Festival draws a record 48,000 visitors",
        standfirst="The weekend festival grew by a fifth. Organisers say the new river stage helped; neighbours "
                   "say the noise went on too late.",
        topics=["culture"],
        authors=["june-castellanos"],
        hours_ago=200,
        body="""\
The 27th Millrace Arts Festival drew about 48,000 people over its three days, the most in its history, according to
organisers, who counted visitors at the park's four gates.

The festival, which began in 1998 as an afternoon of local bands on a flatbed truck, now fills Millrace Park and the
streets around it with 160 artists' stalls, four music stages and a children's area.

This year's biggest draw was a new stage on a floating platform moored in the river, where the Aldine Youth
Orchestra opened the festival on Friday evening with a programme of pieces written by its own members.

"Half the audience was on the bank and half was in kayaks," said festival director Tobias Ekwueme. "I have never seen
anything like it."

Not everyone enjoyed it. Residents of Mill Street, next to the park, told {publication} that amplified music ran
past the festival's 10 p.m. limit on both Friday and Saturday. The festival's permit from the city allows music until
10 p.m.; Ekwueme said the Saturday headliner had run "about 20 minutes over" and that the festival would "do better."

The city's special events office said it had received 14 noise complaints and would review them before issuing next
year's permit.
""",
    ),
    Story(
        slug="mural-project-foundry-row",
        headline="Twelve murals in twelve months: how Foundry Row turned its walls into a gallery",
        standfirst="Local artists chose the walls, and the neighbours chose the subjects. The last mural, a "
                   "portrait of the street's oldest resident, was finished on Sunday.",
        topics=["culture"],
        authors=["june-castellanos"],
        hours_ago=320,
        body="""\
The last of Foundry Row's twelve new murals went up on Sunday: a portrait, three storeys high, of Agnes Pruitt, who
was born above a bicycle shop on the street in 1928 and still lives there.

"I told them to make me taller," Pruitt, 97, said at a small ceremony. "They did."

The murals are the work of the Foundry Row Walls Project, run by the Foundry Row Merchants Association with a
$120,000 grant from the state arts council. Each month for a year, residents voted on a subject from ideas submitted
by neighbours; local artists then bid to paint it.

The subjects range from the street's history, a brass band from the old iron works and a row of women making
munitions in 1943, to its present: the Saturday market, a kitchen full of cooks, a child on a skateboard.

Artist Kenji Aldana, who painted three of the murals, said he had been surprised how many people stopped to talk.
"You think you're painting a wall," he said. "You're actually painting a conversation that lasts six weeks."

A free walking map of the murals is available at shops on the street and at the Foundry Row branch library.
""",
    ),
    Story(
        slug="aldine-jazz-club-fifty-years",
        headline="The Blue Heron Jazz Club turns 50, and its founder still takes the door",
        standfirst="Winifred 'Winnie' Osei opened the club in 1975 with $3,000 and a piano bought from a church. "
                   "The anniversary week is sold out.",
        topics=["culture", "business"],
        authors=["june-castellanos"],
        hours_ago=440,
        body="""\
At 8 p.m. on a Tuesday, Winifred Osei is where she has been on most nights for half a century: on a stool by the
door of the Blue Heron Jazz Club on Cooper Street, taking $10 from each customer and telling the regulars that they
look tired.

Osei, 81, opened the club in 1975 with $3,000 in savings and an upright piano bought for $150 from a Lowmarsh church
that was getting an organ. The piano is still there, re-strung three times.

The Blue Heron has outlasted two recessions, a fire in 1994 and a pandemic that closed it for 14 months. Osei
credits the musicians. "They came back for fifty dollars and a plate of food," she said. "Some of them came back for
less."

For the anniversary week, which starts on Monday, the club has booked 14 acts, including the pianist Marcus Delacroix,
who played his first paid gig at the club at 16 and now tours internationally. Every night is sold out.

Osei said she has no plans to retire. Her granddaughter, Abena, manages the club's bookings. "She runs it," Osei said.
"I just sit by the door. It's the best seat in the house."
""",
    ),
    Story(
        slug="community-radio-licence",
        headline="Aldine's community radio station gets its licence after a six-year wait",
        standfirst="WNDR will broadcast from a former laundromat in Eastbank, with 70 volunteer hosts and shows in "
                   "seven languages.",
        topics=["culture"],
        authors=["june-castellanos"],
        hours_ago=490,
        body="""\
After six years, two rejected applications and a great many bake sales, Aldine's community radio station has its
licence. WNDR, 97.3 FM, will begin broadcasting from a converted laundromat on Water Street in Eastbank on the first
day of spring.

The Federal Communications Commission granted the station a low-power FM licence on Monday, according to the
commission's public database. Low-power stations broadcast at up to 100 watts, enough to reach most of the city.

The station's 70 volunteer hosts will present shows in seven languages, including Spanish, Somali, Vietnamese and
Polish, as well as a weekly programme made by pupils at Aldine High School, said station manager Grace Kimathi.

"This city has a lot of people who have never heard their own language on the radio here," Kimathi said. "Starting in
March, they will."

The station has raised $84,000 of the $110,000 it needs for a transmitter, studio equipment and its first year of
rent, mostly from small donations. Kimathi said the station will carry no advertising and will be funded by
listeners.
""",
    ),
]
