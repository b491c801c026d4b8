"""More tables of triage cases for the labels an officer refers or logs (not safeguarding's):
families of phrasing, each said several ways (British English, slang, typos), with the hard
negatives that share their words. Written before the rules they test, to fit families, not lines."""

from __future__ import annotations

ABUSE = [
    # veiled threats: coming round to smash or sort things out
    ("I'm going to come down the town hall and smash the place up", True),
    ("gonna come down there and wreck the place", True),
    ("next time I'll trash your office", True),
    ("Someone should go down there and smash it all up", True),
    ("I'll come round and smash your windows in", True),
    ("I'll put your windows in", True),
    # someone named will get what is coming, be sorry, regret it
    ("that warden will get what's coming to him", True),
    ("You'll get what's coming, mark my words", True),
    ("he'll get what he deserves, trust me", True),
    ("if I catch that bin man again he'll regret it", True),
    ("if that officer comes round again she'll be sorry", True),
    ("They'll be sorry when I'm done with them", True),
    ("you won't know what hit you", True),
    ("I'll make your life hell", True),
    ("ill make you pay for this", True),
    # knowing where someone lives, works, parks
    ("I know where the chief executive lives", True),
    ("we know where your councillor parks his car", True),
    ("found out where that parking warden lives, watch this space", True),
    ("it'd be a shame if something happened to your car", True),
    ("accidents happen to people like you", True),
    ("Watch yourself mate", True),
    ("I'll be waiting for him after his shift", True),
    # insults addressed to the lot of them
    ("pathetic jobsworths", True),
    ("clowns the lot of you", True),
    ("useless the lot of yer", True),
    ("you're all a bunch of spineless cowards", True),
    ("gutless jobsworths hiding behind a screen", True),
    ("lazy good for nothing wasters, every one of you", True),
    ("Spineless idiots at the council", True),
    ("brainless muppets running the planning dept", True),
    ("You lot are parasites", True),
    ("the lot of you are corrupt", True),
    ("Petty little jobsworth gave me a ticket", True),
    # hard negatives: the same words about things, or said kindly
    ("The lights at the crossing are broken, please smash out a fix soon 😂", False),
    ("Someone smashed the bus shelter up last night, can it be repaired?", False),
    ("I know where the leak is coming from, it's the drain on the corner", False),
    ("Do you know where the councillor surgery is held?", False),
    ("I'll be sorry to see the old library go", False),
    ("He'll be sorry he missed the fireworks, they were great", False),
    ("Sorry to trouble you, the lot of us are waiting for the bus", False),
    ("The whole lot of you did a brilliant job at the carnival", False),
    ("If I see the bin lorry again I'll ask the driver", False),
    ("What's coming to the theatre this season?", False),
    ("my kids will get what's coming at Christmas 🎁", False),
    ("We'll be waiting for the parcel after 5", False),
    ("Watch yourself on the ice by the station, it's lethal", False),
    ("The pathetic state of the bus timetable, honestly", False),
]

POLITICAL = [
    # vote / back / elect / support a party, every party said any way
    ("Vote Green for cleaner air in Seaford!", True),
    ("Vote Green at the Meads by-election", True),
    ("vote green on thursday 💚", True),
    ("Vote Lib Dem on polling day", True),
    ("Back the Lib Dems in Newhaven", True),
    ("Back Reform on 7 May", True),
    ("Vote Plaid for a fairer Wales", True),
    ("SNP for Scotland, vote SNP", True),
    ("Vote Tory, keep council tax down", True),
    ("Support Labour in the by-election", True),
    ("Elect an Independent councillor for Ringmer", True),
    ("put your cross next to the Greens on Thursday", True),
    ("Reform UK can win here, every vote counts", True),
    ("The Lib Dems can beat the Tories here, it's a two horse race", True),
    ("Lib Dems winning here!", True),
    ("Polls open 7am-10pm, vote Labour!", True),
    ("Our Green team will be canvassing in Southover this weekend", True),
    ("Out leafleting for the Lib Dems today, great response", True),
    ("Tory-run council strikes again, time for change", True),
    ("Another Labour-led council failing residents, vote Reform", True),
    ("This Conservative council has ruined the high street", True),
    # hard negatives: votes that are not party campaigning, and the parties' words elsewhere
    ("vote for our bake-off entry in the village show!", False),
    ("Please vote for Lewes in the Britain in Bloom awards", False),
    ("How do I register to vote?", False),
    ("I've lost my polling card, can I still vote?", False),
    ("Polls open at 7am, where is my polling station?", False),
    ("The green bin wasn't collected on polling day", False),
    ("Is the village green being mowed before the fete?", False),
    ("Green waste collection starts in March", False),
    ("Party in the park on Saturday, everyone welcome", False),
    ("Independent shops on the high street need better parking", False),
    ("Reform of the parking permit scheme is long overdue", False),
    ("Back the bid for a new swimming pool!", False),
    ("Labour Day bank holiday bin times?", False),
    ("the labour costs for the repair were huge", False),
]

PRESS = [
    # "I'm from" / "calling from" / "X here" an outlet
    ("Hi, I'm from BBC South East, could we film at the depot tomorrow?", True),
    ("Hello, this is Jo from the Sussex Express, do you have a minute?", True),
    ("calling from Radio Sussex, is anyone free to talk about the bins on air?", True),
    ("Sussex World here, is the council aware of the closure?", True),
    ("I'm with ITV Meridian, we'd like to speak to someone about the flooding", True),
    ("I'm from the Eastbourne Herald, can you confirm the library is closing?", True),
    ("Freelance journalist here, writing about temporary accommodation", True),
    # come on the show / programme, be interviewed, speak on air
    ("Could a councillor come on the drive time show this afternoon?", True),
    ("Would someone from the council come on our breakfast programme tomorrow?", True),
    ("we'd love a councillor to join us live on air tomorrow morning", True),
    ("Is someone available to be interviewed for the 6pm bulletin?", True),
    ("Could the council put someone up for an interview on BBC Sussex?", True),
    ("Any chance of a quote for tomorrow's front page?", True),
    ("Radio Sussex would like a spokesperson for tomorrow's breakfast show", True),
    # hard negatives: wanting to be one, reading one, a show that is not a newsroom's
    ("My son wants to become a journalist, does the council offer work experience?", False),
    ("I'm studying to be a reporter, any placements going?", False),
    ("Is the breakfast club on at the community centre tomorrow?", False),
    ("I heard on BBC Radio Sussex that the road is shut, is that right?", False),
    ("Read in the Argus that the pier is closing, true?", False),
    ("I'm from Seaford, is the tip open Sunday?", False),
    ("Can someone come out to look at the pothole tomorrow?", False),
    ("Will the car show be on the seafront again this year?", False),
    ("I'm from the Post Office on the high street, our bins weren't emptied", False),
]

COMMERCIAL = [
    # paid per task, join today, a site to sign up at
    ("Get paid £30 per survey from your sofa", True),
    ("get paid to test apps, sign up at apptesterpay.com", True),
    ("Paid surveys, £5 each, join free at surveyzone.net", True),
    ("Earn £20 per review, join today", True),
    ("Make £100 a day from home, visit cashquick.co.uk", True),
    ("Join today at quickwins.biz and get £50 free", True),
    ("Sign up now at bestdeals.shop for 70% off trainers", True),
    ("Looking for 5 people who want to make extra money from home, message me", True),
    ("I recovered my lost bitcoin thanks to @cryptofixer, contact him now", True),
    ("Brand ambassadors wanted, free products, DM us", True),
    ("Cheap Ray-Bans only £19.99 at rayshop.xyz", True),
    # hard negatives: pay and sign-up talk about the council's own business
    ("Do lollipop staff get paid per shift or monthly?", False),
    ("I got paid late by the council again, who do I contact?", False),
    ("Join today's litter pick on the seafront, 10am!", False),
    ("Is this website legit? surveycash.co says I won money, seems like a scam", False),
    ("Sign up for garden waste at lewes-eastbourne.gov.uk", False),
    ("Parking is £5 per day at the station now, outrageous", False),
]

EMERGENCY = [
    # water over the top: rivers, the sea, cars floating, water in the house
    ("Cars are floating down Marsh Lane, the river's come over the top", True),
    ("The river's over the bank at Cliffe, water in the houses", True),
    ("Sea's come over the wall at Newhaven, prom under water", True),
    ("the stream has burst its banks and is pouring down the road", True),
    ("water coming in under the front door, the whole street's flooded", True),
    ("the road is a river, can't get out of the house", True),
    ("car stuck in flood water on the A26, someone inside", True),
    # power gone: lights went out, lost power, whole street dark
    ("Massive bang and all the power went off on our road", True),
    ("all the lights just went out across the estate", True),
    ("We've lost power on the whole street, anyone else?", True),
    ("whole of Old Town is dark, electric gone off", True),
    ("loud bang from the substation and the street lights went out", True),
    ("Lights have gone off across Seaford, is there a power cut?", True),
    # fire engines racing to a fire
    ("Five fire engines just flew past towards the industrial estate", True),
    ("loads of fire engines outside the flats on Queens Road", True),
    # hard negatives: floods and fire engines that are events, games or signs
    ("Are the fire engines coming to the carnival this year?", False),
    ("Can the kids see the fire engine at the open day?", False),
    ("Will the fire crews be doing a display at the fun day?", False),
    ("Pitch is flooded so the under 11s match is off, any other pitches free?", False),
    ("Flooding on the football pitches again, when will the drainage be fixed?", False),
    ("Can we borrow some flood signs for the village fun run?", False),
    ("Do you lend out flood barriers for events?", False),
    ("Where do I sign up for flood warnings by text?", False),
    ("The lights on the Christmas tree went out, can someone fix them?", False),
    ("My kitchen lights keep going out, is that a council house repair?", False),
    ("the street light outside no 4 has gone out", False),
    ("Big Bang science show at the library on Saturday!", False),
]

COMPLAINT = [
    # a heading that says what it is
    ("Complaint: the bin men left rubbish all over the road again", True),
    ("COMPLAINT - nobody has emptied the dog bins for weeks", True),
    ("Complaint re the state of the public toilets", True),
    ("Formal complaint. The gritter never came down our road", True),
    ("complaint about the parking warden on Station St", True),
    ("Official complaint: rude staff member at the front desk", True),
    # hard negatives: complaints spoken of, not made
    ("No complaint, just a thank you to the crews", False),
    ("complaint handled brilliantly, thank you", False),
]

PERSONAL_DATA = [
    # someone's own number or address, said many ways
    ("my mobile is 07700 900456, please ring", True),
    ("text me on 07911123456", True),
    ("Ring my husband on 01273 123456 after 6", True),
    ("Call me back on +447700900789", True),
    ("I was born on 12/03/1964 if you need it", True),
    ("I'm at 22 Mill Road, nobody has come", True),
    # public and business numbers asked about or given: not anyone's personal data
    ("The number for the housing team is 01273 471600 isn't it?", False),
    ("Is 0300 123 4567 the right number for council tax?", False),
    ("The number for Lewes Library is 01273 474232?", False),
    ("What's the phone number for Customer Services, is it 01323 410000?", False),
    ("Ring the council on 01273 471600 to report it", False),
    ("Ring the housing helpline on 0300 123 4567", False),
    ("Lewes District Council's switchboard is 01273 471600", False),
]

FOI = [
    # requests about the council's spending and records
    ("Please provide the total amount spent on agency staff in 2024", True),
    ("Under FOI, copies of all emails between the leader and the developer", True),
    ("Freedom of Information: how many parking fines were issued on Friars Walk?", True),
    # a request for one's own data, whatever else it mentions, is not FOI
    ("Under data protection please send copies of all emails that mention me", False),
    ("Under GDPR I want copies of all correspondence about me", False),
    ("I'd like copies of the emails your staff sent about me", False),
    ("Send me copies of all the notes your social workers wrote about me", False),
]

SAR = [
    ("Under data protection please send copies of all emails that mention me", True),
    ("Under GDPR I want copies of all correspondence about me", True),
    ("I'd like copies of the emails your staff sent about me", True),
    ("what info do you hold on me?", True),
    ("I want to see my social care file", True),
    ("Send me copies of all the notes your social workers wrote about me", True),
    ("Under FOI, copies of all emails between the leader and the developer", False),
]
