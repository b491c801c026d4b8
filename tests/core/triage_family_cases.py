"""Safeguarding and urgent-danger cases by family of disclosure: (text, whether the label is
expected). Each family is written as residents write it, many ways (first and third person,
slang, no apostrophes), with the hard negatives that share its words beside it. The rules
(`core.triage_families` and the modules before it) are written for the family, not the line."""

from __future__ import annotations

# -- safeguarding -------------------------------------------------------------------------------

INDIRECT_SUICIDAL = [
    ("think im going to do something stupid tonight", True),
    ("I'm scared I'll do something silly if I'm left on my own", True),
    ("she messaged saying she's gonna do something stupid", True),
    ("dont think i can do another day like this", True),
    ("I can't face another day, I'm exhausted", True),
    ("I honestly can't face tomorrow", True),
    ("my flatmate keeps talking about ending things", True),
    ("my brother's been talking about ending it and he's stopped eating", True),
    ("I feel like ending everything tonight", True),
    ("thinking about ending everything, no one would care", True),
    ("I stand on the bridge some nights and think about it", True),
    ("sometimes i think about stepping in front of a bus", True),
    ("some days I just want to drive into a wall", True),
    ("I wish I'd never been born", True),
    ("my son says he wishes he was never born", True),
    ("my nan has been giving all her things away and saying goodbye to people", True),
    ("he's given away his stuff and keeps saying sorry for everything", True),
    ("Ive had enough of life, im so tired of everything", True),
    ("I just want to go to sleep forever", True),
    ("i wont be a problem for much longer", True),
    ("I've been looking up ways to die", True),
    ("she's been googling how many paracetamol it takes", True),
    ("everyone would be better off if i was gone", True),
    ("my dad hasn't eaten in days and won't get out of bed since mum died, he says theres no point", True),
    # the same words about something else
    ("Don't do anything stupid like parking on the verge, you'll get a ticket", False),
    ("did something stupid and locked my keys in the car, who has a spare?", False),
    ("I can't face another day of these roadworks", False),
    ("They're ending the 28 bus route, is everything going?", False),
    ("Giving away a free sofa, collection only", False),
    ("We're giving away old toys at the community centre on Saturday", False),
    ("I'm so tired of the bins not being collected", False),
    ("I've had enough of the dog mess on Mill Lane", False),
    ("The platform edge at Lewes station is uneven", False),
    ("Is the suicide bridge barrier going to be repaired? Looks broken", False),
    ("The kids are ending the term with a party on Friday", False),
    ("Mind the gap, I nearly fell off the edge of the platform lol", False),
]

GROOMING = [
    ("my 14 year old has a boyfriend who is 22", True),
    ("my daughter is 15 and her boyfriend is 26, he collects her from college", True),
    ("my sister's 13 and hanging round with a 20 year old who buys her vapes", True),
    ("she's only 14 and goes round to a 30 yr old man's flat", True),
    ("my son's coach messages him late at night and told him not to tell us", True),
    ("a man keeps giving my 12yo presents and told her to keep it a secret", True),
    ("the youth leader tells the kids it's their little secret", True),
    ("someone on roblox asked my 11 year old to keep their chats secret", True),
    ("my teacher messages me on snapchat at night and says not to tell anyone", True),
    ("a man in a car keeps offering the girls from the school lifts", True),
    ("older lads are giving the girls vodka and driving them about", True),
    ("my cousin's 15 and her 'boyfriend' is 19 and has his own flat", True),
    ("an adult keeps messaging my daughter on instagram, she's 13", True),
    # the same words about something else
    ("my 15 year old daughter has a boyfriend from school, can they use the youth club?", False),
    ("my daughter is 16 and her boyfriend is 17, they want to volunteer at the park", False),
    ("Can you keep it a secret that we're planning a surprise party for the mayor?", False),
    ("The under 12s coach needs to book the pitch for Saturday", False),
    ("my son's teacher sent a message about the school trip", False),
    ("My 24 year old daughter picks up my grandson from school, where can she park?", False),
    ("Secret Santa at the library for the kids, what a lovely idea", False),
]

ELDER_ABUSE = [
    ("My grandad has dementia and his neighbour has been getting him to sign cheques", True),
    ("her nephew got my nan to sign over her house and she has alzheimers", True),
    ("my uncle made my grandma sign a power of attorney and now he won't let us see her", True),
    ("my 80 year old dad's lodger has his bank card and pin", True),
    ("someone has been taking out loans in my mum's name, she has dementia", True),
    ("her son keeps asking my elderly neighbour for money and she's frightened of him", True),
    ("my 88 year old mum is left in bed all day by the care agency", True),
    ("the carers only turn up half the time and my dad's been left in his pads", True),
    ("nobody from the agency has been to see my nan for 3 days, she cant get up on her own", True),
    ("grandad's been left sitting in the dark with no food, the carers never came", True),
    ("the care home isn't giving my mum her meds and she's lost so much weight", True),
    ("Old man at 14 hasn't opened his door in days and there's a bad smell", True),
    ("not seen the elderly lady at number 3 for a week, her lights are on day and night", True),
    ("there's a horrible smell from the old gent's flat and nobody's seen him", True),
    ("my neighbour is 92 and hasn't been out for days, the curtains haven't moved", True),
    # the same words about something else
    ("there's been a bad smell from the bins on Oak Road for a week", False),
    ("my nan signed the petition for the library, where do I send it?", False),
    ("My grandad needs a blue badge, what forms does he need to sign?", False),
    ("The care agency on the high street is recruiting, good for them", False),
    ("Old Town Hall door hasn't been opened in a week, is it closed?", False),
]

COERCIVE_CONTROL = [
    ("my husband won't give me any money and I have to ask him for everything, even food", True),
    ("he takes all my wages and gives me £20 a week", True),
    ("my partner won't let me have my own bank account", True),
    ("I have to show him every receipt and he goes mad if I spend anything", True),
    ("he won't let me see my friends or family anymore", True),
    ("she tracks my phone and goes through my messages", True),
    ("im not allowed to leave the house without him", True),
    ("my boyfriend decides what I wear and who I talk to", True),
    ("my sister isn't allowed out without her husband and he has her passport", True),
    ("he says if I leave him I'll never see the kids again", True),
    # the same words about something else
    ("The council won't give me any money back for the missed collection", False),
    ("My landlord won't give me my deposit back, who do I ask?", False),
    ("I'm not allowed to park outside my own house, why?", False),
    ("we're not allowed to take the dog on the beach in summer?", False),
    ("He won't let me park there, says it's his space", False),
]

CHILD_NEGLECT = [
    ("kids on our estate are going to school with no coats and no lunch, the house has no electric", True),
    ("the little ones next door never have shoes and are always in the same clothes", True),
    ("the children at number 8 have no beds and sleep on the floor", True),
    ("there's no food in the house for the kids again", True),
    ("the baby next door has no heating and is always cold", True),
    ("my stepmum doesn't feed me properly and locks the fridge, I'm 13", True),
    ("my dad locks the food cupboard so I can't eat, im 12", True),
    ("my mum's boyfriend is nasty to me when she's at work and says he'll kick me out", True),
    ("my stepdad says horrible things to me and calls me worthless, I'm 14", True),
    ("my mum tells me she wishes I was never born", True),
    ("my dad screams in my face and says no one wants me, I'm 11", True),
    ("the kids at 12 are sent out at 7am and not let back in until late", True),
    # the same words about something else
    ("the kids have no school on Monday, is the library open?", False),
    ("The school has no electric because of the power cut, is it closed?", False),
    ("Kids were screaming with joy at the fireworks!", False),
    ("my kids are home alone with their gran this week, is the library open?", False),
    ("No coats allowed in the swimming pool changing rooms?", False),
    ("My son never wears his coat, kids eh", False),
]

MODERN_SLAVERY = [
    ("a woman on our street seems to be kept in the house by the family, she never goes out", True),
    ("the girl who cleans for them never speaks and is never allowed out on her own", True),
    ("the men at the car wash live in the back and never seem to get paid", True),
    ("the lads at the nail bar get dropped off in a van at 6am and someone has their passports", True),
    ("the workers next door are locked in at night and look terrified", True),
    ("there are about ten men living in one house and they're taken to work in a van every morning", True),
    # the same words about something else
    ("the cat is kept in the house because of the road", False),
    ("the car wash on London Road is closed on Sundays", False),
    ("my passport needs renewing, can the library check it?", False),
]

NEAR_MISSES = [
    # figures of speech and incidents without anyone at risk
    ("This rain is drowning my garden", False),
    ("I'm drowning in paperwork for this planning application", False),
    ("A wall has collapsed onto the pavement on South Street, someone could get hurt", False),
    ("A tree has come down on the railway line at Lewes", False),
    ("What information do I need to bring to register a death?", False),
    ("Where do I get a death certificate?", False),
    ("I'm dying here, 35 degrees and no shade at the bus stop", False),
    ("My son got hit by a cricket ball at the rec, is there a first aid kit there?", False),
    ("I'm scared of heights so the new viewing tower isn't for me", False),
    ("my daughter is terrified of spiders, are there any in the bug hotel?", False),
    ("Kids were screaming with excitement at the panto", False),
    ("fix the railings before someone gets hurt", False),
]

FAMILY_SAFEGUARDING = (INDIRECT_SUICIDAL + GROOMING + ELDER_ABUSE + COERCIVE_CONTROL + CHILD_NEGLECT
                       + MODERN_SLAVERY + NEAR_MISSES)

# -- urgent_danger ------------------------------------------------------------------------------

FAMILY_URGENT = [
    # something taken a moment ago: drink with pills, a quantity swallowed
    ("i've just drunk a bottle of vodka and taken my mum's sleeping tablets", True),
    ("ive had a whole bottle of wine and half a box of paracetamol", True),
    ("she's necked loads of vodka and some of her nan's pills", True),
    ("my mate's just swallowed a packet of his dad's tablets with a bottle of gin", True),
    ("just took 20 sertraline and a bottle of wine", True),
    # a child taken or kept by a drinking or violent adult, and a plea
    ("he's got my daughter and won't give her back and he's been drinking, please help", True),
    ("my ex has taken the baby and won't bring him back, he's drunk", True),
    ("she's taken my son and is driving drunk, please someone help", True),
    ("he's snatched the kids and he's off his face, i dont know where they are", True),
    # not now, or not someone in danger
    ("every weekend the guy downstairs beats his girlfriend, you can hear her crying", False),
    ("This rain is drowning my garden", False),
    ("A wall has collapsed onto the pavement on South Street, someone could get hurt", False),
    ("A tree has come down on the railway line at Lewes", False),
    ("I had a bottle of wine at the food festival, lovely day", False),
    ("my ex has the kids this weekend, is the leisure centre open?", False),
    ("my daughter's dad won't give her back her phone charger lol", False),
]
