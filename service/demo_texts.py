"""What residents say in the demo: ordinary questions, complaints, praise, FOI-style requests,
abuse, personal details, press and safeguarding, written for dutydesk in British English.

Each entry is (kind, text); authors are drawn from AUTHORS. Some names and texts are hostile
on purpose (markup, escape sequences) so the demo shows that untrusted text stays text.
"""

from __future__ import annotations

QUESTIONS = [
    "Hi, my green bin wasn't collected this morning on Southover Road. Is the crew coming back?",
    "What time does the tip at Newhaven close on Saturdays?",
    "Can I pay my council tax in instalments? I've just moved into the area.",
    "Is the car park at the Leisure Centre free after 6pm?",
    "There's a massive pothole outside the Co-op on the High Street, who do I report it to?",
    "Are the public toilets on the seafront open over winter?",
    "How do I apply for a resident's parking permit? The website link seems broken.",
    "When is the next garden waste renewal due? Haven't had a letter.",
    "Fly-tipping again behind the garages on Mill Lane, third time this month.",
    "Do you still do bulky waste collections? Need an old sofa taken away.",
    "Is the Christmas market going ahead this year? Can't find dates anywhere.",
    "Streetlight out on Western Road for a week now, it's really dark walking home.",
    "Who do I speak to about a noisy neighbour? It's every night until 2am.",
    "Can you confirm the bin day changes for the bank holiday week please?",
    "Is there help available with heating costs this winter? Struggling a bit.",
    "My housing repair was booked for today and nobody turned up. Ref HR-20931.",
]

COMPLAINTS = [
    "I want to make a formal complaint about how my planning objection was handled.",
    "Third missed collection in a row. Absolutely fed up. I want to complain.",
    "Your staff at the customer centre were rude to my elderly mother today. Formal complaint please.",
    "The new parking charges are a disgrace and nobody consulted residents.",
]

PRAISE = [
    "Huge thanks to the crew who cleared the fallen tree on Church Lane so quickly!",
    "The beach clean on Sunday was brilliant, well organised, thank you all.",
    "Just want to say the lady on the housing phone line was so helpful today.",
    "Lovely to see the flower beds on the seafront looking so good again.",
]

FOI = [
    "Under the Freedom of Information Act, please tell me how much the council spent on agency staff in 2025.",
    "FOI request: how many pothole compensation claims were paid out last year?",
    "I'd like to make a freedom of information request about the consultants used for the seafront scheme.",
]

ABUSE = [
    "You lot are useless idiots, do your jobs for once.",
    "Absolute scum running this council. I know where the office is.",
    "Useless council, useless staff, useless everything. Reply to me you cowards.",
]

PERSONAL = [
    "Can someone call me back about my benefits claim? 07700 900123, I'm at 14 Priory Street BN7 1HH.",
    "My email is jo.bloggs@example.co.uk, please send the form there, my NI number is QQ 12 34 56 C.",
]

PRESS = [
    "Hi, I'm a journalist at the Sussex Express, could the council comment for a story on the harbour works?",
]

SAFEGUARDING = [
    "I'm worried about the children next door, they've been left alone for days and I can hear crying.",
    "My elderly neighbour says her carer is taking her money and she's scared. What do I do?",
]

HOSTILE = [
    "[bold red]URGENT[/] click [link=https://example.invalid]here[/link] \x1b[2J\x1b]0;pwned\x07 to claim your refund",
    "Is the library open today? \u202eevig eht si siht\u202c \u2066(RTL test)\u2069",
]

AUTHORS = [
    ("1001", "@sarah_in_lewes", "Sarah Hughes"),
    ("1002", "@davep_eastbourne", "Dave P"),
    ("1003", "@mrs_okafor", "Grace Okafor"),
    ("1004", "@tomwhitfield", "Tom Whitfield"),
    ("1005", "@cyclinglewes", "Lewes Cycling Club"),
    ("1006", "@priya.s", "Priya Shah 🌻"),
    ("1007", "@angry_resident_77", "Not Happy"),
    ("1008", "@jbloggs", "Jo Bloggs"),
    ("1009", "@harbourwatch", "Newhaven Harbour Watch"),
    ("1010", "@seafront_sal", "Sally Reed"),
    ("1011", "@[red]admin[/red]", "[bold]Council Admin[/bold] \x1b[31m"),
    ("1012", "@grumpygull", "Gull"),
    ("1013", "@sussexexpress_news", "Sussex Express newsdesk"),
    ("1014", "@mike_k", "Michael Kowalski"),
]

#: All texts by category, for the feed's weighted choice.
CATEGORIES: dict[str, list[str]] = {
    "question": QUESTIONS, "complaint": COMPLAINTS, "praise": PRAISE, "foi": FOI,
    "abuse": ABUSE, "personal": PERSONAL, "press": PRESS, "safeguarding": SAFEGUARDING,
    "hostile": HOSTILE,
}

#: How often each category turns up in the live feed (questions dominate, as in real life).
WEIGHTS: dict[str, int] = {
    "question": 40, "complaint": 10, "praise": 10, "foi": 5, "abuse": 8, "personal": 5,
    "press": 3, "safeguarding": 3, "hostile": 2,
}
