"""Tables of triage cases per label: (text, whether the label is expected). Hard negatives
(figures of speech, a word of the label used for something else) sit beside the hits."""

from __future__ import annotations

from tests.core import triage_cases_referrals as more
from tests.core import triage_cases_requests as asks
from tests.core.triage_family_cases import FAMILY_SAFEGUARDING, FAMILY_URGENT

URGENT_DANGER = [
    ("my neighbour is being hurt by her partner, I can hear it now", True),
    ("ive taken a load of pills and im scared", True),
    ("he's on the roof of the car park saying he's going to jump", True),
    ("please help he's got a knife and says he'll kill me", True),
    ("my 13 yr old hasnt come home and its 2am", True),
    ("my mate says she's going to take all her tablets, she's 15", True),
    ("There's a man on the wrong side of the railings on the pier", True),
    ("screaming next door, he's hitting her right now, call the police", True),
    ("my dad has dementia and has gone missing from the care home", True),
    ("theres a woman screamin for help in the flats rite now", True),
    ("I'm worried about the children next door, they've been left alone for days", False),
    ("hi I got told to leave home tonight, I'm 17, where do I go", False),
    ("my bin has gone missing, can I get a new one?", False),
    ("Jump on the 28 bus to get to the tip", False),
    ("my son's bike has gone missing from outside the library", False),
    ("My wife is going to kill me when she sees this parking ticket 😂", False),
]

SAFEGUARDING = [
    # hazards to anyone, reported to the council: not a disclosure about a person at risk
    ("The railings on the bridge are broken, someone will fall", False),
    # the examples
    ("my mate says she's going to take all her tablets, she's 15", True),
    ("my partner takes my keys and won't let me out", True),
    ("hi I got told to leave home tonight, I'm 17, where do I go", True),
    ("my neighbour is being hurt by her partner, I can hear it now", True),
    ("I'm worried about the children next door, they've been left alone for days", True),
    # said many ways: first person, third person, slang, no apostrophes
    ("I can't cope any more, I want to kill myself", True),
    ("My friend has been self-harming and won't talk to anyone", True),
    ("I'm not safe at home, he hits me when he drinks", True),
    ("There is a man grooming kids at the skate park", True),
    ("My daughter is being bullied online and I don't know who to tell", True),
    ("Who do I talk to about cyber-bullying on the youth club page?", True),
    ("My elderly neighbour is being abused by her carer", True),
    ("Someone is in danger on the bridge by the station", True),
    ("My elderly neighbour says her carer is taking her money and she's scared. What do I do?", True),
    ("The twins were left on their own for the whole weekend", True),
    ("Concerned for the little kids at number 4, nobody seems to feed them", True),
    ("wanna kms tbh", True),
    ("dont want to be here anymore", True),
    ("he checks my phone and controls all the money", True),
    ("my 14 yr old is being messaged by a man in his 30s asking for pics", True),
    ("the bloke at 22 has had his flat taken over by dealers, he's got learning difficulties", True),
    ("I care for my mum with dementia and I'm at breaking point", True),
    ("im 16 and my dad kicked me out, sleeping on a mates sofa", True),
    ("old lady wandering about in her nightie at 5am, seemed confused", True),
    # slang and dropped letters are read as the words they stand for
    ("i keep thinkin bout killin myself", True),
    ("my m8 sed shes gonna od 2nite, shes 16 😰", True),
    ("my bf hits me n says its my fault", True),
    ("the kids at 9 are always filthy and hungry, mum goes out drinking every night", True),
    # hard negatives: figures of speech and the label's words used for something else
    ("this pothole is killing my car", False),
    ("I'm dying to know when the tip opens", False),
    ("I was left on hold for ages, then cut off", False),
    ("She's scared of the dogs in the park, can they be kept on leads?", False),
    ("My son took his money to the tip shop and bought a bike", False),
    ("This queue is killing me, 40 minutes on hold", False),
    ("The kids loved the play area, thank you!", False),
    ("Are the danger signs at the quarry being replaced?", False),
    ("I cut myself on broken glass in the play park, please clear it up", False),
    ("Leave the kids alone, they're just playing football!", False),
    ("Domestic waste collection is late on Church Lane", False),
    ("I'm at breaking point with these roadworks", False),
    ("I could murder a bacon roll", False),
    ("Is there a suicide prevention walk this year?", False),
    ("my son got kicked out of the football club for swearing", False),
    ("Dog grooming van parked on the pavement again", False),
]

EMERGENCY = [
    ("Huge fire at the recycling plant, black smoke everywhere", True),
    ("Flooding on Station Road, water up to the car doors", True),
    ("strong smell of gas on Church Lane", True),
    ("power cut across the whole of Old Town", True),
    ("Bad crash on the A27, both lanes blocked", True),
    ("tree come down across Mill Lane and taken the power lines", True),
    ("Where can I book a fire safety check?", False),
    ("I'm flooded with emails about the parking permits", False),
    ("My computer crashed while I was paying", False),
    ("Flood defence consultation, where are the plans?", False),
    ("Fire station open day on Saturday!", False),
]

FOI = [
    ("This is an FOI request for the number of potholes repaired in 2025.", True),
    ("Under the Freedom of Information Act please send me the bin contract.", True),
    ("I'd like to make a freedom of information request about parking fines.", True),
    ("Request under the Environmental Information Regulations: air quality data", True),
    ("foi: how much did the new signs cost?", True),
    ("How much did the council spend on consultants last year?", True),
    ("Can you tell me when the library opens?", False),
    ("Bonne foie gras at the market today!", False),
    ("More information about the freedom pass please", False),
    ("How much does a garden waste permit cost?", False),
    ("This is a subject access request for my housing file", False),
]

SAR = [
    ("This is a subject access request for my housing file", True),
    ("I want a copy of all the data you hold on me", True),
    ("under GDPR please send me everything you have on me", True),
    ("how do I get my care records from when I was in care?", True),
    ("Can I get a copy of my council tax bill?", False),
    ("How do you use my data when I report a pothole?", False),
    ("This is an FOI request for the bin contract", False),
]

COMPLAINT = [
    ("I want to make a formal complaint about the bin collection.", True),
    ("I want to complain about the state of the park.", True),
    ("How do I make a complaint about my neighbour's hedge?", True),
    ("Please treat this as an official complaint.", True),
    ("if this isn't sorted I'm going to the ombudsman", True),
    ("No complaints here, the new leisure centre is brilliant.", False),
    ("I can't complain, the crews were quick.", False),
    ("My son complained of a sore throat after swimming.", False),
    ("Thanks for sorting my complaint so quickly", False),
    # An expression of dissatisfaction, however made, about the council's service, action or
    # lack of action (the Local Government and Social Care Ombudsman's definition of a complaint)
    ("You lot never answer the phone", True),
    ("Third week running my bin has been missed, absolute joke", True),
    ("Reported the fly-tipping a month ago and nobody has been out, shocking service", True),
    ("Waited 6 weeks for a reply from housing, not good enough", True),
    ("The state of the play park is a disgrace, when are you going to fix it", True),
    ("Been ringing the repairs line all morning and no one picks up, fed up", True),
    ("Can you collect my bulky waste next week please?", False),
    ("When is the green bin collected on Mill Road?", False),
    ("The crews did a brilliant job clearing the snow", False),
    ("The weather has been shocking this week", False),
]

PRESS = [
    ("I'm a journalist at the Sussex Express, could you confirm the closure?", True),
    ("Could the council give a comment for the Eastbourne Herald news desk?", True),
    ("We're writing this up for a story in tomorrow's paper", True),
    ("Press enquiry: when will the pier reopen?", True),
    ("Saw it on the news last night, is the road closed?", False),
    ("The library is perfect for a story time with the little ones", False),
    ("Press the button at the crossing and nothing happens", False),
]

ABUSE = [
    ("You useless bunch of idiots", True),
    ("Absolute morons running this council", True),
    ("You scum should be ashamed", True),
    ("I know where you live.", True),
    ("I'll find you and you'll regret this", True),
    ("Don't worry, I'll get you.", True),
    ("I’ll find you", True),
    ("f***ing useless council", True),
    ("kys you clown", True),
    ("I'll get you the reference number tomorrow", False),
    ("Green scum on the pond in Victoria Gardens again", False),
    ("The new form is idiot-proof, well done", False),
    ("The app is useless on my phone, can you help?", False),
    ("Muppets Christmas Carol at the library!", False),
    ("5* service from the bin crew", False),
]

POLITICAL = [
    ("Vote Labour on 7th May!", True),
    ("#ToriesOut", True),
    ("Don't vote Reform, they'll sell off the parks", True),
    ("I'm standing as the Green Party candidate for Meads ward", True),
    ("Where is my polling station?", False),
    ("When is the green bin collected?", False),
    ("Labour Day bank holiday: are bins collected?", False),
    ("Planning reform is needed for self-builders", False),
]

COMMERCIAL = [
    ("Earn £500 a day from home, DM me for details 💰", True),
    ("Cheap followers and likes at www.boostfast.biz", True),
    ("Your page has violated community standards, verify your account here", True),
    ("20% OFF all garden services, use code SPRING20", True),
    ("Is this a scam? I got a text saying the council owes me a refund", False),
    ("Does the leisure centre do a discount for students?", False),
    ("Shop local this Christmas!", False),
]

PERSONAL_DATA = [
    ("Please ring me on 07700 900123 about my bin", True),
    ("call 01273 471600 or +44 20 7946 0958", True),
    ("email me at jo.bloggs@example.co.uk", True),
    ("The missed bin was at 12 High Street, Lewes BN7 2AB", True),
    ("I live at 15 Southover Road, please send someone", True),
    ("My NI number is QQ 12 34 56 C", True),  # never issued, but named as one: residents copy the form's example too
    ("My NI number is AB 12 34 56 C", True),
    ("Card 4539 1488 0343 6467 was charged twice", True),
    ("my date of birth is 3/4/1951", True),
    ("Thanks @lewesdc for fixing the light", False),
    ("The BN7 area needs more bins", False),
    ("Reference 1234 5678 9012 3456 on my letter", False),  # fails the Luhn check
    ("It happened in 2024 and 2025, 300 times", False),
    ("Pothole outside number 14 on Mill Road", False),
    ("They said to email customerfirst@lewes-eastbourne.gov.uk", False),
]

TABLES: dict[str, list[tuple[str, bool]]] = {
    "urgent_danger": URGENT_DANGER + FAMILY_URGENT, "safeguarding": SAFEGUARDING + FAMILY_SAFEGUARDING,
    "emergency_related": EMERGENCY + asks.EMERGENCY,
    "foi": FOI + asks.FOI, "sar": SAR + asks.SAR, "complaint": COMPLAINT + asks.COMPLAINT,
    "personal_data": PERSONAL_DATA + asks.PERSONAL_DATA, "press": PRESS + more.PRESS, "abuse": ABUSE + more.ABUSE,
    "political": POLITICAL + more.POLITICAL, "commercial": COMMERCIAL + more.COMMERCIAL,
}
