# ruff: noqa: RUF001 - readers write en dashes in vote tallies, as the stories do
"""The demo's discussions, written for Masthead, one per demo article (keyed by its slug).

Each item is ``(parent, name, body)`` or ``(parent, name, body, quote)``: ``parent`` is the index, in the same list,
of the comment it answers (None for a new comment), and ``quote`` is the part of the parent it quotes. Readers
agree, disagree, ask the reporter, correct with a link, and answer each other; a few drift off topic. An article
that is not here gets no demo comments.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Written:
    name: str
    body: str
    parent: int | None = None
    quote: str = ""


def _thread(*items: tuple) -> list[Written]:
    written: list[Written] = []
    for parent, name, body, *quote in items:
        assert parent is None or parent < len(written), (name, parent)
        written.append(Written(name=name, body=body, parent=parent, quote=quote[0] if quote else ""))
    return written


THREADS: dict[str, list[Written]] = {
    "council-passes-budget-after-late-night-session": _thread(
        (None, "Marta Kowalczyk", "Sunday hours at the branch libraries are the best $1.3 million in this budget. "
         "The Eastbank branch is where half my street does homework, job applications and the crossword."),
        (0, "Harold's neighbour", "Nice for you, but delaying the Foundry Row garage means another year of people "
         "circling the block on market days. Somebody pays for that too."),
        (1, "Ines ✿", "A year's delay on a *design contract* isn't the end of the world. The garage wasn't going to "
         "be built next year either way.", "Somebody pays for that too."),
        (None, "dr. Priya Raman", "Question for Maya: does the 6–3 vote mean the mayor can't veto it? I thought the "
         "charter needed seven votes to override."),
        (3, "Maya Okafor (reporter)", "Good question. Aldine's charter needs six of nine votes to override a veto, "
         "so the budget as passed would survive one. The mayor's office said on Wednesday she won't veto."),
        (None, "J.-P. Dubois", "Five hours and the vote came at 1 a.m. Who exactly is this schedule for? Nobody with "
         "a morning shift can watch their council decide the budget."),
        (5, "Zoë Lindqvist", "Agreed. Council sessions should stop at 11 and carry over. Other cities manage it."),
        (None, "Grzegorz B.", "Benn's line about spending next year's money to solve this year's arguments is the "
         "only honest sentence in the whole budget debate."),
    ),
    "foundry-row-bakery-expands-second-site": _thread(
        (None, "Femi_Adeyemi", "Queued at 5:45 on Friday and the rye was already half gone. Worth the early alarm. "
         "Good to see a Northgate shop that isn't a phone repair place."),
        (None, "Hana Nováková", "A $60,000 microloan at 2 percent is the kind of city spending I actually like. How "
         "many other businesses has the fund lent to? Would be good to know how many paid it back."),
        (1, "Lukas", "The fund publishes a yearly list of loans, it's in the economic development committee "
         "papers. Most of last year's were under $30k."),
        (None, "Anneliese v. Stetten", "I remember them selling sourdough from a folding table at Tanner's Quay. "
         "Twenty-three staff now. Congratulations to both of them."),
        (3, "M. “Mags” Doyle", "Same! They used to give the burnt ends away to the dogs."),
        (None, "Paddy #3", "Lovely story, but can somebody ask Rye & Rivet to open before 7 on Sundays "
         "too? Asking for a whole night shift at St. Brennan's."),
    ),
    "eviction-filings-reach-ten-year-high": _thread(
        (None, "Rosa from Ashgrove", "81 percent of landlords with a lawyer and 3 percent of tenants. That number "
         "says everything. A hearing where one side has a lawyer and the other has a carrier bag of receipts is not "
         "a fair hearing."),
        (0, "Björn Ågren", "I'm a small landlord (one flat) and I've never used a lawyer. Most of those filings "
         "are from the big management companies, not people like me. Did the analysis split them out?"),
        (1, "Daniel Reyes-Hart (reporter)", "We did: eleven landlords with more than 200 units each filed 41 percent "
         "of the cases. It's in the section on who is being evicted. We'll publish the full table with the "
         "follow-up."),
        (2, "Björn Ågren", "Thanks, I skimmed past that on my phone. That's a striking concentration."),
        (None, "Sunita K.", "Small addition to the help box: the county's rental assistance fund also takes "
         "applications by phone, not only online and at libraries. Details here: "
         "https://wendcounty.example.gov/rental-assistance"),
        (None, "Tomás Ruiz-García", "A median of $2,140 owed. Two months' rent. The eviction costs the landlord "
         "more than that in court fees and an empty flat. Nobody wins here."),
        (5, "Kai (the other one)", "Landlords are owed rent though. Rent relief has to come from somewhere, and it "
         "shouldn't all be from them."),
        (6, "Tomás Ruiz-García", "Nobody said it should. A mediation step before filing would save both sides "
         "money. The judge's line about the imbalance says as much.",
         "it shouldn't all be from them"),
        (None, "Ngozi A.", "If anyone reading this has a hearing coming: the Tuesday walk-in at the Eastbank library "
         "is real and worth it. Go early. They helped my sister keep her flat."),
    ),
    "mayor-achterberg-announces-reelection-bid": _thread(
        (None, "Chidi & Ada", "\"The riverfront is half built.\" Four years for a flood wall, a promenade and a "
         "lot of empty lots. I'd like to see the housing before I hear about a second term."),
        (0, "Øystein", "The flood wall held last spring when the Wend came up. That alone was worth the money."),
        (1, "Chidi & Ada", "Fair, the flood wall is real. But $38 million and no housing yet."),
        (None, "B. Ruiz", "Is Quint actually running, or just \"seriously considering\"? Every election someone is "
         "seriously considering."),
        (3, "Maya Okafor (reporter)", "She told us she will decide by the end of January, when filing opens. We'll "
         "report it when she does."),
        (None, "Mei-Ling Chow", "Would love a side-by-side of the mayor's first-term promises and what happened to "
         "each. Not the speech, the list."),
        (None, "river-walker", "150 supporters on the ferry terminal steps in this weather is not nothing."),
    ),
    "school-board-closes-two-elementaries": _thread(
        (None, "Harbor View parent", "We found out about the closure from a flyer in a backpack too, six weeks "
         "before the vote, after two years of planning. The district says it consulted us. It did not."),
        (0, "Joanna", "Same at Pine Street. The \"engagement session\" was a Tuesday at 4 p.m. in the district "
         "office."),
        (None, "old teacher (retired)", "Pine Street at 48 percent full is a building heating empty classrooms. "
         "I taught there for twenty years and I love it, but the numbers are the numbers."),
        (2, "Aroha Ngata", "The numbers leave out what a school does for a neighbourhood. Harbor View is the "
         "polling station, the summer meals site and the only playground for blocks."),
        (3, "old teacher (retired)", "That's true, and the district should say what happens to the building. A "
         "closed school that sits empty for ten years is the worst outcome."),
        (None, "Ahmad R.", "Question for the reporter: are the buses to Lowmarsh Elementary for every pupil or only "
         "those over 1.6 km? My kids are at 1.5, across Water Street."),
        (5, "Theo Abernathy (reporter)", "Only beyond 1.6 km, the district told us. Families nearer can ask for an "
         "exception on safety grounds; we'll report how many are granted."),
        (None, "Lê Thị Mai", "Vote was 4–3. Who voted no, besides Ms Ashdown?"),
        (7, "Sipho Ndlovu", "Ashdown, Bishop and Nguyen voted against, according to the board's livestream. "
         "Minutes will be posted next week."),
    ),
    "st-brennans-emergency-wait-times": _thread(
        (None, "Paddy #3", "Nurse at St. Brennan's here. The article is right: we board admitted patients in the "
         "emergency department corridors every day. The emergency doctors are not the bottleneck, the beds are."),
        (0, "Наталья Соколова", "Thank you for saying it. I waited seven hours with my father in October and "
         "everyone was kind, but there was simply nowhere to put him."),
        (None, "Yusuf Demir", "Five hours forty is the median. So half of the people wait longer than that. "
         "That's the part that frightens me."),
        (None, "dr. Priya Raman", "Small correction: the federal measure counts time from arrival to departure "
         "for patients sent home, not the time before being seen. Definition here: "
         "https://data.cms.example.gov/measures/op-18"),
        (3, "June Castellanos (reporter)", "Thanks, that's right: arrival to departure, for patients who went home. "
         "The body says so; the standfirst is looser than it should be, and I've asked the desk to fix it."),
        (None, "Zoë Lindqvist", "So the fix is home care and nursing home places, not a bigger emergency room. 24 "
         "new beds next spring, with 31 patients waiting for a bed on an average day: still short."),
    ),
    "riverside-playhouse-reopens": _thread(
        (None, "Ελένη Παπαδοπούλου", "1,800 plaster panels cast by hand over eleven months. I want to stand under "
         "that ceiling for an hour without any play at all."),
        (0, "Dorota's cousin", "They do a free open house in January, the Trust posted it. Bring a neck pillow."),
        (None, "Lukas", "Sold out for two weeks. Any chance of cheaper matinee seats for students? Donors paid for "
         "this too."),
        (2, "Anneliese v. Stetten", "The Trust has a $10 under-25 ticket on Wednesdays. It's on their box office "
         "page, just badly hidden."),
        (None, "Rafael d'Ávila", "My grandmother saw the 1937 flood from the roof of the old mill. A new play "
         "about it opening the restored theatre on Water Street feels right."),
        (None, "Kai (the other one)", "Off topic, but does anyone know if the Route 7 still stops at Water Street "
         "after 10 p.m.? Want to get home after the show."),
        (5, "Sipho Ndlovu", "It does until 11:40 on weeknights."),
    ),
    "wend-river-e-coli-swimming-advisory": _thread(
        (None, "river-walker", "Seventeen of twenty-three outfalls overflowing after one storm. Every summer the "
         "same advisory, every summer the same surprise."),
        (0, "Grzegorz B.", "Separating the combined sewers costs hundreds of millions. The storage tunnel is the "
         "cheaper fix, and the council keeps delaying it."),
        (None, "Mei-Ling Chow", "My kids swam at Heron Point on Sunday afternoon, before anything was posted. "
         "Should we be worried? Who do I ask?"),
        (2, "Ngozi A.", "The county health line said to watch for stomach upset for a few days and call a doctor "
         "if it comes. Mine were fine after the same thing last year."),
        (None, "Sunita K.", "The county posts the daily E. coli samples for each beach here, for anyone who wants "
         "to check before going: https://health.wendcounty.example.gov/beaches"),
        (None, "Øystein", "58 millimetres in 14 hours. The river didn't stand a chance."),
    ),
    "route-7-bus-frequency-doubles": _thread(
        (None, "Femi_Adeyemi", "Every ten minutes on Route 7 will change my mornings. I've been passed by full "
         "buses at Northgate three times this month."),
        (None, "Airport commuter", "And Route 22 riders just lose their bus to the airport? 180 riders a day is "
         "still 180 people, some of them cleaners on the early shift."),
        (1, "Tomás Ruiz-García", "Agreed. \"Served by a private shuttle\" means a fare the early-shift cleaners "
         "can't pay every day."),
        (2, "Hana Nováková", "Hourly buses nobody can rely on aren't a bus either. Better to put the drivers where "
         "6,800 people ride."),
        (None, "Zoë Lindqvist", "Question for the reporter: is the ten-minute frequency weekdays only? Saturday is "
         "when the market crowd takes the 7."),
        (4, "Nadia Farouk (reporter)", "Weekdays from 6 a.m. to 7 p.m. Saturdays stay at every 15 minutes, the "
         "agency told us."),
        (None, "김민준", "The Cedar Heights loop (Route 15) was empty every time I rode it. Sad, but it makes "
         "sense."),
    ),
    "teachers-contract-agreement": _thread(
        (None, "old teacher (retired)", "Class sizes capped at 24 in the early grades matters more than the pay. "
         "Twenty-eight six-year-olds in one room is crowd control, not teaching."),
        (None, "Marta Kowalczyk", "A starting teacher at $46,200, lowest in the county. Even with 11 percent over "
         "three years they'll still be behind the other four districts. We'll keep losing new teachers "
         "to the next district over."),
        (1, "Björn Ågren", "Where does the money come from, though? The district just closed two schools to save "
         "$2.6 million."),
        (2, "Marta Kowalczyk", "Partly from those closures, according to the district's finance chief. Which is "
         "its own argument."),
        (None, "Joanna", "The extra planning period for special education teachers is overdue. My son's teacher "
         "writes his plans on her lunch break."),
        (None, "Lê Thị Mai", "When is the union vote? The article says next week but not which day."),
        (5, "Joanna", "Tuesday evening, according to the union's email. The school board votes on December 11."),
    ),
    "audit-finds-overtime-overspend-public-works": _thread(
        (None, "J.-P. Dubois", "Eleven supervisors approved their own overtime timesheets. In any private company "
         "that's the first thing an auditor checks."),
        (0, "Snow-plough driver", "Most of that overtime was real. I drove 16-hour shifts in January 2024. The "
         "problem is paperwork, not people sitting at home."),
        (1, "J.-P. Dubois", "I believe you, and the audit says it wasn't fraud. But the supervisor signing their "
         "own hours is exactly how nobody can tell the difference."),
        (None, "Hana Nováková", "\"The controls existed on paper.\" Farah Lindqvist writes better than most of "
         "the council."),
        (None, "Ahmad R.", "$2.4 million over two years. Does the council set the overtime budget too low on "
         "purpose, knowing the snow and water main breaks will come anyway?"),
    ),
    "heat-island-map-eastbank": _thread(
        (None, "Aroha Ngata", "38.1°C on Water Street. I live there, and you can feel it at the bus stop: "
         "no tree canopy for two blocks."),
        (None, "Ines ✿", "Volunteers with thermometers on their bikes did what the city never bothered to do. "
         "Thank you to the Wend River Keepers."),
        (1, "river-walker", "I rode one of the routes! Three laps a day, the saddle was hotter than the air."),
        (None, "Grzegorz B.", "Trees take twenty years to give shade. What can Eastbank do next summer? Cooling "
         "centres, shade sails at the bus stops?"),
        (3, "Zoë Lindqvist", "The library branches are cooling centres already, but only until 6. Which brings us "
         "back to the budget story."),
        (None, "Sipho Ndlovu", "Is the full temperature map online? I'd like to check my own street in Lowmarsh."),
    ),
    "ashgrove-tenants-win-repairs": _thread(
        (None, "Rosa from Ashgrove", "Twenty-three heat failures in one winter at Larchmont Court. We used electric "
         "heaters and the breakers kept tripping. Sixty days for the boilers is still sixty cold days."),
        (0, "Наталья Соколова", "Stay warm, and congratulations on winning. Withholding rent into escrow takes "
         "courage when you could be evicted for it."),
        (None, "Björn Ågren", "\"Treated emergency repairs as optional.\" Judge Whitlock does not mince words."),
        (None, "Tomás Ruiz-García", "For other tenants: the state's rent escrow law requires written notice to "
         "the landlord first. The tenants' association has a guide: "
         "https://tenants.aldine.example.org/escrow-guide"),
        (None, "Kai (the other one)", "What happens if Larchmont Holdings ignores the 60-day order? Is there a "
         "fine, or does the court appoint someone?"),
        (4, "Daniel Reyes-Hart (reporter)", "The ruling lets the tenants ask the court to appoint a receiver who "
         "would collect the rent and pay for the boilers directly."),
    ),
    "old-ferry-bridge-closure": _thread(
        (None, "Eastbank driver", "Fourteen months of a 20-minute detour over the Market Street Bridge, twice a "
         "day. That's a lot of hours."),
        (0, "Femi_Adeyemi", "Or take the bike lane over the bridge that stays open. I know it's not for everyone, "
         "but it's a nice ride."),
        (None, "Øystein", "Corroded reinforcing steel and cracks in two piers. Close it, fix it, I'd rather sit "
         "in traffic than on a collapsing deck."),
        (None, "Mei-Ling Chow", "Is the lane that stays open wide enough for a pram and a bike to pass? I walk "
         "over the bridge to downtown every morning."),
        (3, "Nadia Farouk (reporter)", "The department says the open lane will be three metres wide, behind a "
         "concrete barrier. We'll check it when the work starts in March."),
        (None, "Water Street shopkeeper", "Six weeks in 2016 emptied our street, exactly as Mr Ibarra says. "
         "Fourteen months will finish some of us unless the city helps with the detour signs at least."),
    ),
    "free-dental-clinic-opens-lowmarsh": _thread(
        (None, "Lê Thị Mai", "318 calls in three days tells you how many adults in Aldine live with tooth pain "
         "because they can't pay. Thank you to the volunteer dentists."),
        (None, "retired hygienist", "I'd like to volunteer a few evenings. Does anyone know who to call at the "
         "Lowmarsh Family Health Center?"),
        (1, "Esperanza's neighbour", "Ask for the clinic coordinator at the front desk on Reed Lane. They need "
         "hygienists more than dentists."),
        (None, "Ahmad R.", "The real story is the line that Medicaid doesn't cover adult dental care except in "
         "emergencies. Two chairs on Tuesdays and Thursdays can't fix that."),
        (3, "Sunita K.", "Both things are true. The clinic helps someone this week; the state law will take years."),
    ),
    "riverside-warehouse-conversion-jobs": _thread(
        (None, "Grzegorz B.", "A $4 million tax break with no clawback clause? If the 180 jobs don't appear, the "
         "city should get its money back. Commissioner Sandoval asked the right question."),
        (0, "Hana Nováková", "Marchetti said they'd be \"open to discussing one\". Put it in writing before the "
         "council votes, not after."),
        (None, "river-walker", "I've walked past the Calloway warehouse for fifteen years waiting for someone to "
         "do something with it. A food hall and workshops beat a brick hulk slowly sliding into the Wend."),
        (2, "Øystein", "Nine centimetres since 1990 is a lot of sliding. Glad someone paid engineers to look."),
        (None, "Femi_Adeyemi", "A third of the workshops at below-market rents for five years, and then what? "
         "Repair shops can't pay rooftop-event-space rents in year six."),
    ),
    "council-ward-maps-redrawn-lowmarsh": _thread(
        (None, "Ramón's neighbour", "Kettle Creek really is a ditch you can step over. Splitting Lowmarsh along it "
         "puts my church in one ward and my house in the other."),
        (None, "Björn Ågren", "Someone has to move. Ward 4 has 2,800 more people than average. If not the streets "
         "south of the creek, which ones?"),
        (1, "Aroha Ngata", "Several speakers suggested moving part of Cedar Heights into Ward 3 instead. That "
         "keeps Lowmarsh whole and fixes the numbers.",
         "If not the streets south of the creek, which ones?"),
        (2, "Björn Ågren", "Fair. I'd like to see the commission's numbers for that alternative."),
        (None, "Sunita K.", "Reminder that written comments go to the city clerk's office until the second draft "
         "is published. The clerk's redistricting page has the email address: "
         "https://aldine.example.gov/clerk/redistricting"),
    ),
    "free-school-meals-all-pupils": _thread(
        (None, "Joanna", "\"The lunch line divide\" is exactly it. My daughter used to skip lunch rather than "
         "be seen with the free meal ticket. Thank you, Ms Castellano."),
        (None, "Kai (the other one)", "Why should families who can afford it get free meals? Feels like a waste "
         "of federal money."),
        (1, "Tomás Ruiz-García", "Because the paperwork cost more than it saved, and the children who needed meals "
         "most were the ones whose forms got lost. Ending $86,000 of meal debt is a bonus."),
        (1, "old teacher (retired)", "Hungry children don't learn. I'd rather feed a few who could pay than "
         "miss one who can't."),
        (None, "Lê Thị Mai", "Parents: keep returning the food assistance forms, as the article says. They "
         "decide the district's federal funding even though your child eats free either way."),
    ),
    "northgate-duplex-zoning-change": _thread(
        (None, "Kofi's coworker", "\"I am not asking for a mansion, I am asking for half of one.\" Best line "
         "of any council meeting this year."),
        (None, "Cedar Heights resident", "I'm not against duplexes, but doing it everywhere at once without a "
         "public hearing is how you lose the trust of the neighbourhoods."),
        (1, "Mei-Ling Chow", "The planning director expects a few hundred duplexes in five years. That's not a "
         "wave, as she said. Most lots will never change."),
        (2, "Cedar Heights resident", "Then why fear a hearing? Parking on our street is already impossible."),
        (None, "Sipho Ndlovu", "Question: does the 4,200-signature referendum petition freeze the zoning change "
         "while it's being counted, or does it take effect anyway?"),
        (4, "Daniel Reyes-Hart (reporter)", "The clerk's office says the change is suspended once enough valid "
         "signatures are certified, not while they're being collected."),
    ),
    "millrace-arts-festival-record": _thread(
        (None, "Ελένη Παπαδοπούλου", "The Aldine Youth Orchestra on a floating stage, with half the audience in "
         "kayaks. Best Friday evening I've had in this city."),
        (None, "Mill Street resident", "Lovely for the visitors. Music past 10 p.m. two nights running, with a "
         "baby trying to sleep, was less lovely. Twenty minutes over, my foot."),
        (1, "Lukas", "Fair complaint. But it's one weekend a year, and the festival said it will do better."),
        (2, "Mill Street resident", "It's one weekend a year for you. Permits exist for a reason."),
        (None, "Paddy #3", "Remember when it was local bands on a flatbed truck in 1998? I still have the "
         "t-shirt. 48,000 people now. Mad."),
    ),
    "flood-wall-test-raised": _thread(
        (None, "Tanner's Quay shop owner", "In May 2019 we had a metre of water in the shop. On Sunday we had "
         "nothing. I went down to the flood wall at dawn just to look at it."),
        (None, "River Road resident", "Meanwhile on the west bank our basements flooded. The Wend River Keepers "
         "warned this would happen. I'd like the city's inspectors to say plainly whether the wall pushed the "
         "water to us."),
        (1, "Øystein", "West bank basements flooded in 2019 too, before the wall existed. Hard to tell without a "
         "proper hydraulic study."),
        (2, "River Road resident", "Then do the study. The city spent $24 million on one side of the river."),
        (None, "Ingrid Solberg (reporter)", "We've asked the city for the inspectors' findings on River Road and "
         "will report them. If your basement flooded on Sunday, we'd like to hear from you."),
    ),
    "downtown-vacancies-survey": _thread(
        (None, "Odile's customer", "13 of 38 units empty on Market Street. Walk it after 6 p.m. and it feels "
         "closed. Foundry Row, two streets away, is full. Same city, same rents? I doubt it."),
        (None, "Hana Nováková", "Both sides have a point: landlords holding out for 2019 rents, and a street "
         "with broken lighting and a closed bus shelter. The city could fix the lights this week."),
        (1, "J.-P. Dubois", "The lighting is on the city, agreed. The empty windows are on the landlords."),
        (None, "Femi_Adeyemi", "Benn's fee on storefronts empty for a year sounds right to me. An empty window "
         "shouldn't be the cheapest option."),
        (None, "Grzegorz B.", "Seven of eleven pop-up shops still open is a decent record for the lease "
         "programme. Expand that before inventing a fee."),
    ),
    "measles-case-confirmed-school": _thread(
        (None, "Kettle Creek parent", "Got the letter on Friday. Checked the vaccination record in the baby book, "
         "two doses, phew. If you can't find yours, the clinic at the school is free this weekend."),
        (None, "dr. Priya Raman", "A useful point from the article worth repeating: call your doctor before you "
         "go in with a fever and rash. Measles in a waiting room is how one case becomes ten."),
        (None, "Ahmad R.", "91 percent vaccinated at Kettle Creek sounds high, but it's under the 95 percent "
         "that stops outbreaks. That gap is a few hundred children across the district."),
        (2, "Sunita K.", "The state publishes each school's rates, if anyone wants to check their own: "
         "https://health.state.example.gov/immunization/schools"),
        (None, "Наталья Соколова", "I'm not sure I had two doses as a child (I grew up abroad). Dr Marsh says "
         "another dose is safe, so I'll go on Saturday."),
    ),
    "city-hall-public-records-backlog": _thread(
        (None, "J.-P. Dubois", "\"Obtained, fittingly, through a public records request filed in June.\" "
         "Five months to find out it takes five months."),
        (None, "Sipho Ndlovu", "One records officer for the whole city, who also does the council minutes. "
         "That's not a backlog, that's a staffing decision."),
        (1, "Marta Kowalczyk", "Will next year's budget include the second records officer the city "
         "attorney asked for?"),
        (2, "Maya Okafor (reporter)", "It's in the draft. The council votes on the budget soon; we'll report "
         "whether it survives, and look at the median wait again a year from now."),
        (None, "Zoë Lindqvist", "Thank you for publishing the dataset and method. Police requests at 212 days "
         "stand out. Every other department is faster."),
    ),
    "market-street-bike-lane-data": _thread(
        (None, "Femi_Adeyemi", "Injury crashes down by a third and car journeys 40 seconds slower at the evening "
         "peak. I'd take that trade every day."),
        (None, "Market Street merchant", "The report doesn't measure sales, as you note. We lost 58 parking "
         "spaces and plenty of older customers who won't cycle. Wait for the merchants' survey."),
        (1, "Ines ✿", "The same merchants said in 2023 the lane would drive customers away. 1,190 cyclists a "
         "day are customers too.", "We lost 58 parking spaces"),
        (2, "Market Street merchant", "Cyclists buy a coffee; they don't carry home a rug. It depends what "
         "you sell."),
        (None, "Hana Nováková", "Checked the maths: the three-year baseline was 29 injury crashes a year on "
         "average, so 19 is a 34 percent drop. Matches the report: "
         "https://aldine.example.gov/transport/market-street-review"),
    ),
    "kettle-creek-robotics-team-state": _thread(
        (None, "old teacher (retired)", "\"The first year our robot drove in one direction. Only backwards.\" "
         "Mr Domínguez, you have the makings of a great coach. Well done, Creek Bots!"),
        (None, "Ngozi A.", "Where do we donate toward the $3,000 for the state finals? Happy to chip in."),
        (1, "Kettle Creek parent", "The parent-teacher association takes donations at the school office, and "
         "we're selling cookies at home games. Thank you!"),
        (None, "Lucía's aunt", "Lucía has been taking apart toasters since she was five. Brave enough to throw "
         "away the old robot: that's her."),
    ),
    "housing-authority-waitlist-reopens": _thread(
        (None, "Rosa from Ashgrove", "8,000 applications for 400 vouchers, and a lottery to decide who even "
         "gets on the waitlist. Apply anyway, everyone. You can't win a lottery you didn't enter."),
        (None, "Ahmad R.", "Please share this with anyone who doesn't read the news: the authority never "
         "charges a fee. The fake application pages are back every year."),
        (1, "Zoë Lindqvist", "Good reminder. If a page asks for a card number, it's a scam."),
        (None, "Lukas", "Does it matter if you apply at a library branch instead of online? My grandmother "
         "doesn't have internet."),
        (3, "Sunita K.", "No difference: library staff will help her, and the lottery doesn't care how or when "
         "you applied inside the week."),
    ),
    "lead-pipes-replacement-progress": _thread(
        (None, "Mei-Ling Chow", "Checked our address on the service line map: lead. We ordered the free filter "
         "and test kit this morning, as Dr Marsh said, today and not when the crew arrives."),
        (None, "Björn Ågren", "900 lines a year means the last homes wait until 2033. Why not faster? The federal "
         "deadline is 2037, but children live in these houses now."),
        (1, "Grzegorz B.", "Crews and money. Each replacement means digging up the street and the front garden. "
         "The utility says it's hiring."),
        (None, "Lê Thị Mai", "Is the replacement really free on the private side too? Our landlord says we'd "
         "have to pay for the part under the garden."),
        (3, "Ingrid Solberg (reporter)", "Yes: the utility replaces the whole service line, public and private "
         "side, at no cost to the owner. Your landlord can call Aldine Water to confirm."),
    ),
    "mural-project-foundry-row": _thread(
        (None, "Anneliese v. Stetten", "Agnes Pruitt three storeys high, and she asked them to make her taller. "
         "Ninety-seven and funnier than all of us."),
        (None, "Kenji's fan", "The brass band from the old iron works is my favourite. I walk the long way to "
         "the bus just to pass it."),
        (1, "M. “Mags” Doyle", "Mine is the women making munitions in 1943. My grandmother was one of them."),
        (2, "Ines ✿", "That's wonderful. Did she ever see the mural?"),
        (3, "M. “Mags” Doyle", "She died in 2011, but my mother cried in front of it for ten minutes."),
        (None, "Lukas", "Where can I get the walking map? The library branch on Foundry Row had run out on "
         "Saturday."),
        (5, "Femi_Adeyemi", "Rye & Rivet had a stack of them by the till on Monday."),
    ),
    "police-oversight-board-first-report": _thread(
        (None, "Denise's sister", "\"I don't mind that they disagreed with me. I mind that nobody called.\" "
         "Seven months for a letter. The oversight board needs a second investigator."),
        (None, "Retired sergeant", "Four upheld out of 64, and the chief followed the board every time. That's a "
         "process working, not a whitewash. Most complaints are honest misunderstandings."),
        (1, "Tomás Ruiz-García", "Or the board can only recommend discipline, and 17 complaints couldn't be "
         "proven either way. Body cameras that weren't switched on don't help."),
        (2, "Retired sergeant", "Agreed on the cameras. Two of the four upheld were exactly that, and they "
         "should be."),
        (None, "Sipho Ndlovu", "The board meets the first Thursday of each month at City Hall and it's open to "
         "the public. Go, if you care about this. I went in October and there were six of us."),
    ),
    "mental-health-crisis-line-teams": _thread(
        (None, "Paramedic, Eastbank", "I've done a few CARE shifts. A counsellor and a paramedic in an unmarked "
         "van changes everything about the first five minutes of a call."),
        (None, "Kai (the other one)", "1,430 calls and officers were needed 41 times. What happened on those 41? "
         "That's what I'd want to know before paying $1.2 million for nights."),
        (1, "June Castellanos (reporter)", "The report says most were calls where the person had a weapon or "
         "the team was threatened. Nobody was seriously hurt. We've asked for the full breakdown."),
        (None, "Наталья Соколова", "When my brother was in crisis, four police officers came. He was "
         "terrified. I wish this team had existed then."),
        (3, "Zoë Lindqvist", "I'm sorry. I hope he's well now. This is why the overnight money matters."),
        (None, "J.-P. Dubois", "Even the police chief supports round-the-clock service. When does the council "
         "vote on it?"),
    ),
    "farmers-market-moves-indoors-winter": _thread(
        (None, "Bram's goat cheese fan", "Four months with no market was four months with no good cheese for "
         "me too. See you in the old ferry terminal in December."),
        (None, "Hana Nováková", "$400 a week for a hall the city restored with our money, charged to a "
         "non-profit market. Could the parks department not waive it for the first winter?"),
        (1, "Grzegorz B.", "It's the standard non-profit rate, and stall fees stay at $35. Seems fair to me."),
        (None, "Ahmad R.", "Route 4 every 20 minutes to the terminal on Saturdays, good. Is there step-free "
         "access into the main hall?"),
        (3, "Market volunteer", "Yes, the ramp on the quay side. Step-free all the way to the stalls."),
    ),
    "riverfront-towers-affordable-units-cut": _thread(
        (None, "Chidi & Ada", "The city spent $38 million on the flood wall and promenade for this site, and "
         "the developer wants to cut affordable homes from 86 to 52. Quint is right: bait and switch."),
        (0, "Björn Ågren", "Construction costs are up 27 percent. Would you rather have 52 affordable flats or "
         "a fenced empty lot for another five years?"),
        (1, "Chidi & Ada", "Then pay into the affordable housing fund for the difference, as the Housing "
         "Coalition says. $5.1 million builds real homes elsewhere."),
        (None, "Rosa from Ashgrove", "Households under 60 percent of median income, about $46,000 for a family "
         "of three. That's most of the people I work with. Those are the flats being cut."),
        (None, "Mei-Ling Chow", "Question for the reporter: can the council refuse the change outright? Or does "
         "the 2021 agreement allow the developer to walk away?"),
        (4, "Daniel Reyes-Hart (reporter)", "Any change needs a council vote, the mayor's office says. We're "
         "reading the agreement's termination clause and will report what it allows."),
    ),
    "childcare-waitlists-infant-places": _thread(
        (None, "Joanna", "We put our names down at three centres when I was twelve weeks pregnant. Our son is "
         "ten months old and we got an infant place last week. This article is my life."),
        (None, "Little Acorns parent", "Ms Nnamdi's staff are wonderful and paid $17 an hour. The warehouse "
         "down the road pays more. Something is badly wrong."),
        (1, "Sunita K.", "The subsidy pays $1,150 a month per infant when the real cost is closer to $1,700. "
         "That gap is the wage gap."),
        (None, "Björn Ågren", "One adult for four babies is the rule that makes it so expensive. Is that ratio "
         "really necessary?"),
        (3, "Lê Thị Mai", "Try changing four nappies at once and tell me. I worked in an infant room for three "
         "years. Four is already a lot.", "Is that ratio really necessary?"),
        (None, "Ngozi A.", "Senator Quist's bill has a hearing in January. Parents can testify; I'm going."),
    ),
    "millrace-park-wetland-restored": _thread(
        (None, "river-walker", "A gravel car park over an old tannery, and now herons. Saw the great blue heron "
         "by the boardwalk this morning, exactly where Beatriz said."),
        (None, "Øystein", "The wetland holding 9 million litres in a storm is the part that should make "
         "headlines. Our basement on Mill Street hasn't flooded since it was dug."),
        (None, "Hana Nováková", "Is it safe? 14,000 tonnes of contaminated soil came out, but what about the "
         "rest under the wetland?"),
        (2, "Ingrid Solberg (reporter)", "The state environment agency signed off the cleanup in 2022 and the "
         "city tests the water twice a year. We'll link the latest results in an update."),
        (None, "Ελένη Παπαδοπούλου", "Went on the Aldine Bird Club's first-Saturday walk. Borrowed binoculars, "
         "saw wood ducks. Highly recommended."),
    ),
    "aldine-jazz-club-fifty-years": _thread(
        (None, "Paddy #3", "Winnie Osei told me I looked tired in 1991 and every week since. Fifty years of the "
         "Blue Heron. Happy anniversary."),
        (None, "Rafael d'Ávila", "I saw Marcus Delacroix play there at sixteen. Skinny kid, enormous left hand. "
         "Nobody in the room could believe it."),
        (1, "Zoë Lindqvist", "Can't get tickets for his night, sold out in an hour. Jealous of everyone going."),
        (None, "Hana Nováková", "\"The best seat in the house\" is the stool by the door. Perfect."),
        (None, "Chidi & Ada", "Still $10 at the door in 2026. Support the place, buy a drink, tip the band."),
    ),
    "hardware-store-closing-after-ninety-years": _thread(
        (None, "Tom's neighbour", "\"Where else can you buy one bolt? And have someone tell you it's the wrong "
         "bolt?\" That's Pell's Hardware in two sentences."),
        (None, "Björn Ågren", "Ms Pell is honest about it: nobody wants to stand behind a counter for fifty "
         "years. Good for her for saying it instead of blaming the big stores."),
        (1, "Grzegorz B.", "The roof scared off the buyers, according to the article. Could the city's "
         "microloan fund have helped there?"),
        (2, "Femi_Adeyemi", "The microloan fund only lends to businesses under 25 staff and mostly for "
         "equipment. A roof on a building you're buying might not count."),
        (None, "Joanna", "Bought my first paint there for my first flat. Going in this Saturday to say thank "
         "you, and buy screws by the pound one last time."),
    ),
    "pharmacy-desert-northgate": _thread(
        (None, "Pastor Mbeki's congregation", "Forty requests for lifts in two days. We're glad to drive, but as "
         "she said, a church van is not a health system."),
        (None, "Sipho Ndlovu", "25 minutes on the Route 7 bus each way, for people over 65 carrying "
         "prescriptions. At least it will come every ten minutes from January."),
        (None, "Karim's customer", "Mr Haddad is right about insurers. Independent pharmacies are paid less per "
         "prescription than it costs to fill some of them."),
        (2, "Kai (the other one)", "Is that really true? Sounds like something the chains say."),
        (3, "dr. Priya Raman", "It's true for some generic drugs. Reimbursement rates are set by middlemen, not "
         "by what the pharmacy paid. Good overview: https://health-policy.example.org/pharmacy-reimbursement"),
        (None, "Anneliese v. Stetten", "A mobile pharmacy service, report in January. Please follow up when it "
         "comes out."),
    ),
    "lowmarsh-community-land-trust": _thread(
        (None, "Joaquín's old neighbour", "A school bus driver and her two teenagers moving into a house they own "
         "for $110,000. That's the best news from Lowmarsh in years."),
        (None, "Björn Ågren", "I don't understand the resale formula. If the family can't sell at market "
         "price, how do they build any wealth at all?"),
        (1, "Sunita K.", "They keep a share of any increase in value, and they've paid off a mortgage instead of "
         "rent. Less than a market sale, far more than renting."),
        (2, "Björn Ågren", "Fair point, thanks."),
        (None, "Aroha Ngata", "140 families on the interest list and eight houses on Sedge Street and Reed "
         "Lane. Fifty homes by 2030 still won't be enough, but it's a start."),
    ),
    "community-radio-licence": _thread(
        (None, "Lê Thị Mai", "A Vietnamese show on Aldine radio. My mother is going to cry. Thank you, WNDR."),
        (None, "Grzegorz B.", "Audycja po polsku! Finally. Where do I volunteer as a host?"),
        (1, "Grace K. (station)", "Write to us through the station website; we're training the spring group of "
         "hosts in January."),
        (None, "Yusuf Demir", "Six years and a great many bake sales. $84,000 of $110,000 raised for the "
         "transmitter and studio. How do we donate the rest?"),
        (None, "old teacher (retired)", "A weekly programme made by Aldine High School pupils. This is how "
         "young people learn that the news is something you make, not just something you scroll."),
        (None, "김민준", "Will there be Korean shows too? Seven languages, but there are many of us in "
         "Eastbank."),
    ),
}
