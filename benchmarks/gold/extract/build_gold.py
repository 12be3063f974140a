"""Writes gold.json from the annotated articles below (kept as Python for readable multi-line text)."""

import json
from pathlib import Path

ARTICLES = [
    {
        "id": "dam-burst", "published": "2024-05-12",
        "text": """A dam wall gave way near the village of Korvel early Saturday, flooding at least 40 homes and forcing more than 300 people to leave, regional officials said.

"The water came down the valley like a train," said Ilse Brandvold, the mayor of Korvel. "We had perhaps ten minutes."

Emergency crews rescued 12 people from rooftops, according to the regional fire service. Its spokesman, Petter Lunde, said two people were still missing on Sunday.

"We are searching every house along the river, and we will keep searching through the night," Lunde said.

The dam was inspected on April 3, and engineers reported no defects. The operator, Nordvann Energy, said in a statement that it was "cooperating fully with the authorities and with the families affected."

Brandvold criticised the operator. "They told us last year that the wall had been reinforced," she said. "I want to know what was done."

One resident, who asked not to be named, said: "My whole ground floor is gone, the furniture, the photographs, everything."

The regional government said it would release about 2 million kroner in emergency aid next week.""",
        "quotes": [
            {"starts": "The water came down the valley", "speaker": "Ilse Brandvold"},
            {"starts": "We had perhaps ten minutes", "speaker": "Ilse Brandvold"},
            {"starts": "We are searching every house", "speaker": "Petter Lunde"},
            {"starts": "cooperating fully with the authorities", "speaker": None},
            {"starts": "They told us last year", "speaker": "Ilse Brandvold"},
            {"starts": "I want to know what was done", "speaker": "Ilse Brandvold"},
            {"starts": "My whole ground floor is gone", "speaker": None},
        ],
        "quantities": [
            {"text": "at least 40 homes", "value": 40, "qualifier": ">=", "noun": "home"},
            {"text": "more than 300 people", "value": 300, "qualifier": ">", "noun": "person"},
            {"text": "12 people", "value": 12, "qualifier": "=", "noun": "person"},
            {"text": "two people", "value": 2, "qualifier": "=", "noun": "person"},
            {"text": "ten minutes", "value": 10, "qualifier": "=", "noun": "minute"},
            {"text": "about 2 million kroner", "value": 2000000, "qualifier": "~", "noun": "kroner"},
        ],
        "dates": [
            {"text": "early Saturday", "date": "2024-05-11", "precision": "day"},
            {"text": "Sunday", "date": "2024-05-12", "precision": "day"},
            {"text": "April 3", "date": "2024-04-03", "precision": "day"},
            {"text": "last year", "date": "2023", "precision": "year"},
        ],
    },
    {
        "id": "strike-vote", "published": "2024-09-20",
        "text": """Rail workers voted on Thursday to strike for three days next month, after talks over pay collapsed, the Transport Workers' Union said.

Of the 8,400 members who voted, 6,100 backed the walkout, a turnout of roughly three-quarters of the membership.

"Our members have waited two years for an offer that keeps up with prices," the union's general secretary, Carla Mensah, told reporters outside its headquarters. "They have run out of patience."

The operator, Meridian Rail, said the result was disappointing. Its chief executive, Owen Pryce, wrote in a post on social media: "Our door remains open. A strike helps nobody, least of all passengers."

Pryce added that the company had offered a 4 percent rise in March.

"Four percent is not an offer, it is a pay cut," Mensah said.

Commuter groups warned of chaos. "Hundreds of thousands of people depend on these trains to get to work," said Tomas Reyes, who chairs the Rail Passengers' Forum.

A government spokeswoman declined to comment on the dispute but said ministers were "watching closely." """,
        "quotes": [
            {"starts": "Our members have waited two years", "speaker": "Carla Mensah"},
            {"starts": "They have run out of patience", "speaker": "Carla Mensah"},
            {"starts": "Our door remains open", "speaker": "Owen Pryce"},
            {"starts": "Four percent is not an offer", "speaker": "Carla Mensah"},
            {"starts": "Hundreds of thousands of people depend", "speaker": "Tomas Reyes"},
        ],
        "quantities": [
            {"text": "three days", "value": 3, "qualifier": "=", "noun": "day"},
            {"text": "8,400 members", "value": 8400, "qualifier": "=", "noun": "member"},
            {"text": "roughly three-quarters of the membership", "value": 0.75, "qualifier": "~", "noun": "membership"},
            {"text": "two years", "value": 2, "qualifier": "=", "noun": "year"},
        ],
        "dates": [
            {"text": "Thursday", "date": "2024-09-19", "precision": "day"},
            {"text": "next month", "date": "2024-10", "precision": "month"},
            {"text": "March", "date": None, "precision": None},
        ],
    },
    {
        "id": "rocket-attack", "published": "2024-03-10",
        "text": """HALDEN CITY — At least four rockets struck the outskirts of Halden City late Friday, damaging a school and a water pumping station, the city's civil defence authority said.

No one was killed, but five people were treated for shrapnel wounds, according to Dr. Amira Soltan, who runs the emergency ward at Halden General Hospital.

"Two of them are children," Soltan said. "They were asleep when the windows blew in."

The authority's director, Col. Rashid al-Ameri, told a news conference on Saturday that the rockets had been fired from across the border. "We know where they came from, and we have informed our partners," he said.

A militant group, the Southern Front, denied responsibility in a statement posted online.

Residents described a night of fear. "I counted six explosions, maybe seven," said Yara Haddad, a teacher whose apartment overlooks the school. "Then there was silence, and then the sirens."

Al-Ameri said repairs to the pumping station would take about two weeks. "We will rebuild the school before the new term begins," al-Ameri said.

It was the third attack on the city since January.""",
        "quotes": [
            {"starts": "Two of them are children", "speaker": "Amira Soltan"},
            {"starts": "They were asleep when the windows", "speaker": "Amira Soltan"},
            {"starts": "We know where they came from", "speaker": "Rashid al-Ameri"},
            {"starts": "I counted six explosions", "speaker": "Yara Haddad"},
            {"starts": "Then there was silence", "speaker": "Yara Haddad"},
            {"starts": "We will rebuild the school", "speaker": "Rashid al-Ameri"},
        ],
        "quantities": [
            {"text": "At least four rockets", "value": 4, "qualifier": ">=", "noun": "rocket"},
            {"text": "five people", "value": 5, "qualifier": "=", "noun": "person"},
            {"text": "six explosions", "value": 6, "qualifier": "=", "noun": "explosion"},
            {"text": "about two weeks", "value": 2, "qualifier": "~", "noun": "week"},
        ],
        "dates": [
            {"text": "late Friday", "date": "2024-03-08", "precision": "day"},
            {"text": "Saturday", "date": "2024-03-09", "precision": "day"},
            {"text": "January", "date": None, "precision": None},
        ],
    },
    {
        "id": "council-budget", "published": "2024-11-27",
        "text": """The city council approved a budget of 1.2 billion euros on Tuesday after a nine-hour session, with 41 out of 60 councillors voting in favour.

"This budget protects the services people rely on," said Mayor Lucia Ferrante, who had pushed for the vote before the end of the month.

Opposition leader Marco Bellini called it "a budget for the next election, not for the next generation."

Bellini's party had proposed cutting the number of city departments from 14 to 10. "We could save millions without closing a single library," he said.

Under the plan, nearly 500 new social housing units will be built by 2027. Ferrante said the first 120 would be ready next year.

"We listened to every neighbourhood," she said, adding that the council had held dozens of public meetings since June.

A group of residents protested outside city hall. "Our rents have doubled in five years," said Giulia Conti, 34, who carried a sign reading "Homes, not hotels."

The budget takes effect on Jan. 1.""",
        "quotes": [
            {"starts": "This budget protects the services", "speaker": "Lucia Ferrante"},
            {"starts": "a budget for the next election", "speaker": "Marco Bellini"},
            {"starts": "We could save millions", "speaker": "Marco Bellini"},
            {"starts": "We listened to every neighbourhood", "speaker": "Lucia Ferrante"},
            {"starts": "Our rents have doubled", "speaker": "Giulia Conti"},
        ],
        "quantities": [
            {"text": "1.2 billion euros", "value": 1200000000, "qualifier": "=", "noun": "euro"},
            {"text": "41 out of 60 councillors", "value": 41, "qualifier": "=", "noun": "councillor"},
            {"text": "nearly 500 new social housing units", "value": 500, "qualifier": "<", "noun": "unit"},
            {"text": "dozens of public meetings", "value": 24, "qualifier": ">=", "noun": "meeting"},
            {"text": "five years", "value": 5, "qualifier": "=", "noun": "year"},
        ],
        "dates": [
            {"text": "Tuesday", "date": "2024-11-26", "precision": "day"},
            {"text": "next year", "date": "2025", "precision": "year"},
            {"text": "Jan. 1", "date": "2025-01-01", "precision": "day"},
            {"text": "2027", "date": "2027", "precision": "year"},
        ],
    },
    {
        "id": "ferry-collision", "published": "2025-02-02",
        "text": """Two ferries collided in thick fog outside Harwick harbour on Saturday morning, injuring 17 passengers, the coastguard said.

The coastguard's duty officer, Niamh Doyle, said the collision happened shortly before 8 a.m. "Visibility was under 50 metres at the time," she said. "Both vessels were moving slowly, which almost certainly saved lives."

The larger ferry, the Saint Brendan, was carrying 212 passengers and 31 crew. The smaller vessel had about 60 people on board.

One passenger, Aidan Walsh, described being thrown across the lounge. "There was an enormous bang and everyone fell," he said. "A woman next to me was bleeding from her head."

The ferry operator, Celtic Sea Lines, said it had suspended sailings until Monday. Its operations director, Brian Kavanagh, said: "Our first concern is for the passengers and crew who were hurt."

Kavanagh said the company had last had an accident in May 2019.

The Marine Accident Investigation Branch said inspectors would arrive on Sunday.""",
        "quotes": [
            {"starts": "Visibility was under 50 metres", "speaker": "Niamh Doyle"},
            {"starts": "Both vessels were moving slowly", "speaker": "Niamh Doyle"},
            {"starts": "There was an enormous bang", "speaker": "Aidan Walsh"},
            {"starts": "A woman next to me was bleeding", "speaker": "Aidan Walsh"},
            {"starts": "Our first concern is for the passengers", "speaker": "Brian Kavanagh"},
        ],
        "quantities": [
            {"text": "Two ferries", "value": 2, "qualifier": "=", "noun": "ferry"},
            {"text": "17 passengers", "value": 17, "qualifier": "=", "noun": "passenger"},
            {"text": "212 passengers", "value": 212, "qualifier": "=", "noun": "passenger"},
            {"text": "about 60 people", "value": 60, "qualifier": "~", "noun": "person"},
            {"text": "under 50 metres", "value": 50, "qualifier": "<", "noun": "metre"},
        ],
        "dates": [
            {"text": "Saturday", "date": "2025-02-01", "precision": "day"},
            {"text": "Monday", "date": "2025-02-03", "precision": "day"},
            {"text": "May 2019", "date": "2019-05", "precision": "month"},
            {"text": "Sunday", "date": "2025-02-02", "precision": "day"},
        ],
    },
    {
        "id": "hospital-cyberattack", "published": "2024-07-15",
        "text": """A cyberattack has forced Westmoor General Hospital to postpone more than 1,000 appointments, the hospital said on Monday.

The hospital's chief executive, Dr. Samuel Okoro, said the attack began on Friday night and had locked staff out of patient records. "We have gone back to pen and paper," Okoro said. "It is slow, but patients are safe."

A ransomware group calling itself Black Tide claimed responsibility on a dark-web forum and demanded a payment, according to a cybersecurity researcher who monitors the site.

"Paying would only fund the next attack," said Helen Marsh, a professor of computer security at Westmoor University. She said hospitals were targeted because "they cannot afford to wait."

The national cyber agency said it was helping the hospital restore its systems. A spokesman said: "We expect the main systems to be back within a week, but we will not rush it."

Patients were angry. "I waited eight months for this operation," said Derek Finch, 61, whose knee surgery was cancelled on Saturday.

Okoro apologised to patients. "I am sorry," he said. "We will rebook every appointment as quickly as we can."

The hospital suffered a smaller attack last year.""",
        "quotes": [
            {"starts": "We have gone back to pen and paper", "speaker": "Samuel Okoro"},
            {"starts": "It is slow, but patients are safe", "speaker": "Samuel Okoro"},
            {"starts": "Paying would only fund", "speaker": "Helen Marsh"},
            {"starts": "they cannot afford to wait", "speaker": "Helen Marsh"},
            {"starts": "We expect the main systems", "speaker": None},
            {"starts": "I waited eight months", "speaker": "Derek Finch"},
            {"starts": "I am sorry", "speaker": "Samuel Okoro"},
            {"starts": "We will rebook every appointment", "speaker": "Samuel Okoro"},
        ],
        "quantities": [
            {"text": "more than 1,000 appointments", "value": 1000, "qualifier": ">", "noun": "appointment"},
            {"text": "eight months", "value": 8, "qualifier": "=", "noun": "month"},
        ],
        "dates": [
            {"text": "Monday", "date": "2024-07-15", "precision": "day"},
            {"text": "Friday", "date": "2024-07-12", "precision": "day"},
            {"text": "Saturday", "date": "2024-07-13", "precision": "day"},
            {"text": "last year", "date": "2023", "precision": "year"},
        ],
    },
    {
        "id": "wildfire", "published": "2024-08-04",
        "text": """Firefighters were battling a wildfire that has burned about 12,000 hectares in the hills above Sarnos, forcing the evacuation of six villages, officials said on Sunday.

More than 400 firefighters, backed by 11 aircraft, were deployed. "The wind keeps changing direction, and that is the worst thing for us," said fire commander Eleni Markou.

The fire started on Thursday afternoon near a rubbish dump, according to the regional governor, Nikos Varvakis. "We do not rule anything out, including arson," he said.

Varvakis said three firefighters had been treated for burns. One was in a serious condition.

In the village of Ano Sarnos, Maria Kostaki, 78, refused to leave her house. "I was born here and I will die here," she told a local television station.

The government said on Saturday it would send dozens of soldiers to help. The environment minister, Petros Alexiou, wrote on social media: "Our thoughts are with the people of Sarnos. The state is with you."

A similar fire burned 8,000 hectares in the same area in July 2021.""",
        "quotes": [
            {"starts": "The wind keeps changing direction", "speaker": "Eleni Markou"},
            {"starts": "We do not rule anything out", "speaker": "Nikos Varvakis"},
            {"starts": "I was born here", "speaker": "Maria Kostaki"},
            {"starts": "Our thoughts are with the people", "speaker": "Petros Alexiou"},
            {"starts": "The state is with you", "speaker": "Petros Alexiou"},
        ],
        "quantities": [
            {"text": "about 12,000 hectares", "value": 12000, "qualifier": "~", "noun": "hectare"},
            {"text": "six villages", "value": 6, "qualifier": "=", "noun": "village"},
            {"text": "More than 400 firefighters", "value": 400, "qualifier": ">", "noun": "firefighter"},
            {"text": "11 aircraft", "value": 11, "qualifier": "=", "noun": "aircraft"},
            {"text": "three firefighters", "value": 3, "qualifier": "=", "noun": "firefighter"},
            {"text": "dozens of soldiers", "value": 24, "qualifier": ">=", "noun": "soldier"},
            {"text": "8,000 hectares", "value": 8000, "qualifier": "=", "noun": "hectare"},
            {"text": "78", "value": None, "qualifier": None, "noun": None},
        ],
        "dates": [
            {"text": "Sunday", "date": "2024-08-04", "precision": "day"},
            {"text": "Thursday", "date": "2024-08-01", "precision": "day"},
            {"text": "Saturday", "date": "2024-08-03", "precision": "day"},
            {"text": "July 2021", "date": "2021-07", "precision": "month"},
        ],
    },
    {
        "id": "election-result", "published": "2024-06-10",
        "text": """The Liberal Alliance won 52 of the 120 seats in Sunday's parliamentary election, falling short of a majority, official results showed on Monday.

Party leader Anna Lindqvist said she would begin talks with smaller parties this week. "Voters have asked us to lead, and to listen," Lindqvist told supporters in the capital. "We will do both."

The conservative Unity Party took 38 seats, down from 45 in 2020. Its leader, Henrik Dahl, conceded defeat shortly after midnight.

"The result is clear and I accept it," Dahl said. He said he would stay on as party leader.

Turnout was about 71 percent, the election commission said. Lindqvist later thanked her campaign staff. "It is a good night for everyone who believes in compromise," she said.

Analysts said coalition talks could take weeks. "Nobody should expect a government before the summer," said Sofia Berg, a political scientist at the University of Norrvik.

The Green Left, which won nine seats, said it would not join any coalition that included the far right. Its co-leader, Jonas Ek, said: "Our voters did not elect us to make compromises on that." """,
        "quotes": [
            {"starts": "Voters have asked us to lead", "speaker": "Anna Lindqvist"},
            {"starts": "We will do both", "speaker": "Anna Lindqvist"},
            {"starts": "The result is clear and I accept it", "speaker": "Henrik Dahl"},
            {"starts": "It is a good night for everyone", "speaker": "Anna Lindqvist"},
            {"starts": "Nobody should expect a government", "speaker": "Sofia Berg"},
            {"starts": "Our voters did not elect us", "speaker": "Jonas Ek"},
        ],
        "quantities": [
            {"text": "52 of the 120 seats", "value": 52, "qualifier": "=", "noun": "seat"},
            {"text": "38 seats", "value": 38, "qualifier": "=", "noun": "seat"},
            {"text": "about 71 percent", "value": 71, "qualifier": "~", "noun": "percent"},
            {"text": "nine seats", "value": 9, "qualifier": "=", "noun": "seat"},
        ],
        "dates": [
            {"text": "Sunday", "date": "2024-06-09", "precision": "day"},
            {"text": "Monday", "date": "2024-06-10", "precision": "day"},
            {"text": "2020", "date": "2020", "precision": "year"},
            {"text": "this week", "date": None, "precision": None},
        ],
    },
    {
        "id": "factory-closure", "published": "2024-10-18",
        "text": """The carmaker Volta Motors will close its plant in Brennfeld by the end of next year, putting about 2,300 jobs at risk, the company said on Thursday.

"This was the hardest decision I have taken," said Volta's chief executive, Marianne Koch. "The plant has a proud history, but it cannot compete."

The union representing the workers said it had not been consulted. "We learned about this from a press release," said Stefan Vogt, the works council chairman. "That is not how you treat people who have given this company thirty years."

Vogt said workers would hold a protest on Monday.

The regional economy minister, Farid Benali, said he would meet the company next week. He said: "We will fight for every job in Brennfeld."

The plant, which opened in 1987, built about 180,000 cars last year, down from 310,000 in 2019.

"Brennfeld without Volta is hard to imagine," said Petra Haas, who runs a bakery near the factory gates. "Half my customers work there." """,
        "quotes": [
            {"starts": "This was the hardest decision", "speaker": "Marianne Koch"},
            {"starts": "The plant has a proud history", "speaker": "Marianne Koch"},
            {"starts": "We learned about this from a press release", "speaker": "Stefan Vogt"},
            {"starts": "That is not how you treat people", "speaker": "Stefan Vogt"},
            {"starts": "We will fight for every job", "speaker": "Farid Benali"},
            {"starts": "Brennfeld without Volta", "speaker": "Petra Haas"},
            {"starts": "Half my customers work there", "speaker": "Petra Haas"},
        ],
        "quantities": [
            {"text": "about 2,300 jobs", "value": 2300, "qualifier": "~", "noun": "job"},
            {"text": "about 180,000 cars", "value": 180000, "qualifier": "~", "noun": "car"},
            {"text": "thirty years", "value": 30, "qualifier": "=", "noun": "year"},
        ],
        "dates": [
            {"text": "Thursday", "date": "2024-10-17", "precision": "day"},
            {"text": "next year", "date": "2025", "precision": "year"},
            {"text": "Monday", "date": "2024-10-21", "precision": "day"},
            {"text": "1987", "date": "1987", "precision": "year"},
            {"text": "2019", "date": "2019", "precision": "year"},
        ],
    },
    {
        "id": "storm-power", "published": "2024-12-08",
        "text": """Storm Darragh left more than 90,000 homes without power on Saturday and brought down hundreds of trees across the west of the country, the grid operator said.

"Our engineers are working around the clock," said the operator's spokeswoman, Fiona Gallagher. "Most customers should be reconnected by Monday evening."

A man in his 50s died when a tree fell on his car near Ballymore, police said. Inspector Declan Murphy said: "This is a tragedy for the family, and our thoughts are with them."

Gusts of up to 130 km/h were recorded on the coast. The weather service had issued a red warning on Friday.

Farmers counted their losses. "I lost three barn roofs in one night," said Sean Brennan, who farms near the coast. He added: "Twenty years I've been here and I've never seen wind like it."

The transport minister, Orla Keane, said about 40 roads remained closed. "Please do not travel unless you have to," she said.

It was the fourth named storm of the season, after Storm Bert last month.""",
        "quotes": [
            {"starts": "Our engineers are working around the clock", "speaker": "Fiona Gallagher"},
            {"starts": "Most customers should be reconnected", "speaker": "Fiona Gallagher"},
            {"starts": "This is a tragedy for the family", "speaker": "Declan Murphy"},
            {"starts": "I lost three barn roofs", "speaker": "Sean Brennan"},
            {"starts": "Twenty years I've been here", "speaker": "Sean Brennan"},
            {"starts": "Please do not travel", "speaker": "Orla Keane"},
        ],
        "quantities": [
            {"text": "more than 90,000 homes", "value": 90000, "qualifier": ">", "noun": "home"},
            {"text": "hundreds of trees", "value": 200, "qualifier": ">=", "noun": "tree"},
            {"text": "three barn roofs", "value": 3, "qualifier": "=", "noun": "roof"},
            {"text": "about 40 roads", "value": 40, "qualifier": "~", "noun": "road"},
        ],
        "dates": [
            {"text": "Saturday", "date": "2024-12-07", "precision": "day"},
            {"text": "Monday", "date": "2024-12-09", "precision": "day"},
            {"text": "Friday", "date": "2024-12-06", "precision": "day"},
            {"text": "last month", "date": "2024-11", "precision": "month"},
        ],
    },
]

if __name__ == "__main__":
    Path(__file__).with_name("gold.json").write_text(json.dumps(ARTICLES, indent=1, ensure_ascii=False) + "\n")
    print(sum(len(a["quotes"]) for a in ARTICLES), "quotes,", sum(len(a["quantities"]) for a in ARTICLES),
          "quantities,", sum(len(a["dates"]) for a in ARTICLES), "dates")
